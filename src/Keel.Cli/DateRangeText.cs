using System.Globalization;

namespace Keel.Cli;

/// <summary>
/// <c>--from</c>/<c>--to</c>: a date (2024-01-31) or a timestamp (2024-01-31T14:30, with or without a zone),
/// both inclusive, read in the data's zone unless the text carries its own offset. A date as
/// <c>--to</c> means through the end of that day.
/// </summary>
internal static class DateRangeText
{
    private static readonly string[] DateForms = ["yyyy-MM-dd"];
    private static readonly string[] TimeForms = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>The first UTC instant included.</summary>
    public static DateTime From(string text, TimeZoneInfo zone) => Parse("--from", text, zone, endOfDay: false);

    /// <summary>The last UTC instant included.</summary>
    public static DateTime To(string text, TimeZoneInfo zone) => Parse("--to", text, zone, endOfDay: true);

    private static DateTime Parse(string option, string text, TimeZoneInfo zone, bool endOfDay)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, DateForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var local = endOfDay ? date.AddDays(1) : date;
            var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
            return endOfDay ? utc.AddTicks(-1) : utc;
        }
        if (DateTime.TryParseExact(trimmed, TimeForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), zone);
        if ((trimmed.EndsWith('Z') || trimmed.Length > 19 && trimmed[^6] is '+' or '-') &&
            DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withZone))
            return withZone.UtcDateTime;
        throw new UsageException($"{option} '{text}' is not a date; expected a date like 2024-01-31 or a time like 2024-01-31T14:30 (in the data's zone, or with Z/+hh:mm).");
    }
}
