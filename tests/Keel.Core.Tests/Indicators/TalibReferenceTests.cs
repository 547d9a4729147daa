using System.Globalization;
using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

/// <summary>
/// Every output against tests/reference/talib_reference.py: a separate, naive pure-Python
/// implementation of the TA-Lib formulas (which itself reproduces the values TA-Lib's regression
/// tests publish), run on TA-Lib's own regression bars. NaN must line up exactly (same warm-up),
/// values to 1e-9.
/// </summary>
public class TalibReferenceTests
{
    private sealed record ReferenceSeries(string Spec, string Output, double[] Values);

    private static readonly Lazy<ReferenceSeries[]> Reference = new(Load);

    private static ReferenceSeries[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Indicators", "talib_reference.txt");
        return File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' '))
            .Select(fields => new ReferenceSeries(fields[0], fields[1],
                fields.Skip(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()))
            .ToArray();
    }

    public static TheoryData<string, string> Outputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var series in Reference.Value) data.Add(series.Spec, series.Output);
        return data;
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Output_matches_the_independent_reference(string spec, string output)
    {
        var expected = Reference.Value.Single(s => s.Spec == spec && s.Output == output).Values;
        var bars = TalibRegressionBars.All.AsSpan(0, expected.Length);
        var indicator = IndicatorSpec.Parse(spec);
        var outputIndex = indicator.OutputNames.ToList().IndexOf(output);
        outputIndex.ShouldBeGreaterThanOrEqualTo(0, $"{spec} has no output {output}");

        var actual = IndicatorBatch.Run(indicator, bars)[outputIndex];

        for (var i = 0; i < expected.Length; i++) IndicatorTestData.ShouldAgree(actual[i], expected[i], $"{output} at bar {i}");
    }

    [Fact]
    public void The_reference_covers_every_indicator_and_output()
    {
        var outputs = Reference.Value.Select(s => s.Output).ToHashSet();
        string[] required =
        [
            "sma_20", "ema_20", "wma_20", "rsi_14", "macd_12_26_9", "macd_signal_12_26_9", "macd_hist_12_26_9",
            "bb_upper_20_2", "bb_middle_20_2", "bb_lower_20_2", "atr_14", "stddev_20", "zscore_20", "roc_10",
        ];
        foreach (var name in required) outputs.ShouldContain(name);
        Reference.Value.ShouldAllBe(s => s.Values.Length == 120);
    }
}
