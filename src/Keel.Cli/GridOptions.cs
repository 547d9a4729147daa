using System.CommandLine;
using Keel.Cli.Strategies;
using Keel.Core.Research;
using Keel.Core.Strategies;

namespace Keel.Cli;

/// <summary>The options of a parameter search (<c>sweep</c>, <c>walkforward</c>): which strategy, which grid, best by what.</summary>
internal sealed class GridOptions
{
    public Option<string> Strategy { get; } = new("--strategy") { Description = "Strategy name: built in or yours (keel strategies).", Required = true };
    public Option<string> Grid { get; } = new("--grid") { Description = "Parameter grid: ranges a..b:step, lists a|b|c or single values, e.g. period=7..21:7,oversold=20..35:5.", Required = true };
    public Option<string> Metric { get; } = new("--metric") { Description = "What 'best' means: sharpe, return, sortino or calmar.", DefaultValueFactory = _ => "sharpe" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Strategy, Grid, Metric }) command.Options.Add(option);
    }

    public (StrategyDefinition Definition, ParameterGrid Grid, string Metric) Read(ParseResult parse)
    {
        var definition = UserStrategies.Registry(parse).Find(parse.GetValue(Strategy)!);
        var grid = ParameterGrid.Parse(parse.GetValue(Grid)!, definition);
        var metric = parse.GetValue(Metric)!;
        if (!ParameterSweep.Metrics.Contains(metric)) throw new UsageException($"--metric '{metric}' is unknown; use {string.Join(", ", ParameterSweep.Metrics)}.");
        return (definition, grid, metric);
    }
}
