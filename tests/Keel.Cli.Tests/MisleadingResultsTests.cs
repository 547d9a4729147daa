using System.Text.Json;

namespace Keel.Cli.Tests;

/// <summary>
/// The ways a backtest could mislead a new user (issue 12), each shown to be closed: contradictions are
/// refused, refused orders are counted and listed, the asset class and its year are stated, a date range
/// and a benchmark are there.
/// </summary>
public class MisleadingResultsTests
{
    private static readonly string Samples = Path.Combine(KeelCli.RepoRoot, "samples");

    private static string Daily(TempFolder temp, string name = "spy.csv") => temp.File(name, File.ReadAllText(Path.Combine(Samples, "1Day", "SPY.csv")));

    [Fact]
    public void A_timeframe_the_file_contradicts_is_refused_with_what_the_file_holds()
    {
        // Before: accepted, timeframe 1Min, periods_per_year 98,280 and a Sharpe inflated by √390.
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--data", Daily(temp), "--strategy", "sma-crossover", "--timeframe", "1Min", "--json");
        code.ShouldBe(2, stderr);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("the file holds 1Day bars");
    }

    [Fact]
    public void Out_onto_an_existing_file_is_refused_before_anything_runs()
    {
        // Before: the table was printed, then "Unhandled exception. System.IO.IOException" and exit 134.
        using var temp = new TempFolder();
        var inTheWay = temp.File("results", "x");
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi", "--out", inTheWay);
        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe($"error: --out '{inTheWay}' is an existing file; give a folder (it is created if missing).");
    }

    [Fact]
    public void Bad_numbers_and_dates_are_described_in_words()
    {
        // Before: "... as expected type 'System.Decimal'" and "System.Nullable`1[System.DateTime]".
        using var temp = new TempFolder();
        var cash = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi", "--cash", "abc");
        cash.ExitCode.ShouldBe(2);
        cash.Stderr.ShouldContain("expected a number");
        cash.Stderr.ShouldNotContain("System.");
        var from = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi", "--from", "31/01/2024");
        from.ExitCode.ShouldBe(2);
        from.Stderr.ShouldContain("a date like 2024-01-31");
    }

    [Fact]
    public void A_folder_or_a_semicolon_file_as_data_is_named_for_what_it_is()
    {
        // Before: "Could not find file" for a folder; a generic header error for ';'.
        using var temp = new TempFolder();
        KeelCli.Run(temp.Path, "backtest", "--data", temp.Path, "--strategy", "rsi").Stderr.ShouldContain("is a folder");
        var eu = temp.File("eu.csv", "Date;Open;High;Low;Close;Volume\n2024-01-02;1,5;1,6;1,4;1,5;100\n");
        KeelCli.Run(temp.Path, "backtest", "--data", eu, "--strategy", "rsi").Stderr.ShouldContain("separated by ';'");
    }

