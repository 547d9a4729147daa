using Keel.Alerts.Sinks;
using Keel.Core.Persistence;

namespace Keel.Alerts;

/// <summary>One sink of a config, validated, secrets resolved: exactly one of the settings is set.</summary>
public sealed record SinkDefinition(string Name, AlertSeverity MinSeverity)
{
    public EmailSinkSettings? Email { get; init; }
    public WebhookSinkSettings? Webhook { get; init; }
    public SmsSinkSettings? Sms { get; init; }

    public string Type => Email is not null ? "email" : Webhook is not null ? "webhook" : "sms";

    /// <summary>Reports are long: e-mail gets the HTML, webhooks a summary; SMS never carries them.</summary>
    public bool CarriesReports => Sms is null;

    public ConfiguredSink Create(HttpClient http)
    {
        IAlertSink sink = Email is { } email ? new EmailSink(email)
            : Webhook is { } webhook ? new WebhookSink(webhook, http)
            : new SmsSink(Sms ?? throw new InvalidOperationException($"Sink {Name} has no settings."), http);
        return new ConfiguredSink(Name, MinSeverity, CarriesReports, sink);
    }

    public override string ToString() => $"{Name}: {(object?)Email ?? (object?)Webhook ?? Sms}";
}
