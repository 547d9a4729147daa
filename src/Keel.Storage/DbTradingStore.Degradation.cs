using System.Text.Json;
using Keel.Core.Degradation;
using Keel.Core.Drift;
using Keel.Core.Gates;
using Keel.Core.Persistence;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>Live against backtest: each version's backtest expectation per strategy, and the nightly drift runs.</summary>
public abstract partial class DbTradingStore : IDegradationStore
{
    public void RecordExpectations(IReadOnlyList<BacktestExpectation> expectations)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        Write((c, t) =>
        {
            foreach (var e in expectations)
            {
                c.Command(t, """
                        INSERT INTO backtest_expectations (time, version, strategy, live_from, history_from, history_to, trade_returns)
                        VALUES (@time, @version, @strategy, @live, @from, @to, @returns)
                        """)
                    .With("@time", e.Time)
                    .With("@version", e.Version)
                    .With("@strategy", e.Strategy)
                    .With("@live", e.LiveFrom)
                    .With("@from", e.HistoryFrom)
                    .With("@to", e.HistoryTo)
                    .With("@returns", ReturnsJson(e.TradeReturnsPct))
                    .Run();
            }
        });
    }

    public IReadOnlyList<BacktestExpectation> Expectations(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var rows = Read(c => c.Command(null, "SELECT * FROM backtest_expectations WHERE version = @version ORDER BY id")
            .With("@version", version)
            .Rows(r => new BacktestExpectation(r.Text("version"), r.Text("strategy"), r.Time("time"), r.Time("live_from"), r.Time("history_from"),
                r.Time("history_to"), ReadReturns(r.Text("trade_returns")))));
        // The latest row of each strategy, in the order the strategies were first written.
        return [.. rows.GroupBy(e => e.Strategy, StringComparer.Ordinal).Select(g => g.Last())];
    }

    public bool RecordDriftRun(DriftRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var added = false;
        Write((c, t) =>
        {
            var known = c.Command(t, "SELECT day FROM drift_runs WHERE day = @day").With("@day", run.Day).Rows(r => r.Text("day"));
            if (known.Count > 0) return false;
            var s = run.Summary;
            c.Command(t, """
                    INSERT INTO drift_runs (day, time, period_from, period_to, matched, missed, extra, mispriced, paper_return, replay_return, correlation, within_tolerance, report)
                    VALUES (@day, @time, @from, @to, @matched, @missed, @extra, @mispriced, @paper, @replay, @correlation, @within, @report)
                    """)
                .With("@day", run.Day)
                .With("@time", run.Time)
                .With("@from", run.From)
                .With("@to", run.To)
                .With("@matched", s.Matched)
                .With("@missed", s.Missed)
                .With("@extra", s.Extra)
                .With("@mispriced", s.Mispriced)
                .With("@paper", StoredText.Double(s.PaperReturnPct))
                .With("@replay", StoredText.Double(s.ReplayReturnPct))
                .With("@correlation", StoredText.Double(run.DailyReturnCorrelation))
                .With("@within", run.WithinTolerance)
                .With("@report", run.Json)
                .Run();
            added = true;
            return true;
        });
        return added;
    }

    public DriftRun? LatestDriftRun() => Read(c => c.Command(null, "SELECT * FROM drift_runs ORDER BY time DESC, day DESC LIMIT 1")
        .FirstOrNull(r => new DriftRun(r.Text("day"), r.Time("time"), r.Time("period_from"), r.Time("period_to"),
            new DriftSummary(checked((int)r.Long("matched")), checked((int)r.Long("missed")), checked((int)r.Long("extra")), checked((int)r.Long("mispriced")),
                r.Double("paper_return"), r.Double("replay_return")),
            r.Double("correlation"), r.Flag("within_tolerance"), r.Text("report"))));

    private static string ReturnsJson(IReadOnlyList<double> returns) =>
        "[" + string.Join(",", returns.Select(StoredText.Double)) + "]";

    private static double[] ReadReturns(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetDouble())];
    }
}
