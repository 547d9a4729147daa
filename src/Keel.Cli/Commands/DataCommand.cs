using System.CommandLine;
using System.Globalization;
using Keel.Core.Domain;
using Symbol = Keel.Core.Domain.Symbol;
using Keel.Data;
using Keel.Data.Csv;
using Keel.Data.Store;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel data import|list|download</c>: the local bar store.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Manage the local bar store (import CSV files, download from Alpaca, list what is stored) and convert bar files (CSV, Parquet).");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(List());
        command.Subcommands.Add(DataDownloadCommand.Create());
        command.Subcommands.Add(DataConvertCommand.Create());
        return command;
    }

    private static Option<string> StoreOption() => new("--store") { Description = "Local bar store folder.", DefaultValueFactory = _ => DataOptions.DefaultStore };

    private static Command Import()
    {
        var files = new Argument<string[]>("files") { Description = "CSV files to import.", Arity = ArgumentArity.OneOrMore };
        var store = StoreOption();
        var symbol = new Option<string?>("--symbol") { Description = "Symbol of the file (default: from the file name)." };
        var timeframe = new Option<string?>("--timeframe") { Description = "Timeframe (default: inferred from the bar spacing)." };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Skip malformed rows and report them instead of failing." };
        var replace = new Option<bool>("--replace") { Description = "Let the file's bars replace stored bars at the same times that differ (e.g. adjusted over raw prices); says what it replaced." };
        var assetClass = new Option<string?>("--asset-class") { Description = "equity or crypto (the store keeps those two; default: from the symbol or file name)." };
        var command = new Command("import", "Import CSV files into the local bar store (merged with what is there; overlapping bars that differ are refused unless --replace).") { files, store, symbol, timeframe, skip, replace, assetClass };
        command.SetAction(parse =>
        {
            var barStore = new LocalBarStore(parse.GetValue(store)!);
            foreach (var file in parse.GetValue(files)!)
            {
                var cls = parse.GetValue(assetClass) is { } c ? AssetClassText.Parse(c) : (AssetClass?)null;
                if (cls is AssetClass.Fx or AssetClass.Future) throw new UsageException("the bar store keeps equity and crypto bars; backtest FX and futures files with --data FILE --asset-class.");
                var loaded = BarFiles.Load(file, new BarCsvOptions
                {
                    Symbol = parse.GetValue(symbol) is { } s ? (cls is { } given ? new Symbol(s, given) : Symbol.Parse(s)) : null,
                    AssetClass = cls,
                    Timeframe = parse.GetValue(timeframe) is { } t ? Timeframe.Parse(t) : null,
                    SkipBadRows = parse.GetValue(skip),
                });
                foreach (var bad in loaded.SkippedRows) Console.Error.WriteLine($"skipped {file}:{bad}");
                if (loaded.Series.Symbol.AssetClass is AssetClass.Fx or AssetClass.Future)
                    throw new UsageException($"{file}: {loaded.Series.Symbol} is {AssetClassText.Name(loaded.Series.Symbol.AssetClass)} ({loaded.SymbolRule}); the bar store keeps equity and crypto bars; give --symbol or --asset-class, or backtest it with --data.");
                var overlap = barStore.Overlap(loaded.Series);
                if (overlap.Differing > 0 && !parse.GetValue(replace))
                    throw new UsageException($"{file}: not imported: {overlap.Describe()}. Mixing series leaves jumps at the seams; pass --replace to let this file's bars win.");
                barStore.Merge(loaded.Series);
                if (overlap.Differing > 0) AnsiConsole.MarkupLine(Markup.Escape($"{file}: replaced {overlap.Describe()}"));
                var s2 = loaded.Series;
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: {s2.Count} {s2.Timeframe} bars of {s2.Symbol} ({loaded.Layout} layout) imported")));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var store = StoreOption();
        var command = new Command("list", "List the symbols and timeframes in the local bar store.") { store };
        command.SetAction(parse =>
        {
            if (File.Exists(parse.GetValue(store)!)) throw new UsageException($"--store '{parse.GetValue(store)}' is a file; give the bar store's folder.");
            var entries = new LocalBarStore(parse.GetValue(store)!).List();
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Bar store[/] {Markup.Escape(parse.GetValue(store)!)}");
            foreach (var c in new[] { "symbol", "timeframe", "bars", "first", "last" }) table.AddColumn(c);
            foreach (var e in entries)
                table.AddRow(Markup.Escape(e.Symbol.Ticker), e.Timeframe.ToString(), e.BarCount.ToString(CultureInfo.InvariantCulture),
                    e.First.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), e.Last.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            if (entries.Count == 0) AnsiConsole.MarkupLine("The store is empty: run [bold]keel data import FILE[/] or [bold]keel sample[/].");
            else AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
