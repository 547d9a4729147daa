using System.Text.RegularExpressions;

namespace Keel.Strategies;

/// <summary>MSBuild writes <c>/p/File.cs(12,5): error CS1002: ; expected [/p/X.csproj]</c>; Keel prints <c>/p/File.cs:12:5: error CS1002: ; expected</c>.</summary>
internal static partial class BuildErrorLine
{
    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<col>\d+)\): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex MsBuild();

    public static string Normalize(string line)
    {
        var m = MsBuild().Match(line);
        return m.Success ? $"{m.Groups["file"].Value}:{m.Groups["line"].Value}:{m.Groups["col"].Value}: {m.Groups["message"].Value}" : line;
    }
}
