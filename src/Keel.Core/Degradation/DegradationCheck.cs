using System.Globalization;

namespace Keel.Core.Degradation;

/// <summary>Settings of the degradation rule: how many recent live trades it looks at, how few it needs, and the bands' confidence.</summary>
public sealed record DegradationSettings
{
    /// <summary>The rolling window: the latest this many live trades of a strategy.</summary>
    public int Window { get; init; } = 30;

    /// <summary>Fewer live trades than this say nothing yet.</summary>
    public int MinTrades { get; init; } = 10;

    /// <summary>The band a figure must stay in (warning below it).</summary>
    public double ConfidencePercent { get; init; } = 95;

    /// <summary>The wider band whose breach is critical (a critical alert demotes the capital stage).</summary>
    public double CriticalConfidencePercent { get; init; } = 99;

    public IEnumerable<string> Problems()
    {
        if (MinTrades < 1) yield return "minTrades must be at least 1";
        if (Window < MinTrades) yield return "window must be at least minTrades";
        if (ConfidencePercent is <= 50 or >= 100) yield return "confidencePercent must be between 50 and 100 (e.g. 95)";
        if (CriticalConfidencePercent <= ConfidencePercent || CriticalConfidencePercent >= 100) yield return "criticalConfidencePercent must be above confidencePercent and below 100 (e.g. 99)";
    }
}

/// <summary>One figure of the live record against its band: below it is degradation.</summary>
public sealed record FigureCheck(TradeFigure Figure, double Live, Band Band, Band CriticalBand)
{
    public bool Below => Live < Band.Lower;

    public bool Critical => Live < CriticalBand.Lower;

    /// <summary>How far below the band's lower end (points of percent); 0 when inside or above.</summary>
    public double Shortfall => Below ? Band.Lower - Live : 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{TradeFigures.Name(Figure)} {Live:0.00}% is {Band.Lower - Live:0.00} points below the backtest's {Band.ConfidencePercent:0.#}% band [{Band.Lower:0.00}%, {Band.Upper:0.00}%] (median {Band.Expected:0.00}%)");
}

/// <summary>A strategy's recent live trades against its backtest expectation, figure by figure.</summary>
public sealed record DegradationVerdict(string Strategy, int Trades, BacktestExpectation Expectation, IReadOnlyList<FigureCheck> Figures)
{
    public bool Degraded => Figures.Any(f => f.Below);

    public bool Critical => Figures.Any(f => f.Critical);

    public string Message
    {
        get
        {
            var e = Expectation;
            var yardstick = string.Create(CultureInfo.InvariantCulture,
                $"backtest {e.HistoryFrom:yyyy-MM-dd} to {e.HistoryTo:yyyy-MM-dd}: {e.Trades} trades, win rate {TradeFigures.Of(TradeFigure.WinRate, e.TradeReturnsPct):0.0}%, average trade {TradeFigures.Of(TradeFigure.AverageTrade, e.TradeReturnsPct):0.000}%");
            var below = Figures.Where(f => f.Below).ToList();
            return below.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{Strategy}: the last {Trades} live trades are within the backtest's bands ({yardstick})")
                : string.Create(CultureInfo.InvariantCulture, $"{Strategy} degraded over the last {Trades} live trades: {string.Join("; ", below)} ({yardstick})");
        }
    }
}

/// <summary>
/// The degradation rule: a strategy's latest live trades (up to <see cref="DegradationSettings.Window"/>) against the
/// backtest's bootstrap bands over the same number of trades. Only "worse" counts: a record better than the backtest is not degradation.
/// </summary>
public static class DegradationCheck
{
    /// <summary>Null when there is nothing to judge yet: too few live trades, or a backtest without trades.</summary>
    public static DegradationVerdict? Evaluate(BacktestExpectation expectation, IReadOnlyList<double> liveReturnsPct, DegradationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(liveReturnsPct);
        ArgumentNullException.ThrowIfNull(settings);
        if (liveReturnsPct.Count < settings.MinTrades) return null;
        return Compare(expectation, [.. liveReturnsPct.Skip(Math.Max(0, liveReturnsPct.Count - settings.Window))], settings);
    }

    /// <summary>Every figure of <paramref name="liveReturnsPct"/> (all of them) against the bands over as many trades; null without trades on either side.</summary>
    public static DegradationVerdict? Compare(BacktestExpectation expectation, IReadOnlyList<double> liveReturnsPct, DegradationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(liveReturnsPct);
        ArgumentNullException.ThrowIfNull(settings);
        if (expectation.Trades == 0 || liveReturnsPct.Count == 0) return null;
        var checks = Enum.GetValues<TradeFigure>().Select(figure => new FigureCheck(figure, TradeFigures.Of(figure, liveReturnsPct),
            BootstrapBand.For(expectation.TradeReturnsPct, liveReturnsPct.Count, figure, settings.ConfidencePercent),
            BootstrapBand.For(expectation.TradeReturnsPct, liveReturnsPct.Count, figure, settings.CriticalConfidencePercent))).ToList();
        return new DegradationVerdict(expectation.Strategy, liveReturnsPct.Count, expectation, checks);
    }
}
