using Keel.Core.Persistence;
using Keel.Core.Trading;
using Keel.Live.Alerts;
using Microsoft.Extensions.Logging;

namespace Keel.Live;

// The kill switch: `keel halt` writes it to the store, the running session obeys it on its next cycle.
public sealed partial class LiveSession
{
    /// <summary>Entries are refused while halted (exits and brackets still run).</summary>
    private void ApplyHaltSwitch()
    {
        var halt = _store.Halt();
        Kernel.Risk.ManualHalt = halt.Halted ? halt.Reason ?? "halted" : null;
        if (halt.Halted) return;
        _haltHandled = false;
        // The lift is recorded once, by the service that obeyed the switch: store, log and a follow-up alert.
        if (_alerts.IsActive("kill-switch"))
        {
            _store.RecordServiceEvent(new ServiceEvent(_time.GetUtcNow().UtcDateTime, ServiceEvent.KillSwitchLifted, Environment.ProcessId, "keel resume"));
            _alerts.Resolve("kill-switch", "kill switch lifted; entries allowed again");
            LogLifted(_logger);
        }
    }

    /// <summary>The first cycle after a halt cancels this session's working orders and, when asked, closes every position.</summary>
    private async Task HandleHaltAsync(CancellationToken ct)
    {
        ApplyHaltSwitch();
        var halt = _store.Halt();
        if (!halt.Halted || _haltHandled) return;
        _haltHandled = true;
        foreach (var order in _store.OpenOrders()) _port.Cancel(order.Order.ClientOrderId);
        await SettleAsync(ct).ConfigureAwait(false);
        if (halt.Flatten)
        {
            Kernel.CloseAllPositions("halted: flatten requested by keel halt --flatten", OrderPurpose.Exit);
            await SettleAsync(ct).ConfigureAwait(false);
        }
        LogHalted(_logger, halt.Reason ?? "halted", halt.Flatten);
        _alerts.Raise(AlertKinds.KillSwitch, AlertSeverity.Critical,
            $"kill switch engaged: {halt.Reason ?? "halted"}; working orders cancelled{(halt.Flatten ? ", every position closed" : "")}; entries refused until keel resume",
            condition: "kill-switch");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "kill switch lifted: entries allowed again")]
    private static partial void LogLifted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "trading halted ({Reason}); working orders cancelled, flatten {Flatten}")]
    private static partial void LogHalted(ILogger logger, string reason, bool flatten);
}
