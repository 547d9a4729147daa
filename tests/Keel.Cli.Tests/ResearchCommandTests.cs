using System.Globalization;
using System.Text.Json;

namespace Keel.Cli.Tests;

public class ResearchCommandTests
{
    private static string Samples => Path.Combine(KeelCli.RepoRoot, "samples");

    [Fact]
    public void Sweep_counts_every_trial_and_reports_the_best_with_its_overfitting_statistics()
    {
        using var temp = new TempFolder();
        // period 7,14,21 × oversold 20,25,30,35 = 12 trials; overbought stays at its default 70.
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "sweep", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi",
            "--grid", "period=7..21:7,oversold=20..35:5", "--json", "--out", temp.Path);
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("trials").GetInt32().ShouldBe(12);
        var best = root.GetProperty("best");
        best.GetProperty("parameters").GetProperty("overbought").GetDouble().ShouldBe(70);
        new[] { 7.0, 14, 21 }.ShouldContain(best.GetProperty("parameters").GetProperty("period").GetDouble());
        root.GetProperty("deflated_sharpe").GetDouble().ShouldBeInRange(0, 1);
        root.GetProperty("pbo").GetDouble().ShouldBeInRange(0, 1);
        root.GetProperty("probability_of_loss").GetDouble().ShouldBeInRange(0, 1);
        root.TryGetProperty("elapsed_ms", out _).ShouldBeTrue();

