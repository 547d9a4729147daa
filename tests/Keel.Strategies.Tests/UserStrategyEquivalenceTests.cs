using System.Text;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Research;
using Keel.Core.Strategies;
using Keel.Data.Csv;
using Keel.Reporting;
using Keel.Testing;

namespace Keel.Strategies.Tests;

/// <summary>
/// A strategy a user writes from the SDK alone (Fixtures/SmaCopy, compiled by the loader like any file in
/// ./strategies) that behaves like the built-in sma-crossover gives byte for byte the same backtest and sweep.
/// </summary>
public class UserStrategyEquivalenceTests
{
    private static readonly BacktestSettings Settings = new() { StartingCash = 100_000m };

    public static TheoryData<string> Series()
    {
        var data = new TheoryData<string> { Sample("1Day", "SPY"), Sample("1Day", "BTC-USD"), Sample("1Min", "AAPL") };
        // A real series as well when the shared validation data is beside this checkout (never required).
        var real = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data", "backtrader", "orcl-1995-2014.txt"));
        if (File.Exists(real)) data.Add(real);
        return data;
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void A_user_copy_of_sma_crossover_backtests_byte_for_byte_like_the_built_in(string file)
    {
        var series = BarCsvReader.Load(file).Series;
        var (builtIn, user) = BothDefinitions();
        foreach (var parameters in new[] { "", ":fast=5,slow=20", ":fast=20,slow=50" })
        {
            var expected = Describe(Backtester.Run(Settings, [series], [builtIn.Registry.Parse("sma-crossover" + parameters)]));
            var actual = Describe(Backtester.Run(Settings, [series], [user.Registry.Parse("sma-crossover" + parameters)]));
            actual.ShouldBe(expected);
            expected.ShouldContain("buy"); // the comparison covers trades, not two empty runs
        }
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void A_user_copy_of_sma_crossover_sweeps_byte_for_byte_like_the_built_in(string file)
    {
        var series = BarCsvReader.Load(file).Series;
        var (builtIn, user) = BothDefinitions();
        const string grid = "fast=5..20:5,slow=30..60:10";
        var expected = Describe(ParameterSweep.Run(Settings, [series], ParameterGrid.Parse(grid, builtIn.Registry.Find("sma-crossover"))));
        var actual = Describe(ParameterSweep.Run(Settings, [series], ParameterGrid.Parse(grid, user.Registry.Find("sma-crossover"))));
        actual.ShouldBe(expected);
    }

    /// <summary>The built-in registry, and one holding only the fixture (registered as sma-crossover), compiled from its file.</summary>
    private static (StrategyCatalog BuiltIn, StrategyCatalog User) BothDefinitions()
    {
        var user = UserStrategyLoader.Load([Path.Combine(AppContext.BaseDirectory, "Fixtures", "SmaCopy")], new StrategyRegistry()).ThrowIfBroken();
        user.Registry.Find("sma-crossover").Source.Kind.ShouldBe("file");
        return (StrategyCatalog.BuiltInOnly, user);
    }

    private static string Describe(BacktestResult r)
    {
        var text = new StringBuilder();
        using (var trades = new StringWriter()) { ResultCsvWriter.WriteTrades(trades, r.Trades); text.Append(trades); }
        using (var curve = new StringWriter()) { ResultCsvWriter.WriteEquityCurve(curve, r.EquityCurve, r.Settings.StartingCash); text.Append(curve); }
        text.AppendLine(r.Metrics.ToString()).AppendLine(r.FinalEquity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var d in r.Decisions) text.AppendLine(d.ToString());
        foreach (var e in r.OrderEvents) text.AppendLine(e.ToString());
        text.AppendLine(string.Join(",", r.DailyReturns.Select(x => BitConverter.DoubleToInt64Bits(x))));
        return text.ToString();
    }

    private static string Describe(SweepResult r)
    {
        var text = new StringBuilder();
        foreach (var t in r.Trials) text.AppendLine($"{t.Spec.Text} {t.Metrics} {BitConverter.DoubleToInt64Bits(t.DailySharpe)} {t.ClosedTrades}");
        text.AppendLine($"best {r.Best.Spec.Text} deflated {BitConverter.DoubleToInt64Bits(r.DeflatedSharpe)} pbo {r.Overfitting} {r.OverfittingNote}");
        return text.ToString();
    }

    private static string Sample(string timeframe, string symbol) => Path.Combine(TestPaths.RepoRoot, "samples", timeframe, symbol + ".csv");
}
