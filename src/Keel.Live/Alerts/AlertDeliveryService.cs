using Keel.Alerts;
using Microsoft.Extensions.Hosting;

namespace Keel.Live.Alerts;

/// <summary>
/// Runs the outbox sender beside the trading service. On a clean stop it makes one last round (bounded), so
/// the "stopped" alert usually leaves with the process; whatever does not is sent by the next start.
/// </summary>
internal sealed class AlertDeliveryService(AlertSender sender) : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LastRound = TimeSpan.FromSeconds(10);

    /// <summary>Owner names of the service's claims; one service runs per store, so an older one's claims are a dead process's.</summary>
    public const string OwnerPrefix = "service-";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        sender.TakeOverFrom(OwnerPrefix);
        return sender.RunAsync(Poll, stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        sender.ReleaseOwnClaims();
        // Its own bound, not the host's stop token: a slow stop of the trading service may have used that up
        // already, and the last round is what sends the "stopped" alert. Rounds until nothing is left to send.
        using var bounded = new CancellationTokenSource(LastRound);
        try
        {
            while (await sender.SendDueAsync(bounded.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
