using System.CommandLine;
using Keel.Cli;
using Keel.Cli.Commands;

var root = new RootCommand("Keel: research, backtest and trade systematic strategies (stocks and crypto, Alpaca).")
{
    BacktestCommand.Create(),
    CompareCommand.Create(),
    IndicatorsCommand.Create(),
    StrategiesCommand.Create(),
    DataCommand.Create(),
    SampleCommand.Create(),
};
return CommandRunner.Run(root, args);
