using Keel.Cli.Output;
using Spectre.Console;

namespace Keel.Cli.Tests;

public class LazyAnsiConsoleTests
{
    [Fact]
    public void The_console_is_created_on_first_use_only_and_then_written_to()
    {
        var created = 0;
        var text = new StringWriter();
        var console = new LazyAnsiConsole(() =>
        {
            created++;
            return AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(text) });
        });
        created.ShouldBe(0);

        console.MarkupLine("[bold]first[/]");
        console.WriteLine("second");

        created.ShouldBe(1);
        text.ToString().ShouldBe($"first{Environment.NewLine}second{Environment.NewLine}");
    }
}
