using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Data;

namespace Keel.Cli;

/// <summary>
/// Several bar files to be read as streams (a portfolio backtest that holds a window of each, not its bars), with
/// what <see cref="LoadedBars"/> says of loaded ones: each asset class and why, and the range asked for.
/// </summary>
internal sealed record StreamedBars(IReadOnlyList<BarFileSource> Sources, IReadOnlyDictionary<Symbol, string> AssetClassRules, DateTime? From, DateTime? To,
    string FromText, string ToText)
{
    /// <summary>As a loaded run describes it, with no bars held.</summary>
    public LoadedBars Description => new([], AssetClassRules, From, To) { Symbols = Sources.Select(s => s.Symbol).ToList() };

    /// <summary>A new stream of each file, cut as <see cref="DataOptions.LoadWithWarmUp"/> cuts a loaded series; dispose each when done.</summary>
    public IReadOnlyList<IBarStream> Open() => Sources.Select(source =>
    {
        var stream = source.Open();
        return From is null && To is null && stream.Timeframe == source.Timeframe
            ? stream
            : new RangedBarStream(stream, source.Timeframe, From ?? DateTime.MinValue, To ?? DateTime.MaxValue, FromText, ToText);
    }).ToList();
}
