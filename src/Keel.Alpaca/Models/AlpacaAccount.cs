namespace Keel.Alpaca.Models;

/// <summary>GET /v2/account. Money fields are decimal strings on the wire; the PDT fields were removed on 2026-07-06 and are optional.</summary>
public sealed record AlpacaAccount
{
    public string Id { get; init; } = "";
    public string? AccountNumber { get; init; }
    public string Status { get; init; } = "";
    public string? CryptoStatus { get; init; }
    public string? Currency { get; init; }
    public decimal Cash { get; init; }
    public decimal BuyingPower { get; init; }
    public decimal? RegtBuyingPower { get; init; }
    /// <summary>What crypto orders are checked against.</summary>
    public decimal? NonMarginableBuyingPower { get; init; }
    public decimal Equity { get; init; }
    public decimal? LastEquity { get; init; }
    public decimal? PortfolioValue { get; init; }
    public decimal? LongMarketValue { get; init; }
    public decimal? ShortMarketValue { get; init; }
    public decimal? InitialMargin { get; init; }
    public decimal? MaintenanceMargin { get; init; }
    public decimal? LastMaintenanceMargin { get; init; }
    public decimal? Sma { get; init; }
    public decimal? Multiplier { get; init; }
    public decimal? AccruedFees { get; init; }
    public decimal? OptionsBuyingPower { get; init; }
    public bool TradingBlocked { get; init; }
    public bool TransfersBlocked { get; init; }
    public bool AccountBlocked { get; init; }
    public bool TradeSuspendedByUser { get; init; }
    public bool ShortingEnabled { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int? OptionsApprovedLevel { get; init; }
    public int? OptionsTradingLevel { get; init; }
    public bool? PatternDayTrader { get; init; }
    public int? DaytradeCount { get; init; }
    public decimal? DaytradingBuyingPower { get; init; }
}
