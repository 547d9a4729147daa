namespace Keel.Core.Domain;

/// <summary>What kind of instrument a symbol is; decides calendars, fractional quantities, fees and how returns are annualised.</summary>
public enum AssetClass
{
    UsEquity,
    Crypto,
    /// <summary>Currency pairs (EUR/USD): 24 hours, 5 days a week. Backtests only; Alpaca does not trade them.</summary>
    Fx,
    /// <summary>Futures contracts (ES): about 23 hours on trading days. Backtests only; no contract multiplier is modelled.</summary>
    Future,
}
