namespace Keel.Core.Domain;

/// <summary>What kind of instrument a symbol is; decides calendars, fractional quantities and fees.</summary>
public enum AssetClass
{
    UsEquity,
    Crypto,
}
