using System.Globalization;

namespace Keel.Reporting.Json;

/// <summary>Times the JSON outputs write as text of their own (the rest are ISO 8601 as System.Text.Json writes a DateTime).</summary>
public static class JsonTimes
{
    /// <summary>A range's bound (<c>from</c>, <c>to</c>): whole seconds, UTC, <c>2021-01-01T05:00:00Z</c>.</summary>
    public static string? Second(DateTime? utc) => utc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
