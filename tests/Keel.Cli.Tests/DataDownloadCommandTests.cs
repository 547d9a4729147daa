using System.Globalization;
using System.Web;
using Keel.Alpaca.Models;
using Keel.AlpacaSim;
using Keel.AlpacaSim.Faults;
using Keel.AlpacaSim.Http;
using Keel.Core.Domain;
using Keel.Data.Store;

namespace Keel.Cli.Tests;

/// <summary>
/// <c>keel data download</c> run as a process against the in-process Alpaca-compatible server, which serves
/// bars written to a small temporary store. The sim's request log shows what was asked for.
/// </summary>
public sealed class DataDownloadCommandTests : IAsyncLifetime, IDisposable
{
    private const string KeyId = "PKDOWNLOADKEY01";
    private const string SecretKey = "download-secret-never-printed";
    private static readonly Timeframe Minute = Timeframe.OneMinute;
    private static readonly Symbol Spy = Symbol.Parse("SPY");
    private static readonly Symbol Btc = Symbol.Parse("BTC/USD");

    private readonly TempFolder _temp = new();
    private SimServer? _sim;

    private SimServer Sim => _sim ?? throw new InvalidOperationException("The sim has not started.");
    private string SourceStore => Path.Combine(_temp.Path, "source");
    private string Store => Path.Combine(_temp.Path, "store");

