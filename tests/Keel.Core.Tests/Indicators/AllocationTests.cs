using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

/// <summary>Updates must not allocate: indicators run on every bar of every symbol.</summary>
public class AllocationTests
{
    private static readonly Keel.Core.Domain.Bar[] Bars = IndicatorTestData.RandomBars(20_000, seed: 11);

    [Theory]
    [MemberData(nameof(IndicatorTestData.AllSpecsData), MemberType = typeof(IndicatorTestData))]
    public void Updating_allocates_nothing(string spec)
    {
        var indicator = IndicatorSpec.Parse(spec);
        var closes = IndicatorTestData.Closes(Bars);
        // Warm up first so that JIT compilation and readiness are behind us.
        for (var i = 0; i < 2_000; i++) indicator.Update(in Bars[i]);
        var priceIndicator = indicator as IPriceIndicator;
        var sink = 0.0;

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 2_000; i < Bars.Length; i++)
        {
            indicator.Update(in Bars[i]);
            sink += indicator.GetOutput(0);
        }
        priceIndicator?.Update(closes[^1]);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Less than one byte per update: any allocation per update (24 bytes at least) fails this, while a
        // one-off allocation by the runtime itself (tiered JIT compiling on this thread) does not.
        allocated.ShouldBeLessThan(Bars.Length - 2_000, $"{spec} allocated {allocated} bytes over {Bars.Length - 2_000} updates");
        double.IsFinite(sink).ShouldBeTrue();
    }
}
