using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Indicators;

namespace Keel.Core.Strategies;

/// <summary>
/// Trend following on MACD: buy when the MACD line crosses above its signal line, sell when it
/// crosses below (a change of sign of the histogram).
/// </summary>
public sealed class MacdTrendStrategy : IStrategy, IFastForward
{
    public static StrategyDefinition Definition { get; } = new(
        "macd",
        "Buy when the MACD line crosses above its signal line; sell when it crosses below.",
        [
            new StrategyParameter("fast", 12, 1, 1_000, true, "fast EMA period"),
            new StrategyParameter("slow", 26, 2, 1_000, true, "slow EMA period"),
            new StrategyParameter("signal", 9, 1, 1_000, true, "signal EMA period"),
        ],
        (p, name, indicators) => new MacdTrendStrategy(p.GetInt("fast"), p.GetInt("slow"), p.GetInt("signal"), name, indicators),
        p => p.Get("fast") < p.Get("slow") ? null : $"fast ({p.Get("fast")}) must be below slow ({p.Get("slow")})");

    private readonly IndicatorFeed _macd;
    private CrossDetector _cross;

    public MacdTrendStrategy(int fast, int slow, int signal, string? name = null, IndicatorCache? indicators = null)
    {
        _macd = IndicatorFeed.Of(new Macd(fast, slow, signal), indicators);
        Name = name ?? $"macd:fast={fast},slow={slow},signal={signal}";
    }

    public string Name { get; }
    public int WarmUpBars => _macd.WarmUpPeriod + 1;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        var line = _macd.Next(bar);
        if (double.IsNaN(line)) return Signal.Hold; // warming up: every output is NaN until ready, finite after
        var signal = _macd.Output(1);
        var cross = _cross.Update(line - signal);
        if (cross == 0) return Signal.Hold;
        var confidence = Math.Clamp(0.5 + 100 * Math.Abs(line - signal) / bar.Close, 0, 1);
        var reason = context.ReasonsUnread
            ? cross > 0 ? "MACD crossed above signal" : "MACD crossed below signal"
            : string.Create(CultureInfo.InvariantCulture,
                $"MACD={Math.Round(line, 4)} crossed {(cross > 0 ? "above" : "below")} signal={Math.Round(signal, 4)}");
        return cross > 0 ? Signal.Buy(confidence, reason) : Signal.Sell(confidence, reason);
    }

    /// <summary>With a cached MACD: the bars before the line next crosses its signal (the position does not matter).</summary>
    int IFastForward.HoldsAhead(StrategyContext context, int max)
    {
        if (!_macd.IsCached) return 0;
        var bars = Math.Min(max, _macd.Ahead().Length);
        return _cross.PairsBeforeCross(_macd.Ahead(0)[..bars], _macd.Ahead(1)[..bars]);
    }

    void IFastForward.Skip(int bars)
    {
        _cross.Pass(_macd.Ahead(0)[..bars], _macd.Ahead(1)[..bars]);
        _macd.Skip(bars);
    }

    public void Reset()
    {
        _macd.Reset();
        _cross.Reset();
    }
}
