using Keel.Core.Persistence;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>The whole equity curve the session recorded, for the drift report.</summary>
public abstract partial class DbTradingStore : IEquityHistory
{
    public IReadOnlyList<EquitySnapshot> EquityHistory() => Read(c => c.Command(null, "SELECT * FROM equity ORDER BY time, id")
        .Rows(r => new EquitySnapshot(r.Time("time"), r.Decimal("equity"), r.Decimal("cash"))));
}
