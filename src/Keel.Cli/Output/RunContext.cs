using Keel.Core.Backtest;

namespace Keel.Cli.Output;

/// <summary>What a backtest's output states besides its own numbers: why its asset class, the range asked for, and the benchmark over the same bars.</summary>
internal sealed record RunContext(LoadedBars Data, BacktestResult Benchmark);