        var csv = File.ReadAllLines(Path.Combine(temp.Path, "sweep_rsi.csv"));
        csv.Length.ShouldBe(13);
        csv[0].ShouldStartWith("period,oversold,overbought,");
        // The best trial in the CSV has the highest Sharpe of all rows.
        var sharpeColumn = Array.IndexOf(csv[0].Split(','), "sharpe");
        var sharpes = csv.Skip(1).Select(l => double.Parse(l.Split(',')[sharpeColumn], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        best.GetProperty("sharpe").GetDouble().ShouldBe(sharpes.Max());
        File.ReadAllText(Path.Combine(temp.Path, "sweep_rsi.html")).ShouldContain("id=\"sweep-heatmap\"");
    }

    [Fact]
    public void A_grid_over_an_unknown_parameter_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = KeelCli.Run(temp.Path, "sweep", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi", "--grid", "speed=1..3:1");
        code.ShouldBe(2);
        stderr.ShouldContain("speed");
    }

    [Fact]
    public void Walkforward_reports_each_window_with_the_trust_in_its_choice_and_the_stitched_result()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "walkforward", "--store", Samples, "--symbol", "SPY", "--strategy", "sma-crossover",
            "--grid", "fast=5..20:5,slow=30..90:30", "--in-sample", "504", "--out-of-sample", "252", "--anchored", "--json", "--out", temp.Path);
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        steps.Count.ShouldBe(root.GetProperty("windows").GetInt32());
        steps.Count.ShouldBeGreaterThan(4);
        for (var i = 0; i < steps.Count; i++)
        {
            steps[i].GetProperty("chosen").GetString()!.ShouldMatch(@"^sma-crossover:fast=(5|10|15|20),slow=(30|60|90)$");
            steps[i].GetProperty("deflated_sharpe").GetDouble().ShouldBeInRange(0, 1);
            steps[i].GetProperty("pbo").GetDouble().ShouldBeInRange(0, 1);
            if (i > 0) steps[i].GetProperty("oos_from").GetDateTime().ShouldBeGreaterThan(steps[i - 1].GetProperty("oos_to").GetDateTime());
        }
        var csv = File.ReadAllLines(Path.Combine(temp.Path, "walkforward_sma-crossover.csv"));
        csv[0].ShouldBe("window,is_from,oos_from,oos_to,chosen,is_trials,is_deflated_sharpe,is_pbo,is_return_pct,is_sharpe,oos_return_pct,oos_sharpe,oos_max_drawdown_pct,oos_trades");
        csv.Length.ShouldBe(1 + steps.Count);
        // Anchored: every in-sample window starts at the first bar; 4 × 3 combinations, all valid.
        csv.Skip(1).Select(l => l.Split(',')[1]).Distinct().Count().ShouldBe(1);
        csv.Skip(1).ShouldAllBe(l => l.Split(',', StringSplitOptions.None)[6] == "12");
    }

    [Fact]
    public void Ensemble_compare_runs_members_and_voting_methods_and_gives_a_verdict_per_symbol()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "ensemble", "compare", "--store", Samples, "--symbols", "SPY",
            "--members", "sma-crossover|rsi|macd", "--out", temp.Path);
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("beats best single?");
        stdout.ShouldContain("SPY: mean correlation of the members' daily returns");
        var csv = File.ReadAllLines(Path.Combine(temp.Path, "ensemble_comparison.csv"));
        csv.Length.ShouldBe(1 + 3 + 6 + 1); // three members alone, three voting methods × {signals, stances}, buy and hold
        csv[^1].ShouldStartWith("buy-and-hold (benchmark),SPY");
        stdout.ShouldContain("buy & hold (benchmark)");
        csv.Count(l => l.Contains("ensemble(")).ShouldBe(6);
        csv.Count(l => l.Contains("stances)")).ShouldBe(3);
        File.ReadAllText(Path.Combine(temp.Path, "ensemble_report.html")).ShouldContain("Does the ensemble beat the best single member?");
        File.ReadAllText(Path.Combine(temp.Path, "ensemble_report.html")).ShouldContain("Correlation of the members");
    }

    [Fact]
    public void Ensemble_compare_tunes_members_in_sample_and_compares_everything_out_of_sample()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "ensemble", "compare", "--store", Samples, "--symbols", "SPY",
            "--members", "sma-crossover:fast=5..10:5,slow=30..60:30|rsi:period=7..14:7|macd", "--in-sample", "504", "--out-of-sample", "252", "--out", temp.Path);
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("Ensembles vs members (out of sample, with costs)");
        stdout.ShouldContain("Tuned members as chosen in sample");
        var comparison = File.ReadAllLines(Path.Combine(temp.Path, "ensemble_comparison.csv"));
        comparison.Length.ShouldBe(1 + 3 + 1 + 6 + 1); // members, the member chosen in sample, ensembles, buy and hold
        comparison[1].ShouldStartWith("sma-crossover (tuned),SPY,\"out of sample, with costs\"");
        comparison[3].ShouldStartWith("\"macd:fast=12,slow=26,signal=9\",SPY");
        comparison[4].ShouldStartWith("member chosen in sample,SPY");
        stdout.ShouldContain("beats in-sample choice?");
        var windows = File.ReadAllLines(Path.Combine(temp.Path, "ensemble_windows.csv"));
        windows[0].ShouldBe("symbol,window,is_from,oos_from,oos_to,member,chosen,is_trials,is_deflated_sharpe,is_pbo,in_sample_choice");
        var rows = windows.Skip(1).Select(l => l.Split(',')).ToList();
        rows.Count.ShouldBeGreaterThan(3 * 4); // three members; ten years of daily bars: a window a year after the first two
        rows.Count.ShouldBe(3 * rows.Select(r => r[1]).Distinct().Count());
        foreach (var row in windows.Skip(1))
        {
            row.ShouldMatch(@"^SPY,\d+,[^,]+,[^,]+,[^,]+,(1,""sma-crossover:fast=(5|10),slow=(30|60)"",4,[^,]+,[^,]+|2,""rsi:period=(7|14),oversold=30,overbought=70"",2,[^,]+,[^,]+|3,""macd:fast=12,slow=26,signal=9"",1,,),(0|1)$");
        }
        // Tuned members carry the in-sample sweep's deflated Sharpe and PBO, both probabilities.
        foreach (var row in rows.Where(r => r[^4] != "1"))
        {
            double.Parse(row[^3], CultureInfo.InvariantCulture).ShouldBeInRange(0, 1);
            double.Parse(row[^2], CultureInfo.InvariantCulture).ShouldBeInRange(0, 1);
        }
        // Each window, exactly one member is the in-sample choice.
        foreach (var window in rows.GroupBy(r => r[1])) window.Count(r => r[^1] == "1").ShouldBe(1, $"window {window.Key}");
        File.ReadAllText(Path.Combine(temp.Path, "ensemble_report.html")).ShouldContain("Member parameters chosen in sample, window by window");

        // Ranges and no windows: the first half tunes, the second half is the one out-of-sample window.
        var (holdOutCode, _, holdOutStderr) = KeelCli.Run(temp.Path, "ensemble", "compare", "--store", Samples, "--symbols", "SPY",
            "--members", "sma-crossover:fast=5..10:5|rsi", "--out", temp.Path);
        holdOutCode.ShouldBe(0, holdOutStderr);
        File.ReadAllLines(Path.Combine(temp.Path, "ensemble_windows.csv")).Length.ShouldBe(1 + 2); // one window, two members

        var (badCode, _, badStderr) = KeelCli.Run(temp.Path, "ensemble", "compare", "--store", Samples, "--symbols", "SPY", "--out-of-sample", "100", "--out", temp.Path);
        badCode.ShouldBe(2);
        badStderr.ShouldContain("--out-of-sample needs --in-sample");
    }

    [Fact]
    public void Ensemble_compare_runs_the_voting_methods_asked_for()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = KeelCli.Run(temp.Path, "ensemble", "compare", "--store", Samples, "--symbols", "SPY", "--members", "sma-crossover|rsi|macd",
            "--methods", "method=consensus,min=3; method=weighted,threshold=0.3,conflict=reduce,votes=stances", "--out", temp.Path);
        code.ShouldBe(0, stderr);
        var strategies = File.ReadAllLines(Path.Combine(temp.Path, "ensemble_comparison.csv")).Skip(1).Select(l => l.Split(",SPY,")[0].Trim('"')).ToList();
        strategies.Skip(3).ShouldBe(["ensemble(method=consensus,min=3,conflict=skip,votes=stances)", "ensemble(method=weighted,threshold=0.3,conflict=reduce,votes=stances,window=20)", "buy-and-hold (benchmark)"]);

        var (badCode, _, badStderr) = KeelCli.Run(temp.Path, "ensemble", "compare", "--store", Samples, "--symbols", "SPY", "--members", "sma-crossover|rsi",
            "--methods", "method=consensus,min=3", "--out", temp.Path);
        badCode.ShouldBe(2);
        badStderr.ShouldContain("min must be between 1 and the 2 members, got 3");
    }

    [Fact]
    public void Ensemble_compare_json_gives_each_candidate_and_the_verdict_against_the_best_member()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "ensemble", "compare", "--store", Samples, "--symbols", "SPY,BTC/USD",
            "--members", "sma-crossover:fast=5..10:5|rsi|macd", "--json", "--out", temp.Path);
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var symbols = json.RootElement.GetProperty("symbols").EnumerateArray().ToList();
        symbols.Select(s => s.GetProperty("symbol").GetString()).ShouldBe(["SPY", "BTC/USD"]);
        foreach (var symbol in symbols)
        {
            symbol.GetProperty("windows").GetInt32().ShouldBe(1);
            var candidates = symbol.GetProperty("candidates").EnumerateArray().ToList();
            candidates.Count.ShouldBe(3 + 1 + 6);
            candidates.Select(c => c.GetProperty("kind").GetString()).ShouldBe(Enumerable.Repeat("member", 3).Append("in_sample_choice").Concat(Enumerable.Repeat("ensemble", 6)));
            var members = candidates.Where(c => c.GetProperty("kind").GetString() == "member").ToList();
            var best = members.MaxBy(c => c.GetProperty("sharpe").GetDouble());
            var choice = candidates.Single(c => c.GetProperty("kind").GetString() == "in_sample_choice");
            symbol.GetProperty("best_member").GetString().ShouldBe(best.GetProperty("name").GetString());
            foreach (var e in candidates.Where(c => c.GetProperty("ensemble").GetBoolean()))
            {
                // A candidate with too few trades beats nothing (issue 12).
                var enough = !e.GetProperty("too_few_trades").GetBoolean();
                e.GetProperty("beats_best_member").GetBoolean().ShouldBe(enough && e.GetProperty("sharpe").GetDouble() > best.GetProperty("sharpe").GetDouble());
                e.GetProperty("beats_in_sample_choice").GetBoolean().ShouldBe(enough && e.GetProperty("sharpe").GetDouble() > choice.GetProperty("sharpe").GetDouble());
            }
        }
        json.RootElement.GetProperty("period").GetString()!.ShouldStartWith("out of sample");

        // Across symbols: each ensemble's count of symbols where it beats the best member, from the verdicts above.
        var tallies = json.RootElement.GetProperty("across_symbols").EnumerateArray().ToList();
        tallies.Count.ShouldBe(3 + 1 + 6);
        foreach (var tally in tallies.Where(t => t.GetProperty("ensemble").GetBoolean()))
        {
            var name = tally.GetProperty("name").GetString();
            tally.GetProperty("symbols").GetInt32().ShouldBe(2);
            tally.GetProperty("beats_best_member_on").GetInt32().ShouldBe(symbols.Count(s => s.GetProperty("candidates").EnumerateArray()
                .Single(c => c.GetProperty("name").GetString() == name).GetProperty("beats_best_member").GetBoolean()));
        }
        tallies.Where(t => t.GetProperty("kind").GetString() == "member").Sum(t => t.GetProperty("best_member_on").GetInt32()).ShouldBe(2);
    }

    [Fact]
    public void Ensemble_compare_reports_the_members_rolling_correlation_next_to_the_whole_period_one()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "ensemble", "compare", "--store", Samples, "--symbols", "SPY",
            "--members", "sma-crossover|rsi|macd", "--correlation-window", "21", "--out", temp.Path);
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("over 21-day windows: mean ");
        var csv = File.ReadAllLines(Path.Combine(temp.Path, "ensemble_correlation.csv"));
        csv[0].ShouldBe("symbol,member_a,member_b,full_period,window_days,rolling_mean,rolling_min,rolling_max,windows_defined,windows");
        csv.Length.ShouldBe(1 + 3); // three pairs of members
        foreach (var row in csv.Skip(1))
        {
            row.ShouldStartWith("SPY,\"");
            row.ShouldContain(",21,");
        }
        File.ReadAllText(Path.Combine(temp.Path, "ensemble_report.html")).ShouldContain("21-day mean");

        var (badCode, _, badStderr) = KeelCli.Run(temp.Path, "ensemble", "compare", "--store", Samples, "--symbols", "SPY", "--correlation-window", "1", "--out", temp.Path);
        badCode.ShouldBe(2);
        badStderr.ShouldContain("--correlation-window");
    }

    [Fact]
    public void Backtest_takes_an_ensemble_as_a_strategy()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY",
            "--strategy", "ensemble(method=consensus,min=2)[sma-crossover:fast=5,slow=20|rsi|macd]", "--json");
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("strategy").GetString()!.ShouldStartWith("ensemble(");
    }
}
