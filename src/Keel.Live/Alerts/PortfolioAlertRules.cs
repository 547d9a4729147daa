using System.Globalization;
using Keel.Core.Persistence;
using Keel.Live.Config;

namespace Keel.Live.Alerts;

/// <summary>
/// The rules on money, evaluated after every cycle: the account's drawdown from its equity peak, each
/// strategy's drawdown (its P&amp;L's fall from its own peak, as a percent of the account's peak equity), and the
/// day's loss against start-of-day equity. A rule fires at its threshold (warning), escalates at one and a half
/// times it (critical), and clears below three quarters of it, so a value hovering at the line raises one alert.
/// </summary>
internal sealed class PortfolioAlertRules(AlertCenter alerts, AlertSettings settings)
{
    private const decimal EscalateAt = 1.5m;
    private const decimal ClearBelow = 0.75m;

    private decimal _peakEquity;
    private readonly Dictionary<string, decimal> _strategyPeak = [];
    private DateOnly? _lossDay;

    /// <summary>The peak known before this run (from the store), so a restart does not forget a drawdown.</summary>
    public void SeedPeak(decimal equity) => _peakEquity = Math.Max(_peakEquity, equity);

    public void Evaluate(decimal equity, DateOnly day, decimal startOfDayEquity, IReadOnlyDictionary<string, decimal> strategyPnl)
    {
        _peakEquity = Math.Max(_peakEquity, equity);
        if (_peakEquity > 0)
        {
            var drawdown = (_peakEquity - equity) / _peakEquity * 100m;
            Check("drawdown:account", AlertKinds.Drawdown, null, drawdown, settings.DrawdownPercent,
                $"account drawdown {drawdown:0.00}% from the peak {_peakEquity:0.00} (equity now {equity:0.00}); threshold {settings.DrawdownPercent}%");
            foreach (var (strategy, pnl) in strategyPnl)
            {
                var peak = _strategyPeak[strategy] = Math.Max(_strategyPeak.GetValueOrDefault(strategy, Math.Max(pnl, 0m)), pnl);
                var fall = (peak - pnl) / _peakEquity * 100m;
                Check($"drawdown:{strategy}", AlertKinds.Drawdown, strategy, fall, settings.DrawdownPercent,
                    $"{strategy}: P&L {pnl:0.00} is {peak - pnl:0.00} below its peak {peak:0.00}, {fall:0.00}% of the account's peak equity; threshold {settings.DrawdownPercent}%");
            }
        }

        if (_lossDay is { } previous && previous != day) alerts.Resolve("daily-loss", $"a new trading day ({day:yyyy-MM-dd}) began");
        _lossDay = day;
        if (startOfDayEquity > 0)
        {
            var loss = (startOfDayEquity - equity) / startOfDayEquity * 100m;
            Check("daily-loss", AlertKinds.DailyLoss, null, loss, settings.DailyLossPercent,
                $"the day's loss is {loss:0.00}% of start-of-day equity {startOfDayEquity:0.00} (equity now {equity:0.00}, {day:yyyy-MM-dd}); threshold {settings.DailyLossPercent}%");
        }
    }

    private void Check(string condition, string kind, string? strategy, decimal value, decimal threshold, string message)
    {
        message = message.ToString(CultureInfo.InvariantCulture);
        if (value >= threshold * EscalateAt) alerts.Raise(kind, AlertSeverity.Critical, message, strategy, condition: condition);
        else if (value >= threshold) alerts.Raise(kind, AlertSeverity.Warning, message, strategy, condition: condition);
        else if (value < threshold * ClearBelow) alerts.Resolve(condition, message);
    }
}
