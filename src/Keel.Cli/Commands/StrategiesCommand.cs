using System.CommandLine;
using System.Globalization;
using Keel.Core.Strategies;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel strategies</c>: the library with every parameter, its default and its range.</summary>
internal static class StrategiesCommand
{
    public static Command Create()
    {
        var command = new Command("strategies", "List the strategy library with parameters and defaults.");
        command.SetAction(_ =>
        {
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Strategies[/] (write them as name:key=value,...)");
            table.AddColumn("strategy");
            table.AddColumn("parameters (default, range)");
            table.AddColumn("rule");
            foreach (var d in StrategyRegistry.Default.All)
            {
                var parameters = string.Join("\n", d.Parameters.Select(p =>
                    string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Default} ({p.Min}..{p.Max}{(p.IsInteger ? ", whole" : "")}): {p.Description}")));
                table.AddRow(Markup.Escape(d.Name), Markup.Escape(parameters), Markup.Escape(d.Description));
            }
            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
