namespace Keel.Reporting.Pages;

// The dashboard's live pages as data: the JSON under /api/... is exactly these records (snake_case).

/// <summary>
/// The overview. <see cref="Equity"/> and <see cref="TodayPnl"/> are the store's exact decimals; the
/// checks depend on <c>mode</c>, <c>equity</c>, <c>today_pnl</c>, <c>halted</c>, <c>heartbeat_age_seconds</c>.
/// </summary>
public sealed record OverviewPage
{
    public required string Mode { get; init; }
    public required string Store { get; init; }
    public decimal? Equity { get; init; }
    public decimal? Cash { get; init; }
    public DateTime? EquityTime { get; init; }
    public string? Today { get; init; }
    public decimal? TodayPnl { get; init; }
    public decimal? TodayRealizedPnl { get; init; }
    public int? TodayTrades { get; init; }
    public required bool Halted { get; init; }
    public string? HaltReason { get; init; }
    public DateTime? HaltedSince { get; init; }
    public double? HeartbeatAgeSeconds { get; init; }
    public DateTime? HeartbeatBrokerTime { get; init; }
    public required int OpenPositions { get; init; }
    public required int OpenOrders { get; init; }
    public required long Fills { get; init; }
    /// <summary>Open alerts: neither acknowledged nor resolved (null when this store has no alerts table the dashboard can read).</summary>
    public int? Alerts { get; init; }
    /// <summary>Whether halt / resume / flatten are offered (<c>--allow-control</c>).</summary>
    public required bool Control { get; init; }
    /// <summary>The newest gate result's status (PASS, WARN, FAIL) of the version the newest session ran; null when none is stored.</summary>
    public string? GateStatus { get; init; }
    /// <summary>The capital stage in force (1 = the first); null before live trading started one.</summary>
    public int? CapitalStage { get; init; }
    /// <summary>The gate and capital details behind <see cref="GateStatus"/> and <see cref="CapitalStage"/>; null when this store has no gate tables.</summary>
    public GatesView? Gates { get; init; }
    public required ChartSeries EquityCurve { get; init; }
    /// <summary>Percent below the running peak of the equity snapshots (positive numbers).</summary>
    public required ChartSeries Drawdown { get; init; }
    public required IReadOnlyList<DailyPnlBar> DailyPnl { get; init; }
}

/// <summary>
/// The path to real money as the store has it (what <c>keel status</c> prints): the version the newest session ran,
/// that version's newest gate result with every rule, the capital stage in force and how it got there, the overrides.
/// </summary>
public sealed record GatesView(string? Version, string? Mode, GateResultView? Gate, CapitalStageView? Capital, int Overrides, GateOverrideView? LastOverride);

public sealed record GateResultView(string Status, DateTime Time, IReadOnlyList<GateRuleView> Rules);

public sealed record GateRuleView(string Rule, string Subject, string Status, string Evidence);

public sealed record CapitalStageView(int Stage, decimal Percent, DateTime Since, string Kind, string Actor, string Reason);

public sealed record GateOverrideView(DateTime Time, string Version, string Actor, string Reason);

public sealed record DailyPnlBar(string Day, decimal Pnl, decimal RealizedPnl, int Trades);

/// <summary>One strategy's open position in a symbol; the checks depend on <c>strategy</c>, <c>symbol</c>, <c>quantity</c>.</summary>
public sealed record PositionView(string Strategy, string Symbol, decimal Quantity, decimal AvgPrice, DateTime EntryTime, string? EntryOrderId);

public sealed record OpenOrderView(string ClientOrderId, string Strategy, string Symbol, string Side, decimal Quantity, decimal FilledQuantity,
    string Status, DateTime CreatedAt, double AgeSeconds, string Reason);

/// <summary>A strategy's live record from its closed trades, beside what its backtests expected (when results are there).</summary>
public sealed record StrategyView(string Strategy, int Trades, int Wins, double WinRatePct, decimal NetPnl, decimal Fees, decimal MaxDrawdown,
    int OpenPositions, BacktestExpectation? Backtest);

/// <summary>The backtests of the same strategy text in the results folder, averaged over their runs.</summary>
public sealed record BacktestExpectation(string Source, int Runs, double WinRatePct, double ExpectancyPerTrade, double TotalReturnPct, double Sharpe);

/// <summary>One journal line: a decision, an order (with its last status) or a closed trade (<see cref="Reason"/> is its entry's, <see cref="ExitReason"/> its exit's).</summary>
public sealed record JournalEntry(string Kind, DateTime Time, string Strategy, string Symbol, string What, string Reason, string? ExitReason,
    long? TradeId, string? ClientOrderId, decimal? Pnl);

public sealed record JournalPage(IReadOnlyList<JournalEntry> Entries, IReadOnlyList<string> Strategies, IReadOnlyList<string> Symbols);

/// <summary>A trade and the orders that made it, each with its whole history.</summary>
public sealed record TradeOrdersView(JournalEntry Trade, IReadOnlyList<OrderWithEvents> Orders);

public sealed record OrderWithEvents(string ClientOrderId, string Side, decimal Quantity, string Status, string Reason, IReadOnlyList<OrderEventView> Events);

public sealed record OrderEventView(DateTime Time, string Status, string Note);

/// <summary>An alert as the alerts page lists it; <see cref="State"/> is open, acked or resolved (as <c>keel alerts</c> says).</summary>
public sealed record AlertView(long Id, DateTime Time, string Kind, string Severity, string? Strategy, string? Symbol, string Message, string State,
    DateTime? AckedAt, DateTime? ResolvedAt)
{
    public bool Acknowledged => AckedAt is not null;
    public bool Open => State == "open";
}

/// <summary>The alerts page; <see cref="Available"/> false (with <see cref="Note"/>) when the store has no alerts tables; <see cref="CanAcknowledge"/> with <c>--allow-control</c>.</summary>
public sealed record AlertsPage(bool Available, bool CanAcknowledge, string? Note, IReadOnlyList<AlertView> Alerts);

/// <summary>What every page's banner needs, known without reading the store: the mode and whether control is offered.</summary>
public sealed record SessionInfo(string Mode, bool Control);

public sealed record ControlResult(bool Halted, string? Reason, bool Flatten, string Message);
