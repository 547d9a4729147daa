using System.CommandLine;
using Keel.Strategies;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel new strategy NAME</c>: a working, commented strategy (a Donchian breakout) in <c>strategies/NAMEStrategy.cs</c>,
/// registered as the kebab-case of NAME; <c>--project</c> writes a project folder instead.
/// </summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The strategy's name in PascalCase, e.g. Breakout (registered as breakout) or BuyTheDip (buy-the-dip)." };
        var project = new Option<bool>("--project") { Description = "Write a project folder (its own .csproj: NuGet packages, several files) instead of one file." };
        var folder = new Option<string>("--dir") { Description = "The strategies folder.", DefaultValueFactory = _ => Keel.Strategies.StrategyFolders.Default };
        var strategy = new Command("strategy", "Write a new strategy you can backtest right away (a commented Donchian breakout to edit).") { name, project, folder };
        strategy.SetAction(parse =>
        {
            var text = parse.GetValue(name)!;
            var dir = parse.GetValue(folder)!;
            string written;
            try
            {
                written = parse.GetValue(project) ? StrategyScaffold.WriteProject(dir, text) : StrategyScaffold.WriteFile(dir, text);
            }
            catch (IOException ex)
            {
                throw new UsageException(ex.Message);
            }
            var registered = StrategyScaffold.Names(text).StrategyName;
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(written)}[/], registered as [bold]{Markup.Escape(registered)}[/].");
            AnsiConsole.MarkupLine($"Try: [grey]./keel backtest --store samples --symbol SPY --strategy {Markup.Escape(registered)}[/]");
            return ExitCodes.Success;
        });
        return new Command("new", "Create something new: keel new strategy NAME.") { strategy };
    }
}
