using Keel.Core.Persistence;
using Microsoft.Data.Sqlite;
using static Keel.Storage.Tests.Sample;

namespace Keel.Storage.Tests;

/// <summary>The dashboard's view of a store: read-only, never created or migrated, and what it reads matches what the service wrote.</summary>
public sealed class ReadOnlyStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private string StorePath => _directory.Combine("keel.db");

    [Fact]
    public void A_missing_store_is_reported_and_not_created()
    {
        Should.Throw<TradingStoreException>(() => SqliteTradingStore.OpenReadOnly(StorePath)).Message.ShouldContain("no store at");
        File.Exists(StorePath).ShouldBeFalse();
    }

    [Fact]
    public void The_reader_sees_the_services_writes_and_cannot_write()
    {
        using var service = new SqliteTradingStore(StorePath);
        var entry = Entry();
        service.Record(New(entry));
        service.Record(Filled(entry, FillOf(entry, 10m, 100m, T0.AddMinutes(1))));
        service.RecordEquity(new EquitySnapshot(T0, 100_000m, 100_000m));
        service.RecordEquity(new EquitySnapshot(T0.AddMinutes(1), 100_012.3456m, 99_000m));
        service.RecordEquity(new EquitySnapshot(T0.AddMilliseconds(61_234), 100_020.5m, 98_000m));

        using var reader = SqliteTradingStore.OpenReadOnly(StorePath);
        // Pages of chart points: the database's conversion of the time and the equity, and the page's last snapshot exact.
        var first = reader.EquityPointsAfter(0, limit: 2);
        first.UnixMs.ShouldBe([Ms(T0), Ms(T0.AddMinutes(1))]);
        first.Equity.ShouldBe([100_000.0, 100_012.3456]);
        first.Last.ShouldBe(new EquitySnapshot(T0.AddMinutes(1), 100_012.3456m, 99_000m));
        var second = reader.EquityPointsAfter(first.LastId, limit: 2);
        second.UnixMs.ShouldBe([Ms(T0.AddMilliseconds(61_234))], "only rows after the id held, to the millisecond");
        second.Last!.Equity.ShouldBe(100_020.5m);
        var none = reader.EquityPointsAfter(second.LastId, limit: 2);
        none.Count.ShouldBe(0);
        none.Last.ShouldBeNull();
        none.LastId.ShouldBe(second.LastId);
        var marks = reader.Marks();
        marks.Fills.ShouldBe(1);
        marks.Equity.ShouldBe(second.LastId);
        var journal = reader.Journal(new JournalFilter(Strategy: entry.Strategy));
        journal.OrderEvents.Select(e => e.Event.Status).ShouldBe([Core.Trading.OrderStatus.Filled, Core.Trading.OrderStatus.New], "newest first");
        journal.OrderEvents.ShouldAllBe(e => e.Order.Order.Reason == entry.Reason);
        reader.Journal(new JournalFilter(Strategy: "another")).OrderEvents.ShouldBeEmpty();

        Should.Throw<SqliteException>(() => reader.SetHalt(new HaltState(true, "from a reader", T0)));
        service.Halt().Halted.ShouldBeFalse();
    }

    private static long Ms(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeMilliseconds();

    public void Dispose() => _directory.Dispose();
}
