using System.Globalization;

namespace Keel.Reporting.Csv;

/// <summary>
/// How every CSV here spells a value: invariant culture, decimals exactly as stored, doubles in the
/// shortest round-trip form ("R"), times as ISO-8601 UTC, and RFC 4180 quoting only where needed.
/// </summary>
internal static class CsvFormat
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Round-trip form; infinities and NaN come out as Infinity, -Infinity and NaN.</summary>
    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>UTC time; an unspecified kind is taken to be UTC already, a local one is converted.</summary>
    public static string Time(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return utc.ToString(TimeFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>Quotes a field that contains a comma, quote or line break, doubling inner quotes.</summary>
    public static string Text(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
