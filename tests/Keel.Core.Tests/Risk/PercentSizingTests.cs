using FsCheck.Xunit;
using Keel.Core.Domain;
using Keel.Core.Risk;

namespace Keel.Core.Tests.Risk;

/// <summary>Percent-of-equity sizing gives, bit for bit, the quantity of its formula: equity · percent / 100 / price, rounded down.</summary>
public class PercentSizingTests
{
    private static readonly Symbol Stock = Symbol.Parse("ACME");
    private static readonly Symbol Coin = Symbol.Parse("BTC/USD");

    [Property(MaxTest = 200)]
    public void Quantity_is_the_formula_rounded_down(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var percent = new[] { 95m, 50m, 100m, 33.3m, 1m, 99.99m, 12.5m, 0.001m }[random.Next(8)];
            var risk = new RiskManager(new RiskConfig { Sizing = new Sizing(SizingMethod.PercentOfEquity, percent) });
            var equity = random.Next(3) switch
            {
                0 => 100_000m,
                1 => Math.Round(100_000m + (decimal)(random.NextDouble() * 1e6 - 5e5), random.Next(0, 16)),
                _ => new decimal(random.Next(), random.Next(1000), 0, false, (byte)random.Next(0, 29)) + 1,
            };
            var price = (decimal)(random.NextDouble() * Math.Pow(10, random.Next(-6, 6))) + 0.0001m;
            foreach (var symbol in new[] { Stock, Coin })
            {
                var expected = RiskManager.RoundDown(equity * percent / 100m / price, symbol);
                var decision = risk.SizeEntry(symbol, price, equity, equity, 0, 0);
                decision.Quantity.ShouldBeBitForBit(expected, $"{equity} · {percent}% / {price} ({symbol})");
            }
        }
    }
}
