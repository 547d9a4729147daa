namespace Keel.Core.Strategies;

/// <summary>
/// What a strategy wants. Keel's strategies are long-only: <see cref="Buy"/> means "be long",
/// <see cref="Sell"/> means "be flat". Sizing and risk decide how much, outside the strategy.
/// </summary>
public enum SignalAction : byte
{
    Hold = 0,
    Buy = 1,
    Sell = 2,
}
