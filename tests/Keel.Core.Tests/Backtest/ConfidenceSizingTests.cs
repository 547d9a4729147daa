using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Risk;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Backtest;

public class ConfidenceSizingTests
{
    /// <summary>Buys on bar 1 with a fixed confidence.</summary>
    private sealed class ConfidentBuyer(double confidence) : IStrategy
    {
        private int _bar = -1;
        public string Name => "confident";
        public int WarmUpBars => 0;
        public Signal OnBar(in Bar bar, StrategyContext context) => ++_bar == 1 ? Signal.Buy(confidence, "buy") : Signal.Hold;
        public void Reset() => _bar = -1;
    }

    [Theory]
    [InlineData(false, 100)] // confidence ignored: fixed 100 shares
    [InlineData(true, 60)]   // 100 × 0.6 = 60 shares
    public void Entries_scale_by_confidence_only_when_asked(bool scale, int expectedShares)
    {
        var data = Bars.Daily("ACME", Bars.At(10), Bars.At(10), Bars.At(10), Bars.At(10));
        var settings = new BacktestSettings
        {
            StartingCash = 10_000m,
            Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 100), ScaleSizeByConfidence = scale },
        };
        var result = Backtester.Run(settings, [data], [() => new ConfidentBuyer(0.6)]);
        result.Trades.ShouldHaveSingleItem().Quantity.ShouldBe(expectedShares);
        if (scale) result.OrderEvents.ShouldContain(e => e.Reason.Contains("scaled by the signal's confidence 0.6"));
    }
}
