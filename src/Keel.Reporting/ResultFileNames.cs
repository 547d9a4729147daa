namespace Keel.Reporting;

/// <summary>Names of the files a comparison writes, in one place: the command writes them, the dashboard finds them.</summary>
public static class ResultFileNames
{
    /// <summary>The equity curve of one comparison run under <c>backtests/</c>: strategy text, symbol and costs with file-unsafe characters replaced.</summary>
    public static string ComparisonCurve(string strategyText, string fileSafeSymbol, string costs)
    {
        var name = $"{strategyText}_{fileSafeSymbol}_{costs}";
        foreach (var c in new[] { ':', ',', '=', ' ', ';', '/', '(', ')', '[', ']', '|' }) name = name.Replace(c, c == ' ' ? '-' : '_');
        return name + ".csv";
    }
}
