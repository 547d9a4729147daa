using System.CommandLine;
using System.Globalization;
using Keel.Core.Domain;
using Keel.Data;
using Keel.Data.Columnar;
using Keel.Data.Csv;
using Keel.Data.Store;

namespace Keel.Cli;

/// <summary>
/// Where bars come from: CSV files (<c>--data</c>) or the local bar store (<c>--symbol</c>, <c>--store</c>),
/// and which of them (<c>--from</c>, <c>--to</c>). What a user states about the data (timeframe, zone,
/// symbol, asset class) is checked against it, and how each asset class was decided is kept for the result.
/// </summary>
internal sealed class DataOptions
{
    public const string DefaultStore = "data/bars";

    public Option<string[]> Data { get; } = new("--data") { Description = "Bar file(s): CSV (Yahoo, Date+Time, unnamed datetime column, lean or Keel canonical layouts) or Parquet.", AllowMultipleArgumentsPerToken = true };
    public Option<string?> Symbol { get; } = new("--symbol", "--symbols") { Description = "Symbol(s) from the local bar store, comma-separated (SPY,BTC/USD). With --data: the symbol of each file (default: from the file name)." };
    public Option<string?> AssetClass { get; } = new("--asset-class") { Description = "With --data: equity, crypto, fx or future (default: from the symbol's form or the file name; the result says which rule decided)." };
    public Option<string> Store { get; } = new("--store") { Description = "Local bar store folder.", DefaultValueFactory = _ => DefaultStore };
    public Option<string?> Timeframe { get; } = new("--timeframe") { Description = "Bar timeframe (1Min, 5Min, 1Hour, 1Day). Store default 1Day; files: inferred, and a stated one must match the file." };
    public Option<string?> TimeZone { get; } = new("--tz") { Description = "Time zone of the file's timestamps when they carry none (default America/New_York for equities, UTC otherwise)." };
    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows") { Description = "Skip malformed CSV rows and report them instead of failing." };
    public Option<string?> From { get; } = new("--from") { Description = "First date or time traded, inclusive (2020-01-31 or 2020-01-31T14:30, in the data's zone); earlier bars only warm indicators up." };
    public Option<string?> To { get; } = new("--to") { Description = "Last date or time traded, inclusive (a date means through its end)." };

