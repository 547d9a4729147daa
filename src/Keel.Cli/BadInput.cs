using System.Text.Json;
using Keel.Data.Csv;

namespace Keel.Cli;

/// <summary>
/// Which exceptions are the user's input rather than a bug, and the one line that says what to fix.
/// A file or folder that cannot be written or read is input too: the user named it.
/// </summary>
internal static class BadInput
{
    /// <summary>The message for bad input, or null when <paramref name="ex"/> is a bug.</summary>
    public static string? Describe(Exception ex) => ex switch
    {
        UsageException or BarDataException or FormatException or ArgumentException or JsonException or Keel.Core.Strategies.StrategyFailedException => ex.Message,
        FileNotFoundException f => f.FileName is { } name && Directory.Exists(name) ? $"'{name}' is a folder, not a file." : ex.Message,
        DirectoryNotFoundException => ex.Message,
        UnauthorizedAccessException => $"permission denied: {ex.Message}",
        // Writing where a file is in the way (or a folder where a file should go) and the like.
        IOException => ex.Message,
        _ => null,
    };
}
