using Keel.Core.Domain;
using Keel.Core.Metrics;

namespace Keel.Core.Tests.Metrics;

public class PeriodsPerYearTests
{
    [Theory]
    [InlineData("1Min", AssetClass.UsEquity, 98_280)]    // 252 × 390
    [InlineData("5Min", AssetClass.UsEquity, 19_656)]    // 252 × 78
    [InlineData("15Min", AssetClass.UsEquity, 6_552)]    // 252 × 26
    [InlineData("1Hour", AssetClass.UsEquity, 1_638)]    // 252 × 6.5
    [InlineData("1Day", AssetClass.UsEquity, 252)]
    [InlineData("1Week", AssetClass.UsEquity, 52)]
    [InlineData("1Month", AssetClass.UsEquity, 12)]
    [InlineData("3Month", AssetClass.UsEquity, 4)]
    [InlineData("1Min", AssetClass.Crypto, 525_600)]     // 365 × 24 × 60
    [InlineData("5Min", AssetClass.Crypto, 105_120)]
    [InlineData("1Hour", AssetClass.Crypto, 8_760)]      // 365 × 24
    [InlineData("4Hour", AssetClass.Crypto, 2_190)]
    [InlineData("1Day", AssetClass.Crypto, 365)]
    [InlineData("1Week", AssetClass.Crypto, 52)]
    [InlineData("1Month", AssetClass.Crypto, 12)]
    [InlineData("1Day", AssetClass.Fx, 260)]             // 24 h, 5 days a week
    [InlineData("1Hour", AssetClass.Fx, 6_240)]
    [InlineData("1Day", AssetClass.Future, 252)]
    [InlineData("1Hour", AssetClass.Future, 5_796)]      // 252 × 23
    public void Bars_per_year(string timeframe, AssetClass assetClass, double expected)
    {
        PeriodsPerYear.For(Timeframe.Parse(timeframe), assetClass).ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void A_mix_of_classes_uses_the_shortest_year_and_says_so()
    {
        var (single, why) = PeriodsPerYear.ClassFor([new Symbol("EUR/USD", AssetClass.Fx)]);
        single.ShouldBe(AssetClass.Fx);
        why.ShouldBe("the symbols' asset class");
        var (mixed, rule) = PeriodsPerYear.ClassFor([Symbol.Parse("BTC/USD"), Symbol.Parse("SPY")]);
        mixed.ShouldBe(AssetClass.UsEquity);
        rule.ShouldContain("mixed asset classes (crypto, equity)");
    }

    [Fact]
    public void A_default_timeframe_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PeriodsPerYear.For(default, AssetClass.UsEquity));
    }
}
