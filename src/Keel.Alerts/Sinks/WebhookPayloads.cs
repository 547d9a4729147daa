using System.Text.Json.Serialization;

namespace Keel.Alerts.Sinks;

// The bodies a webhook sink posts, one record per receiver's shape; names are the receivers' (snake_case).

/// <summary>Keel's own JSON: the alert's fields; <c>strategy</c> and <c>symbol</c> are null when it concerns neither.</summary>
internal sealed record KeelAlertPayload(long Id, DateTime Time, string Kind, string Severity, string? Strategy, string? Symbol, string Message, bool Resolved);

/// <summary>Slack's incoming webhook: <c>text</c>.</summary>
internal sealed record SlackPayload(string Text);

/// <summary>Discord's webhook: <c>content</c> (2,000 characters at most).</summary>
internal sealed record DiscordPayload(string Content);

/// <summary>Telegram's sendMessage: <c>chat_id</c> and <c>text</c> (4,096 characters at most).</summary>
internal sealed record TelegramPayload(string? ChatId, string Text);

/// <summary>Source-generated JSON for the webhook bodies.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(KeelAlertPayload))]
[JsonSerializable(typeof(SlackPayload))]
[JsonSerializable(typeof(DiscordPayload))]
[JsonSerializable(typeof(TelegramPayload))]
internal sealed partial class WebhookJson : JsonSerializerContext;
