using Keel.Core.Domain;

namespace Keel.Data.Csv;

/// <summary>How to read a bar CSV. Every setting has a default, so <see cref="Default"/> works for most files.</summary>
public sealed record BarCsvOptions
{
    public static BarCsvOptions Default { get; } = new();

    /// <summary>
    /// The instrument. When null it is inferred from the file name: the part before the first '-' or '_',
    /// upper-cased (<c>aapl_daily_raw.csv</c> → AAPL, <c>orcl-2014.txt</c> → ORCL). A name that ends in
    /// USD, USDT or USDC becomes a crypto pair (<c>btcusd_coinbase_daily.csv</c> → BTC/USD), and so does
    /// a first part followed by one of those as the second part (<c>BTC-USD.csv</c> → BTC/USD).
    /// </summary>
    public Symbol? Symbol { get; init; }

    /// <summary>
    /// The asset class when <see cref="Symbol"/> is null: the file name then gives only the ticker. When
    /// both are null the name rule decides (<see cref="SymbolForms.FromDataFileName"/>).
    /// </summary>
    public AssetClass? AssetClass { get; init; }

    /// <summary>The bar length. When null it is inferred from the median spacing of the first 100 bars.</summary>
    public Timeframe? Timeframe { get; init; }

    /// <summary>
    /// True (default): a <see cref="Timeframe"/> the bars' spacing contradicts is refused. The bar store
    /// turns it off: its folder names the timeframe the bars were downloaded at.
    /// </summary>
    public bool CheckTimeframe { get; init; } = true;

    /// <summary>
    /// The zone of timestamps written without an offset. When null: America/New_York for equities and
    /// UTC for crypto. A <c>Z</c> or <c>±hh:mm</c> in the text always wins. Date-only rows mean
    /// midnight in this zone (as Alpaca stamps daily bars), converted to UTC.
    /// </summary>
    public TimeZoneInfo? SourceTimeZone { get; init; }

    /// <summary>Skip rows that cannot be bars and report them in <see cref="BarLoadResult.SkippedRows"/> instead of failing.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>
    /// Yahoo files only. By default OHLC come from the split-adjusted <c>Close</c> column and
    /// <c>Adj Close</c> is ignored. When set, open, high, low and close are scaled by Adj Close / Close,
    /// which also adjusts for dividends; volume is left as it is.
    /// </summary>
    public bool UseAdjustedClose { get; init; }
}
