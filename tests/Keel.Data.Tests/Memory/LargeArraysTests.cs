using Keel.Core.Domain;
using Keel.Data.Memory;

namespace Keel.Data.Tests.Memory;

public class LargeArraysTests
{
    /// <summary>Sizes below, at and above the 4 MB from which huge pages are asked for, and not a whole number of 2 MB pages.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(87_381)]    // 4 MB less a bit
    [InlineData(1_000_003)] // 48 MB and change
    public void An_array_holds_what_is_written_in_every_slot(int length)
    {
        var bars = LargeArrays.Uninitialized<Bar>(length);
        bars.Length.ShouldBe(length);
        var t0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < length; i++) bars[i] = new Bar(t0.AddMinutes(i), i + 1, i + 1, i + 1, i + 1, i);
        var wrong = 0;
        for (var i = 0; i < length; i++)
            if (bars[i].Timestamp != t0.AddMinutes(i) || bars[i].Open != i + 1 || bars[i].Volume != i) wrong++;
        wrong.ShouldBe(0);
    }
}
