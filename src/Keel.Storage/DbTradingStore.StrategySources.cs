using Keel.Core.Persistence;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>Which code each strategy ran with (a history: a row per change).</summary>
public abstract partial class DbTradingStore
{
    public StoredStrategySource? LatestStrategySource(string strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return Read(c => c.Command(null, "SELECT * FROM strategy_sources WHERE strategy = @strategy ORDER BY id DESC LIMIT 1")
            .With("@strategy", strategy)
            .FirstOrNull(r => new StoredStrategySource(r.Text("strategy"), r.Text("kind"), r.NullableText("path"), r.Text("sha256"), r.Time("recorded_at"))));
    }

    public void RecordStrategySource(StoredStrategySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Write((c, t) => c.Command(t, """
            INSERT INTO strategy_sources (strategy, kind, path, sha256, recorded_at) VALUES (@strategy, @kind, @path, @sha, @at)
            """)
            .With("@strategy", source.Strategy)
            .With("@kind", source.Kind)
            .With("@path", source.Path)
            .With("@sha", source.Sha256)
            .With("@at", source.RecordedAt)
            .Run());
    }
}
