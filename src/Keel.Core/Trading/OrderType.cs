namespace Keel.Core.Trading;

/// <summary>Order types the kernel uses; the Alpaca adapter maps them to Alpaca's names.</summary>
public enum OrderType : byte
{
    /// <summary>Fills at the next price available (next bar's open, or this bar's close in close-fill mode).</summary>
    Market,
    /// <summary>Buys at or below, sells at or above <see cref="OrderRequest.LimitPrice"/>.</summary>
    Limit,
    /// <summary>Becomes a market order once the price trades through <see cref="OrderRequest.StopPrice"/>.</summary>
    Stop,
}
