using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Indicators;

namespace Keel.Core.Strategies;

/// <summary>
/// Mean reversion on Wilder's RSI: buy while flat when RSI is strictly below <c>oversold</c>, sell while
/// long when it is strictly above <c>overbought</c>. Confidence grows with the distance past the level.
/// </summary>
public sealed class RsiMeanReversionStrategy : IStrategy, IFastForward
{
    public static StrategyDefinition Definition { get; } = new(
        "rsi",
        "Buy while flat when RSI < oversold; sell while long when RSI > overbought.",
        [
            new StrategyParameter("period", 14, 2, 1_000, true, "RSI period (bars, Wilder smoothing)"),
            new StrategyParameter("oversold", 30, 0, 100, false, "buy below this RSI"),
            new StrategyParameter("overbought", 70, 0, 100, false, "sell above this RSI"),
        ],
        (p, name, indicators) => new RsiMeanReversionStrategy(p.GetInt("period"), p.Get("oversold"), p.Get("overbought"), name, indicators),
        p => p.Get("oversold") < p.Get("overbought") ? null : $"oversold ({p.Get("oversold")}) must be below overbought ({p.Get("overbought")})");

    private readonly int _period;
    private readonly IndicatorFeed _rsi;
    private readonly double _oversold;
    private readonly double _overbought;

    public RsiMeanReversionStrategy(int period, double oversold, double overbought, string? name = null, IndicatorCache? indicators = null)
    {
        if (oversold >= overbought) throw new ArgumentException($"oversold ({oversold}) must be below overbought ({overbought}).");
        _period = period;
        _rsi = IndicatorFeed.Of(new Rsi(period), indicators);
        _oversold = oversold;
        _overbought = overbought;
        Name = name ?? string.Create(CultureInfo.InvariantCulture, $"rsi:period={period},oversold={oversold},overbought={overbought}");
    }

    public string Name { get; }
    public int WarmUpBars => _rsi.WarmUpPeriod;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        var rsi = _rsi.Next(bar);
        if (double.IsNaN(rsi)) return Signal.Hold; // warming up: RSI is NaN until ready, finite after
        if (context.IsFlat && rsi < _oversold)
        {
            var confidence = Math.Clamp(0.5 + 0.5 * (_oversold - rsi) / Math.Max(_oversold, 1e-9), 0, 1);
            return Signal.Buy(confidence, context.ReasonsUnread ? "RSI under oversold"
                : string.Create(CultureInfo.InvariantCulture, $"RSI({_period})={Math.Round(rsi, 2)} < oversold {_oversold}"));
        }
        if (context.IsLong && rsi > _overbought)
        {
            var confidence = Math.Clamp(0.5 + 0.5 * (rsi - _overbought) / Math.Max(100 - _overbought, 1e-9), 0, 1);
            return Signal.Sell(confidence, context.ReasonsUnread ? "RSI over overbought"
                : string.Create(CultureInfo.InvariantCulture, $"RSI({_period})={Math.Round(rsi, 2)} > overbought {_overbought}"));
        }
        return Signal.Hold;
    }

    /// <summary>With a cached RSI: flat, the bars before it drops under oversold; long, before it rises over overbought.</summary>
    int IFastForward.HoldsAhead(StrategyContext context, int max)
    {
        if (!_rsi.IsCached) return 0;
        var rsi = _rsi.Ahead();
        var bars = Math.Min(max, rsi.Length);
        for (var k = 0; k < bars; k++)
        {
            // NaN (warming up) compares false: a hold, as in OnBar.
            if (context.IsFlat ? rsi[k] < _oversold : context.IsLong && rsi[k] > _overbought) return k;
        }
        return bars;
    }

    void IFastForward.Skip(int bars) => _rsi.Skip(bars); // the RSI is all the state there is

    public void Reset() => _rsi.Reset();
}
