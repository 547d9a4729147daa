namespace Keel.Reporting.Html;

/// <summary>Shortens labels that would not fit; the full text stays available in a tooltip.</summary>
internal static class ChartText
{
    public static string Truncate(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars - 1), "…");
}
