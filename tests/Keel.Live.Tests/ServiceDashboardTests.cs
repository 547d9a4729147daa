using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Keel.AlpacaSim;
using Keel.Live.Config;

namespace Keel.Live.Tests;

/// <summary>
/// <c>"dashboard": {"port": N}</c> in the config: <c>keel paper</c> serves the dashboard itself, one process on a VM. Run as
/// a user runs it: the real <c>keel paper</c> in a child process against a sim in this one, its API read over real HTTP.
/// </summary>
public sealed class ServiceDashboardTests
{
    [Fact]
    public async Task Keel_paper_with_a_dashboard_port_serves_the_overview_and_positions_of_its_own_store()
    {
        var folder = Directory.CreateTempSubdirectory("keel-service-dashboard-").FullName;
        PaperData.Write(Path.Combine(folder, "bars"), PaperData.Start, PaperData.Start.AddDays(1));
        await using var sim = await SimServer.StartAsync(new SimOptions { DataDirectory = Path.Combine(folder, "bars"), StartTime = PaperData.Start, Speed = 0 });
        var port = FreePort();
        var config = await PaperConfigFile.WriteAsync(folder, sim.BaseUrl, $$"""
            "dashboard": { "port": {{port}} }
            """);
        try
        {
            using var paper = PaperProcess.Start(config);
            // The dashboard starts before the service's first cycle: once that cycle is logged it answers.
            (await paper.WaitForCycleAsync(PaperData.Start)).ShouldBeTrue();
            string.Join("\n", paper.Transcript).ShouldContain($"Keel dashboard (PAPER, read-only) on http://127.0.0.1:{port}");
            // Trade through the day so the store holds fills and positions the API must show.
            for (var t = PaperData.Start + PaperData.Frame.Duration; t <= PaperData.Start.AddDays(1); t += PaperData.Frame.Duration)
            {
                sim.Clock.Set(t);
                (await paper.WaitForCycleAsync(t)).ShouldBeTrue();
            }

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            using var overview = JsonDocument.Parse(await http.GetStringAsync("/api/overview"));
            overview.RootElement.GetProperty("mode").GetString().ShouldBe("paper");
            overview.RootElement.GetProperty("halted").GetBoolean().ShouldBeFalse();
            overview.RootElement.GetProperty("control").GetBoolean().ShouldBeFalse("the service's dashboard is read-only");
            using var store = Keel.Storage.TradingStores.Open(Path.Combine(folder, "paper.db"), null);
            store.Fills().ShouldNotBeEmpty();
            overview.RootElement.GetProperty("fills").GetInt64().ShouldBe(store.Fills().Count);
            using var positions = JsonDocument.Parse(await http.GetStringAsync("/api/positions"));
            var shown = positions.RootElement.EnumerateArray()
                .Select(p => (p.GetProperty("strategy").GetString(), p.GetProperty("symbol").GetString(), p.GetProperty("quantity").GetDecimal())).ToList();
            var stored = store.Positions().Where(p => p.Quantity != 0).Select(p => ((string?)p.Strategy, (string?)p.Symbol.Ticker, p.Quantity)).ToList();
            shown.ShouldBe(stored, ignoreOrder: true);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("null")]
    public void A_dashboard_port_out_of_range_is_refused_with_what_to_write(string port)
    {
        var folder = Directory.CreateTempSubdirectory("keel-dashboard-config-").FullName;
        var path = Path.Combine(folder, "keel.json");
        File.WriteAllText(path, $$"""{ "timeframe": "1Min", "symbols": ["SPY"], "strategies": ["rsi"], "store": { "sqlite": "x.db" }, "dashboard": { "port": {{port}} } }""");

        Should.Throw<LiveConfigException>(() => LiveConfigLoader.Load(path)).Message.ShouldContain("dashboard.port: expected a port from 1 to 65535");
        File.WriteAllText(path, """{ "timeframe": "1Min", "symbols": ["SPY"], "strategies": ["rsi"], "store": { "sqlite": "x.db" }, "dashboard": { "port": 5099 } }""");
        LiveConfigLoader.Load(path).DashboardPort.ShouldBe(5099);
        Directory.Delete(folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
