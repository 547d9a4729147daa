namespace Keel.Core.Backtest;

/// <summary>When a market order decided on a bar's close is filled.</summary>
public enum FillModel : byte
{
    /// <summary>At the next bar's open (the default: the close is known only once it is over).</summary>
    NextOpen,
    /// <summary>At the same bar's close: optimistic, for users who want it; stated in every result.</summary>
    Close,
}
