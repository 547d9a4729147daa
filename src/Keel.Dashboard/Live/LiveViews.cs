using System.Globalization;
using Keel.Core.Persistence;
using Keel.Dashboard.Alerts;
using Keel.Reporting.Pages;

namespace Keel.Dashboard.Live;

/// <summary>
/// Builds each live page's model from the store at the moment asked. The histories (equity points, per-strategy
/// trade tallies) are read by the first page that shows them and topped up after; nothing is read at start-up.
/// </summary>
internal sealed class LiveViews(ITradingStoreReader reader, DashboardOptions options, IAlertFeed alerts)
{
    private readonly EquityHistory _equity = new();
    private readonly StrategyTally _tally = new();

    public OverviewPage Overview(int columns)
    {
        _equity.Refresh(reader);
        var marks = reader.Marks();
        var heartbeat = reader.LastHeartbeat();
        var days = reader.DailyPnls();
        var today = days.Count > 0 ? days[^1] : null;
        var (curve, drawdown) = _equity.Chart(columns);
        var alertsPage = alerts.Page(1000);
        var gates = GateViews.Read(reader);
        return new OverviewPage
        {
            Mode = options.Mode,
            Store = reader.Description,
            Equity = _equity.Latest?.Equity,
            Cash = _equity.Latest?.Cash,
            EquityTime = _equity.Latest?.Time,
            Today = today?.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TodayPnl = today?.Pnl,
            TodayRealizedPnl = today?.RealizedPnl,
            TodayTrades = today?.Trades,
            Halted = marks.Halt.Halted,
            HaltReason = marks.Halt.Reason,
            HaltedSince = marks.Halt.Since,
            HeartbeatAgeSeconds = heartbeat is null ? null : Math.Round((options.Time.GetUtcNow().UtcDateTime - heartbeat.WallTime).TotalSeconds, 1),
            HeartbeatBrokerTime = heartbeat?.BrokerTime,
            OpenPositions = reader.Positions().Count(p => p.Quantity != 0),
            OpenOrders = reader.OpenOrders().Count,
            Fills = marks.Fills,
            Alerts = alertsPage.Available ? alertsPage.Alerts.Count(a => a.Open) : null,
            Control = options.AllowControl,
            GateStatus = gates?.Gate?.Status,
            CapitalStage = gates?.Capital?.Stage,
            Gates = gates,
            EquityCurve = curve,
            Drawdown = drawdown,
            DailyPnl = days.Select(d => new DailyPnlBar(d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Pnl, d.RealizedPnl, d.Trades)).ToList(),
        };
    }

    public IReadOnlyList<PositionView> Positions() => reader.Positions().Where(p => p.Quantity != 0)
        .Select(p => new PositionView(p.Strategy, p.Symbol.Ticker, p.Quantity, p.AveragePrice, p.EntryTime, p.EntryOrderId)).ToList();

    public IReadOnlyList<OpenOrderView> OpenOrders()
    {
        var now = options.Time.GetUtcNow().UtcDateTime;
        return reader.OpenOrders().Select(o => new OpenOrderView(o.Order.ClientOrderId, o.Order.Strategy, o.Order.Symbol.Ticker,
            o.Order.Side.ToString().ToLowerInvariant(), o.Order.Quantity, o.FilledQuantity, o.Status.ToString(), o.Order.CreatedAt,
            Math.Round((now - o.Order.CreatedAt).TotalSeconds, 1), o.Order.Reason)).ToList();
    }

