using Keel.Core.Gates;
using Keel.Core.Persistence;
using Keel.Reporting.Pages;

namespace Keel.Dashboard.Live;

/// <summary>
/// The store as the dashboard reads it when the service may not have created it yet (a fresh checkout that only ran
/// keel compare): every call opens it if it is there now, or throws <see cref="StoreMissingException"/>, which the
/// pages show as a note while the backtests still work.
/// </summary>
internal sealed class LateOpeningReader(string? sqlitePath, Func<ITradingStoreReader> open) : ITradingStoreReader
{
    private readonly Lock _gate = new();
    private ITradingStoreReader? _inner;

    public string Description => _inner?.Description ?? $"SQLite store {sqlitePath} (not created yet)";

    private ITradingStoreReader Inner()
    {
        lock (_gate)
        {
            if (_inner is not null) return _inner;
            if (sqlitePath is not null && !File.Exists(sqlitePath))
                throw new StoreMissingException($"There is no store at {sqlitePath} yet: keel paper (or live) creates it on its first start. The Backtests page works without it.");
            return _inner = open();
        }
    }

    public StoreMarks Marks() => Inner().Marks();
    public EquityPointsPage EquityPointsAfter(long afterId, int limit) => Inner().EquityPointsAfter(afterId, limit);
    public IReadOnlyList<StoredTrade> TradesAfter(long afterId) => Inner().TradesAfter(afterId);
    public JournalSlice Journal(JournalFilter filter) => Inner().Journal(filter);
    public StoredTrade? FindTrade(long id) => Inner().FindTrade(id);
    public IReadOnlyList<StoredFill> FillsAt(string strategy, string symbol, IReadOnlyCollection<DateTime> times) => Inner().FillsAt(strategy, symbol, times);
    public IReadOnlyList<StoredOrderEvent> OrderEvents(string clientOrderId) => Inner().OrderEvents(clientOrderId);
    public StoredOrder? FindOrder(string clientOrderId) => Inner().FindOrder(clientOrderId);
    public IReadOnlyList<StoredOrder> OpenOrders() => Inner().OpenOrders();
    public IReadOnlyList<StoredPosition> Positions() => Inner().Positions();
    public IReadOnlyList<DailyPnl> DailyPnls() => Inner().DailyPnls();
    public HaltState Halt() => Inner().Halt();
    public Heartbeat? LastHeartbeat() => Inner().LastHeartbeat();
    public IReadOnlyList<AlertRecord>? Alerts(int limit) => Inner().Alerts(limit);
    public IReadOnlyList<SessionStart> SessionStarts() => Inner().SessionStarts();
    public GateResult? LatestGateResult(string version) => Inner().LatestGateResult(version);
    public IReadOnlyList<CapitalChange> CapitalChanges() => Inner().CapitalChanges();
    public IReadOnlyList<GateOverride> GateOverrides() => Inner().GateOverrides();

    public void Dispose()
    {
        lock (_gate) _inner?.Dispose();
    }
}

/// <summary>The service has not created its store yet; the pages say so.</summary>
internal sealed class StoreMissingException(string message) : Exception(message);
