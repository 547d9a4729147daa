using Keel.Core.Trading;
using Keel.Live.Alerts;
using Keel.Live.Config;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keel.Live;

/// <summary>
/// The hosted service: starts the session (restore and reconcile), then runs a cycle every poll
/// interval until stopped. A broker that cannot be reached is retried next cycle; anything else stops
/// the host with a non-zero exit code (systemd restarts it, and the restart reconciles).
/// </summary>
internal sealed partial class TradingService(LiveSession session, LiveSettings settings, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<TradingService> logger,
    HeartbeatPinger pinger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await session.StartAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await session.RunCycleAsync(stoppingToken).ConfigureAwait(false);
                    pinger.Ping();
                }
                catch (BrokerException ex) when (ex.IsTransient)
                {
                    LogBrokerUnreachable(logger, ex.Message);
                }
                await Task.Delay(settings.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            session.RecordStop("stop requested");
        }
        catch (LiveStartRefusedException ex)
        {
            LogRefused(logger, ex.Message);
            Environment.ExitCode = 2;
            lifetime.StopApplication();
        }
        catch (Exception ex)
        {
            LogFatal(logger, ex);
            try { session.RecordFailure(ex.Message); } catch (InvalidOperationException) { } // not started: nothing to say it with
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "broker unreachable this cycle, trying again: {Message}")]
    private static partial void LogBrokerUnreachable(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "the trading session refused to start: {Message}")]
    private static partial void LogRefused(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Critical, Message = "the trading session stopped")]
    private static partial void LogFatal(ILogger logger, Exception ex);
}
