using System.Globalization;

namespace Keel.Storage.Sql;

/// <summary>
/// How values become column text and back. Decimals are invariant-culture text (never REAL), so they
/// come back bit-exact, scale included; times are ISO-8601 UTC ("O"), which also sorts as text; enums are
/// their names, so reordering an enum never changes what a stored row means.
/// </summary>
internal static class StoredText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Decimal(decimal value) => value.ToString(Invariant);

    public static decimal Decimal(string text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant);

    /// <summary>
    /// A decimal without trailing zeros, for keys: 10 and 10.0 are the same quantity and must be the same key.
    /// </summary>
    public static string DecimalKey(decimal value)
    {
        var text = value.ToString(Invariant); // never an exponent, so trimming zeros after the point is safe
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    public static string Double(double value) => value.ToString("R", Invariant);

    public static double Double(string text) => double.Parse(text, NumberStyles.Float, Invariant);

    /// <summary>Keel's times are UTC; an unspecified kind is taken as UTC rather than shifted by the machine's zone.</summary>
    public static string Time(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value.ToString("O", Invariant),
        DateTimeKind.Local => value.ToUniversalTime().ToString("O", Invariant),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("O", Invariant),
    };

    /// <summary>The text always ends in Z (see the writer), so the round trip gives Kind=Utc.</summary>
    public static DateTime Time(string text) => DateTime.ParseExact(text, "O", Invariant, DateTimeStyles.RoundtripKind);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", Invariant);

    public static string Enum<T>(T value) where T : struct, System.Enum => value.ToString();

    public static T Enum<T>(string text) where T : struct, System.Enum => System.Enum.Parse<T>(text);
}
