using System.CommandLine;
using Keel.Core.Strategies;
using Keel.Strategies;

namespace Keel.Cli;

/// <summary>
/// Parses and invokes, so that no command ends in an unhandled exception: every kind of bad input is a
/// one-line message on stderr and exit code 2; anything else is a bug, reported in one line with exit
/// code 1 (the stack trace only with <c>--verbose</c>).
/// </summary>
internal static class CommandRunner
{
    /// <summary>On every command: show the detail of an unexpected failure.</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Show the full detail of an unexpected failure.", Recursive = true };

    public static int Run(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stderr ??= Console.Error;
        if (!root.Options.Contains(Verbose)) root.Options.Add(Verbose);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"error: {Messages.Plain(error.Message)}");
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
        catch (Exception ex) when (BadInput.Describe(ex) is { } message)
        {
            stderr.WriteLine($"error: {Messages.Plain(message)}");
            return ExitCodes.BadInput;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Select(BadInput.Describe).FirstOrDefault(m => m is not null) is { } first)
        {
            // Parallel runs (compare, sweep) wrap what one run threw.
            stderr.WriteLine($"error: {Messages.Plain(first)}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            var verbose = parsed.GetValue(Verbose);
            stderr.WriteLine($"error: unexpected failure: {Messages.Plain(Messages.FirstLine(ex.Message))}" + (verbose ? "" : " (run again with --verbose for the detail)"));
            if (verbose) stderr.WriteLine(ex.ToString());
            return ExitCodes.Failure;
        }
    }
}
