namespace Keel.Core.Tests;

/// <summary>Decimals compared bit for bit: digits, scale and sign, where == would call 1.50 and 1.5 equal.</summary>
internal static class DecimalAssertions
{
    public static void ShouldBeBitForBit(this decimal actual, decimal expected, string customMessage) =>
        decimal.GetBits(actual).ShouldBe(decimal.GetBits(expected), customMessage);
}
