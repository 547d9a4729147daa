namespace Keel.Reporting.Json;

/// <summary>
/// Builds the serializer's contract for <see cref="BacktestJson"/> ahead of time by writing a placeholder to nowhere.
/// </summary>
/// <remarks>
/// Why: the first write of a source-generated contract compiles about 300 methods (System.Text.Json's metadata types
/// instantiated over bool, int, long, decimal and double, which no ReadyToRun image holds), some 60–90 ms of one core
/// at the very end of a <c>keel backtest --json</c>. Run on a core that is otherwise idle while the backtest runs, the
/// real write then finds everything compiled. The placeholder holds every kind of value the model has (a list entry,
/// a dictionary entry, a null left out), so every path the real write takes is compiled.
/// </remarks>
public static class BacktestJsonWarmUp
{
    public static void Run() => JsonOutput.Write(Stream.Null, Placeholder, ReportJson.Default.BacktestJson);

    internal static BacktestJson Placeholder { get; } = new()
    {
        Strategy = "s",
        Symbols = "X",
        Timeframe = "1m",
        AssetClass = "crypto",
        AssetClassSource = "given",
        PeriodsPerYearRule = "r",
        From = null,
        To = "2000-01-01T00:00:00Z",
        WarmUpBars = 1,
        Fill = "next-open",
        ClosedAtEnd = false,
        Costs = "c",
        Sizing = "z",
        Bars = 1,
        ClosedTrades = 1,
        OpenQuantity = 1.5m,
        StartingEquity = 1m,
        FinalEquity = 1m,
        FinalCash = 1m,
        TotalPnl = 1m,
        TotalReturnPct = 1.5,
        CagrPct = double.NaN,
        MaxDrawdownPct = 1,
        MaxDrawdownDays = 1,
        Sharpe = 1,
        Sortino = 1,
        Calmar = 1,
        WinRate = 1,
        AvgWin = 1m,
        AvgLoss = 1m,
        ProfitFactor = double.PositiveInfinity,
        Expectancy = 1m,
        ExposurePct = 1,
        Commissions = 1m,
        Slippage = 1m,
        PeriodsPerYear = 1,
        RejectedOrders = 1,
        ResizedOrders = 1,
        RejectedByReason = new Dictionary<string, int> { ["r"] = 1 },
        ResizedByReason = new Dictionary<string, int> { ["r"] = 1 },
        Benchmark = new BenchmarkJson("b", 1, 1, 1, 1m, 1),
        Warnings = ["w"],
        ElapsedMs = 1,
        LoadMs = 1,
        StrategySources = [new StrategySourceJson("s", "built-in", null, "h")],
    };
}