    public IReadOnlyList<StrategyView> Strategies()
    {
        _tally.Refresh(reader);
        var open = reader.Positions().Where(p => p.Quantity != 0).GroupBy(p => p.Strategy).ToDictionary(g => g.Key, g => g.Count());
        var results = options.ResultsFolder is { } folder ? ResultsFolderReader.Read(folder, chartColumns: 4) : null;
        var tallies = _tally.Snapshot();
        var names = tallies.Select(t => t.Strategy).Union(open.Keys).Order(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var t = tallies.FirstOrDefault(x => x.Strategy == name);
            return new StrategyView(name, t.Trades, t.Wins, t.Trades == 0 ? 0 : 100.0 * t.Wins / t.Trades, t.NetPnl, t.Fees, t.MaxDrawdown,
                open.GetValueOrDefault(name), Expectation(results, name));
        }).ToList();
    }

    /// <summary>The results folder's runs of the very same strategy text, averaged: what the backtests led one to expect.</summary>
    private static BacktestExpectation? Expectation(BacktestsPage? results, string strategy)
    {
        if (results is null) return null;
        foreach (var table in results.Comparisons)
        {
            var runs = table.Rows.Where(r => r.Strategy == strategy && r.Costs != "no costs").ToList();
            if (runs.Count == 0) continue;
            return new BacktestExpectation(table.File, runs.Count, runs.Average(r => r.WinRatePct), runs.Average(r => r.ExpectancyPerTrade),
                runs.Average(r => r.TotalReturnPct), runs.Average(r => r.Sharpe));
        }
        return null;
    }

    public JournalPage Journal(JournalFilter filter)
    {
        _tally.Refresh(reader);
        var slice = reader.Journal(filter);
        var entries = new List<JournalEntry>(slice.Decisions.Count + slice.OrderEvents.Count + slice.Trades.Count);
        foreach (var d in slice.Decisions)
        {
            var s = d.Decision.Signal;
            entries.Add(new JournalEntry("decision", d.Decision.Time, d.Decision.Strategy, d.Decision.Symbol.Ticker,
                $"{s.Action.ToString().ToLowerInvariant()} ({s.Confidence.ToString("0.##", CultureInfo.InvariantCulture)}) → {d.Decision.Outcome}",
                s.Reason ?? "", null, null, null, null));
        }
        foreach (var e in slice.OrderEvents)
        {
            var r = e.Order.Order;
            var note = e.Event.Note.Length > 0 ? " · " + e.Event.Note : "";
            entries.Add(new JournalEntry("order", e.Event.Time, r.Strategy, r.Symbol.Ticker,
                $"{e.Event.Status}: {r.Side.ToString().ToLowerInvariant()} {r.Quantity.ToString(CultureInfo.InvariantCulture)} {r.Type.ToString().ToLowerInvariant()} ({r.Purpose.ToString().ToLowerInvariant()}){note}",
                r.Reason, null, null, r.ClientOrderId, null));
        }
        entries.AddRange(slice.Trades.Select(TradeEntry));
        var strategies = _tally.Snapshot().Select(t => t.Strategy).Union(entries.Select(e => e.Strategy)).Distinct().Order(StringComparer.Ordinal).ToList();
        var symbols = reader.Positions().Select(p => p.Symbol.Ticker).Union(entries.Select(e => e.Symbol)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new JournalPage(entries.OrderByDescending(e => e.Time).ThenBy(e => e.Kind, StringComparer.Ordinal).ToList(), strategies, symbols);
    }

    private static JournalEntry TradeEntry(StoredTrade row)
    {
        var t = row.Trade;
        return new JournalEntry("trade", t.ExitTime, t.Strategy, t.Symbol.Ticker,
            $"{t.Quantity.ToString(CultureInfo.InvariantCulture)} @ {t.EntryPrice.ToString(CultureInfo.InvariantCulture)} → {t.ExitPrice.ToString(CultureInfo.InvariantCulture)}",
            t.EntryReason, t.ExitReason, row.Id, null, t.NetPnl);
    }

    /// <summary>A trade's orders: the fills of its strategy and symbol at its entry and exit times name them.</summary>
    public TradeOrdersView? TradeOrders(long tradeId)
    {
        if (reader.FindTrade(tradeId) is not { } row) return null;
        var t = row.Trade;
        var ids = reader.FillsAt(t.Strategy, t.Symbol.Ticker, [t.EntryTime, t.ExitTime]).Select(f => f.Fill.ClientOrderId).Distinct().ToList();
        var orders = ids.Select(id => (Id: id, Order: reader.FindOrder(id))).Where(x => x.Order is not null).Select(x => new OrderWithEvents(x.Id,
            x.Order!.Order.Side.ToString().ToLowerInvariant(), x.Order.Order.Quantity, x.Order.Status.ToString(), x.Order.Order.Reason,
            reader.OrderEvents(x.Id).Select(e => new OrderEventView(e.Time, e.Status.ToString(), e.Note)).ToList())).ToList();
        return new TradeOrdersView(TradeEntry(row), orders);
    }

    public BacktestsPage Backtests(int columns) => options.ResultsFolder is { } folder
        ? ResultsFolderReader.Read(folder, columns)
        : new BacktestsPage("", [], [], []);
}
