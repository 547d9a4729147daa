using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

public class IndicatorSpecTests
{
    [Theory]
    [InlineData("sma:20", typeof(Sma), "sma_20")]
    [InlineData("ema:20", typeof(Ema), "ema_20")]
    [InlineData("wma:10", typeof(Wma), "wma_10")]
    [InlineData("rsi:14", typeof(Rsi), "rsi_14")]
    [InlineData("macd:12:26:9", typeof(Macd), "macd_12_26_9,macd_signal_12_26_9,macd_hist_12_26_9")]
    [InlineData("bbands:20:2", typeof(BollingerBands), "bb_upper_20_2,bb_middle_20_2,bb_lower_20_2")]
    [InlineData("bbands:20:2.5", typeof(BollingerBands), "bb_upper_20_2.5,bb_middle_20_2.5,bb_lower_20_2.5")]
    [InlineData("atr:14", typeof(Atr), "atr_14")]
    [InlineData("stddev:20", typeof(RollingStdDev), "stddev_20")]
    [InlineData("zscore:20", typeof(ZScore), "zscore_20")]
    [InlineData("roc:10", typeof(RateOfChange), "roc_10")]
    [InlineData("  SMA : 5 ", typeof(Sma), "sma_5")]
    public void Parses_each_indicator(string spec, Type type, string outputs)
    {
        var indicator = IndicatorSpec.Parse(spec);

        indicator.ShouldBeOfType(type);
        string.Join(",", indicator.OutputNames).ShouldBe(outputs);
    }

    [Theory]
    [InlineData("sma", "sma_20")]
    [InlineData("ema", "ema_20")]
    [InlineData("wma", "wma_20")]
    [InlineData("rsi", "rsi_14")]
    [InlineData("atr", "atr_14")]
    [InlineData("stddev", "stddev_20")]
    [InlineData("zscore", "zscore_20")]
    [InlineData("roc", "roc_10")]
    [InlineData("macd", "macd_12_26_9")]
    [InlineData("macd:5", "macd_5_26_9")]
    [InlineData("macd:5:35", "macd_5_35_9")]
    [InlineData("bbands", "bb_upper_20_2")]
    [InlineData("bbands:10", "bb_upper_10_2")]
    public void Missing_parameters_take_their_defaults(string spec, string firstOutput)
    {
        IndicatorSpec.Parse(spec).OutputNames[0].ShouldBe(firstOutput);
    }

    [Fact]
    public void Parses_a_list_in_order()
    {
        var indicators = IndicatorSpec.ParseList("sma:20, ema:20,rsi:14 ,macd");

        indicators.Select(i => i.OutputNames[0]).ShouldBe(["sma_20", "ema_20", "rsi_14", "macd_12_26_9"]);
    }

    [Theory]
    [InlineData("foo:3", "'foo' is not a known indicator")]
    [InlineData("sma:abc", "period 'abc' is not a whole number")]
    [InlineData("sma:2.5", "period '2.5' is not a whole number")]
    [InlineData("sma:", "period '' is not a whole number")]
    [InlineData("bbands:20:wide", "k 'wide' is not a number")]
    [InlineData("sma:0", "SMA period must be between 1 and 100000, got 0")]
    [InlineData("rsi:-3", "RSI period must be between 2 and 100000, got -3")]
    [InlineData("stddev:1", "StdDev period must be between 2 and 100000, got 1")]
    [InlineData("macd:26:12:9", "MACD fastPeriod must be less than slowPeriod, got fast 26 and slow 12")]
    [InlineData("macd:12:12", "MACD fastPeriod must be less than slowPeriod")]
    [InlineData("bbands:20:0", "Bollinger k must be a positive number of standard deviations, got 0")]
    [InlineData("rsi:14:3", "rsi takes at most 1 parameter(s): rsi:period (default rsi:14)")]
    [InlineData("   ", "it is empty")]
    public void Bad_specs_name_the_token_and_list_the_known_indicators(string spec, string reason)
    {
        var error = Should.Throw<FormatException>(() => IndicatorSpec.Parse(spec));

        error.Message.ShouldContain($"'{spec.Trim()}'");
        error.Message.ShouldContain(reason);
        error.Message.ShouldContain("Known indicators: sma:period (default sma:20), ema:period (default ema:20)");
        error.Message.ShouldContain("macd:fast:slow:signal (default macd:12:26:9), bbands:period:k (default bbands:20:2)");
        error.Message.ShouldNotContain("(Parameter");
    }

    [Fact]
    public void Bad_items_in_a_list_are_named()
    {
        Should.Throw<FormatException>(() => IndicatorSpec.ParseList("sma:20,emma:20,rsi"))
            .Message.ShouldContain("Bad indicator spec 'emma:20': 'emma' is not a known indicator");
        Should.Throw<FormatException>(() => IndicatorSpec.ParseList("sma:20,,rsi"))
            .Message.ShouldContain("it is empty");
        Should.Throw<FormatException>(() => IndicatorSpec.ParseList("sma:20,rsi,sma"))
            .Message.ShouldContain("Bad indicator spec 'sma': it repeats output sma_20 of an earlier spec in 'sma:20,rsi,sma'");
    }

    [Fact]
    public void Each_parse_returns_a_new_indicator()
    {
        IndicatorSpec.Parse("sma:3").ShouldNotBeSameAs(IndicatorSpec.Parse("sma:3"));
    }

    [Fact]
    public void Known_lists_every_indicator()
    {
        IndicatorSpec.Known.Select(k => k.Split(':', ' ')[0])
            .ShouldBe(["sma", "ema", "wma", "rsi", "macd", "bbands", "atr", "stddev", "zscore", "roc"]);
    }
}
