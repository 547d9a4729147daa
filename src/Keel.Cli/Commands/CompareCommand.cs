using System.CommandLine;
using System.Globalization;
using Keel.Cli.Output;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Strategies;
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
        var strategies = new Option<string?>("--strategies", "--strategy") { Description = "Strategies to compare (default: every library strategy except 'test', with defaults), e.g. \"rsi;sma-crossover:fast=5,slow=20\"." };
        var output = new Option<string>("--out") { Description = "Results folder.", DefaultValueFactory = _ => "results" };
        var noCosts = new Option<bool>("--no-cost-runs") { Description = "Only run with costs (skip the frictionless runs)." };
        var command = new Command("compare", "Compare strategies side by side, with and without costs; writes CSV, equity curves and an HTML report.") { strategies, output, noCosts };
        data.AddTo(command);
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var specs = parse.GetValue(strategies) is { } text
                ? StrategyText.ParseList(text)
                : StrategyRegistry.Default.All.Where(d => d.Name != AlternatingTestStrategy.Definition.Name).Select(d => (IStrategySpec)d.Configure(new Dictionary<string, double>())).ToList();
            var folder = OutputFolder.Check(parse.GetValue(output)!);
            var withCosts = options.Settings(parse, DefaultCostSlippage, DefaultCostCommission);
            var settingsByLabel = new List<(string Label, BacktestSettings Settings)>();
            if (!parse.GetValue(noCosts)) settingsByLabel.Add(("no costs", withCosts with { Broker = Core.Costs.BrokerModel.Frictionless }));
            settingsByLabel.Add(("with costs", withCosts));
            var series = data.Load(parse, Console.Error, allStoreSymbolsByDefault: true);

            var jobs = (from spec in specs from s in series from c in settingsByLabel select (spec, s, c.Label, c.Settings)).ToList();
            var results = ParallelBacktests.Run(jobs.Count, i => Backtester.Run(jobs[i].Settings, [jobs[i].s], [jobs[i].spec]));
            var ordered = jobs.Select((j, i) => (Spec: j.spec, Series: j.s, Costs: j.Label, Result: results[i])).ToList();

            var curves = Path.Combine(folder, "backtests");
            Directory.CreateDirectory(curves);
            ResultCsvWriter.WriteSummary(Path.Combine(folder, "strategy_comparison.csv"),
                ordered.Select(r => new SummaryRow(r.Spec.Text, r.Series.Symbol.Ticker, r.Costs, r.Result.Metrics)).ToList());
            foreach (var r in ordered)
                ResultCsvWriter.WriteEquityCurve(Path.Combine(curves, FileName(r.Spec, r.Series.Symbol, r.Costs)), r.Result.EquityCurve, r.Result.Settings.StartingCash);
            var report = Path.Combine(folder, "report.html");
            HtmlReport.Write(report, new HtmlReportModel
            {
                Title = "Keel strategy comparison",
                Settings = Settings(withCosts, series),
                Runs = ordered.Select(r => new ReportRun($"{r.Spec.ShortName} {r.Series.Symbol} ({r.Costs})", r.Spec.Text, r.Series.Symbol.Ticker, r.Costs, r.Result.Metrics, r.Result.EquityCurve)).ToList(),
            });

            WriteTable(ordered);
            AnsiConsole.MarkupLine($"Comparison CSV: [bold]{Markup.Escape(Path.GetFullPath(Path.Combine(folder, "strategy_comparison.csv")))}[/]");
            AnsiConsole.MarkupLine($"HTML report:    [bold]{Markup.Escape(Path.GetFullPath(report))}[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Settings(BacktestSettings s, IReadOnlyList<BarSeries> series) =>
    [
        new("symbols", string.Join(", ", series.Select(x => $"{x.Symbol} ({x.Count} {x.Timeframe} bars, {x[0].Timestamp:yyyy-MM-dd} to {x[x.Count - 1].Timestamp:yyyy-MM-dd})"))),
        new("starting cash", SummaryTable.Money(s.StartingCash)),
        new("sizing", s.Risk.Sizing.ToString()),
        new("fills", s.FillModel == FillModel.NextOpen ? "market orders fill at the next bar's open" : "market orders fill at the same bar's close"),
        new("costs (with costs runs)", s.Broker.ToString()),
        new("end of run", s.CloseAtEnd ? "open positions closed at the last close" : "open positions kept and marked at the last close"),
    ];

    private static void WriteTable(IReadOnlyList<(IStrategySpec Spec, BarSeries Series, string Costs, BacktestResult Result)> runs)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Strategy comparison[/]");
        foreach (var column in new[] { "strategy", "symbol", "costs", "return", "max DD", "Sharpe", "win rate", "trades", "final equity" })
            table.AddColumn(column == "strategy" || column == "symbol" || column == "costs" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        foreach (var (spec, series, costs, result) in runs)
        {
            var m = result.Metrics;
            table.AddRow(Markup.Escape(spec.ShortName), Markup.Escape(series.Symbol.Ticker), costs, SummaryTable.Pct(m.TotalReturnPct),
                SummaryTable.Pct(m.MaxDrawdownPct), SummaryTable.D(m.Sharpe), SummaryTable.Pct(m.WinRatePct),
                m.Trades.ToString(CultureInfo.InvariantCulture), SummaryTable.Money(result.FinalEquity));
        }
        AnsiConsole.Write(table);
        foreach (var spec in runs.Select(r => r.Spec.Text).Distinct()) AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(spec)}[/]");
    }

    private static string FileName(IStrategySpec spec, Keel.Core.Domain.Symbol symbol, string costs)
    {
        var name = $"{spec.Text}_{symbol.FileSafeName}_{costs}";
        foreach (var c in new[] { ':', ',', '=', ' ', ';', '/', '(', ')', '[', ']', '|' }) name = name.Replace(c, c == ' ' ? '-' : '_');
        return name + ".csv";
    }
}
