using System.CommandLine;
using Keel.Core.Domain;
using Keel.Data;
using Keel.Data.Csv;
using Keel.Data.Store;

namespace Keel.Cli;

/// <summary>Where bars come from: CSV files (<c>--data</c>) or the local bar store (<c>--symbol</c>, <c>--store</c>).</summary>
internal sealed class DataOptions
{
    public const string DefaultStore = "data/bars";

    public Option<string[]> Data { get; } = new("--data") { Description = "Bar file(s): CSV (Yahoo, Date+Time, unnamed datetime column, lean or Keel canonical layouts) or Parquet.", AllowMultipleArgumentsPerToken = true };
    public Option<string?> Symbol { get; } = new("--symbol", "--symbols") { Description = "Symbol(s) from the local bar store, comma-separated (SPY,BTC/USD). With --data: the symbol of the file." };
    public Option<string> Store { get; } = new("--store") { Description = "Local bar store folder.", DefaultValueFactory = _ => DefaultStore };
    public Option<string?> Timeframe { get; } = new("--timeframe") { Description = "Bar timeframe (1Min, 5Min, 1Hour, 1Day). Store default 1Day; files: inferred." };
    public Option<string?> TimeZone { get; } = new("--tz") { Description = "Time zone of the file's timestamps (default America/New_York for equities, UTC for crypto)." };
    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows") { Description = "Skip malformed CSV rows and report them instead of failing." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, Symbol, Store, Timeframe, TimeZone, SkipBadRows }) command.Options.Add(option);
    }

    /// <summary>Loads every requested series; <paramref name="stderr"/> hears about skipped rows.</summary>
    public IReadOnlyList<BarSeries> Load(ParseResult result, TextWriter stderr, bool allStoreSymbolsByDefault = false)
    {
        var files = result.GetValue(Data) ?? [];
        var symbols = (result.GetValue(Symbol) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var timeframeText = result.GetValue(Timeframe);
        Core.Domain.Timeframe? timeframe = timeframeText is null ? null : Core.Domain.Timeframe.Parse(timeframeText);
        if (files.Length > 0)
        {
            if (symbols.Length > 1 && symbols.Length != files.Length)
                throw new UsageException($"{files.Length} --data file(s) but {symbols.Length} symbols; give one symbol per file or none.");
            var zoneName = result.GetValue(TimeZone);
            return files.Select((file, i) =>
            {
                var loaded = BarFiles.Load(file, new BarCsvOptions
                {
                    Symbol = symbols.Length == 0 ? null : Core.Domain.Symbol.Parse(symbols[Math.Min(i, symbols.Length - 1)]),
                    Timeframe = timeframe,
                    SourceTimeZone = zoneName is null ? null : FindZone(zoneName),
                    SkipBadRows = result.GetValue(SkipBadRows),
                });
                foreach (var bad in loaded.SkippedRows) stderr.WriteLine($"skipped {file}:{bad}");
                return loaded.Series;
            }).ToList();
        }
        var store = new LocalBarStore(result.GetValue(Store)!);
        var tf = timeframe ?? Core.Domain.Timeframe.OneDay;
        if (symbols.Length == 0)
        {
            if (!allStoreSymbolsByDefault) throw new UsageException("Give --data FILE or --symbol SYM (with --store DIR).");
            var all = store.List().Where(e => e.Timeframe == tf).Select(e => e.Symbol).ToList();
            if (all.Count == 0) throw new UsageException($"The store '{result.GetValue(Store)}' has no {tf} bars; run `keel data import` or `keel data download`, or pass --data FILE.");
            return all.Select(s => store.Load(s, tf)).ToList();
        }
        return symbols.Select(s => store.Load(Core.Domain.Symbol.Parse(s), tf)).ToList();
    }

    internal static TimeZoneInfo FindZone(string name)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(name); }
        catch (TimeZoneNotFoundException) { throw new UsageException($"--tz '{name}' is not a known time zone (use IANA names like America/New_York or UTC)."); }
    }
}
