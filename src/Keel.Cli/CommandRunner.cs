using System.CommandLine;
using Keel.Data.Csv;

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
        catch (Exception ex) when (IsBadInput(ex))
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static bool IsBadInput(Exception ex) => ex is UsageException or BarDataException or FormatException
        or FileNotFoundException or DirectoryNotFoundException or ArgumentException;
}
