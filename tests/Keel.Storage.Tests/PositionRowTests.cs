using Keel.Core.Trading;
using static Keel.Storage.Tests.Sample;

namespace Keel.Storage.Tests;

/// <summary>The position arithmetic matches the kernel's <see cref="StrategyPosition"/> fill for fill.</summary>
public sealed class PositionRowTests
{
    [Fact]
    public void Buys_sells_and_flat_match_the_kernels_strategy_position()
    {
        var entry = Entry();
        var exit = Exit("x", 10m, entry.ClientOrderId);
        Fill[] fills =
        [
            FillOf(entry, 3m, 10.01m, T0),
            FillOf(entry, 4m, 10.37m, T0.AddMinutes(1)),
            FillOf(exit, 2m, 11m, T0.AddMinutes(2)),
            FillOf(entry, 3m, 9.99m, T0.AddMinutes(3)),
            FillOf(exit, 8m, 11.5m, T0.AddMinutes(4)),
            FillOf(entry, 1m, 12m, T0.AddMinutes(5)),
        ];
        var kernel = new StrategyPosition(Strategy, Aapl);
        PositionRow? row = null;
        foreach (var fill in fills)
        {
            kernel.Apply(fill, "r");
            row = PositionRow.Apply(row, fill);
            (row?.Quantity ?? 0m).ShouldBe(kernel.Quantity);
            (row?.AveragePrice ?? 0m).ShouldBe(kernel.AveragePrice);
            if (row is null) continue;
            row.EntryTime.ShouldBe(kernel.EntryTime);
            row.EntryOrderId.ShouldBe(kernel.EntryOrderId);
        }
        row.ShouldNotBeNull().EntryTime.ShouldBe(T0.AddMinutes(5)); // a new round trip after going flat
    }

    [Fact]
    public void A_sell_with_no_position_leaves_it_flat()
    {
        PositionRow.Apply(null, FillOf(Exit("x", 5m, "e"), 5m, 10m, T0)).ShouldBeNull();
    }
}
