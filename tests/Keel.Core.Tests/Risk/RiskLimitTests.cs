using Keel.Core.Domain;
using Keel.Core.Risk;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Risk;

/// <summary>The limits <see cref="RiskManager.SizeEntry"/> enforces, each on its own.</summary>
public class RiskLimitTests
{
    private static readonly Symbol Spy = Symbol.Parse("SPY");

    [Fact]
    public void Max_open_positions_refuses_an_entry_once_reached_and_allows_it_below()
    {
        var risk = new RiskManager(new RiskConfig { MaxOpenPositions = 2 });
        var refused = risk.SizeEntry(Spy, 100m, 100_000m, 100_000m, 0, openPositions: 2);
        refused.IsRefused.ShouldBeTrue();
        refused.RefusalCode.ShouldBe(OrderReasons.MaxOpenPositions);
        refused.Refusal!.ShouldContain("max open positions (2)");
        risk.SizeEntry(Spy, 100m, 100_000m, 100_000m, 0, openPositions: 1).IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void Max_notional_per_order_cuts_the_quantity_to_whole_shares_under_the_cap()
    {
        var risk = new RiskManager(new RiskConfig { Sizing = new Sizing(SizingMethod.PercentOfEquity, 95), MaxNotionalPerOrder = 10_050m });
        var decision = risk.SizeEntry(Spy, 100m, 100_000m, 100_000m, 0, 0);
        decision.Quantity.ShouldBe(100m); // 950 wanted; 10,050 / 100 = 100.5 → 100 whole shares
        decision.Cuts.ShouldBe([OrderReasons.MaxNotional]);
        decision.Adjustment!.ShouldContain("cut to 100 by the max notional per order of 10050");
    }

    [Fact]
    public void Risk_sizing_never_asks_for_more_than_the_cash()
    {
        // 1% of 100,000 at risk with a 0.5% stop at 100 is 2,000 shares (200,000): more than the 50,000 cash.
        var risk = new RiskManager(new RiskConfig { Sizing = new Sizing(SizingMethod.RiskPercent, 1), StopLossPercent = 0.5m });
        var decision = risk.SizeEntry(Spy, 100m, 100_000m, 50_000m, 0, 0);
        decision.Quantity.ShouldBe(500m);
        decision.Cuts.ShouldBe([OrderReasons.RiskCashCap]);
        // A wide stop asks for less than the cash: nothing is cut.
        var wide = new RiskManager(new RiskConfig { Sizing = new Sizing(SizingMethod.RiskPercent, 1), StopLossPercent = 5m });
        var uncut = wide.SizeEntry(Spy, 100m, 100_000m, 50_000m, 0, 0);
        uncut.Quantity.ShouldBe(200m);
        uncut.Cuts.ShouldBeEmpty();
    }
}
