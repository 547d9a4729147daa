using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

/// <summary>
/// Values TA-Lib's own regression tests publish for its 252-bar reference data set
/// (ta-lib/src/tools/ta_regtest/ta_test_func/test_*.c). They are printed with 2 to 4 decimals, mostly
/// truncated, so each must agree to less than one unit of its last printed digit. These pin the
/// TA-Lib alignment conventions (where the first value falls) independently of our own reasoning.
/// </summary>
public class TalibPublishedValueTests
{
    private static double[] Run(IPriceIndicator indicator, int output = 0) =>
        IndicatorBatch.Run(indicator, TalibRegressionBars.Closes)[output];

    private static void ShouldMatchPublished(double actual, string published, string what)
    {
        var decimals = published.Length - published.IndexOf('.') - 1;
        var expected = double.Parse(published, System.Globalization.CultureInfo.InvariantCulture);
        Math.Abs(actual - expected).ShouldBeLessThan(Math.Pow(10, -decimals), $"{what}: got {actual:R}, TA-Lib publishes {published}");
    }

    [Fact]
    public void Macd_12_26_9_first_output_is_at_index_33_with_TAlibs_values()
    {
        var outputs = IndicatorBatch.Run(new Macd(12, 26, 9), TalibRegressionBars.Closes);

        // test_macd.c: outBegIdx 33, MACD -1.9738, signal -2.7071, histogram their difference.
        for (var output = 0; output < 3; output++) double.IsNaN(outputs[output][32]).ShouldBeTrue();
        ShouldMatchPublished(outputs[0][33], "-1.9738", "MACD line");
        ShouldMatchPublished(outputs[1][33], "-2.7071", "MACD signal");
        ShouldMatchPublished(outputs[2][33], "0.7333", "MACD histogram (-1.9738 - -2.7071)");
    }

    [Fact]
    public void Rsi_14_matches_published_values_from_index_14()
    {
        var rsi = Run(new Rsi(14));
        double.IsNaN(rsi[13]).ShouldBeTrue();
        ShouldMatchPublished(rsi[14], "49.14", "RSI[14]");
        ShouldMatchPublished(rsi[15], "52.32", "RSI[15]");
        ShouldMatchPublished(rsi[16], "46.07", "RSI[16]");
        ShouldMatchPublished(rsi[251], "49.63", "RSI[251]");
    }

    [Fact]
    public void Atr_14_matches_published_natr_from_index_14()
    {
        // TA-Lib publishes NATR = ATR / close * 100 for this data set (test_per_hlc.c).
        var atr = IndicatorBatch.Run(new Atr(14), TalibRegressionBars.All)[0];
        var closes = TalibRegressionBars.Closes;
        double.IsNaN(atr[13]).ShouldBeTrue();
        ShouldMatchPublished(atr[14] / closes[14] * 100, "3.9321", "NATR[14]");
        ShouldMatchPublished(atr[15] / closes[15] * 100, "3.7576", "NATR[15]");
        ShouldMatchPublished(atr[251] / closes[251] * 100, "3.0229", "NATR[251]");
    }

    [Fact]
    public void Bollinger_20_2_matches_published_bands_at_index_19()
    {
        var bands = IndicatorBatch.Run(new BollingerBands(20, 2), TalibRegressionBars.Closes);
        double.IsNaN(bands[1][18]).ShouldBeTrue();
        ShouldMatchPublished(bands[0][19], "98.0734", "upper");
        ShouldMatchPublished(bands[1][19], "92.8910", "middle");
        ShouldMatchPublished(bands[2][19], "87.7086", "lower");
    }

    [Fact]
    public void Moving_averages_match_published_values()
    {
        var sma30 = Run(new Sma(30));
        double.IsNaN(sma30[28]).ShouldBeTrue();
        ShouldMatchPublished(sma30[29], "90.42", "SMA(30)[29]");
        ShouldMatchPublished(sma30[30], "90.21", "SMA(30)[30]");
        ShouldMatchPublished(sma30[58], "87.12", "SMA(30)[58]");
        ShouldMatchPublished(sma30[251], "108.42", "SMA(30)[251]");

        var ema10 = Run(new Ema(10));
        double.IsNaN(ema10[8]).ShouldBeTrue();
        ShouldMatchPublished(ema10[9], "93.22", "EMA(10)[9]");
        ShouldMatchPublished(ema10[10], "93.75", "EMA(10)[10]");
        ShouldMatchPublished(ema10[29], "86.46", "EMA(10)[29]");
        ShouldMatchPublished(ema10[251], "108.97", "EMA(10)[251]");

        var wma30 = Run(new Wma(30));
        double.IsNaN(wma30[28]).ShouldBeTrue();
        ShouldMatchPublished(wma30[29], "88.567", "WMA(30)[29]");
        ShouldMatchPublished(wma30[30], "88.233", "WMA(30)[30]");
        ShouldMatchPublished(wma30[58], "87.191", "WMA(30)[58]");
    }

    [Fact]
    public void Stddev_and_roc_match_published_values()
    {
        var stddev = Run(new RollingStdDev(5));
        ShouldMatchPublished(stddev[4], "1.2856", "STDDEV(5)[4]");
        ShouldMatchPublished(stddev[5], "0.4462", "STDDEV(5)[5]");
        ShouldMatchPublished(stddev[251], "0.7144", "STDDEV(5)[251]");

        var roc = Run(new RateOfChange(14));
        double.IsNaN(roc[13]).ShouldBeTrue();
        ShouldMatchPublished(roc[14], "-0.546", "ROC(14)[14]");
        ShouldMatchPublished(roc[20], "-4.49", "ROC(14)[20]");
        ShouldMatchPublished(roc[21], "-5.5256", "ROC(14)[21]");
        ShouldMatchPublished(roc[251], "-1.0367", "ROC(14)[251]");
    }
}
