using Keel.Core.Capital;
using Keel.Core.Costs;
using Keel.Core.Risk;

namespace Keel.Core.Backtest;

/// <summary>Everything about a backtest that is not data or strategies; every choice is stated in the result.</summary>
public sealed record BacktestSettings
{
    public decimal StartingCash { get; init; } = 100_000m;
    public FillModel FillModel { get; init; } = FillModel.NextOpen;
    public BrokerModel Broker { get; init; } = BrokerModel.Frictionless;
    public RiskConfig Risk { get; init; } = new();

    /// <summary>
    /// True (default): positions still open after the last bar are sold at its close, so P&amp;L is complete.
    /// False: they stay open and are marked at the last close.
    /// </summary>
    public bool CloseAtEnd { get; init; } = true;

    /// <summary>
    /// True (default): the result keeps every decision and order event. False: only trades, equity and
    /// metrics (parameter sweeps, where the journal of each trial is never read).
    /// </summary>
    public bool KeepJournal { get; init; } = true;

    /// <summary>
    /// True (default): the result keeps the equity curve, one point per timestamp. False: the curve is
    /// folded into the metrics and daily returns as it is recorded and not kept (sweep trials, where a
    /// million-point curve per trial would be written once and read once).
    /// </summary>
    public bool KeepEquityCurve { get; init; } = true;

    /// <summary>
    /// True (default): the result lists every closed trade. False: trades are folded into the metrics as
    /// they close and not kept (sweep trials, which read only their statistics and count).
    /// </summary>
    public bool KeepTrades { get; init; } = true;

    /// <summary>
    /// True: intraday equity orders go out only inside the NYSE regular session, as in paper and live
    /// (<see cref="Calendars.RegularHoursGate"/>), and working stock exits are held only against regular-session
    /// bars, as Alpaca works them. False (default): every bar may trade.
    /// </summary>
    public bool RegularHoursOnly { get; init; }

    /// <summary>The zone whose midnight starts a trading day (daily loss limit); null picks
    /// America/New_York when any symbol is an equity, UTC when all are crypto.</summary>
    public TimeZoneInfo? TradingDayZone { get; init; }

    /// <summary>
    /// When set (UTC), bars before it only warm the strategies up (indicators ready at this time): no
    /// orders, no fills, no equity points, not counted in <see cref="BacktestResult.Bars"/>. Trading and
    /// every statistic start at the first bar at or after it.
    /// </summary>
    public DateTime? TradeFrom { get; init; }

    /// <summary>A capital stage's cap on total exposure, as live trading applies it (the drift replay of a live period); null: no cap.</summary>
    public CapitalLimit? Capital { get; init; }

    /// <summary>Positions held at the start (<see cref="StartingCash"/> is then the cash beside them, at their <see cref="StartingPosition.Mark"/>); a position of a strategy or symbol not in the run is an error.</summary>
    public IReadOnlyList<StartingPosition> StartingPositions { get; init; } = [];
}
