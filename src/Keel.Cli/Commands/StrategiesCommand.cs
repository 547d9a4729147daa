using System.CommandLine;
using System.Globalization;
using Keel.Cli.Strategies;
using Keel.Core.Strategies;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel strategies</c>: every strategy a command can name (built in, and yours with their source file),
/// each parameter with its default and range; then the strategy files that do not load, with their errors.
/// </summary>
internal static class StrategiesCommand
{
    public static Command Create()
    {
        var command = new Command("strategies", "List the strategies (built in and yours from ./strategies) with parameters and defaults, and any that fail to load.");
        command.SetAction(parse =>
        {
            var catalog = UserStrategies.Catalog(parse);
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Strategies[/] (write them as name:key=value,...)");
            table.AddColumn("strategy");
            table.AddColumn("source");
            table.AddColumn("parameters (default, range)");
            table.AddColumn("rule");
            foreach (var d in catalog.Registry.All)
            {
                var parameters = string.Join("\n", d.Parameters.Select(p =>
                    string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Default} ({p.Min}..{p.Max}{(p.IsInteger ? ", whole" : "")}): {p.Description}")));
                var source = d.Source.IsBuiltIn ? "built-in" : d.Source.Path!;
                if (d.IsPipelineValidation) source += "\npipeline validation only (not compared unless named)";
                table.AddRow(Markup.Escape(d.Name), Markup.Escape(source), Markup.Escape(parameters), Markup.Escape(d.Description));
            }
            AnsiConsole.Write(table);
            foreach (var broken in catalog.Broken)
            {
                AnsiConsole.MarkupLine($"[red]broken:[/] {Markup.Escape(broken.Path)}");
                foreach (var line in broken.Errors) AnsiConsole.MarkupLine($"  {Markup.Escape(line)}");
            }
            return catalog.Broken.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return command;
    }
}
