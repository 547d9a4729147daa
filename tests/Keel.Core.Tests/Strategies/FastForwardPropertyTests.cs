using Keel.Core.Domain;
using Keel.Core.Indicators;
using Keel.Core.Strategies;
using Keel.Core.Tests.Research;

namespace Keel.Core.Tests.Strategies;

/// <summary>
/// One property for every strategy that can fast-forward (<see cref="IFastForward"/>): what
/// <c>HoldsAhead</c> promises, <c>OnBar</c> keeps. An instance reading cached indicators fast-forwards
/// wherever it can; a twin computing its own indicators sees every bar. Over random series, with the
/// position following the twin's own signals (long only, and long/short), the twin must hold on every bar
/// that was skipped, and after each skip both must give the same signals. Any new fast-forwarding strategy
/// joins by a line in <see cref="Specs"/>.
/// </summary>
public sealed class FastForwardPropertyTests
{
    public static TheoryData<string> Specs() => new()
    {
        "sma-crossover:fast=5,slow=20",
        "sma-crossover:fast=2,slow=3",
        "macd:fast=12,slow=26,signal=9",
        "rsi:period=14,oversold=30,overbought=70",
        "rsi:period=3,oversold=45,overbought=55",
        "mean-reversion",
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void HoldsAhead_never_skips_a_bar_on_which_OnBar_would_act(string text)
    {
        var spec = StrategyRegistry.Default.Parse(text);
        var skipped = 0;
        foreach (var seed in new ulong[] { 1, 2, 3, 4, 5 })
        {
            foreach (var allowShort in new[] { false, true })
                skipped += Check(spec, RandomWalk(seed), allowShort);
        }
        skipped.ShouldBeGreaterThan(0, "the property holds vacuously if nothing is ever skipped");
    }

    /// <returns>How many bars the fast-forwarding instance skipped.</returns>
    private static int Check(StrategySpec spec, BarSeries series, bool allowShort)
    {
        var fast = spec.Create(new IndicatorCache(series));
        var ahead = (IFastForward)fast;
        var twin = spec.Create(); // its own indicators, every bar
        var bars = series.Span;
        var position = 0m;
        var skipped = 0;
        for (var i = 0; i < bars.Length;)
        {
            var context = new StrategyContext(position);
            var holds = ahead.HoldsAhead(context, bars.Length - i);
            holds.ShouldBeInRange(0, bars.Length - i);
            for (var k = 0; k < holds; k++)
            {
                var signal = twin.OnBar(bars[i + k], context);
                signal.Action.ShouldBe(SignalAction.Hold, $"{spec} promised to hold {holds} bars from {i} (position {position}) but acts at bar {i + k}");
            }
            if (holds > 0)
            {
                ahead.Skip(holds);
                skipped += holds;
                i += holds;
                continue;
            }
            var expected = twin.OnBar(bars[i], context);
            var actual = fast.OnBar(bars[i], context);
            (actual.Action, actual.Confidence).ShouldBe((expected.Action, expected.Confidence), $"{spec} at bar {i} after fast-forwarding");
            position = expected.Action switch
            {
                SignalAction.Buy => 10m,
                SignalAction.Sell => allowShort ? -10m : 0m,
                _ => position,
            };
            i++;
        }
        return skipped;
    }

    /// <summary>Hourly bars, a random walk in cents with calm and wild stretches, so crosses and extremes both happen.</summary>
    private static BarSeries RandomWalk(ulong seed)
    {
        var noise = new SeededNoise(seed);
        var bars = new Bar[1_500];
        var close = 100.0;
        var start = new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < bars.Length; i++)
        {
            var volatility = i / 250 % 2 == 0 ? 0.002 : 0.012;
            var open = Math.Round(close * (1 + 0.001 * noise.NextGaussian()), 2);
            close = Math.Round(open * (1 + volatility * noise.NextGaussian()), 2);
            var high = Math.Round(Math.Max(open, close) * (1 + 0.002 * Math.Abs(noise.NextGaussian())), 2);
            var low = Math.Round(Math.Min(open, close) * (1 - 0.002 * Math.Abs(noise.NextGaussian())), 2);
            bars[i] = new Bar(start.AddHours(i), open, high, low, close, 1000);
        }
        return new BarSeries(Symbol.Parse("ACME"), Timeframe.OneHour, bars);
    }
}
