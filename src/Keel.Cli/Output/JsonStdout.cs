using System.Text.Json.Serialization.Metadata;
using Keel.Reporting.Json;

namespace Keel.Cli.Output;

/// <summary>The <c>--json</c> output of every command: one indented JSON object (an output model of Keel.Reporting) on stdout, then a newline.</summary>
internal static class JsonStdout
{
    public static void Write<T>(T value, JsonTypeInfo<T> type)
    {
        using var stdout = Console.OpenStandardOutput();
        JsonOutput.Write(stdout, value, type);
        stdout.WriteByte((byte)'\n');
    }
}
