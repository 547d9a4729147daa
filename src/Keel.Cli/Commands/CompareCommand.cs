using System.CommandLine;
using System.Globalization;
using Keel.Cli.Output;
using Keel.Cli.Strategies;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Strategies;
using Keel.Strategies;
using Keel.Reporting;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel compare</c>: every strategy × symbol × cost setting (without costs, and with them), run in
/// parallel, written to one CSV, per-run equity curves and one offline HTML report.
/// </summary>
internal static class CompareCommand
{
    public const string DefaultCostSlippage = "percent:0.05";
    public const string DefaultCostCommission = "alpaca";

    public static Command Create()
    {
        var data = new DataOptions();
        var options = new BacktestOptions();
        var strategies = new Option<string?>("--strategies", "--strategy") { Description = "Strategies to compare (default: every built-in and user strategy except 'test', with defaults), e.g. \"rsi;sma-crossover:fast=5,slow=20;breakout\"." };
        var userOnly = new Option<bool>("--strategies-only") { Description = "Compare only your strategies (from ./strategies or --strategies-dir), with defaults, not the built-in ones." };
        var output = new Option<string>("--out") { Description = "Results folder.", DefaultValueFactory = _ => "results" };
        var noCosts = new Option<bool>("--no-cost-runs") { Description = "Only run with costs (skip the frictionless runs)." };
        var command = new Command("compare", "Compare strategies side by side, with and without costs; writes CSV, equity curves and an HTML report.") { strategies, userOnly, output, noCosts };
        data.AddTo(command);
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var specs = DefaultSpecs(parse.GetValue(strategies), parse.GetValue(userOnly), UserStrategies.Registry(parse));
            var folder = OutputFolder.Check(parse.GetValue(output)!);
            var withCosts = options.Settings(parse, DefaultCostSlippage, DefaultCostCommission);
            var settingsByLabel = new List<(string Label, BacktestSettings Settings)>();
            if (!parse.GetValue(noCosts)) settingsByLabel.Add(("no costs", withCosts with { Broker = Core.Costs.BrokerModel.Frictionless }));
            settingsByLabel.Add(("with costs", withCosts));
            var loaded = data.LoadWithWarmUp(parse, Console.Error, allStoreSymbolsByDefault: true);
            var series = loaded.Series;
            settingsByLabel = settingsByLabel.Select(c => (c.Label, c.Settings with { TradeFrom = loaded.From })).ToList();

            // Each strategy, and buy and hold of the same symbol with the same costs beside it.
            var runs = specs.Select(s => (IStrategySpec?)s).Append(null).ToList();
            var jobs = (from spec in runs from s in series from c in settingsByLabel select (spec, s, c.Label, c.Settings)).ToList();
            var results = ParallelBacktests.Run(jobs.Count, i => jobs[i].spec is { } spec
                ? Backtester.Run(jobs[i].Settings, [jobs[i].s], [spec])
                : Benchmark.BuyAndHold(jobs[i].Settings with { KeepJournal = true }, [jobs[i].s]));
            var code = specs.ToDictionary(s => s, s => StrategyCode.Of(s).Sha256);
            var ordered = jobs.Select((j, i) => (Spec: j.spec ?? BuyAndHoldSpec, Series: j.s, Costs: j.Label, Result: results[i])).ToList();

            var curves = Path.Combine(folder, "backtests");
            Directory.CreateDirectory(curves);
            ResultCsvWriter.WriteSummary(Path.Combine(folder, "strategy_comparison.csv"),
                ordered.Select(r => new SummaryRow(r.Spec.Text, r.Series.Symbol.Ticker, r.Costs, r.Result.Metrics)
                {
                    AssetClass = AssetClassText.Name(r.Result.AssetClass),
                    RejectedOrders = r.Result.OrderTally.Rejected,
                    ResizedOrders = r.Result.OrderTally.Resized,
                    CodeSha256 = code.GetValueOrDefault(r.Spec, ""),
                }).ToList());
            foreach (var r in ordered)
                ResultCsvWriter.WriteEquityCurve(Path.Combine(curves, FileName(r.Spec, r.Series.Symbol, r.Costs)), r.Result.EquityCurve, r.Result.Settings.StartingCash);
            var report = Path.Combine(folder, "report.html");
            HtmlReport.Write(report, new HtmlReportModel
            {
                Title = "Keel strategy comparison",
                Settings = Settings(withCosts, loaded),
                Runs = ordered.Select(r => new ReportRun($"{r.Spec.ShortName} {r.Series.Symbol} ({r.Costs})", r.Spec.Text, r.Series.Symbol.Ticker, r.Costs, r.Result.Metrics, r.Result.EquityCurve)).ToList(),
            });

            WriteTable(ordered);
            AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(Benchmark.Describe(1))}, per symbol; asset classes: {Markup.Escape(loaded.AssetClassSource)}[/]");
            foreach (var r in ordered.Where(r => r.Spec != BuyAndHoldSpec))
            {
                foreach (var warning in ResultWarnings.For(r.Result))
                    AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape($"{r.Spec.ShortName} {r.Series.Symbol} ({r.Costs})")}: {Markup.Escape(warning)}");
            }
            AnsiConsole.MarkupLine($"Comparison CSV: [bold]{Markup.Escape(Path.GetFullPath(Path.Combine(folder, "strategy_comparison.csv")))}[/]");
            AnsiConsole.MarkupLine($"HTML report:    [bold]{Markup.Escape(Path.GetFullPath(report))}[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The benchmark's row: buy and hold of the same symbol with the same costs.</summary>
    private static readonly IStrategySpec BuyAndHoldSpec = new BenchmarkSpec();

    private sealed class BenchmarkSpec : IStrategySpec
    {
        public string Text => "buy-and-hold (benchmark)";
        public string ShortName => "buy & hold";
        public IStrategy Create() => throw new InvalidOperationException("The benchmark runs through Benchmark.BuyAndHold.");
    }

    /// <summary>
    /// The strategies named, else every strategy with its defaults (the user's included; only the user's with
    /// --strategies-only), but never the pipeline-validation one unless named.
    /// </summary>
    private static IReadOnlyList<IStrategySpec> DefaultSpecs(string? named, bool userOnly, StrategyRegistry registry)
    {
        if (named is not null)
        {
            if (userOnly) throw new UsageException("--strategies-only and --strategies contradict each other: name the strategies, or take all of yours.");
            return StrategyText.ParseList(named, registry);
        }
        var specs = registry.All.Where(d => !d.IsPipelineValidation && (!userOnly || !d.Source.IsBuiltIn))
            .Select(d => (IStrategySpec)d.Configure(new Dictionary<string, double>())).ToList();
        if (specs.Count == 0) throw new UsageException("--strategies-only: no strategy of yours was found; write one with keel new strategy NAME (in ./strategies or --strategies-dir).");
        return specs;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Settings(BacktestSettings s, LoadedBars loaded) =>
    [
        new("symbols", string.Join(", ", loaded.Series.Select(x => $"{x.Symbol} ({x.Count} {x.Timeframe} bars, {x[0].Timestamp:yyyy-MM-dd} to {x[x.Count - 1].Timestamp:yyyy-MM-dd})"))),
        new("asset classes", loaded.AssetClassSource),
        new("range", loaded.From is null && loaded.To is null ? "every bar" : DataOptions.Describe(loaded.From, loaded.To) + " (earlier bars only warm indicators up)"),
        new("benchmark", Benchmark.Describe(1) + ", per symbol"),
        new("starting cash", SummaryTable.Money(s.StartingCash)),
        new("sizing", s.Risk.Sizing.ToString()),
        new("fills", s.FillModel == FillModel.NextOpen ? "market orders fill at the next bar's open" : "market orders fill at the same bar's close"),
        new("costs (with costs runs)", s.Broker.ToString()),
        new("end of run", s.CloseAtEnd ? "open positions closed at the last close" : "open positions kept and marked at the last close"),
    ];

    private static void WriteTable(IReadOnlyList<(IStrategySpec Spec, BarSeries Series, string Costs, BacktestResult Result)> runs)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Strategy comparison[/]");
        foreach (var column in new[] { "strategy", "symbol", "costs", "return", "max DD", "Sharpe", "win rate", "trades", "refused", "final equity" })
            table.AddColumn(column == "strategy" || column == "symbol" || column == "costs" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        foreach (var (spec, series, costs, result) in runs)
        {
            var m = result.Metrics;
            table.AddRow(Markup.Escape(spec.ShortName), Markup.Escape(series.Symbol.Ticker), costs, SummaryTable.Pct(m.TotalReturnPct),
                SummaryTable.Pct(m.MaxDrawdownPct), SummaryTable.D(m.Sharpe), SummaryTable.Pct(m.WinRatePct),
                m.Trades.ToString(CultureInfo.InvariantCulture), result.OrderTally.Rejected.ToString(CultureInfo.InvariantCulture), SummaryTable.Money(result.FinalEquity));
        }
        AnsiConsole.Write(table);
        foreach (var spec in runs.Select(r => r.Spec.Text).Distinct()) AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(spec)}[/]");
    }

    private static string FileName(IStrategySpec spec, Keel.Core.Domain.Symbol symbol, string costs) =>
        ResultFileNames.ComparisonCurve(spec.Text, symbol.FileSafeName, costs);
}
