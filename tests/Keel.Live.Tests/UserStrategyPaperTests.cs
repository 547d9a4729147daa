using Keel.AlpacaSim;
using Keel.Core.Strategies;
using Keel.Storage;
using Keel.Strategies;

namespace Keel.Live.Tests;

/// <summary>
/// A user's strategy (the scaffolded Donchian breakout, a file in strategies/) paper-trades through the real
/// <c>keel paper</c> against the sim; after its file changes, the service refuses to resume it unless told to.
/// </summary>
public sealed class UserStrategyPaperTests
{
    private const string Strategy = "breakout:entry=4,exit=3";
    private const string Id = "donchian"; // the config's explicit id keys the store, not the strategy text

    [Fact]
    public async Task A_user_strategy_paper_trades_and_a_changed_file_is_not_resumed_without_accept_strategy_change()
    {
        var folder = Directory.CreateTempSubdirectory("keel-user-paper-").FullName;
        try
        {
            PaperData.Write(Path.Combine(folder, "bars"), PaperData.Start, PaperData.Start.AddDays(1));
            await using var sim = await SimServer.StartAsync(new SimOptions { DataDirectory = Path.Combine(folder, "bars"), StartTime = PaperData.Start, Speed = 0 });
            var file = StrategyScaffold.WriteFile(Path.Combine(folder, "mine"), "Breakout");
            var url = sim.BaseUrl.ToString().TrimEnd('/');
            var config = Path.Combine(folder, "keel.json");
            await File.WriteAllTextAsync(config, $$"""
                {
                  "mode": "paper",
                  "alpaca": { "tradingUrl": "{{url}}", "dataUrl": "{{url}}", "fillTimeoutSeconds": 60 },
                  "timeframe": "15Min",
                  "symbols": ["SPY", "BTC/USD"],
                  "strategies": [{ "id": "{{Id}}", "strategy": "{{Strategy}}" }],
                  "strategyPaths": ["mine"],
                  "risk": { "sizing": "fixed:10", "cryptoSizing": "fixed:0.01" },
                  "store": { "sqlite": "paper.db" },
                  "schedule": { "pollSeconds": 0.02, "warmUpBars": 0, "settleSeconds": 20 },
                  "logs": "logs"
                }
                """);

            var last = PaperData.Start;
            using (var paper = PaperProcess.Start(config))
            {
                (await paper.WaitForCycleAsync(PaperData.Start)).ShouldBeTrue(string.Join("\n", paper.Transcript.TakeLast(20)));
                for (var t = PaperData.Start + PaperData.Frame.Duration; t <= PaperData.Start.AddDays(1); t += PaperData.Frame.Duration)
                {
                    sim.Clock.Set(t);
                    (await paper.WaitForCycleAsync(t)).ShouldBeTrue(string.Join("\n", paper.Transcript.TakeLast(20)));
                    last = t;
                }
            }
            sim.Broker.AllOrders().Count.ShouldBeGreaterThan(0);
            using (var store = TradingStores.Open(Path.Combine(folder, "paper.db"), null))
            {
                store.Decisions().ShouldContain(d => d.Strategy == Id && d.Signal.Action == SignalAction.Buy);
                store.Decisions().ShouldNotContain(d => d.Strategy == Strategy);
                var source = store.LatestStrategySource(Id).ShouldNotBeNull();
                source.Kind.ShouldBe("file");
                source.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))));
            }

            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("var signal = Signal.Hold;", "var signal = Signal.Hold; // changed"));
            using (var refused = PaperProcess.Start(config))
            {
                (await refused.ExitCodeAsync()).ShouldBe(2);
                var said = string.Join("\n", refused.Transcript);
                said.ShouldContain(Path.Combine("mine", "BreakoutStrategy.cs"));
                said.ShouldContain("--accept-strategy-change");
            }
            using (var accepted = PaperProcess.Start(config, null, null, "--accept-strategy-change"))
            {
                (await accepted.WaitForCycleAsync(last)).ShouldBeTrue(string.Join("\n", accepted.Transcript.TakeLast(20)));
            }
            using (var store = TradingStores.Open(Path.Combine(folder, "paper.db"), null))
            {
                store.LatestStrategySource(Id)!.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))));
                // The new code is a new version: its paper record (and gates) start over instead of counting the old code's days.
                var versions = ((Keel.Core.Persistence.IGateStore)store).SessionStarts().Select(s => s.Version).Distinct().ToList();
                versions.Count.ShouldBe(2);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
