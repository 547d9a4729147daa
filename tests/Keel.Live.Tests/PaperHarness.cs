using Keel.Alpaca;
using Keel.Alpaca.Execution;
using Keel.AlpacaSim;
using Keel.Core.Domain;
using Keel.Core.Persistence;
using Keel.Core.Risk;
using Keel.Core.Strategies;
using Keel.Live.Config;
using Keel.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Live.Tests;

/// <summary>
/// A paper session in this process against the in-process sim (its clock frozen and moved bar by bar by
/// the test) with a real SQLite file (or PostgreSQL when the settings name one). <see cref="RestartAsync"/> drops the session, store and client and
/// builds them anew from the same file, as a restarted service would.
/// </summary>
internal sealed class PaperHarness : IAsyncDisposable
{
    public const string Strategies = "sma-crossover:fast=3,slow=8;rsi:period=6,oversold=40,overbought=60";

    private readonly string _folder;
    private AlpacaClient? _client;

    private PaperHarness(string folder, SimServer sim, IReadOnlyList<BarSeries> bars, LiveSettings settings)
    {
        _folder = folder;
        Sim = sim;
        Bars = bars;
        Settings = settings;
    }

    public SimServer Sim { get; }
    public IReadOnlyList<BarSeries> Bars { get; }
    public LiveSettings Settings { get; }
    public LiveSession Session { get; private set; } = null!;
    public ITradingStore Store { get; private set; } = null!;
    public DateTime Now => Sim.Clock.GetUtcNow().UtcDateTime;

    public static Task<PaperHarness> StartAsync(int days, RiskConfig? risk = null, Func<LiveSettings, LiveSettings>? configure = null) =>
        StartAsync(folder => PaperData.Write(folder, PaperData.Start, PaperData.Start.AddDays(days)), PaperData.Start, risk, configure);

    /// <summary>A session over the bars <paramref name="writeBars"/> writes into the sim's bar folder, the sim's clock at <paramref name="start"/>.</summary>
    public static async Task<PaperHarness> StartAsync(Func<string, IReadOnlyList<BarSeries>> writeBars, DateTime start, RiskConfig? risk = null,
        Func<LiveSettings, LiveSettings>? configure = null, decimal? halfSpread = null)
    {
        var folder = Directory.CreateTempSubdirectory("keel-paper-").FullName;
        var bars = writeBars(Path.Combine(folder, "bars"));
        var options = new SimOptions { DataDirectory = Path.Combine(folder, "bars"), StartTime = start, Speed = 0 };
        if (halfSpread is { } spread) options.HalfSpread = spread;
        var sim = await SimServer.StartAsync(options);
        var settings = new LiveSettings
        {
            Mode = TradingMode.Paper,
            TradingUrl = sim.BaseUrl,
            DataUrl = sim.BaseUrl,
            Timeframe = bars[0].Timeframe,
            Symbols = bars.Select(b => b.Symbol).ToArray(),
            Strategies = StrategyText.ParseList(Strategies),
            Risk = risk ?? DefaultRisk,
            SqlitePath = Path.Combine(folder, "paper.db"),
            WarmUpBars = 0,
            SettleTimeout = TimeSpan.FromSeconds(5),
            LogDirectory = Path.Combine(folder, "logs"),
        };
        var harness = new PaperHarness(folder, sim, bars, configure?.Invoke(settings) ?? settings);
        try
        {
            await harness.OpenAsync();
        }
        catch
        {
            await harness.DisposeAsync(); // a session that refuses to start leaves no sim running
            throw;
        }
        return harness;
    }

    public static RiskConfig DefaultRisk => new() { Sizing = Sizing.Parse("fixed:10"), CryptoSizing = Sizing.Parse("fixed:0.01") };

    /// <summary>Moves the sim's clock to <paramref name="time"/> and runs one cycle of the session.</summary>
    public async Task<int> StepToAsync(DateTime time)
    {
        Sim.Clock.Set(time);
        return await Session.RunCycleAsync(CancellationToken.None);
    }

    /// <summary>Steps one bar length at a time up to and including <paramref name="end"/>.</summary>
    public async Task RunUntilAsync(DateTime end)
    {
        for (var t = Now + Settings.Timeframe.Duration; t <= end; t += Settings.Timeframe.Duration) await StepToAsync(t);
    }

    public async Task RestartAsync()
    {
        Close();
        await OpenAsync();
    }

    private async Task OpenAsync()
    {
        Store = TradingStores.Open(Settings.SqlitePath, Settings.PostgresConnectionString);
        _client = new AlpacaClient(new AlpacaOptions { KeyId = "PKTEST", SecretKey = "test-secret", TradingBaseUrl = Sim.BaseUrl, DataBaseUrl = Sim.BaseUrl });
        var port = new AlpacaExecutionPort(_client, TimeProvider.System, new AlpacaExecutionOptions { FillTimeout = Settings.FillTimeout });
        Session = new LiveSession(Settings, new AlpacaBrokerAccount(_client), new AlpacaMarketData(_client), port, Store, TimeProvider.System, NullLogger.Instance);
        await Session.StartAsync(CancellationToken.None);
    }

    private void Close()
    {
        Store.Dispose();
        _client?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await Sim.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