    public async Task InitializeAsync()
    {
        // 500 SPY minutes on one day; 10,050 BTC/USD minutes, more than one 10,000-bar page.
        var source = new LocalBarStore(SourceStore);
        source.Save(Minutes(Spy, new DateTime(2024, 3, 4, 14, 30, 0, DateTimeKind.Utc), 500, 500m));
        source.Save(Minutes(Btc, new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), 10_050, 60_000m));
        _sim = await SimServer.StartAsync(new SimOptions
        {
            DataDirectory = SourceStore,
            StartTime = new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.Zero),
            Speed = 0,
            KeyId = KeyId,
            SecretKey = SecretKey,
        });
    }

    public async Task DisposeAsync()
    {
        if (_sim is not null) await _sim.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Downloads_every_page_into_the_store_then_fetches_only_what_is_new()
    {
        var (code, stdout, stderr) = Download("SPY,BTC/USD");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("SPY 1Min: 500 new bars; the store holds 500 bars, 2024-03-04T14:30:00Z .. 2024-03-04T22:49:00Z.");
        stdout.ShouldContain("BTC/USD 1Min: 10050 new bars; the store holds 10050 bars, 2024-03-01T00:00:00Z .. 2024-03-07T23:29:00Z.");
        var store = new LocalBarStore(Store);
        foreach (var symbol in new[] { Spy, Btc })
            File.ReadAllBytes(store.PathFor(symbol, Minute)).ShouldBe(File.ReadAllBytes(new LocalBarStore(SourceStore).PathFor(symbol, Minute)), symbol.Ticker);
        BarRequests("/v2/stocks/SPY/bars").Count.ShouldBe(1);
        BarRequests("/v1beta3/crypto/us/bars").Count.ShouldBe(2); // 10,000 bars, then the next page by its token
        (stdout + stderr).ShouldNotContain(SecretKey);

        // Second run: nothing new. Each series is asked for from its last stored bar only (inclusive, so a
        // still-forming bar would be corrected), not from --start again.
        Sim.Requests.Clear();
        (code, stdout, stderr) = Download("SPY,BTC/USD");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("SPY 1Min: 0 new bars (up to date since 2024-03-04T22:49:00Z).");
        stdout.ShouldContain("BTC/USD 1Min: 0 new bars (up to date since 2024-03-07T23:29:00Z).");
        StartOf(BarRequests("/v2/stocks/SPY/bars").ShouldHaveSingleItem()).ShouldBe(new DateTimeOffset(2024, 3, 4, 22, 49, 0, TimeSpan.Zero));
        StartOf(BarRequests("/v1beta3/crypto/us/bars").ShouldHaveSingleItem()).ShouldBe(new DateTimeOffset(2024, 3, 7, 23, 29, 0, TimeSpan.Zero));
        store.Load(Spy, Minute).Count.ShouldBe(500);

        // New bars at the source: a third run appends exactly those.
        Sim.Bars.Add("SPY", Minute, Enumerable.Range(0, 5).Select(i => AlpacaBarAt(new DateTimeOffset(2024, 3, 4, 22, 50 + i, 0, TimeSpan.Zero), 510m)));
        (code, stdout, stderr) = Download("SPY");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("SPY 1Min: 5 new bars; the store holds 505 bars, 2024-03-04T14:30:00Z .. 2024-03-04T22:54:00Z.");
        var spy = store.Load(Spy, Minute);
        spy.Count.ShouldBe(505);
        spy[504].Timestamp.ShouldBe(new DateTime(2024, 3, 4, 22, 54, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Missing_keys_exit_2_with_a_message_naming_the_variables()
    {
        var (code, stdout, stderr) = KeelCli.Run(_temp.Path, new Dictionary<string, string?>
        {
            ["ALPACA_API_KEY_ID"] = null,
            ["ALPACA_API_SECRET_KEY"] = null,
            ["ALPACA_TRADING_URL"] = Url,
            ["ALPACA_DATA_URL"] = Url,
        }, "data", "download", "--symbols", "SPY", "--timeframe", "1Min", "--start", "2024-03-01", "--store", Store);
        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("the API key id is missing (set ALPACA_API_KEY_ID)");
        stderr.ShouldContain("the API secret key is missing (set ALPACA_API_SECRET_KEY)");
        stderr.ShouldNotContain(" at "); // a message, not a stack trace
        Sim.Requests.All().ShouldBeEmpty();
    }

    [Fact]
    public void Keys_and_urls_come_from_a_dot_env_file_and_wrong_keys_fail_without_being_printed()
    {
        var noVariables = new Dictionary<string, string?>
        {
            ["ALPACA_API_KEY_ID"] = null, ["ALPACA_API_SECRET_KEY"] = null, ["ALPACA_TRADING_URL"] = null, ["ALPACA_DATA_URL"] = null,
        };
        _temp.File(".env", $"ALPACA_API_KEY_ID={KeyId}\nALPACA_API_SECRET_KEY=\"{SecretKey}\"\nALPACA_TRADING_URL={Url}\nALPACA_DATA_URL={Url}\n");
        var (code, stdout, stderr) = KeelCli.Run(_temp.Path, noVariables, "data", "download", "--symbols", "SPY", "--timeframe", "1Min", "--start", "2024-03-01", "--store", Store);
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("SPY 1Min: 500 new bars");

        _temp.File(".env", $"ALPACA_API_KEY_ID={KeyId}\nALPACA_API_SECRET_KEY=wrong-{SecretKey}\nALPACA_TRADING_URL={Url}\nALPACA_DATA_URL={Url}\n");
        (code, stdout, stderr) = KeelCli.Run(_temp.Path, noVariables, "data", "download", "--symbols", "SPY", "--timeframe", "1Min", "--start", "2024-03-01", "--store", Store);
        code.ShouldBe(1);
        stderr.ShouldContain("SPY 1Min: Alpaca GET /v2/stocks/SPY/bars");
        stderr.ShouldContain("HTTP 401");
        stderr.ShouldContain("Check the keys");
        (stdout + stderr).ShouldNotContain(SecretKey);
        (stdout + stderr).ShouldNotContain(KeyId);
    }

    [Fact]
    public void A_bad_bar_from_the_api_stops_with_its_symbol_and_time_and_stores_nothing_for_it()
    {
        Sim.Bars.Add("BAD", Timeframe.OneDay,
            [AlpacaBarAt(new DateTimeOffset(2024, 3, 4, 5, 0, 0, TimeSpan.Zero), 10m) with { High = 9m }]);
        var (code, _, stderr) = Download("BAD", "1Day");
        code.ShouldBe(1);
        stderr.ShouldContain("error: BAD 1Day: Alpaca sent an invalid bar at 2024-03-04T05:00:00Z: high 9 is below low 9.95.");
        File.Exists(new LocalBarStore(Store).PathFor(Symbol.Parse("BAD"), Timeframe.OneDay)).ShouldBeFalse();
    }

    [Fact]
    public void A_rate_limited_page_is_retried_by_the_same_policy_as_the_service()
    {
        // The CLI's client is built with the service's retry handler (AlpacaHandlers): a 429 on a read is
        // waited out (Retry-After: 0, so no clock runs) and asked again, not turned into a failed download.
        Sim.Faults.Set(new FaultSettings { RateLimit = new RateLimitFault { Count = 2, RetryAfterSeconds = 0, PathPrefix = "/v2/stocks/SPY/bars" } });
        var (code, stdout, stderr) = Download("SPY");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("SPY 1Min: 500 new bars");
        BarRequests("/v2/stocks/SPY/bars").Select(r => r.Status).ShouldBe([429, 429, 200]);
    }

    private string Url => Sim.BaseUrl.ToString().TrimEnd('/');

    private (int ExitCode, string Stdout, string Stderr) Download(string symbols, string timeframe = "1Min") =>
        KeelCli.Run(_temp.Path, new Dictionary<string, string?>
        {
            ["ALPACA_API_KEY_ID"] = KeyId,
            ["ALPACA_API_SECRET_KEY"] = SecretKey,
            ["ALPACA_TRADING_URL"] = Url,
            ["ALPACA_DATA_URL"] = Url,
            ["ALPACA_PAPER"] = "true",
        }, "data", "download", "--symbols", symbols, "--timeframe", timeframe, "--start", "2024-03-01", "--store", Store);

    private List<SimRequest> BarRequests(string path) =>
        Sim.Requests.All().Where(r => r.Method == "GET" && r.Path == path).ToList();

    private static DateTimeOffset StartOf(SimRequest request) =>
        DateTimeOffset.Parse(HttpUtility.ParseQueryString(request.Query)["start"]!, CultureInfo.InvariantCulture);

    private static BarSeries Minutes(Symbol symbol, DateTime first, int count, decimal price) =>
        new(symbol, Minute, [.. Enumerable.Range(0, count).Select(i => ToBar(AlpacaBarAt(first.AddMinutes(i), price + i * 0.01m)))]);

    private static AlpacaBar AlpacaBarAt(DateTimeOffset time, decimal price) => new()
    {
        Timestamp = time, Open = price, High = price + 0.05m, Low = price - 0.05m, Close = price + 0.01m, Volume = 1000,
    };

    private static Bar ToBar(AlpacaBar bar) =>
        new(bar.Timestamp.UtcDateTime, (double)bar.Open, (double)bar.High, (double)bar.Low, (double)bar.Close, (double)bar.Volume);
}
