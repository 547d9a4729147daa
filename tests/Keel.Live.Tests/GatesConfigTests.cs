using Keel.Core.Capital;
using Keel.Live.Config;

namespace Keel.Live.Tests;

/// <summary>The capital and gates sections: the plan's defaults when absent, every problem named when wrong.</summary>
public sealed class GatesConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keel-gates-config-").FullName;

    private string Write(string extra)
    {
        var path = Path.Combine(_folder, "keel.json");
        File.WriteAllText(path, $$"""
            { "timeframe": "15Min", "symbols": ["SPY"], "strategies": ["rsi"], "store": { "sqlite": "k.db" } {{extra}} }
            """);
        return path;
    }

    [Fact]
    public void Absent_sections_take_the_plans_defaults()
    {
        var settings = LiveConfigLoader.Load(Write(""));
        settings.Capital.Stages.ShouldBe([new CapitalStage(5m, 30), new CapitalStage(25m, 60), new CapitalStage(100m, null)]);
        settings.Capital.OnCriticalAlert.ShouldBe(CriticalAlertAction.Demote);
        settings.Gates.MinSharpe.ShouldBe(0.5);
        settings.Gates.MaxDrawdownWarnPercent.ShouldBe(20);
        settings.Gates.MaxDrawdownFailPercent.ShouldBe(30);
        settings.Gates.MinPaperDays.ShouldBe(30);
        settings.Gates.MaxPaperDriftPercent.ShouldBe(5);
    }

    [Fact]
    public void Sections_are_read()
    {
        var settings = LiveConfigLoader.Load(Write("""
            , "capital": { "stages": [ { "percent": 2, "days": 10 }, { "percent": 50 } ], "onCriticalAlert": "halt" },
              "gates": { "minSharpe": 1.0, "minPaperDays": 5, "maxGateAgeDays": 3 }
            """));
        settings.Capital.Stages.ShouldBe([new CapitalStage(2m, 10), new CapitalStage(50m, null)]);
        settings.Capital.OnCriticalAlert.ShouldBe(CriticalAlertAction.Halt);
        settings.Gates.MinSharpe.ShouldBe(1.0);
        settings.Gates.MinPaperDays.ShouldBe(5);
        settings.Gates.MaxGateAgeDays.ShouldBe(3);
        settings.Gates.MinPaperTrades.ShouldBe(20, "the rest keep their defaults");
    }

    [Fact]
    public void Bad_sections_name_the_key_and_what_to_write()
    {
        var ex = Should.Throw<LiveConfigException>(() => LiveConfigLoader.Load(Write("""
            , "capital": { "stages": [ { "percent": 25, "days": 30 }, { "percent": 5 } ], "onCriticalAlert": "panic" },
              "gates": { "maxDrawdownWarnPercent": 40, "maxDrawdownFailPercent": 30, "maxGateAgeDays": 0 }
            """)));
        ex.Message.ShouldContain("capital.onCriticalAlert: 'panic'");
        ex.Message.ShouldContain("capital.stages[1].percent (5) must be above the previous stage's (25)");
        ex.Message.ShouldContain("gates.maxDrawdownWarnPercent must be positive and at most maxDrawdownFailPercent");
        ex.Message.ShouldContain("gates.maxGateAgeDays must be positive");
        Should.Throw<LiveConfigException>(() => LiveConfigLoader.Load(Write(""", "gates": { "minSharp": 1 }"""))).Message.ShouldContain("minSharp");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
