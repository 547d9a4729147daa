using Keel.Core.Trading;

namespace Keel.Core.Tests.Trading;

/// <summary>An exit on a venue's tick grid is reached by exactly the grid prices that reach the exact exit.</summary>
public sealed class ExitRulesGridTests
{
    [Theory]
    [InlineData(OrderType.Stop, OrderSide.Sell, "98.3626", "98.36")]
    [InlineData(OrderType.Limit, OrderSide.Sell, "103.3811", "103.39")]
    [InlineData(OrderType.Stop, OrderSide.Buy, "101.001", "101.01")]
    [InlineData(OrderType.Limit, OrderSide.Buy, "99.999", "99.99")]
    [InlineData(OrderType.Stop, OrderSide.Sell, "98.36", "98.36")] // already on the grid
    public void Rounds_toward_the_side_that_triggers_no_sooner(OrderType type, OrderSide side, string exact, string expected) =>
        ExitRules.OnGrid(type, side, decimal.Parse(exact, System.Globalization.CultureInfo.InvariantCulture), 0.01m)
            .ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Every_cent_price_reaches_the_rounded_exit_exactly_when_it_reaches_the_exact_one()
    {
        var exits = new[] { (OrderType.Stop, OrderSide.Sell), (OrderType.Limit, OrderSide.Sell), (OrderType.Stop, OrderSide.Buy), (OrderType.Limit, OrderSide.Buy) };
        foreach (var (type, side) in exits)
        {
            for (var exact = 99.95m; exact <= 100.05m; exact += 0.0037m)
            {
                var rounded = ExitRules.OnGrid(type, side, exact, 0.01m);
                for (var price = 99.90m; price <= 100.10m; price += 0.01m)
                    ExitRules.Reaches(type, side, rounded, price, price).ShouldBe(ExitRules.Reaches(type, side, exact, price, price), $"{type} {side} {exact} at {price}");
            }
        }
    }
}
