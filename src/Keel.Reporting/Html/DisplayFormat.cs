using System.Globalization;

namespace Keel.Reporting.Html;

/// <summary>
/// Numbers as a reader sees them in the report: fixed decimals, invariant culture, and words or
/// symbols instead of NaN and infinity (a profit factor with no losing trade is "∞").
/// </summary>
internal static class DisplayFormat
{
    public const string NotAvailable = "n/a";

    public static string Fixed(double value, int decimals = 2) => value switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        _ when double.IsNaN(value) => NotAvailable,
        _ => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    };

    public static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The exact value for the table sorter; JavaScript's parseFloat reads Infinity too. NaN becomes
    /// empty, which the sorter orders as text, so "NaN" never appears in the page.
    /// </summary>
    public static string SortKey(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    public static string SortKey(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
