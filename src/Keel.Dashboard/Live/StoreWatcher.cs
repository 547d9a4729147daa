using Keel.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keel.Dashboard.Live;

/// <summary>
/// Asks the store every <see cref="DashboardOptions.WatchInterval"/> for its marks (one small query) and wakes
/// every open page's event stream when a fill, a snapshot, an order event, a trade, an alert, the kill switch
/// or the heartbeat changed. One watcher for all pages, so ten open tabs cost one query a tick.
/// </summary>
internal sealed partial class StoreWatcher(ITradingStoreReader reader, DashboardOptions options, ILogger<StoreWatcher> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private StoreMarks? _marks;
    private long _version;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public (long Version, StoreMarks? Marks) Current
    {
        get { lock (_gate) return (_version, _marks); }
    }

    /// <summary>Completes when the marks move past <paramref name="seenVersion"/>.</summary>
    public async Task<(long Version, StoreMarks Marks)> WaitForChangeAsync(long seenVersion, CancellationToken ct)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_version > seenVersion && _marks is not null) return (_version, _marks);
                changed = _changed.Task;
            }
            await changed.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // start listening first
        using var timer = new PeriodicTimer(options.WatchInterval, options.Time);
        do
        {
            try
            {
                // Only the marks: the pages read what they show when they are asked (nothing is loaded ahead).
                Publish(reader.Marks());
            }
            catch (StoreMissingException)
            {
                // Not created yet: the pages say so; ask again next tick.
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                // A busy or briefly unreadable store: the next tick asks again.
                LogReadFailed(logger, ex.Message);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal void Publish(StoreMarks marks)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            if (_marks == marks) return;
            _marks = marks;
            _version++;
            wake = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.TrySetResult();
    }

    /// <summary>What moved between two marks, as the words the pages listen for.</summary>
    public static string Changes(StoreMarks? before, StoreMarks after)
    {
        if (before is null) return "all";
        var parts = new List<string>();
        if (before.Fills != after.Fills) parts.Add("fills");
        if (before.Equity != after.Equity) parts.Add("equity");
        if (before.OrderEvents != after.OrderEvents) parts.Add("orders");
        if (before.Decisions != after.Decisions) parts.Add("decisions");
        if (before.Trades != after.Trades) parts.Add("trades");
        if (before.Alerts != after.Alerts) parts.Add("alerts");
        if (before.Halt != after.Halt) parts.Add("halt");
        if (before.HeartbeatWallTime != after.HeartbeatWallTime) parts.Add("heartbeat");
        return string.Join(' ', parts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "dashboard: reading the store failed ({Message}); trying again")]
    private static partial void LogReadFailed(ILogger logger, string message);
}
