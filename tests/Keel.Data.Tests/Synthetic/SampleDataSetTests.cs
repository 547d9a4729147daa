using Keel.Core.Domain;
using Keel.Data.Store;
using Keel.Data.Synthetic;

namespace Keel.Data.Tests.Synthetic;

public class SampleDataSetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, byte[]> ReadTree(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes);

    [Fact]
    public void Writing_twice_gives_identical_bytes()
    {
        SampleDataSet.Write(_dir.Combine("a"));
        SampleDataSet.Write(_dir.Combine("b"));

        var a = ReadTree(_dir.Combine("a"));
        var b = ReadTree(_dir.Combine("b"));
        a.Keys.Order().ShouldBe(b.Keys.Order());
        foreach (var (name, bytes) in a) bytes.SequenceEqual(b[name]).ShouldBeTrue(name);
    }

    [Fact]
    public void The_sample_holds_the_promised_series_and_says_it_is_synthetic()
    {
        var root = _dir.Combine("samples");
        SampleDataSet.Write(root);

        var entries = new LocalBarStore(root).List();
        entries.Select(e => $"{e.Symbol} {e.Timeframe}").ShouldBe(["AAPL 1Min", "AAPL 1Day", "BTC/USD 1Min", "BTC/USD 1Day", "MSFT 1Day", "SPY 1Min", "SPY 1Day"]);
        foreach (var daily in entries.Where(e => e.Timeframe == Timeframe.OneDay))
        {
            daily.First.Year.ShouldBe(2015);
            daily.Last.Year.ShouldBe(2024);
        }
        File.ReadAllText(Path.Combine(root, "README.md")).ShouldContain("SYNTHETIC, NOT REAL PRICES");
        ReadTree(root).Values.Sum(b => (long)b.Length).ShouldBeLessThan(4_000_000);
    }

    [CommittedSampleFact]
    public void The_committed_samples_folder_matches_the_generator()
    {
        SampleDataSet.Write(_dir.Path);

        var expected = ReadTree(_dir.Path);
        var committed = ReadTree(CommittedSampleFactAttribute.SamplesFolder!);
        committed.Keys.Order().ShouldBe(expected.Keys.Order());
        foreach (var (name, bytes) in expected)
            committed[name].SequenceEqual(bytes).ShouldBeTrue($"samples/{name} differs from the generator's output; regenerate it with SampleDataSet.Write");
    }
}

/// <summary>A fact about the repository's committed samples/ folder; skipped when the tests run outside a checkout.</summary>
public sealed class CommittedSampleFactAttribute : FactAttribute
{
    public static string? SamplesFolder { get; } = FindSamples();

    public CommittedSampleFactAttribute()
    {
        if (SamplesFolder is null) Skip = "the repository's samples/ folder was not found above the test binaries";
    }

    private static string? FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Keel.slnx")))
                return Directory.Exists(Path.Combine(dir.FullName, "samples")) ? Path.Combine(dir.FullName, "samples") : null;
        }
        return null;
    }
}
