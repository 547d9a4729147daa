using Keel.Core.Trading;
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
        if (!halt.Halted) _haltHandled = false;
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
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "trading halted ({Reason}); working orders cancelled, flatten {Flatten}")]
    private static partial void LogHalted(ILogger logger, string reason, bool flatten);
}
