using System.Globalization;
using Keel.Alpaca;
using Keel.AlpacaSim;
using Keel.AlpacaSim.Faults;
using Keel.Alpaca.Models;
using Keel.Storage;
using Xunit.Abstractions;

namespace Keel.Live.Tests;

/// <summary>
/// <c>keel paper</c> as a user runs it: a child process against the sim, fast-forwarded bar by bar by the
/// sim's clock; and the same process killed (SIGKILL) at each crash point of the order path, then restarted.
/// </summary>
public sealed class PaperProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Keel_paper_trades_two_days_and_its_store_matches_the_broker()
    {
        await using var run = await ProcessRun.StartAsync(days: 2);
        using (var paper = PaperProcess.Start(run.ConfigPath))
        {
            (await paper.WaitForCycleAsync(run.Start)).ShouldBeTrue();
            foreach (var t in run.Steps()) (await run.StepAsync(paper, t)).ShouldBeTrue();
            var log = string.Join("\n", paper.Transcript);
            log.ShouldContain("session started: Paper");
            log.ShouldNotContain(PaperProcess.SecretKey);
        }

        var orders = run.Sim.Broker.AllOrders();
        orders.Count.ShouldBeGreaterThan(10);
        orders.ShouldAllBe(o => o.Status == AlpacaOrderStatus.Filled);
        run.CheckStoreAgreesWithBroker();
        var logFile = Directory.GetFiles(Path.Combine(run.Folder, "logs"), "live_*.log").ShouldHaveSingleItem();
        var logText = await File.ReadAllTextAsync(logFile);
        logText.ShouldContain("decision ");
        logText.ShouldContain("order ");
        logText.ShouldNotContain(PaperProcess.SecretKey);
        logText.ShouldNotContain(PaperProcess.KeyId);
    }

    public static TheoryData<string> CrashPointNames => new()
    {
        CrashPoints.BeforeIntentStored,
        CrashPoints.AfterIntentStored,
        CrashPoints.AfterBrokerAccepted,
        CrashPoints.AfterPartialFill,
        CrashPoints.BeforeCursorSaved,
    };

    [Theory]
    [MemberData(nameof(CrashPointNames))]
    public async Task Killed_at_a_crash_point_and_restarted_no_order_is_doubled_and_nothing_is_lost(string point)
    {
        var crashes = 0;
        foreach (var occurrence in new[] { 1, 4 })
        {
            await using var run = await ProcessRun.StartAsync(days: 1, partialFills: true);
            var paper = PaperProcess.Start(run.ConfigPath, $"{point}:{occurrence}");
            try
            {
                (await paper.WaitForCycleAsync(run.Start)).ShouldBeTrue();
                foreach (var t in run.Steps())
                {
                    if (await run.StepAsync(paper, t)) continue;
                    // Killed mid-cycle: restart without the crash point; its first cycle redoes the bar at t.
                    (await paper.ExitCodeAsync()).ShouldBe(137, string.Join("\n", paper.Transcript.TakeLast(20)));
                    crashes++;
                    paper.Dispose();
                    paper = PaperProcess.Start(run.ConfigPath);
                    (await paper.WaitForCycleAsync(t)).ShouldBeTrue(string.Join("\n", paper.Transcript.TakeLast(20)));
                }
            }
            finally
            {
                paper.Dispose();
            }
            run.CheckStoreAgreesWithBroker();
            // The same orders as a run that was never killed: nothing re-decided differently, nothing dropped.
            run.Sim.Broker.AllOrders().Select(o => o.ClientOrderId).Order().ShouldBe(await UninterruptedOneDayOrders.Value);
            output.WriteLine($"{point}:{occurrence}: {run.Sim.Broker.AllOrders().Count} broker orders");
        }
        crashes.ShouldBe(2, $"the process should have been killed at {point} in both runs");
        output.WriteLine($"{point}: 2 kill-and-restart cycles");
    }

    private static readonly Lazy<Task<List<string>>> UninterruptedOneDayOrders = new(async () =>
    {
        await using var paper = await PaperHarness.StartAsync(days: 1);
        await paper.RunUntilAsync(PaperData.Start.AddDays(1));
        return paper.Sim.Broker.AllOrders().Select(o => o.ClientOrderId).Order().ToList();
    });

    /// <summary>One sim, one store file, one config: the world a paper process runs in.</summary>
    private sealed class ProcessRun : IAsyncDisposable
    {
        private readonly int _days;

        private ProcessRun(string folder, SimServer sim, int days)
        {
            Folder = folder;
            Sim = sim;
            _days = days;
        }

        public string Folder { get; }
        public SimServer Sim { get; }
        public string ConfigPath => Path.Combine(Folder, "keel.json");
        public string StorePath => Path.Combine(Folder, "paper.db");
        public DateTime Start => PaperData.Start;

        public static async Task<ProcessRun> StartAsync(int days, bool partialFills = false)
        {
            var folder = Directory.CreateTempSubdirectory("keel-paper-process-").FullName;
            PaperData.Write(Path.Combine(folder, "bars"), PaperData.Start, PaperData.Start.AddDays(days));
            var sim = await SimServer.StartAsync(new SimOptions { DataDirectory = Path.Combine(folder, "bars"), StartTime = PaperData.Start, Speed = 0 });
            if (partialFills) sim.Faults.Set(new FaultSettings { PartialFills = new PartialFillFault { Probability = 0.5, Seed = 7 } });
            await PaperConfigFile.WriteAsync(folder, sim.BaseUrl);
            return new ProcessRun(folder, sim, days);
        }

        public IEnumerable<DateTime> Steps()
        {
            for (var t = Start + PaperData.Frame.Duration; t <= Start.AddDays(_days); t += PaperData.Frame.Duration) yield return t;
        }

        /// <summary>Moves the sim to <paramref name="time"/> and waits for the service's cycle there; false when it died instead.</summary>
        public Task<bool> StepAsync(PaperProcess paper, DateTime time)
        {
            Sim.Clock.Set(time);
            return paper.WaitForCycleAsync(time);
        }

        /// <summary>No doubled order, every fill recorded once, positions per symbol equal to the broker's.</summary>
        public void CheckStoreAgreesWithBroker()
        {
            using var store = TradingStores.Open(StorePath, null);
            var orders = Sim.Broker.AllOrders();
            orders.Select(o => o.ClientOrderId).Distinct().Count().ShouldBe(orders.Count, "a client order id was sent twice");
            var fills = store.Fills().Select(f => f.Fill).ToList();
            foreach (var order in orders)
            {
                var recorded = fills.Where(f => f.ClientOrderId == order.ClientOrderId).ToList();
                // A crypto buy's fills are the coin received; Alpaca's fee in coin comes back as the commission.
                var coinFee = order.AssetClass == AlpacaAssetClass.Crypto && order.Side == AlpacaOrderSide.Buy;
                var gross = recorded.Select(f => (Qty: coinFee ? f.Quantity + f.Commission / f.Price : f.Quantity, f.Price)).ToList();
                gross.Sum(f => f.Qty).ShouldBe(order.FilledQty, $"fills of {order.ClientOrderId}");
                if (order.FilledQty > 0)
                    (gross.Sum(f => f.Qty * f.Price) / order.FilledQty).ShouldBe(order.FilledAvgPrice!.Value, $"price of {order.ClientOrderId}");
            }
            fills.Select(f => f.ClientOrderId).Distinct().ShouldAllBe(id => orders.Any(o => o.ClientOrderId == id), "a fill the broker does not know");
            var positions = store.Positions();
            foreach (var symbol in PaperData.Symbols)
            {
                var broker = Sim.Broker.Positions().Where(p => AlpacaSymbols.ToPositionKey(p.Symbol) == AlpacaSymbols.ToPositionKey(symbol)).Sum(p => p.Qty);
                positions.Where(p => p.Symbol == symbol).Sum(p => p.Quantity).ShouldBe(broker, symbol.Ticker);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Sim.DisposeAsync();
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }
}
