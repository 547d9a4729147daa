using Keel.Core.Kernel;
using Keel.Core.Persistence;

namespace Keel.Live;

// What the session records after processing bars: the account's equity and the trading day's P&L.
public sealed partial class LiveSession
{
    private async Task SnapshotAsync(DateTime now, CancellationToken ct)
    {
        var account = await _broker.AccountAsync(ct).ConfigureAwait(false);
        _store.RecordEquity(new EquitySnapshot(now, account.Equity, account.Cash));
        var risk = Kernel.Risk;
        if (risk.StartOfDayEquity <= 0) return;
        var zone = DayZone;
        var closedToday = _store.Trades().Where(t => TradingDayClock.DayOf(t.ExitTime, zone) == risk.Day).ToList();
        _store.RecordDailyPnl(new DailyPnl(risk.Day, risk.StartOfDayEquity, Kernel.Portfolio.ExactEquity(),
            closedToday.Sum(t => t.NetPnl), closedToday.Sum(t => t.Fees), closedToday.Count));
    }
}
