using System.Globalization;
using Keel.Core.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Keel.Alerts.Sinks;

/// <summary>How the SMTP connection is secured: none (plain, loopback relays), starttls (587) or tls (465).</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    Tls,
}

/// <summary>An e-mail sink's settings; the user and password come from KEEL_SMTP_USER / KEEL_SMTP_PASSWORD, never the config.</summary>
public sealed record EmailSinkSettings(string Host, int Port, SmtpSecurity Security, string From, IReadOnlyList<string> To)
{
    public string? User { get; init; }

    /// <summary>Excluded from the record's text so it never reaches a log.</summary>
    public string? Password { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    public override string ToString() => $"email {Host}:{Port} ({Security}) to {string.Join(", ", To)}";
}

/// <summary>
/// E-mail through MailKit: an HTML body with a plain-text alternative. The Message-ID is the alert's, so a
/// delivery repeated after a crash between the server's acceptance and the store's record is recognisable
/// as the same message.
/// </summary>
public sealed class EmailSink(EmailSinkSettings settings) : IAlertSink
{
    public async Task SendAsync(AlertRecord alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        foreach (var to in settings.To) message.To.Add(MailboxAddress.Parse(to));
        message.Subject = AlertText.Subject(alert);
        message.MessageId = string.Create(CultureInfo.InvariantCulture, $"keel-alert-{alert.Id}-{alert.Time:yyyyMMddHHmmssfffffff}@keel.local");
        message.Date = new DateTimeOffset(alert.Time, TimeSpan.Zero);
        var body = new BodyBuilder { TextBody = AlertText.Plain(alert), HtmlBody = AlertText.Html(alert) };
        message.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            var security = settings.Security switch
            {
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            };
            await client.ConnectAsync(settings.Host, settings.Port, security, ct).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.User)) await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct).ConfigureAwait(false);
            await client.SendAsync(message, ct).ConfigureAwait(false);
            await client.DisconnectAsync(true, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new AlertDeliveryException(SecretText.Scrub($"SMTP {settings.Host}:{settings.Port}: {ex.Message}", settings.Password, settings.User));
        }
    }
}