    /// <summary>The columnar cache files are read through: the user's (a test gives its own, or none).</summary>
    internal Func<ColumnarBarCache?> Cache { get; init; } = ColumnarBarCache.FromEnvironment;

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, Symbol, AssetClass, Store, Timeframe, TimeZone, SkipBadRows, From, To }) command.Options.Add(option);
    }

    /// <summary>Every requested series cut to <c>--from</c>..<c>--to</c> (no warm-up bars kept): for commands that window the bars themselves.</summary>
    public IReadOnlyList<BarSeries> Load(ParseResult result, TextWriter stderr, bool allStoreSymbolsByDefault = false)
    {
        var loaded = LoadWithWarmUp(result, stderr, allStoreSymbolsByDefault);
        return loaded.From is { } from ? loaded.Series.Select(s => Slice(s, from, DateTime.MaxValue)).ToList() : loaded.Series;
    }

    /// <summary>Every requested series up to <c>--to</c>, bars before <c>--from</c> kept for warm-up (give <see cref="LoadedBars.From"/> to the backtest).</summary>
    public LoadedBars LoadWithWarmUp(ParseResult result, TextWriter stderr, bool allStoreSymbolsByDefault = false)
    {
        var (series, rules) = LoadAll(result, stderr, allStoreSymbolsByDefault);
        var (from, to) = Range(result, series.Select(s => s.Symbol).ToList());
        if (from is null && to is null) return new LoadedBars(series, rules, null, null);

        var cut = new List<BarSeries>();
        foreach (var s in series)
        {
            var traded = Slice(s, from ?? DateTime.MinValue, to ?? DateTime.MaxValue);
            if (traded.Count == 0)
                throw new UsageException($"{s.Symbol} has no bars between {Shown(result.GetValue(From))} and {Shown(result.GetValue(To))} (its bars run from {s[0].Timestamp:yyyy-MM-dd HH:mm} to {s[s.Count - 1].Timestamp:yyyy-MM-dd HH:mm} UTC).");
            cut.Add(Slice(s, DateTime.MinValue, to ?? DateTime.MaxValue));
        }
        return new LoadedBars(cut, rules, from, to);
    }

    private static string Shown(string? text) => text ?? "the end";

    private static BarSeries Slice(BarSeries series, DateTime from, DateTime to)
    {
        var bars = series.Span;
        int first = 0, end = bars.Length;
        while (first < end && bars[first].Timestamp < from) first++;
        while (end > first && bars[end - 1].Timestamp > to) end--;
        return first == 0 && end == bars.Length ? series : new BarSeries(series.Symbol, series.Timeframe, bars[first..end].ToArray());
    }

    private (List<BarSeries> Series, Dictionary<Core.Domain.Symbol, string> Rules) LoadAll(ParseResult result, TextWriter stderr, bool allStoreSymbolsByDefault)
    {
        var files = result.GetValue(Data) ?? [];
        if (files.Length > 0)
        {
            var (loaded, fileRules) = OpenFiles(result, stderr, files, BarFiles.Load, l => (l.Series.Symbol, l.SymbolRule, l.SkippedRows));
            return (loaded.Select(l => l.Series).ToList(), fileRules);
        }
        var (symbols, timeframe, assetClass) = FileArguments(result);
        var rules = new Dictionary<Core.Domain.Symbol, string>();
        if (assetClass is not null) throw new UsageException("--asset-class applies to --data files; the bar store knows each symbol's class from its file name (BTC-USD is crypto).");
        if (result.GetValue(TimeZone) is not null) throw new UsageException("--tz applies to --data files; the bar store keeps UTC timestamps.");
        var store = new LocalBarStore(result.GetValue(Store)!);
        var tf = timeframe ?? Core.Domain.Timeframe.OneDay;
        List<Core.Domain.Symbol> wanted;
        if (symbols.Length == 0)
        {
            if (!allStoreSymbolsByDefault) throw new UsageException("Give --data FILE or --symbol SYM (with --store DIR).");
            wanted = store.List().Where(e => e.Timeframe == tf).Select(e => e.Symbol).ToList();
            if (wanted.Count == 0) throw new UsageException($"The store '{result.GetValue(Store)}' has no {tf} bars; run `keel data import` or `keel data download`, or pass --data FILE.");
        }
        else wanted = symbols.Select(Core.Domain.Symbol.Parse).ToList();
        foreach (var s in wanted) rules[s] = s.IsCrypto ? "store: a pair with '/' is crypto" : "store: an equity ticker";
        return (wanted.Select(s => store.Load(s, tf)).ToList(), rules);
    }

    /// <summary>
    /// Several <c>--data</c> files opened to be read as streams, checked and described as <see cref="LoadWithWarmUp"/>
    /// checks and describes them; null when the command names one file or the bar store (those are loaded).
    /// </summary>
    public StreamedBars? TryStream(ParseResult result, TextWriter stderr)
    {
        var files = result.GetValue(Data) ?? [];
        if (files.Length < 2) return null;
        var (sources, rules) = OpenFiles(result, stderr, files, BarFileSource.Open, s => (s.Symbol, s.SymbolRule, s.SkippedRows));
        var (from, to) = Range(result, sources.Select(s => s.Symbol).ToList());
        return new StreamedBars(sources, rules, from, to, Shown(result.GetValue(From)), Shown(result.GetValue(To)));
    }

    /// <summary>
    /// <c>--from</c> and <c>--to</c> as UTC times, read in <c>--tz</c>, else in the symbols' zone when they share one,
    /// else in New York's.
    /// </summary>
    private (DateTime? From, DateTime? To) Range(ParseResult result, IReadOnlyList<Core.Domain.Symbol> symbols)
    {
        var zoneName = result.GetValue(TimeZone);
        var zone = zoneName is not null ? FindZone(zoneName)
            : symbols.Select(s => BarCsvReader.DefaultZone(s.AssetClass)).Distinct().Count() == 1 ? BarCsvReader.DefaultZone(symbols[0].AssetClass)
            : BarCsvReader.DefaultZone(Core.Domain.AssetClass.UsEquity);
        DateTime? from = result.GetValue(From) is { } f ? DateRangeText.From(f, zone) : null;
        DateTime? to = result.GetValue(To) is { } t ? DateRangeText.To(t, zone) : null;
        if (from > to) throw new UsageException($"--from {result.GetValue(From)} is after --to {result.GetValue(To)}.");
        return (from, to);
    }

    /// <summary>The <c>--symbol</c> list, <c>--timeframe</c> and <c>--asset-class</c> as given (for files and the store alike).</summary>
    private (string[] Symbols, Core.Domain.Timeframe? Timeframe, Core.Domain.AssetClass? AssetClass) FileArguments(ParseResult result)
    {
        var symbols = (result.GetValue(Symbol) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var timeframeText = result.GetValue(Timeframe);
        var assetClassText = result.GetValue(AssetClass);
        return (symbols, timeframeText is null ? null : Core.Domain.Timeframe.Parse(timeframeText), assetClassText is null ? null : AssetClassText.Parse(assetClassText));
    }

    /// <summary>
    /// Every <c>--data</c> file opened by <paramref name="open"/> (a whole load, or a source to stream) with the options
    /// the command line gives it: its skipped rows reported, its asset class's rule noted, two files of one symbol refused.
    /// </summary>
    private (List<T> Opened, Dictionary<Core.Domain.Symbol, string> Rules) OpenFiles<T>(ParseResult result, TextWriter stderr, string[] files,
        Func<string, BarCsvOptions, ColumnarBarCache?, T> open, Func<T, (Core.Domain.Symbol Symbol, string Rule, IReadOnlyList<BadRow> Skipped)> describe)
    {
        var (symbols, timeframe, assetClass) = FileArguments(result);
        if (symbols.Length > 1 && symbols.Length != files.Length)
            throw new UsageException($"{files.Length} --data file(s) but {symbols.Length} symbols; give one symbol per file or none.");
        var cache = Cache();
        var rules = new Dictionary<Core.Domain.Symbol, string>();
        var opened = files.Select((file, i) =>
        {
            var (options, symbolText) = FileOptions(result, i, symbols, assetClass, timeframe);
            var item = open(file, options, cache);
            var (symbol, rule, skipped) = describe(item);
            foreach (var bad in skipped) stderr.WriteLine($"skipped {file}:{bad}");
            rules[symbol] = Rule(symbolText, options, rule);
            return (Item: item, Symbol: symbol);
        }).ToList();
        CheckDistinct(opened.Select(o => o.Symbol).ToList());
        return (opened.Select(o => o.Item).ToList(), rules);
    }

    /// <summary>How the <paramref name="index"/>th <c>--data</c> file is read, and the symbol given for it (if any).</summary>
    private (BarCsvOptions Options, string? SymbolText) FileOptions(ParseResult result, int index, string[] symbols, Core.Domain.AssetClass? assetClass, Core.Domain.Timeframe? timeframe)
    {
        var zoneName = result.GetValue(TimeZone);
        var symbolText = symbols.Length == 0 ? null : symbols[Math.Min(index, symbols.Length - 1)];
        var symbol = symbolText is null ? null
            : assetClass is { } given ? new Core.Domain.Symbol(symbolText, given) : Core.Domain.Symbol.Parse(symbolText);
        return (new BarCsvOptions
        {
            Symbol = symbol,
            AssetClass = assetClass,
            Timeframe = timeframe,
            SourceTimeZone = zoneName is null ? null : FindZone(zoneName),
            SkipBadRows = result.GetValue(SkipBadRows),
        }, symbolText);
    }

    /// <summary>Why a file's symbol has its asset class, for the result.</summary>
    private static string Rule(string? symbolText, BarCsvOptions options, string fileRule) =>
        symbolText is null ? (options.AssetClass is null ? fileRule : "--asset-class")
        : options.AssetClass is null ? (options.Symbol!.IsCrypto ? "--symbol form: a pair with '/' is crypto" : "--symbol form: no '/', an equity ticker") : "--asset-class";

    private static void CheckDistinct(IReadOnlyList<Core.Domain.Symbol> symbols)
    {
        if (symbols.Distinct().Count() != symbols.Count)
            throw new UsageException($"two --data files are the same symbol ({string.Join(", ", symbols.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key))}); give each its own with --symbol.");
    }

    internal static TimeZoneInfo FindZone(string name)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(name); }
        catch (TimeZoneNotFoundException) { throw new UsageException($"--tz '{name}' is not a known time zone (use IANA names like America/New_York or UTC)."); }
        catch (InvalidTimeZoneException) { throw new UsageException($"--tz '{name}' is not a usable time zone."); }
    }

    /// <summary>The range as the result states it.</summary>
    public static string Describe(DateTime? from, DateTime? to) => string.Create(CultureInfo.InvariantCulture,
        $"{(from is { } f ? f.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "first bar")} to {(to is { } t ? t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "last bar")}");
}
