using Keel.Core.Domain;

namespace Keel.Cli;

/// <summary>
/// The series a command runs on and how they were chosen: each symbol's asset class and why (flag,
/// store or name rule), and the date range asked for (UTC, inclusive), whose bars before
/// <see cref="From"/> are kept to warm strategies up.
/// </summary>
internal sealed record LoadedBars(IReadOnlyList<BarSeries> Series, IReadOnlyDictionary<Symbol, string> AssetClassRules, DateTime? From, DateTime? To)
{
    /// <summary>The symbols run on: the series' own, or a streamed run's (which holds no series).</summary>
    public IReadOnlyList<Symbol> Symbols { get; init; } = Series.Select(s => s.Symbol).ToList();

    /// <summary>Why each asset class, once per distinct reason.</summary>
    public string AssetClassSource => string.Join("; ", Symbols.Select(s => $"{s}: {AssetClassRules[s]}").Distinct());

    /// <summary>How many of <paramref name="series"/>' bars come before <see cref="From"/>: read only to warm indicators up.</summary>
    public int WarmUpBars(BarSeries series)
    {
        if (From is not { } from) return 0;
        var count = 0;
        while (count < series.Count && series[count].Timestamp < from) count++;
        return count;
    }
}
