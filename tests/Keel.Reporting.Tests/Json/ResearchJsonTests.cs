using Keel.Reporting.Json;

namespace Keel.Reporting.Tests.Json;

/// <summary>
/// The research commands' <c>--json</c> (backtest, sweep, walkforward, ensemble compare): field names, order and null
/// rules are what scripts read. The expected lists are the fields the commands printed before these models existed.
/// </summary>
public class ResearchJsonTests
{
    private static readonly BenchmarkJson Benchmark = new("buy and hold: 95% of equity bought on the first bar traded, same fills and costs", 44.35, 33.86, 0.33, 144352.18m, 0);
    private static readonly StrategySourceJson[] Sources = [new("rsi:period=14", "built-in", null, "52ce90f9")];

    internal static BacktestJson Backtest(string? from = "2021-01-01T05:00:00Z", double profitFactor = 1.18) => new()
    {
        Strategy = "sma-crossover:fast=10,slow=30", Symbols = "SPY", Timeframe = "1Day", AssetClass = "equity", AssetClassSource = "SPY: store: an equity ticker",
        PeriodsPerYearRule = "252 trading days × 1 bar (1Day bars)", From = from, To = from is null ? null : "2023-01-01T04:59:59Z", WarmUpBars = from is null ? null : 3703,
        Fill = "next-open", ClosedAtEnd = true, Costs = "slippage none", Sizing = "percent:95", Bars = 1233, ClosedTrades = 7, OpenQuantity = 0.000000000m,
        StartingEquity = 100000m, FinalEquity = 107244.76381068700m, FinalCash = 107244.76381068700m, TotalPnl = 7244.76381068700m, TotalReturnPct = 7.244763810686999,
        CagrPct = 3.5665, MaxDrawdownPct = 48.65, MaxDrawdownDays = 330, Sharpe = 0.24, Sortino = 0.35, Calmar = 0.07, WinRate = 42.857142857142854,
        AvgWin = 15613.696270304676666666666667m, AvgLoss = -9899.0812500567575m, ProfitFactor = profitFactor, Expectancy = 1034.97m, ExposurePct = 79.16,
        Commissions = 0m, Slippage = 0.00m, PeriodsPerYear = 252, RejectedOrders = 58, ResizedOrders = 0,
        RejectedByReason = new Dictionary<string, int> { ["insufficient_cash"] = 58 }, ResizedByReason = new Dictionary<string, int>(),
        Benchmark = Benchmark, Warnings = ["58 orders were refused"], ElapsedMs = 35.093, LoadMs = 44.829, StrategySources = Sources,
    };

    [Fact]
    public void Backtest_json_keeps_every_field_in_its_place()
    {
        JsonFields.Of(JsonFields.Text(Backtest(), ReportJson.Default.BacktestJson)).ShouldBe(
        [
            "strategy", "symbols", "timeframe", "asset_class", "asset_class_source", "periods_per_year_rule", "from", "to", "warm_up_bars", "fill", "closed_at_end",
            "costs", "sizing", "bars", "closed_trades", "open_quantity", "starting_equity", "final_equity", "final_cash", "total_pnl", "total_return_pct", "cagr_pct",
            "max_drawdown_pct", "max_drawdown_days", "sharpe", "sortino", "calmar", "win_rate", "avg_win", "avg_loss", "profit_factor", "expectancy", "exposure_pct",
            "commissions", "slippage", "periods_per_year", "rejected_orders", "resized_orders", "rejected_by_reason", "rejected_by_reason.insufficient_cash",
            "resized_by_reason", "benchmark", "benchmark.rule", "benchmark.total_return_pct", "benchmark.max_drawdown_pct", "benchmark.sharpe",
            "benchmark.final_equity", "benchmark.rejected_orders", "warnings", "elapsed_ms", "load_ms", "strategy_sources", "strategy_sources[].strategy",
            "strategy_sources[].kind", "strategy_sources[].path", "strategy_sources[].sha256",
        ]);
    }

