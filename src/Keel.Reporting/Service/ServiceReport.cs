using System.Globalization;
using Keel.Core.Degradation;
using Keel.Core.Drift;
using Keel.Core.Persistence;
using Keel.Core.Trading;

namespace Keel.Reporting.Service;

/// <summary>
/// What a daily or weekly report says, gathered from the trading store: P&amp;L per strategy and in total,
/// the trades closed in the period with their reasons, open positions, each day's equity and the period's
/// drawdown, and the alerts raised in it.
/// </summary>
public sealed record ServiceReport(string Kind, string Period, DateOnly From, DateOnly To, IReadOnlyList<DailyPnl> Days,
    IReadOnlyList<Trade> Trades, IReadOnlyList<StoredPosition> Positions, IReadOnlyList<AlertRecord> Alerts)
{
    /// <summary>The report for the day (daily) or the Monday-to-Sunday week (weekly) holding <paramref name="date"/>; days in <paramref name="zone"/>.</summary>
    /// <param name="version">The running version (strategies, symbols, timeframe, risk): a weekly review of it holds each
    /// strategy's live record against that version's stored backtest expectation, and the latest nightly drift run.</param>
    public static ServiceReport Build(ITradingStore store, string kind, DateOnly date, TimeZoneInfo zone, string? version = null, DegradationSettings? degradation = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var weekly = kind == "weekly";
        var from = weekly ? date.AddDays(-(((int)date.DayOfWeek + 6) % 7)) : date;
        var to = weekly ? from.AddDays(6) : date;
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var period = weekly ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(from.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(from.ToDateTime(TimeOnly.MinValue)):00}")
            : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var trades = store.Trades();
        var report = new ServiceReport(kind, period, from, to,
            [.. store.DailyPnls().Where(d => d.Day >= from && d.Day <= to)],
            [.. trades.Where(t => Day(t.ExitTime) >= from && Day(t.ExitTime) <= to)],
            [.. store.Positions().Where(p => p.Quantity != 0)],
            [.. store.AllAlerts().Where(a => Day(a.Time) >= from && Day(a.Time) <= to && !a.Kind.StartsWith("report", StringComparison.Ordinal))]);
        if (!weekly || version is null || store is not IDegradationStore expectations) return report;
        var until = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        return report with
        {
            VersusBacktest = StrategyVersusBacktest.For(expectations, version, trades, until, degradation ?? new DegradationSettings()),
            LatestDrift = expectations.LatestDriftRun() is { } run && run.To < until ? run : null,
            ComparedWithBacktest = true,
        };
    }

    /// <summary>Weekly: each strategy's live record since its version went live against the backtest expectation (empty: none stored).</summary>
    public IReadOnlyList<StrategyVersusBacktest> VersusBacktest { get; init; } = [];

    /// <summary>Weekly: the latest nightly drift run up to the period's end, if any.</summary>
    public DriftRun? LatestDrift { get; init; }

    /// <summary>Whether this report has the live-against-backtest section (weekly, with a version).</summary>
    public bool ComparedWithBacktest { get; init; }

    public decimal TotalPnl => Days.Sum(d => d.Pnl);

    public decimal RealizedPnl => Trades.Sum(t => t.NetPnl);

    public IReadOnlyList<(string Strategy, decimal Pnl, int Trades, int Wins)> PerStrategy =>
        [.. Trades.GroupBy(t => t.Strategy).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(t => t.NetPnl), g.Count(), g.Count(t => t.NetPnl > 0)))];

    /// <summary>The deepest fall of end-of-day equity from its running peak in the period (start equity counts as the first point), in percent.</summary>
    public decimal MaxDrawdownPercent
    {
        get
        {
            var peak = 0m;
            var worst = 0m;
            foreach (var value in Days.SelectMany(d => new[] { d.StartEquity, d.EndEquity }))
            {
                peak = Math.Max(peak, value);
                if (peak > 0) worst = Math.Max(worst, (peak - value) / peak * 100m);
            }
            return worst;
        }
    }
}
