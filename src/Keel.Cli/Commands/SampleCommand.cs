using System.CommandLine;
using Keel.Data.Synthetic;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel sample</c>: regenerates the shipped SYNTHETIC sample data set (deterministic).</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the sample bar store to.", DefaultValueFactory = _ => "samples" };
        var command = new Command("sample", "Regenerate the synthetic sample data (seeded, so the files come out identical).") { output };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(output)!;
            SampleDataSet.Write(root);
            AnsiConsole.MarkupLine($"Synthetic sample data written to [bold]{Markup.Escape(Path.GetFullPath(root))}[/] (not real prices).");
            return ExitCodes.Success;
        });
        return command;
    }
}
