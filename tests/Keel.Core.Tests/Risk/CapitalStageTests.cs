using Keel.Core.Capital;
using Keel.Core.Domain;
using Keel.Core.Risk;

namespace Keel.Core.Tests.Risk;

/// <summary>A capital stage caps total exposure: entries are cut to the room left, refused when there is none, and say why.</summary>
public class CapitalStageTests
{
    private static readonly Symbol Stock = Symbol.Parse("ACME");
    private static readonly Symbol Coin = Symbol.Parse("BTC/USD");

    private static RiskManager Manager(decimal percent) =>
        new(new RiskConfig { Sizing = Sizing.Parse("percent:50") }) { Capital = new CapitalLimit(1, percent) };

    [Fact]
    public void An_entry_is_cut_to_the_room_the_stage_leaves()
    {
        // 5% of 100,000 = 5,000; 1,200 already held: room 3,800 → 38 shares at 100 (sizing alone asked for 500).
        var decision = Manager(5).SizeEntry(Stock, 100m, 100_000m, 98_800m, 0, 1, exposure: 1_200m);
        decision.Quantity.ShouldBe(38m);
        decision.Adjustment.ShouldBe("quantity 500 cut to 38 by capital stage 1 (5% of equity): cap 5000.00, exposure 1200.00");
    }

    [Fact]
    public void Crypto_is_cut_to_nine_decimals_of_the_room()
    {
        var decision = Manager(5).SizeEntry(Coin, 30_000m, 100_000m, 100_000m, 0, 0);
        decision.Quantity.ShouldBe(RiskManager.RoundDown(5_000m / 30_000m, Coin));
        (decision.Quantity * 30_000m).ShouldBeLessThanOrEqualTo(5_000m);
    }

    [Fact]
    public void No_room_refuses_with_the_stage_and_the_figures()
    {
        var decision = Manager(5).SizeEntry(Stock, 100m, 100_000m, 95_000m, 0, 2, exposure: 5_000m);
        decision.IsRefused.ShouldBeTrue();
        decision.Refusal.ShouldBe("capital stage 1 (5% of equity): exposure 5000.00 already at or above its cap of 5000.00");
        // Less room than one share: refused, naming the stage.
        var tight = Manager(5).SizeEntry(Stock, 100m, 100_000m, 95_000m, 0, 2, exposure: 4_950m);
        tight.IsRefused.ShouldBeTrue();
        tight.Refusal!.ShouldContain("by capital stage 1");
    }

    [Fact]
    public void Without_a_stage_or_under_it_nothing_changes()
    {
        var free = new RiskManager(new RiskConfig { Sizing = Sizing.Parse("percent:50") });
        free.SizeEntry(Stock, 100m, 100_000m, 100_000m, 0, 0, exposure: 90_000m).Quantity.ShouldBe(500m);
        var roomy = Manager(100).SizeEntry(Stock, 100m, 100_000m, 100_000m, 0, 0, exposure: 10_000m);
        roomy.Quantity.ShouldBe(500m);
        roomy.Adjustment.ShouldBeNull();
    }

    [Fact]
    public void Promotion_needs_days_profit_and_passing_gates()
    {
        var plan = CapitalPlan.Default;
        var since = new DateTime(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);
        var early = PromotionCheck.Evaluate(plan, 1, since, since.AddDays(10), 100_000m, 101_000m, true, "passing");
        early.Single(c => c.Name == "days at stage").Met.ShouldBeFalse();
        early.Single(c => c.Name == "days at stage").Evidence.ShouldContain("10.0 days");
        var losing = PromotionCheck.Evaluate(plan, 1, since, since.AddDays(31), 100_000m, 99_000m, true, "passing");
        losing.Single(c => c.Name == "profitable").Met.ShouldBeFalse();
        var gated = PromotionCheck.Evaluate(plan, 1, since, since.AddDays(31), 100_000m, 101_000m, false, "gate fails: paper_days");
        gated.Single(c => c.Name == "gates passing").Evidence.ShouldBe("gate fails: paper_days");
        PromotionCheck.Evaluate(plan, 1, since, since.AddDays(31), 100_000m, 101_000m, true, "passing").ShouldAllBe(c => c.Met);
        PromotionCheck.Evaluate(plan, 3, since, since.AddDays(400), 100_000m, 200_000m, true, "passing").Single().Met.ShouldBeFalse("the last stage has no next");
        plan.Limit(2).ShouldBe(new CapitalLimit(2, 25m));
    }
}
