using System.Globalization;
using System.Net;
using Keel.Core.Persistence;

namespace Keel.Alerts;

/// <summary>How an alert reads in a subject line, a chat message, a text message and a small HTML e-mail.</summary>
public static class AlertText
{
    public static string Subject(AlertRecord alert) =>
        alert.Kind.StartsWith("report", StringComparison.Ordinal)
            ? $"[Keel] {FirstLine(alert.Message)}"
            : $"[Keel] {AlertSeverities.Name(alert.Severity).ToUpperInvariant()} {alert.Kind}{Where(alert)}";

    /// <summary>The full text: what, where, when, and the message with its numbers.</summary>
    public static string Plain(AlertRecord alert) => string.Create(CultureInfo.InvariantCulture,
        $"Keel {AlertSeverities.Name(alert.Severity)}: {alert.Kind}{Where(alert)}\n{alert.Message}\n(alert {alert.Id}, {alert.Time:yyyy-MM-dd HH:mm:ss} UTC)");

    /// <summary>The text cut to <paramref name="limit"/> characters, marked when cut (Discord 2,000, Telegram 4,096, SMS short).</summary>
    public static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";

    public static string Html(AlertRecord alert) => alert.Html ?? string.Create(CultureInfo.InvariantCulture, $"""
        <!DOCTYPE html>
        <html><body style="font-family:sans-serif">
        <h2 style="color:{Colour(alert.Severity)}">{WebUtility.HtmlEncode(AlertSeverities.Name(alert.Severity).ToUpperInvariant())} · {WebUtility.HtmlEncode(alert.Kind)}{WebUtility.HtmlEncode(Where(alert))}</h2>
        <p>{WebUtility.HtmlEncode(alert.Message).Replace("\n", "<br>", StringComparison.Ordinal)}</p>
        <p style="color:#666">alert {alert.Id} · {alert.Time:yyyy-MM-dd HH:mm:ss} UTC · acknowledge with <code>keel alerts ack {alert.Id}</code></p>
        </body></html>
        """);

    private static string Where(AlertRecord alert)
    {
        var where = string.Join(' ', new[] { alert.Strategy, alert.Symbol }.Where(s => !string.IsNullOrEmpty(s)));
        return where.Length > 0 ? " " + where : "";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    private static string Colour(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "#b00020",
        AlertSeverity.Warning => "#b36b00",
        _ => "#2e6da4",
    };
}
