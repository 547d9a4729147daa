using Keel.Core.Backtest;

namespace Keel.Reporting.Json;

/// <summary><c>benchmark</c> in every research output: buy and hold over the same bars with the same costs.</summary>
public sealed record BenchmarkJson(string Rule, double TotalReturnPct, double MaxDrawdownPct, double Sharpe, decimal FinalEquity, int RejectedOrders)
{
    public static BenchmarkJson Of(BacktestResult benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return new(Benchmark.Describe(benchmark.Symbols.Count), benchmark.Metrics.TotalReturnPct, benchmark.Metrics.MaxDrawdownPct,
            benchmark.Metrics.Sharpe, benchmark.FinalEquity, benchmark.OrderTally.Rejected);
    }
}
