using System.Text.RegularExpressions;

namespace Keel.Cli;

/// <summary>
/// Keeps .NET's vocabulary out of what a user reads: parse errors name the type they wanted
/// (<c>System.Nullable`1[System.DateTime]</c>); here they say it in words ("a date like 2024-01-31").
/// </summary>
internal static partial class Messages
{
    public static string Plain(string message)
    {
        var text = ExpectedType().Replace(message, m => "expected " + Words(m.Groups["type"].Value));
        return TypeName().Replace(text, m => Words(m.Value));
    }

    public static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('\r');

    /// <summary>A .NET type name in words.</summary>
    public static string Words(string typeName)
    {
        var inner = NullableOf().Match(typeName) is { Success: true } n ? n.Groups["inner"].Value : typeName;
        return inner switch
        {
            "System.Decimal" or "System.Double" or "System.Single" => "a number",
            "System.Int32" or "System.Int64" or "System.Int16" => "a whole number",
            "System.Boolean" => "true or false",
            "System.DateTime" or "System.DateTimeOffset" => "a date like 2024-01-31 (or a time like 2024-01-31T14:30:00)",
            "System.DateOnly" => "a date like 2024-01-31",
            "System.TimeSpan" => "a duration like 00:05:00",
            "System.String" => "text",
            _ => "a value of the right kind",
        };
    }

    [GeneratedRegex(@"as expected type '(?<type>[^']+)'")]
    private static partial Regex ExpectedType();

    [GeneratedRegex(@"System\.Nullable`1\[[A-Za-z.]+\]|System\.(Decimal|Double|Int32|Int64|DateTime|DateOnly|Boolean)\b")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>[^\]]+)\]$")]
    private static partial Regex NullableOf();
}
