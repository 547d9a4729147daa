using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Keel.Core.Persistence;

namespace Keel.Alerts.Sinks;

/// <summary>The body a webhook expects: Keel's own JSON, or Slack, Discord or Telegram's message shape.</summary>
public enum WebhookFormat
{
    Json,
    Slack,
    Discord,
    Telegram,
}

/// <summary>
/// A webhook's settings. The URL often carries a token (Slack, Discord, Telegram's bot token), so it is
/// kept out of the record's text; a config writes <c>"url": "env:NAME"</c> to keep it out of the file too.
/// </summary>
public sealed record WebhookSinkSettings(Uri Url, WebhookFormat Format)
{
    /// <summary>Telegram's chat to post to (sendMessage's chat_id).</summary>
    public string? ChatId { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public override string ToString() => $"webhook {Format} {Url.Scheme}://{Url.Authority}/…";
}

/// <summary>Posts an alert as JSON. Slack's <c>text</c>, Discord's <c>content</c> (2,000 characters) and Telegram's sendMessage (4,096).</summary>
public sealed class WebhookSink(WebhookSinkSettings settings, HttpClient http) : IAlertSink
{
    public const int DiscordLimit = 2000;
    public const int TelegramLimit = 4096;

    public async Task SendAsync(AlertRecord alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = new StringContent(Payload(alert, settings), Encoding.UTF8, "application/json"),
        };
        // Receivers that deduplicate can: the same alert always carries the same key.
        request.Headers.TryAddWithoutValidation("Idempotency-Key", $"keel-alert-{alert.Id}");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("keel", "1"));
        var target = $"webhook {settings.Url.Authority}";
        await AlertPost.SendAsync(http, request, settings.Timeout, target, target, $"no answer within {settings.Timeout.TotalSeconds:0} s", Scrub, ct)
            .ConfigureAwait(false);
    }

    /// <summary>The request body for <paramref name="alert"/> in the configured format.</summary>
    public static string Payload(AlertRecord alert, WebhookSinkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(settings);
        // A report is long: a chat gets its summary line; the e-mail carries the whole report.
        var text = alert.Kind.StartsWith("report", StringComparison.Ordinal) ? alert.Message.Split('\n', 2)[0] : AlertText.Plain(alert);
        return settings.Format switch
        {
            WebhookFormat.Slack => JsonSerializer.Serialize(new SlackPayload(text), WebhookJson.Default.SlackPayload),
            WebhookFormat.Discord => JsonSerializer.Serialize(new DiscordPayload(AlertText.Cut(text, DiscordLimit)), WebhookJson.Default.DiscordPayload),
            WebhookFormat.Telegram => JsonSerializer.Serialize(new TelegramPayload(settings.ChatId, AlertText.Cut(text, TelegramLimit)), WebhookJson.Default.TelegramPayload),
            _ => JsonSerializer.Serialize(new KeelAlertPayload(alert.Id, alert.Time, alert.Kind, AlertSeverities.Name(alert.Severity), alert.Strategy, alert.Symbol,
                alert.Message, alert.ResolvedAt is not null), WebhookJson.Default.KeelAlertPayload),
        };
    }

    private string Scrub(string text) => SecretText.Scrub(text, settings.Url.PathAndQuery.Length > 1 ? settings.Url.PathAndQuery : null, settings.Url.AbsoluteUri);
}
