namespace Keel.Core.Trading;

/// <summary>Why an order exists; exits attached to an entry are cancelled together (one cancels the other).</summary>
public enum OrderPurpose : byte
{
    Entry,
    Exit,
    StopLoss,
    TakeProfit,
    TrailingStop,
    /// <summary>Closing what is still open when a backtest ends.</summary>
    EndOfRun,
}
