using Keel.Core.Strategies;

namespace Keel.Core.Tests.Strategies;

/// <summary>Each strategy on a series whose right answer is worked out by hand in the comments.</summary>
public class StrategyLibraryTests
{
    [Fact]
    public void Sma_crossover_signals_on_a_change_of_sign_skipping_equal_bars()
    {
        // closes   10  10  10  12    14  10  8      8      13
        // SMA(2)    -  10  10  11    13  12  9      8      10.5
        // SMA(3)    -   -  10  10.67 12  12  10.67  8.67   9.67
        // sign      -   -   0  +     +   0   −      −      +
        // bar 2 is equal (skipped); bar 3 only sets the reference; bar 5 equal (skipped);
        // bar 6 turns negative → sell; bar 8 turns positive → buy.
        var signals = StrategyHarness.Run(new SmaCrossoverStrategy(2, 3), 10, 10, 10, 12, 14, 10, 8, 8, 13);
        signals.Select(s => (s.Bar, s.Signal.Action)).ShouldBe([(6, SignalAction.Sell), (8, SignalAction.Buy)]);
        signals[1].Signal.Reason.ShouldBe("SMA(2)=10.5 crossed above SMA(3)=9.6667");
    }

    [Fact]
    public void Rsi_buys_while_flat_below_oversold_and_sells_while_long_above_overbought()
    {
        // closes 10 11 10 9 8 9 11 12; Wilder RSI(2):
        // bar 2: gain (1+0)/2=0.5, loss (0+1)/2=0.5 → 50
        // bar 3: gain 0.25, loss 0.75 → 25 (< 30, flat → buy)
        // bar 4: gain 0.125, loss 0.875 → 12.5 (long already: hold)
        // bar 5: gain 0.5625, loss 0.4375 → 56.25
        // bar 6: gain 1.28125, loss 0.21875 → 85.42 (> 70, long → sell)
        // bar 7: gain 1.140625, loss 0.109375 → 91.25 (flat: hold)
        var signals = StrategyHarness.Run(new RsiMeanReversionStrategy(2, 30, 70), 10, 11, 10, 9, 8, 9, 11, 12);
        signals.Select(s => (s.Bar, s.Signal.Action)).ShouldBe([(3, SignalAction.Buy), (6, SignalAction.Sell)]);
        signals[0].Signal.Reason.ShouldBe("RSI(2)=25 < oversold 30");
        signals[1].Signal.Reason.ShouldBe("RSI(2)=85.42 > overbought 70");
    }

    [Fact]
    public void Rsi_levels_are_strict()
    {
        // Same series; with oversold 25 the RSI of exactly 25 at bar 3 is not below it; bar 4 (12.5) is.
        var signals = StrategyHarness.Run(new RsiMeanReversionStrategy(2, 25, 70), 10, 11, 10, 9, 8, 9, 11, 12);
        signals[0].Bar.ShouldBe(4);
    }

    [Fact]
    public void Mean_reversion_buys_under_the_lower_band_and_sells_back_at_the_mean()
    {
        // period 3, entry 1σ, exit 0. Bar 3 window [10,10,7]: mean 9, population σ = √2 ≈ 1.414,
        // z = −1.414 < −1 → buy. Bar 4 window [10,7,10]: mean 9, z = +0.707 > 0 → sell.
        var signals = StrategyHarness.Run(new MeanReversionStrategy(3, 1, 0), 10, 10, 10, 7, 10);
        signals.Select(s => (s.Bar, s.Signal.Action)).ShouldBe([(3, SignalAction.Buy), (4, SignalAction.Sell)]);
        signals[0].Signal.Reason!.ShouldStartWith("z-score(3)=-1.414");
    }

    [Fact]
    public void Macd_buys_once_after_a_v_bottom_and_sells_once_after_a_peak()
    {
        // 60 bars of accelerating fall (200 − 0.05·i²) then 60 of accelerating rise. While the fall speeds up,
        // the MACD line keeps falling and stays under its lagging signal; once prices turn, it rises through
        // the signal exactly once. (A straight line would not do: EMAs seeded with an SMA sit at their
        // steady-state lag at once, so MACD and signal would be equal and nothing would cross.)
        var fall = Enumerable.Range(0, 60).Select(i => 200.0 - 0.05 * i * i).ToArray();
        var valley = fall.Concat(Enumerable.Range(1, 60).Select(j => fall[^1] + 0.05 * j * j)).ToArray();
        var buys = StrategyHarness.Run(new MacdTrendStrategy(12, 26, 9), valley);
        var buy = buys.ShouldHaveSingleItem();
        buy.Signal.Action.ShouldBe(SignalAction.Buy);
        buy.Bar.ShouldBeGreaterThan(59);
        buy.Signal.Reason!.ShouldStartWith("MACD=");

        var peak = valley.Select(p => 400 - p).ToArray(); // the mirror image: one sell after the top
        var sells = StrategyHarness.Run(new MacdTrendStrategy(12, 26, 9), peak);
        sells.ShouldHaveSingleItem().Signal.Action.ShouldBe(SignalAction.Sell);
    }

    [Fact]
    public void The_test_strategy_alternates_on_its_cadence()
    {
        var signals = StrategyHarness.Run(new AlternatingTestStrategy(2), 1, 1, 1, 1, 1, 1);
        signals.Select(s => (s.Bar, s.Signal.Action)).ShouldBe([(1, SignalAction.Buy), (3, SignalAction.Sell), (5, SignalAction.Buy)]);
    }

    [Fact]
    public void Reset_makes_a_strategy_replay_identically()
    {
        var strategy = new SmaCrossoverStrategy(2, 3);
        var closes = new double[] { 10, 10, 10, 12, 14, 10, 8, 8, 13 };
        var first = StrategyHarness.Run(strategy, closes);
        strategy.Reset();
        StrategyHarness.Run(strategy, closes).ShouldBe(first);
    }

    [Fact]
    public void Confidence_stays_within_zero_and_one()
    {
        var prices = Enumerable.Range(0, 300).Select(i => 100 + 30 * Math.Sin(i / 7.0) + (i % 5)).ToArray();
        foreach (var definition in StrategyRegistry.Default.All)
        {
            foreach (var (_, signal) in StrategyHarness.Run(definition.Configure(new Dictionary<string, double>()).Create(), prices))
                signal.Confidence.ShouldBeInRange(0, 1);
        }
    }
}
