using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

public class IndicatorConstructionTests
{
    [Fact]
    public void Output_names_follow_the_column_convention()
    {
        new Sma().OutputNames.ShouldBe(["sma_20"]);
        new Ema().OutputNames.ShouldBe(["ema_20"]);
        new Wma().OutputNames.ShouldBe(["wma_20"]);
        new Rsi().OutputNames.ShouldBe(["rsi_14"]);
        new Macd().OutputNames.ShouldBe(["macd_12_26_9", "macd_signal_12_26_9", "macd_hist_12_26_9"]);
        new BollingerBands().OutputNames.ShouldBe(["bb_upper_20_2", "bb_middle_20_2", "bb_lower_20_2"]);
        new BollingerBands(20, 2.5).OutputNames.ShouldBe(["bb_upper_20_2.5", "bb_middle_20_2.5", "bb_lower_20_2.5"]);
        new Atr().OutputNames.ShouldBe(["atr_14"]);
        new RollingStdDev().OutputNames.ShouldBe(["stddev_20"]);
        new ZScore().OutputNames.ShouldBe(["zscore_20"]);
        new RateOfChange().OutputNames.ShouldBe(["roc_10"]);
    }

    [Fact]
    public void Warm_up_periods_are_TAlibs_lookback_plus_one()
    {
        new Sma(20).WarmUpPeriod.ShouldBe(20);
        new Ema(20).WarmUpPeriod.ShouldBe(20);
        new Wma(20).WarmUpPeriod.ShouldBe(20);
        new Rsi(14).WarmUpPeriod.ShouldBe(15);
        new Atr(14).WarmUpPeriod.ShouldBe(15);
        new Macd(12, 26, 9).WarmUpPeriod.ShouldBe(34);
        new BollingerBands(20).WarmUpPeriod.ShouldBe(20);
        new RateOfChange(10).WarmUpPeriod.ShouldBe(11);
        new RollingStdDev(20).WarmUpPeriod.ShouldBe(20);
        new ZScore(20).WarmUpPeriod.ShouldBe(20);
    }

    [Fact]
    public void Invalid_parameters_are_refused_with_clear_messages()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Sma(0)).Message.ShouldContain("SMA period must be between 1 and 100000, got 0");
        Should.Throw<ArgumentOutOfRangeException>(() => new Ema(-1)).Message.ShouldContain("EMA period must be between 1 and 100000, got -1");
        Should.Throw<ArgumentOutOfRangeException>(() => new Wma(0)).Message.ShouldContain("WMA period must be between 1");
        Should.Throw<ArgumentOutOfRangeException>(() => new Rsi(1)).Message.ShouldContain("RSI period must be between 2");
        Should.Throw<ArgumentOutOfRangeException>(() => new Atr(0)).Message.ShouldContain("ATR period must be between 1");
        Should.Throw<ArgumentOutOfRangeException>(() => new RateOfChange(0)).Message.ShouldContain("ROC period must be between 1");
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingStdDev(1)).Message.ShouldContain("StdDev period must be between 2");
        Should.Throw<ArgumentOutOfRangeException>(() => new ZScore(1)).Message.ShouldContain("ZScore period must be between 2");
        Should.Throw<ArgumentOutOfRangeException>(() => new Sma(100_001)).Message.ShouldContain("got 100001");

        Should.Throw<ArgumentOutOfRangeException>(() => new Macd(12, 12, 9)).Message.ShouldContain("fastPeriod must be less than slowPeriod, got fast 12 and slow 12");
        Should.Throw<ArgumentOutOfRangeException>(() => new Macd(26, 12, 9)).ParamName.ShouldBe("fastPeriod");
        Should.Throw<ArgumentOutOfRangeException>(() => new Macd(12, 26, 0)).Message.ShouldContain("MACD signalPeriod must be between 1");
        Should.Throw<ArgumentOutOfRangeException>(() => new Macd(0, 26, 9)).Message.ShouldContain("MACD fastPeriod must be between 1");

        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBands(1)).Message.ShouldContain("Bollinger period must be between 2");
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBands(20, 0)).Message.ShouldContain("k must be a positive number");
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBands(20, -1)).Message.ShouldContain("got -1");
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBands(20, double.NaN)).ParamName.ShouldBe("k");
    }
}
