using Keel.Core.Backtest;

namespace Keel.Core.Tests.Backtest;

/// <summary>A fill at the market price costs |price − price| · quantity of slippage, bit for bit, however it is made.</summary>
public class UnslippedCostTests
{
    [Fact]
    public void Is_the_subtraction_and_multiplication_for_every_pair_of_scales()
    {
        var mantissas = new[] { (0, 0, 0), (1, 0, 0), (123_456_789, 0, 0), (-1, 0, 0), (5, 7, 0), (-1, -1, 0), (9, 9, 9), (-1, -1, -1) };
        for (byte priceScale = 0; priceScale <= 28; priceScale++)
        for (byte quantityScale = 0; quantityScale <= 28; quantityScale++)
        foreach (var (lo, mid, hi) in mantissas)
        {
            var price = new decimal(4_512_345, 17, 0, false, priceScale);
            var quantity = new decimal(lo, mid, hi, false, quantityScale);
            foreach (var p in new[] { price, -price, 0m, new decimal(0, 0, 0, true, priceScale) })
            {
                var expected = Math.Abs(p - p) * quantity;
                SimulatedBroker.UnslippedCost(p, quantity).ShouldBeBitForBit(expected, $"{p} (scale {priceScale}) · {quantity} (scale {quantityScale})");
            }
        }
    }
}
