using Keel.Core.Trading;
using Keel.Storage;

namespace Keel.Live.Tests;

/// <summary>
/// In a paper run's store every order's events are on the broker's clock (the sim's, here in 2024 while
/// this machine's clock is not), in the order they happened, with the service's receive time beside them.
/// </summary>
public sealed class OrderEventClockTests
{
    [Fact]
    public async Task Every_orders_events_are_in_broker_time_order_with_the_receive_time_beside()
    {
        var started = DateTime.UtcNow;
        await using var paper = await PaperHarness.StartAsync(days: 2);
        await paper.RunUntilAsync(PaperData.Start.AddDays(2));
        var store = (DbTradingStore)paper.Store;

        var orders = paper.Sim.Broker.AllOrders().Select(o => o.ClientOrderId).ToList();
        orders.Count.ShouldBeGreaterThan(10);
        var accepted = 0;
        foreach (var id in orders)
        {
            var history = store.OrderHistory(id);
            history.Count.ShouldBeGreaterThan(1, id);
            history.Select(e => e.Time).ShouldBeInOrder(SortDirection.Ascending, id);
            // Broker time: the sim's clock, within the replayed days, never this machine's.
            history.ShouldAllBe(e => e.Time >= PaperData.Start.AddDays(-1) && e.Time <= PaperData.Start.AddDays(2));
            // What the service received carries its receive time, on this machine's clock.
            history.Where(e => e.Status != OrderStatus.New).ShouldAllBe(e => e.ReceivedAt >= started);
            var acceptance = history.FirstOrDefault(e => e.Status == OrderStatus.Accepted);
            if (acceptance is null) continue;
            accepted++;
            var filled = history.First(e => e.Status == OrderStatus.Filled);
            acceptance.Time.ShouldBeLessThanOrEqualTo(filled.Time, id);
        }
        accepted.ShouldBeGreaterThan(10);
    }
}
