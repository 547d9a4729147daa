using System.Globalization;
using Keel.Alerts;
using Keel.Alerts.Sinks;
using Keel.Core.Persistence;

namespace Keel.Live.Config;

/// <summary>
/// Validates the "alerts" section and resolves its secrets: SMTP user and password from KEEL_SMTP_USER /
/// KEEL_SMTP_PASSWORD, Twilio's account from KEEL_TWILIO_SID / KEEL_TWILIO_TOKEN, and any URL written
/// <c>"env:NAME"</c> from that variable. Problems name the key (<c>alerts.sinks[1].url</c>) and never a secret.
/// </summary>
internal static class AlertConfigReader
{
    public const string SmtpUser = "KEEL_SMTP_USER";
    public const string SmtpPassword = "KEEL_SMTP_PASSWORD";
    public const string TwilioSid = "KEEL_TWILIO_SID";
    public const string TwilioToken = "KEEL_TWILIO_TOKEN";

    public static AlertSettings Read(LiveConfigFile.AlertsSection? section, string baseDirectory, Func<string, string?> environment, List<string> problems)
    {
        if (section is null) return AlertSettings.Default with { ReportsDirectory = Path.GetFullPath("reports", baseDirectory) };
        if (section.DrawdownPercent is <= 0 or >= 100) problems.Add("alerts.drawdownPercent: must be between 0 and 100 (a percent, e.g. 10)");
        if (section.DailyLossPercent is <= 0 or >= 100) problems.Add("alerts.dailyLossPercent: must be between 0 and 100 (a percent, e.g. 2)");
        if (section.StaleMinutes is <= 0) problems.Add("alerts.staleMinutes: must be a positive number of minutes");

        var sinks = new List<SinkDefinition>();
        var list = section.Sinks ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (ReadSink(list[i], i, environment, problems) is { } sink)
            {
                if (sinks.Any(s => s.Name == sink.Name)) problems.Add($"alerts.sinks[{i}].name: '{sink.Name}' is used by another sink; names must differ");
                else sinks.Add(sink);
            }
        }

        Uri? heartbeat = null;
        if (section.HeartbeatUrl is not null) heartbeat = Url(section.HeartbeatUrl, "alerts.heartbeatUrl", environment, problems);