    [Fact]
    public void Backtest_json_writes_decimals_exactly_non_finite_numbers_as_null_and_the_range_only_when_given()
    {
        var text = JsonFields.Text(Backtest(from: null, profitFactor: double.PositiveInfinity), ReportJson.Default.BacktestJson);

        text.ShouldContain("\"open_quantity\": 0.000000000,", Case.Sensitive);
        text.ShouldContain("\"avg_win\": 15613.696270304676666666666667,", Case.Sensitive);
        text.ShouldContain("\"slippage\": 0.00,", Case.Sensitive);
        text.ShouldContain("\"profit_factor\": null,", Case.Sensitive);
        text.ShouldContain("\"periods_per_year\": 252,", Case.Sensitive);
        text.ShouldContain("\"path\": null,", Case.Sensitive);
        // Escaped as the hand-written writer escaped it (System.Text.Json's default encoder).
        text.ShouldContain("\"periods_per_year_rule\": \"252 trading days \\u00D7 1 bar (1Day bars)\"", Case.Sensitive);
        text.ShouldContain("\"resized_by_reason\": {},", Case.Sensitive);
        JsonFields.Of(text).ShouldNotContain("from");
        JsonFields.Of(text).ShouldNotContain("to");
        JsonFields.Of(text).ShouldNotContain("warm_up_bars");
    }

    [Fact]
    public void Sweep_json_keeps_every_field_in_its_place_and_a_missing_pbo_is_null()
    {
        var model = new SweepJson
        {
            Trials = 12, SkippedInvalid = 0, Metric = "sharpe",
            Best = new SweepBestJson
            {
                Strategy = "rsi:period=14,oversold=35,overbought=70", Parameters = new Dictionary<string, double> { ["period"] = 14, ["oversold"] = 35, ["overbought"] = 70 },
                TotalReturnPct = 14.08716, MaxDrawdownPct = 39.17, Sharpe = 0.18, WinRate = 71.43, ClosedTrades = 14, RejectedOrders = 0, ResizedOrders = 0,
                RejectedByReason = new Dictionary<string, int>(), ResizedByReason = new Dictionary<string, int>(),
            },
            StrategySources = Sources, AssetClass = "equity", AssetClassSource = "SPY: store: an equity ticker", PeriodsPerYear = 252,
            Benchmark = Benchmark, DeflatedSharpe = 0.34, Pbo = null, ProbabilityOfLoss = null, ElapsedMs = 126.061,
        };
        var text = JsonFields.Text(model, ReportJson.Default.SweepJson);

        JsonFields.Of(text).ShouldBe(
        [
            "trials", "skipped_invalid", "metric", "best", "best.strategy", "best.parameters", "best.parameters.period", "best.parameters.oversold",
            "best.parameters.overbought", "best.total_return_pct", "best.max_drawdown_pct", "best.sharpe", "best.win_rate", "best.closed_trades",
            "best.rejected_orders", "best.resized_orders", "best.rejected_by_reason", "best.resized_by_reason", "strategy_sources", "strategy_sources[].strategy",
            "strategy_sources[].kind", "strategy_sources[].path", "strategy_sources[].sha256", "asset_class", "asset_class_source", "periods_per_year",
            "benchmark", "benchmark.rule", "benchmark.total_return_pct", "benchmark.max_drawdown_pct", "benchmark.sharpe", "benchmark.final_equity",
            "benchmark.rejected_orders", "deflated_sharpe", "pbo", "probability_of_loss", "elapsed_ms",
        ]);
        text.ShouldContain("\"pbo\": null,", Case.Sensitive);
        text.ShouldContain("\"period\": 14,", Case.Sensitive);
    }

