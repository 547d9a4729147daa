using System.Net;
using System.Text.Json;
using Keel.Alerts;
using Keel.Alerts.Sinks;
using Keel.Core.Persistence;
using MimeKit;

namespace Keel.Live.Tests.Alerts;

/// <summary>Each sink against a real server on loopback: SMTP (SmtpServer in process), HTTP for webhooks and a Twilio-like API.</summary>
public sealed class SinkTests
{
    private const string Password = "smtp-PaSsWoRd-9931";
    private static readonly DateTime T0 = new(2026, 3, 2, 14, 30, 0, DateTimeKind.Utc);

    private static AlertRecord Alert(string message = "account drawdown 11.20% from the peak 100000.00", long id = 7) =>
        new(id, T0, "drawdown", AlertSeverity.Critical, message, "rsi", "SPY", "drawdown:account", null, null, null);

    [Fact]
    public async Task Email_arrives_with_html_and_a_plain_text_alternative_after_authenticating()
    {
        await using var smtp = new LoopbackSmtp("keel", Password);
        var sink = new EmailSink(new EmailSinkSettings("127.0.0.1", smtp.Port, SmtpSecurity.None, "keel@example.com", ["me@example.com", "ops@example.com"])
        {
            User = "keel",
            Password = Password,
        });

        await sink.SendAsync(Alert(), CancellationToken.None);

        var message = await smtp.NextAsync();
        smtp.Logins.ShouldContain("keel");
        message.Subject.ShouldBe("[Keel] CRITICAL drawdown rsi SPY");
        message.To.Mailboxes.Select(m => m.Address).ShouldBe(["me@example.com", "ops@example.com"]);
        message.MessageId.ShouldStartWith("keel-alert-7-");
        var alternative = message.Body.ShouldBeOfType<MultipartAlternative>();
        alternative.OfType<TextPart>().Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        message.TextBody.ShouldNotBeNull().ShouldContain("11.20%");
        message.HtmlBody.ShouldNotBeNull().ShouldContain("<h2");
        message.HtmlBody!.ShouldContain("keel alerts ack 7");
    }