    [Fact]
    public void Refused_entries_are_counted_in_json_and_listed_in_orders_csv()
    {
        // Before: with percent:100 and slippage, half the entries could not be paid and nothing said so.
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "run");
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "sma-crossover",
            "--sizing", "percent:100", "--slippage", "percent:0.05", "--json", "--out", folder);
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var rejected = root.GetProperty("rejected_orders").GetInt32();
        rejected.ShouldBeGreaterThan(0);
        root.GetProperty("resized_orders").GetInt32().ShouldBe(0);
        root.GetProperty("rejected_by_reason").GetProperty("insufficient_cash").GetInt32().ShouldBe(rejected);
        root.GetProperty("warnings").EnumerateArray().ShouldContain(w => w.GetString()!.Contains("refused"));
        var orders = File.ReadAllLines(Path.Combine(folder, "orders.csv"));
        orders[0].ShouldBe("time,client_order_id,strategy,symbol,side,purpose,type,quantity,status,fill_price,commission,slippage,reason");
        orders.Count(l => l.Contains(",rejected,", StringComparison.Ordinal) && l.Contains("insufficient cash", StringComparison.Ordinal)).ShouldBe(rejected);
        orders.Count(l => l.Contains(",filled,", StringComparison.Ordinal)).ShouldBe(2 * root.GetProperty("closed_trades").GetInt32());
    }

    [Fact]
    public void The_asset_class_and_its_year_are_stated_and_can_be_given()
    {
        // Before: EURUSD.csv was crypto (8,760 hours a year) because its name ends in USD.
        using var temp = new TempFolder();
        var eurusd = Daily(temp, "EURUSD.csv");
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--data", eurusd, "--strategy", "rsi", "--json");
        code.ShouldBe(0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            json.RootElement.GetProperty("asset_class").GetString().ShouldBe("fx");
            json.RootElement.GetProperty("periods_per_year").GetDouble().ShouldBe(260);
            json.RootElement.GetProperty("asset_class_source").GetString()!.ShouldContain("name rule");
            json.RootElement.GetProperty("symbols").GetString().ShouldBe("EUR/USD");
        }
        (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--data", eurusd, "--strategy", "rsi", "--asset-class", "crypto", "--json");
        code.ShouldBe(0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            json.RootElement.GetProperty("asset_class").GetString().ShouldBe("crypto");
            json.RootElement.GetProperty("periods_per_year").GetDouble().ShouldBe(365);
            json.RootElement.GetProperty("asset_class_source").GetString()!.ShouldContain("--asset-class");
        }
        // A file named by date has no ticker: the symbol must be given.
        var dated = Daily(temp, "2006-min-005.txt");
        KeelCli.Run(temp.Path, "backtest", "--data", dated, "--strategy", "rsi").Stderr.ShouldContain("give it with --symbol");
        (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--data", dated, "--strategy", "rsi", "--symbol", "ES", "--asset-class", "future", "--json");
        code.ShouldBe(0, stderr);
        using (var json = JsonDocument.Parse(stdout)) json.RootElement.GetProperty("asset_class").GetString().ShouldBe("future");
    }

    [Fact]
    public void A_date_range_trades_only_inside_it_after_warming_up_before_it()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "sma-crossover",
            "--from", "2020-01-01", "--to", "2020-12-31", "--json", "--out", Path.Combine(temp.Path, "run"));
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("from").GetString().ShouldBe("2020-01-01T05:00:00Z"); // midnight in New York, the data's zone
        root.GetProperty("to").GetString().ShouldBe("2021-01-01T04:59:59Z");
        root.GetProperty("bars").GetInt32().ShouldBe(253); // the sample's trading days of 2020
        root.GetProperty("warm_up_bars").GetInt32().ShouldBeGreaterThan(1000);
        var equity = File.ReadAllLines(Path.Combine(temp.Path, "run", "equity.csv")).Skip(1).ToList();
        equity[0].ShouldStartWith("2020-01-02");
        equity[^1].ShouldStartWith("2020-12-31");

        KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi", "--from", "2021-01-01", "--to", "2020-01-01").ExitCode.ShouldBe(2);
        var empty = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi", "--from", "2020-01-04", "--to", "2020-01-05");
        empty.ExitCode.ShouldBe(2);
        empty.Stderr.ShouldContain("has no bars between");
    }

    [Fact]
    public void Every_backtest_shows_buy_and_hold_of_the_same_bars_beside_it()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "sma-crossover",
            "--commission", "per-order:1", "--json");
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var benchmark = json.RootElement.GetProperty("benchmark");
        foreach (var key in new[] { "total_return_pct", "max_drawdown_pct", "sharpe" }) benchmark.GetProperty(key).ValueKind.ShouldBe(JsonValueKind.Number, key);
        // Buy and hold of the sample's SPY: 95% bought at the second bar's open, sold at the last close, $1 each way.
        var bars = File.ReadAllLines(Path.Combine(Samples, "1Day", "SPY.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var quantity = Math.Floor(100_000m * 0.95m / decimal.Parse(bars[0][4], System.Globalization.CultureInfo.InvariantCulture));
        var expected = 100_000m + quantity * (decimal.Parse(bars[^1][4], System.Globalization.CultureInfo.InvariantCulture) - decimal.Parse(bars[1][1], System.Globalization.CultureInfo.InvariantCulture)) - 2m;
        benchmark.GetProperty("final_equity").GetDecimal().ShouldBe(expected);
    }

    [Fact]
    public void Importing_different_prices_over_stored_bars_is_refused_unless_replace_and_replace_says_what()
    {
        // Before: an adjusted file imported over a raw one silently replaced the overlapping bars.
        using var temp = new TempFolder();
        var store = Path.Combine(temp.Path, "bars");
        var raw = temp.File("raw/SPY.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,100,101,99,100,10\n2024-01-03,100,101,99,100,10\n2024-01-04,100,101,99,100,10\n");
        var adjusted = temp.File("adj/SPY.csv", "Date,Open,High,Low,Close,Volume\n2024-01-03,100,101,99,100,10\n2024-01-04,80,81,79,81,10\n2024-01-05,80,81,79,81,10\n");
        KeelCli.Run(temp.Path, "data", "import", raw, "--store", store).ExitCode.ShouldBe(0);

        var (code, _, stderr) = KeelCli.Run(temp.Path, "data", "import", adjusted, "--store", store);
        code.ShouldBe(2);
        stderr.ShouldContain("1 of 2 overlapping bars differ; first at 2024-01-04 05:00Z: close 100 stored, 81 incoming (-19.00%)");
        stderr.ShouldContain("--replace");
        File.ReadAllLines(Path.Combine(store, "1Day", "SPY.csv")).Length.ShouldBe(4); // nothing written

        (code, var stdout, stderr) = KeelCli.Run(temp.Path, "data", "import", adjusted, "--store", store, "--replace");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("replaced 1 of 2 overlapping bars differ");
        File.ReadAllLines(Path.Combine(store, "1Day", "SPY.csv")).Length.ShouldBe(5);
        // The same bars again are no difference at all.
        KeelCli.Run(temp.Path, "data", "import", adjusted, "--store", store).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Backtest_out_writes_an_offline_report_with_the_benchmark_and_a_marker_per_trade()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "run");
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "sma-crossover",
            "--from", "2019-01-01", "--sizing", "percent:100", "--slippage", "percent:0.05", "--json", "--out", folder);
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var trades = json.RootElement.GetProperty("closed_trades").GetInt32();
        var rejected = json.RootElement.GetProperty("rejected_orders").GetInt32();
        var report = Path.Combine(folder, "report.html");
        File.ReadAllText(report).ShouldNotContain("<script src");
        var dom = HeadlessChromium.DumpDom(report);
        if (dom is null) return; // no Chromium on this machine (CI installs it and fails without it)
        foreach (var id in new[] { "chart-equity", "chart-drawdown", "chart-price-trades", "trades", "refused" }) dom.ShouldContain($"id=\"{id}\"");
        System.Text.RegularExpressions.Regex.Matches(dom, "<tr class=\"run\">").Count.ShouldBe(2); // the strategy and buy and hold
        var price = ReportCharts.Option(File.ReadAllText(report), "chart-price-trades");
        price.Series("entries").Points().ShouldBe(trades);
        price.Series("exits").Points().ShouldBe(trades);
        var charts = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(report), "<div class=\"echart\"").Count;
        charts.ShouldBeGreaterThanOrEqualTo(4); // at least returns vs drawdown, equity, drawdown and price
        dom.ShouldContain($"data-charts-drawn=\"{charts}\""); // every one drawn by the inlined library
        System.Text.RegularExpressions.Regex.Matches(dom, "<tr class=\"trade\">").Count.ShouldBe(trades);
        System.Text.RegularExpressions.Regex.Matches(dom, "<tr class=\"refusal\">").Count.ShouldBe(rejected);
    }

    [Fact]
    public void A_misspelt_config_key_is_named_without_net_type_names()
    {
        // Before: "... could not be mapped to any .NET member contained in type 'Keel.Live.Config.LiveConfigFile+RiskSection'".
        using var temp = new TempFolder();
        var config = temp.File("keel.json", "{\"mode\":\"paper\",\"risk\":{\"maxPositon\":3}}");
        var (code, _, stderr) = KeelCli.Run(temp.Path, "status", "--config", config);
        code.ShouldBe(2);
        stderr.ShouldContain("'maxPositon' is not a known key here");
        stderr.ShouldNotContain("LiveConfigFile");
        stderr.ShouldNotContain(".NET");
    }
}
