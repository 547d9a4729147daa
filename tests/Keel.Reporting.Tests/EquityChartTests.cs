using System.Buffers.Binary;

namespace Keel.Reporting.Tests;

public sealed class EquityChartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keel-chart-").FullName;

    [Fact]
    public void Saves_a_png_of_the_requested_size()
    {
        var path = Path.Combine(_folder, "nested", "equity.png");
        var curve = SampleData.RandomWalk(seed: 1, points: 2_000);

        EquityChart.SavePng(path, "SMA cross · SPY", curve, 100_000m, width: 900, height: 600);

        File.Exists(path).ShouldBeTrue();
        var bytes = File.ReadAllBytes(path);
        bytes.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        // The IHDR chunk follows the signature: length, "IHDR", then width and height big-endian.
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)).ShouldBe(900);
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)).ShouldBe(600);
    }

    [Fact]
    public void An_empty_curve_still_gives_an_image()
    {
        var path = Path.Combine(_folder, "empty.png");
        EquityChart.SavePng(path, "nothing", [], 100_000m, width: 400, height: 300);
        var bytes = File.ReadAllBytes(path);
        bytes.AsSpan(1, 3).ToArray().ShouldBe("PNG"u8.ToArray());
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)).ShouldBe(400);
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)).ShouldBe(300);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
