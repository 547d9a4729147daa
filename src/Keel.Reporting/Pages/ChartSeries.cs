namespace Keel.Reporting.Pages;

/// <summary>One line of a chart: times in Unix milliseconds (UTC) and values, already downsampled for display.</summary>
public sealed record ChartSeries(string Name, long[] T, double[] V)
{
    public static ChartSeries Empty(string name) => new(name, [], []);
}
