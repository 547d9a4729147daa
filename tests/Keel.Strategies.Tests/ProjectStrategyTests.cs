using Keel.Core.Backtest;
using Keel.Data.Csv;
using Keel.Testing;

namespace Keel.Strategies.Tests;

/// <summary>A strategy project (keel new strategy --project): built with the real dotnet build, loaded in its own context.</summary>
public class ProjectStrategyTests
{
    [Fact]
    public void A_scaffolded_project_builds_loads_and_trades_and_is_not_rebuilt_when_nothing_changed()
    {
        using var temp = new TempDirectory();
        var project = StrategyScaffold.WriteProject(temp.Path, "Channel");
        Path.GetFileName(project).ShouldBe("ChannelStrategies");
        File.Exists(Path.Combine(project, "ChannelStrategies.csproj")).ShouldBeTrue();

        var catalog = UserStrategyLoader.Load([temp.Path]).ThrowIfBroken();
        var definition = catalog.Registry.Find("channel");
        definition.Source.Kind.ShouldBe("project");
        var dll = Path.Combine(project, "bin", "keel", "ChannelStrategies.dll");
        definition.Source.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(dll))));
        // Its own load context, sharing Keel.Core: the strategy's IStrategy is Keel's.
        System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(catalog.Registry.Parse("channel").Create().GetType().Assembly)
            .ShouldNotBe(System.Runtime.Loader.AssemblyLoadContext.Default);

        var series = BarCsvReader.Load(Path.Combine(TestPaths.RepoRoot, "samples", "1Day", "SPY.csv")).Series;
        Backtester.Run(new BacktestSettings(), [series], [catalog.Registry.Parse("channel")]).Trades.Count.ShouldBeGreaterThan(0);

        var built = File.GetLastWriteTimeUtc(dll);
        UserStrategyLoader.Load([temp.Path]).ThrowIfBroken();
        File.GetLastWriteTimeUtc(dll).ShouldBe(built); // up to date: no dotnet build
    }

    [Fact]
    public void A_project_that_does_not_build_reports_file_line_col()
    {
        using var temp = new TempDirectory();
        var project = StrategyScaffold.WriteProject(temp.Path, "Broken");
        File.WriteAllText(Path.Combine(project, "Extra.cs"), "namespace X;\npublic class Extra { int y = }\n");
        var broken = UserStrategyLoader.Load([temp.Path]).Broken.ShouldHaveSingleItem();
        broken.Errors.ShouldContain(e => e.Contains("Extra.cs:2:", StringComparison.Ordinal) && e.Contains("error CS", StringComparison.Ordinal));
    }
}