    [Fact]
    public async Task Email_with_a_wrong_password_fails_without_saying_the_password()
    {
        await using var smtp = new LoopbackSmtp("keel", "the-right-one");
        var sink = new EmailSink(new EmailSinkSettings("127.0.0.1", smtp.Port, SmtpSecurity.None, "keel@example.com", ["me@example.com"])
        {
            User = "keel",
            Password = Password,
        });
        var error = await Should.ThrowAsync<AlertDeliveryException>(() => sink.SendAsync(Alert(), CancellationToken.None));
        error.Message.ShouldContain($"127.0.0.1:{smtp.Port}");
        error.Message.ShouldNotContain(Password);
        smtp.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Email_to_a_closed_port_fails_fast_with_a_message()
    {
        var sink = new EmailSink(new EmailSinkSettings("127.0.0.1", LoopbackSmtp.FreePort(), SmtpSecurity.None, "keel@example.com", ["me@example.com"]));
        var error = await Should.ThrowAsync<AlertDeliveryException>(() => sink.SendAsync(Alert(), CancellationToken.None));
        error.Message.ShouldStartWith("SMTP 127.0.0.1:");
    }

    [Theory]
    [InlineData(WebhookFormat.Slack, "text")]
    [InlineData(WebhookFormat.Discord, "content")]
    [InlineData(WebhookFormat.Telegram, "text")]
    public async Task Webhooks_post_the_payload_their_service_expects(WebhookFormat format, string field)
    {
        using var http = new LoopbackHttp();
        using var client = new HttpClient();
        var sink = new WebhookSink(new WebhookSinkSettings(new Uri(http.BaseUrl, "hooks/T000/B000/tokenXYZ"), format) { ChatId = "-100123" }, client);

        await sink.SendAsync(Alert(), CancellationToken.None);

        var request = await http.NextAsync();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/hooks/T000/B000/tokenXYZ");
        request.ContentType.ShouldStartWith("application/json");
        request.IdempotencyKey.ShouldBe("keel-alert-7");
        using var json = JsonDocument.Parse(request.Body);
        json.RootElement.GetProperty(field).GetString().ShouldNotBeNull().ShouldContain("11.20%");
        if (format == WebhookFormat.Telegram) json.RootElement.GetProperty("chat_id").GetString().ShouldBe("-100123");
    }

    [Fact]
    public async Task The_json_webhook_carries_every_field()
    {
        using var http = new LoopbackHttp();
        using var client = new HttpClient();
        await new WebhookSink(new WebhookSinkSettings(http.BaseUrl, WebhookFormat.Json), client).SendAsync(Alert(), CancellationToken.None);
        using var json = JsonDocument.Parse((await http.NextAsync()).Body);
        var root = json.RootElement;
        root.GetProperty("id").GetInt64().ShouldBe(7);
        root.GetProperty("kind").GetString().ShouldBe("drawdown");
        root.GetProperty("severity").GetString().ShouldBe("critical");
        root.GetProperty("strategy").GetString().ShouldBe("rsi");
        root.GetProperty("symbol").GetString().ShouldBe("SPY");
        root.GetProperty("resolved").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void Webhook_bodies_keep_their_field_names_exactly()
    {
        string Body(WebhookFormat format, string? chat = null) => WebhookSink.Payload(Alert(), new WebhookSinkSettings(new Uri("http://127.0.0.1/"), format) { ChatId = chat });

        Body(WebhookFormat.Json).ShouldBe("{\"id\":7,\"time\":\"" + T0.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
            + "Z\",\"kind\":\"drawdown\",\"severity\":\"critical\",\"strategy\":\"rsi\",\"symbol\":\"SPY\",\"message\":\"account drawdown 11.20% from the peak 100000.00\",\"resolved\":false}");
        Body(WebhookFormat.Slack).ShouldStartWith("{\"text\":\"");
        Body(WebhookFormat.Discord).ShouldStartWith("{\"content\":\"");
        Body(WebhookFormat.Telegram, "-100123").ShouldStartWith("{\"chat_id\":\"-100123\",\"text\":\"");
        Body(WebhookFormat.Telegram).ShouldStartWith("{\"chat_id\":null,\"text\":\"");
    }

    [Theory]
    [InlineData(WebhookFormat.Discord, "content", WebhookSink.DiscordLimit)]
    [InlineData(WebhookFormat.Telegram, "text", WebhookSink.TelegramLimit)]
    public void Long_messages_are_cut_to_the_service_limit(WebhookFormat format, string field, int limit)
    {
        var payload = WebhookSink.Payload(Alert(new string('x', 10_000)), new WebhookSinkSettings(new Uri("http://127.0.0.1/"), format) { ChatId = "1" });
        using var json = JsonDocument.Parse(payload);
        var text = json.RootElement.GetProperty(field).GetString()!;
        text.Length.ShouldBe(limit);
        text.ShouldEndWith("…");
    }

    [Fact]
    public async Task A_webhook_that_answers_an_error_fails_without_its_token()
    {
        using var http = new LoopbackHttp { Status = HttpStatusCode.Forbidden };
        using var client = new HttpClient();
        var sink = new WebhookSink(new WebhookSinkSettings(new Uri(http.BaseUrl + "bot123456:SECRET-token/sendMessage"), WebhookFormat.Telegram) { ChatId = "1" }, client);
        var error = await Should.ThrowAsync<AlertDeliveryException>(() => sink.SendAsync(Alert(), CancellationToken.None));
        error.Message.ShouldContain("HTTP 403");
        error.Message.ShouldNotContain("SECRET-token");
    }

    [Fact]
    public async Task Sms_posts_a_short_form_to_twilios_messages_api_with_basic_auth()
    {
        using var twilio = new LoopbackHttp();
        using var client = new HttpClient();
        var sink = new SmsSink(new SmsSinkSettings("+15550001111", ["+15552223333", "+15554445555"], "AC123") { AuthToken = "twilio-token-77", BaseUrl = twilio.BaseUrl }, client);

        await sink.SendAsync(Alert(new string('y', 1000)), CancellationToken.None);

        twilio.Requests.Count.ShouldBe(2);
        var first = twilio.Requests.First();
        first.Path.ShouldBe("/2010-04-01/Accounts/AC123/Messages.json");
        first.ContentType.ShouldStartWith("application/x-www-form-urlencoded");
        first.Authorization.ShouldBe("Basic " + Convert.ToBase64String("AC123:twilio-token-77"u8.ToArray()));
        var form = first.Body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        form["To"].ShouldBe("+15552223333");
        form["From"].ShouldBe("+15550001111");
        form["Body"].Length.ShouldBe(SmsSink.Limit);
        form["Body"].ShouldStartWith("Keel CRITICAL drawdown: ");
    }
}
