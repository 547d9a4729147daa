using System.Net.Http.Headers;
using System.Text;
using Keel.Core.Persistence;

namespace Keel.Alerts.Sinks;

/// <summary>Twilio's Messages API: the account from KEEL_TWILIO_SID / KEEL_TWILIO_TOKEN; the base URL can point at a test server.</summary>
public sealed record SmsSinkSettings(string From, IReadOnlyList<string> To, string AccountSid)
{
    public static readonly Uri TwilioApi = new("https://api.twilio.com/");

    public Uri BaseUrl { get; init; } = TwilioApi;

    /// <summary>Excluded from the record's text so it never reaches a log.</summary>
    public string AuthToken { get; init; } = "";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public override string ToString() => $"sms via {BaseUrl.Authority} to {string.Join(", ", To)}";
}

/// <summary>A short text per number: a form-encoded POST to /2010-04-01/Accounts/{sid}/Messages.json with basic auth.</summary>
public sealed class SmsSink(SmsSinkSettings settings, HttpClient http) : IAlertSink
{
    /// <summary>Two SMS segments: enough for what happened and the numbers, short enough to read on a lock screen.</summary>
    public const int Limit = 300;

    public async Task SendAsync(AlertRecord alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var url = new Uri(settings.BaseUrl, $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json");
        var body = AlertText.Cut($"Keel {AlertSeverities.Name(alert.Severity).ToUpperInvariant()} {alert.Kind}: {alert.Message}", Limit);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}"));
        foreach (var to in settings.To)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new FormUrlEncodedContent([new("To", to), new("From", settings.From), new("Body", body)]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", auth);
            await AlertPost.SendAsync(http, request, settings.Timeout, $"Twilio {settings.BaseUrl.Authority} to {to}", $"Twilio {settings.BaseUrl.Authority}",
                "no answer in time", text => Scrub(text, auth), ct).ConfigureAwait(false);
        }
    }

    private string Scrub(string text, string auth) => SecretText.Scrub(text, settings.AuthToken, auth);
}
