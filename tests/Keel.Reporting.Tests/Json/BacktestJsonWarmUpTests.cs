using Keel.Reporting.Json;

namespace Keel.Reporting.Tests.Json;

public class BacktestJsonWarmUpTests
{
    /// <summary>
    /// The warm-up compiles only the paths its placeholder takes: it must reach every field a real run writes (a filled
    /// list and dictionary, the optional fields), or the first real write would still compile the rest.
    /// </summary>
    [Fact]
    public void The_placeholder_reaches_every_field_a_full_run_writes()
    {
        var full = Fields(ResearchJsonTests.Backtest());
        var placeholder = Fields(BacktestJsonWarmUp.Placeholder);

        full.Except(placeholder).Where(f => f != "from").ShouldBeEmpty();
        placeholder.ShouldNotContain("from"); // the null left out is a path of its own
        Should.NotThrow(BacktestJsonWarmUp.Run);
    }

    /// <summary>The field paths, a dictionary's entries as one (their keys are data, not fields).</summary>
    private static List<string> Fields(BacktestJson value) =>
        JsonFields.Of(JsonFields.Text(value, ReportJson.Default.BacktestJson))
            .Select(f => f.StartsWith("rejected_by_reason.", StringComparison.Ordinal) || f.StartsWith("resized_by_reason.", StringComparison.Ordinal) ? f[..f.IndexOf('.')] + ".*" : f)
            .ToList();
}
