using System.CommandLine;
using Keel.Cli;
using Keel.Cli.Commands;
using Keel.Cli.Output;
using Keel.Cli.Strategies;

using Spectre.Console;

AnsiConsole.Console = new LazyAnsiConsole(() =>
{
    // As Spectre's own default console; piped output (CI logs, files) gets a readable width instead of 80 columns.
    var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Detect, ColorSystem = ColorSystemSupport.Detect, Out = new AnsiConsoleOutput(Console.Out) });
    if (Console.IsOutputRedirected && console.Profile.Width < 140) console.Profile.Width = 140;
    return console;
});

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
    DashboardCommand.Create(),
    AlertsCommand.Create(),
    WatchdogCommand.Create(),
    ReportCommand.Create(),
    GateCommand.Create(),
    DriftCommand.Create(),
    CapitalCommand.Create(),
};
root.Options.Add(UserStrategies.FolderOption);
return CommandRunner.Run(root, args);
