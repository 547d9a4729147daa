using Keel.Core.Persistence;

namespace Keel.Alerts;

/// <summary>
/// Somewhere an alert goes: e-mail, a webhook, SMS. One method; it throws <see cref="AlertDeliveryException"/>
/// (with a message free of secrets) when the alert did not get through, and the sender tries again later.
/// </summary>
public interface IAlertSink
{
    Task SendAsync(AlertRecord alert, CancellationToken ct);
}
