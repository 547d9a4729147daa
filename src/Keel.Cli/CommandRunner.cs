using System.CommandLine;
using Keel.Core.Strategies;
using Keel.Data.Csv;
using Keel.Strategies;

namespace Keel.Cli;

/// <summary>
/// Parses and invokes, turning every kind of bad input into a one-line message on stderr and exit
/// code 2; anything else is a bug and keeps its stack trace (exit 1).
/// </summary>
internal static class CommandRunner
{
    public static int Run(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stderr ??= Console.Error;
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run with --help for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = stdout ?? Console.Out, Error = stderr });
        }
        catch (StrategyLoadException ex)
        {
            // Already one line per error, file:line:col first, as the compiler prints them.
            foreach (var line in ex.Lines) stderr.WriteLine(line);
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault(e => e is StrategyFailedException || IsBadInput(e)) is { } first)
        {
            // Parallel runs (compare, sweep) wrap what one run threw.
            stderr.WriteLine($"error: {first.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static bool IsBadInput(Exception ex) => ex is UsageException or BarDataException or FormatException or StrategyFailedException
        or FileNotFoundException or DirectoryNotFoundException or ArgumentException;
}
