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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sender.RunAsync(Poll, stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(LastRound);
        try
        {
            await sender.SendDueAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