        return new AlertSettings
        {
            DrawdownPercent = section.DrawdownPercent ?? 10m,
            DailyLossPercent = section.DailyLossPercent ?? 2m,
            Stale = TimeSpan.FromMinutes(section.StaleMinutes ?? 5),
            Sinks = sinks,
            HeartbeatUrl = heartbeat,
            ReportsDirectory = Path.GetFullPath(section.Reports ?? "reports", baseDirectory),
            Degradation = DegradationConfigReader.Read(section.Degradation, problems),
            NightlyDrift = section.NightlyDrift ?? true,
        };
    }

    private static SinkDefinition? ReadSink(LiveConfigFile.SinkSection s, int i, Func<string, string?> environment, List<string> problems)
    {
        var key = $"alerts.sinks[{i}]";
        var type = s.Type?.Trim().ToLowerInvariant();
        var count = problems.Count;
        var defaultSeverity = type == "sms" ? AlertSeverity.Critical : AlertSeverity.Warning;
        var severity = defaultSeverity;
        if (s.MinSeverity is not null && !AlertSeverities.TryParse(s.MinSeverity, out severity))
            problems.Add($"{key}.minSeverity: '{s.MinSeverity}' is not a severity; write \"info\", \"warning\" or \"critical\"");
        var name = string.IsNullOrWhiteSpace(s.Name) ? $"{type}-{i + 1}" : s.Name.Trim();

        void Unused(string what, object? value)
        {
            if (value is not null) problems.Add($"{key}.{what}: not a key of a {type} sink");
        }

        switch (type)
        {
            case "email":
            {
                if (string.IsNullOrWhiteSpace(s.Host)) problems.Add($"{key}.host: missing; write the SMTP server, e.g. \"smtp.example.com\"");
                var security = (s.Security ?? "starttls").Trim().ToLowerInvariant() switch
                {
                    "none" => SmtpSecurity.None,
                    "starttls" => SmtpSecurity.StartTls,
                    "tls" => SmtpSecurity.Tls,
                    _ => Problem(problems, $"{key}.security: '{s.Security}' is not a choice; write \"none\", \"starttls\" or \"tls\"", SmtpSecurity.StartTls),
                };
                if (s.Port is < 1 or > 65535) problems.Add($"{key}.port: must be a port number (1-65535)");
                if (!IsAddress(s.From)) problems.Add($"{key}.from: missing or not an e-mail address; write e.g. \"keel@example.com\"");
                if (s.To is not { Count: > 0 }) problems.Add($"{key}.to: missing; list at least one address, e.g. [\"me@example.com\"]");
                else foreach (var to in s.To.Where(t => !IsAddress(t))) problems.Add($"{key}.to: '{to}' is not an e-mail address");
                Unused("url", s.Url); Unused("format", s.Format); Unused("provider", s.Provider); Unused("chatId", s.ChatId); Unused("baseUrl", s.BaseUrl);
                if (problems.Count > count) return null;
                var port = s.Port ?? security switch { SmtpSecurity.Tls => 465, SmtpSecurity.StartTls => 587, _ => 25 };
                return new SinkDefinition(name, severity)
                {
                    Email = new EmailSinkSettings(s.Host!.Trim(), port, security, s.From!.Trim(), s.To!.Select(t => t.Trim()).ToList())
                    {
                        User = environment(SmtpUser),
                        Password = environment(SmtpPassword),
                    },
                };
            }
            case "webhook":
            {
                var format = (s.Format ?? "json").Trim().ToLowerInvariant() switch
                {
                    "json" => WebhookFormat.Json,
                    "slack" => WebhookFormat.Slack,
                    "discord" => WebhookFormat.Discord,
                    "telegram" => WebhookFormat.Telegram,
                    _ => Problem(problems, $"{key}.format: '{s.Format}' is not a format; write \"json\", \"slack\", \"discord\" or \"telegram\"", WebhookFormat.Json),
                };
                Uri? url = null;
                if (string.IsNullOrWhiteSpace(s.Url)) problems.Add($"{key}.url: missing; write the webhook URL or \"env:NAME\" to read it from the environment");
                else url = Url(s.Url, $"{key}.url", environment, problems);
                if (format == WebhookFormat.Telegram && string.IsNullOrWhiteSpace(s.ChatId))
                    problems.Add($"{key}.chatId: missing; Telegram's sendMessage needs the chat to post to");
                Unused("host", s.Host); Unused("port", s.Port); Unused("security", s.Security); Unused("from", s.From); Unused("to", s.To);
                Unused("provider", s.Provider); Unused("baseUrl", s.BaseUrl);
                if (problems.Count > count) return null;
                return new SinkDefinition(name, severity) { Webhook = new WebhookSinkSettings(url!, format) { ChatId = s.ChatId?.Trim() } };
            }
            case "sms":
            {
                if ((s.Provider ?? "twilio").Trim().ToLowerInvariant() != "twilio") problems.Add($"{key}.provider: '{s.Provider}' is not supported; write \"twilio\"");
                if (string.IsNullOrWhiteSpace(s.From)) problems.Add($"{key}.from: missing; write the Twilio number that sends, e.g. \"+15550001111\"");
                if (s.To is not { Count: > 0 }) problems.Add($"{key}.to: missing; list at least one phone number, e.g. [\"+15552223333\"]");
                var baseUrl = s.BaseUrl is null ? SmsSinkSettings.TwilioApi : Url(s.BaseUrl, $"{key}.baseUrl", environment, problems);
                var sid = environment(TwilioSid);
                var token = environment(TwilioToken);
                if (string.IsNullOrWhiteSpace(sid) || string.IsNullOrWhiteSpace(token))
                    problems.Add($"{key}: set {TwilioSid} and {TwilioToken} in the environment or .env (the Twilio account SID and auth token)");
                Unused("host", s.Host); Unused("port", s.Port); Unused("security", s.Security); Unused("url", s.Url); Unused("format", s.Format); Unused("chatId", s.ChatId);
                if (problems.Count > count) return null;
                return new SinkDefinition(name, severity)
                {
                    Sms = new SmsSinkSettings(s.From!.Trim(), s.To!.Select(t => t.Trim()).ToList(), sid!) { AuthToken = token!, BaseUrl = WithSlash(baseUrl!) },
                };
            }
            default:
                problems.Add($"{key}.type: {(type is null ? "missing" : $"'{s.Type}' is not a sink")}; write \"email\", \"webhook\" or \"sms\"");
                return null;
        }
    }

    /// <summary>An http(s) URL, or "env:NAME" read from the environment; the message never repeats a URL read from the environment.</summary>
    private static Uri? Url(string text, string key, Func<string, string?> environment, List<string> problems)
    {
        var value = text.Trim();
        var fromEnvironment = value.StartsWith("env:", StringComparison.Ordinal);
        if (fromEnvironment)
        {
            var variable = value[4..].Trim();
            value = environment(variable) ?? "";
            if (value.Length == 0)
            {
                problems.Add($"{key}: the environment variable {variable} is not set (nor in .env)");
                return null;
            }
        }
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https") return url;
        problems.Add(fromEnvironment ? $"{key}: the variable it names does not hold an http(s) URL" : $"{key}: '{value}' is not an http(s) URL");
        return null;
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private static bool IsAddress(string? text) => text is { Length: > 2 } t && t.IndexOf('@', StringComparison.Ordinal) is > 0 && !t.Contains(' ', StringComparison.Ordinal);

    private static T Problem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }

    /// <summary>The process environment, then <c>.env</c> in the working directory (as the Alpaca keys are read).</summary>
    public static Func<string, string?> DefaultEnvironment()
    {
        var dotEnv = File.Exists(".env") ? Keel.Alpaca.DotEnvFile.Read(".env") : [];
        return name => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : dotEnv.GetValueOrDefault(name);
    }

}
