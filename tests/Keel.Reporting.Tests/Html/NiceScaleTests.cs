using Keel.Reporting.Html;

namespace Keel.Reporting.Tests.Html;

public class NiceScaleTests
{
    [Fact]
    public void Ticks_are_round_and_cover_the_data()
    {
        // range 294.1 over 5 gaps ≈ 58.8 → nearest nice step 50; floor(−19.4 / 50) = −1, ceil(274.7 / 50) = 6
        var scale = new NiceScale(-19.4, 274.7, pixelStart: 300, pixelEnd: 0);
        scale.Step.ShouldBe(50);
        scale.Ticks().ShouldBe([-50, 0, 50, 100, 150, 200, 250, 300]);
        scale.Pixel(-50).ShouldBe(300);
        scale.Pixel(300).ShouldBe(0);
        scale.Label(0.0).ShouldBe("0");
    }

    [Fact]
    public void A_single_value_gets_a_range_around_it()
    {
        var scale = new NiceScale(100, 100, 0, 100);
        scale.Min.ShouldBeLessThan(100);
        scale.Max.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Small_steps_get_decimals_in_their_labels()
    {
        var scale = new NiceScale(-0.3, 2.4, 0, 100);
        scale.Step.ShouldBe(0.5);
        scale.Label(scale.Ticks().First()).ShouldBe("-0.5");
    }
}
