using Keel.Core.Backtest;
using Spectre.Console;

namespace Keel.Cli.Output;

/// <summary>
/// Runs independent backtests on every core with a progress bar; results come back in job order, so the
/// output does not depend on which thread finished first.
/// </summary>
internal static class ParallelBacktests
{
    public static BacktestResult[] Run(int count, Func<int, BacktestResult> run)
    {
        var results = new BacktestResult[count];
        AnsiConsole.Progress().AutoClear(true).Start(progress =>
        {
            var task = progress.AddTask($"{count} backtests", maxValue: count);
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                results[i] = run(i);
                task.Increment(1);
            });
        });
        return results;
    }
}
