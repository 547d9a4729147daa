using System.CommandLine;
using Keel.Cli;
using Keel.Cli.Commands;
using Keel.Cli.Strategies;

using Spectre.Console;

// Piped output (CI logs, files) gets a readable width instead of 80 columns.
if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 140) AnsiConsole.Profile.Width = 140;

var root = new RootCommand("Keel: research, backtest and trade systematic strategies (stocks and crypto, Alpaca).")
{
    BacktestCommand.Create(),
    CompareCommand.Create(),
    IndicatorsCommand.Create(),
    StrategiesCommand.Create(),
    DataCommand.Create(),
    SampleCommand.Create(),
    EnsembleCommand.Create(),
    SweepCommand.Create(),
    WalkForwardCommand.Create(),
    SimCommand.Create(),
    TradeCommand.Paper(),
    TradeCommand.Live(),
    StatusCommand.Create(),
    HaltCommand.Halt(),
    HaltCommand.Resume(),
    NewCommand.Create(),
};
root.Options.Add(UserStrategies.FolderOption);
return CommandRunner.Run(root, args);