    [Fact]
    public void Walk_forward_json_keeps_every_field_in_its_place()
    {
        var model = new WalkForwardJson
        {
            From = "2020-01-01T05:00:00Z", WarmUpBars = 1258, Windows = 1,
            Steps = [new(new DateTime(2021, 3, 12, 5, 0, 0, DateTimeKind.Utc), new DateTime(2021, 8, 3, 4, 0, 0, DateTimeKind.Utc), "sma-crossover:fast=10,slow=60", 0.66, null, 25.87, 0, 0)],
            StrategySources = Sources, OosTotalReturnPct = 1.5, OosSharpe = double.NaN, OosMaxDrawdownPct = 3, WalkForwardEfficiency = 0.4, OosTrades = 3,
            PeriodsPerYear = 252, Benchmark = Benchmark, ElapsedMs = 1,
        };
        var text = JsonFields.Text(model, ReportJson.Default.WalkForwardJson);

        JsonFields.Of(text).ShouldBe(
        [
            "from", "warm_up_bars", "windows", "steps", "steps[].oos_from", "steps[].oos_to", "steps[].chosen", "steps[].deflated_sharpe", "steps[].pbo",
            "steps[].is_return_pct", "steps[].oos_return_pct", "steps[].oos_sharpe", "strategy_sources", "strategy_sources[].strategy", "strategy_sources[].kind",
            "strategy_sources[].path", "strategy_sources[].sha256", "oos_total_return_pct", "oos_sharpe", "oos_max_drawdown_pct", "walk_forward_efficiency",
            "oos_trades", "periods_per_year", "benchmark", "benchmark.rule", "benchmark.total_return_pct", "benchmark.max_drawdown_pct", "benchmark.sharpe",
            "benchmark.final_equity", "benchmark.rejected_orders", "elapsed_ms",
        ]);
        text.ShouldContain("\"oos_from\": \"2021-03-12T05:00:00Z\",", Case.Sensitive);
        text.ShouldContain("\"pbo\": null,", Case.Sensitive);
        text.ShouldContain("\"oos_sharpe\": null,", Case.Sensitive);
    }

    [Fact]
    public void Ensemble_compare_json_keeps_every_field_in_its_place_and_leaves_out_verdicts_that_do_not_apply()
    {
        EnsembleCandidateJson Candidate(string name, bool ensemble, bool? beats, bool? beatsChoice) => new()
        {
            Name = name, Ensemble = ensemble, Kind = ensemble ? "ensemble" : "member", TotalReturnPct = 1, MaxDrawdownPct = 2, Sharpe = 0.5, WinRatePct = 50,
            Trades = 9, BeatsBestMember = beats, TooFewTrades = false, BeatsInSampleChoice = beatsChoice,
        };
        var model = new EnsembleComparisonJson
        {
            Period = "every bar", From = "2020-01-01T05:00:00Z", WarmUpBars = 1258,
            Symbols = [new("SPY", 1, "rsi", [Candidate("rsi", false, null, null), Candidate("consensus", true, true, false)], Benchmark)],
            AcrossSymbols =
            [
                new EnsembleTallyJson { Name = "rsi", Ensemble = false, Kind = "member", Symbols = 1, BestMemberOn = 1, MeanSharpe = 0.5 },
                new EnsembleTallyJson { Name = "consensus", Ensemble = true, Kind = "ensemble", Symbols = 1, BeatsBestMemberOn = 1, BeatsInSampleChoiceOn = 0, MeanSharpe = 0.6 },
            ],
            ElapsedMs = 1,
        };
        var text = JsonFields.Text(model, ReportJson.Default.EnsembleComparisonJson);

        JsonFields.Of(text).ShouldBe(
        [
            "period", "from", "warm_up_bars", "symbols", "symbols[].symbol", "symbols[].windows", "symbols[].best_member", "symbols[].candidates",
            "symbols[].candidates[].name", "symbols[].candidates[].ensemble", "symbols[].candidates[].kind", "symbols[].candidates[].total_return_pct",
            "symbols[].candidates[].max_drawdown_pct", "symbols[].candidates[].sharpe", "symbols[].candidates[].win_rate_pct", "symbols[].candidates[].trades",
            "symbols[].candidates[].too_few_trades", "symbols[].candidates[].beats_best_member", "symbols[].candidates[].beats_in_sample_choice",
            "symbols[].benchmark", "symbols[].benchmark.rule", "symbols[].benchmark.total_return_pct", "symbols[].benchmark.max_drawdown_pct",
            "symbols[].benchmark.sharpe", "symbols[].benchmark.final_equity", "symbols[].benchmark.rejected_orders", "across_symbols", "across_symbols[].name",
            "across_symbols[].ensemble", "across_symbols[].kind", "across_symbols[].symbols", "across_symbols[].best_member_on", "across_symbols[].mean_sharpe",
            "across_symbols[].beats_best_member_on", "across_symbols[].beats_in_sample_choice_on", "elapsed_ms",
        ]);
        // An ensemble's verdicts sit between its trades and too_few_trades, and after it.
        text.ShouldContain("\"trades\": 9,\n          \"beats_best_member\": true,\n          \"too_few_trades\": false,\n          \"beats_in_sample_choice\": false", Case.Sensitive);
    }
}
