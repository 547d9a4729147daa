using System.Net;
using Keel.Alpaca.Models;
using Keel.AlpacaSim.Faults;

namespace Keel.Alpaca.Tests;

/// <summary>
/// Injected faults over real HTTP: retries of reads honour Retry-After, POST /v2/orders is never retried
/// blindly, a lost answer never makes a duplicate, auth errors keep Alpaca's bodies, keys never leak.
/// Waits are recorded by <see cref="InstantDelayTimeProvider"/>, never slept.
/// </summary>
public sealed class FaultTests : SimTestBase
{
    private static AlpacaNewOrder Buy(string clientOrderId) => new()
    {
        Symbol = "AAPL", Qty = 1, Side = AlpacaOrderSide.Buy, ClientOrderId = clientOrderId,
    };

    [Fact]
    public async Task Rate_limited_read_waits_exactly_retry_after_then_succeeds()
    {
        H.Sim.Faults.Set(new FaultSettings { RateLimit = new RateLimitFault { Count = 1, RetryAfterSeconds = 7, PathPrefix = "/v2/account" } });
        var account = await Client.GetAccountAsync();
        account.Cash.ShouldBe(100_000m);
        H.Sim.Requests.All().Where(r => r.Path == "/v2/account").Select(r => r.Status).ShouldBe([429, 200]);
        H.Time.Delays.ShouldBe([TimeSpan.FromSeconds(7)]);
        H.Log.Lines.ShouldContain(l => l.Contains("GET /v2/account") && l.Contains("HTTP 429"));
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_cap_waits_only_the_cap()
    {
        using var capped = H.NewClient(o => o.MaxRetryDelay = TimeSpan.FromSeconds(30));
        H.Sim.Faults.Set(new FaultSettings { RateLimit = new RateLimitFault { Count = 1, RetryAfterSeconds = 600 } });
        await capped.GetAccountAsync();
        H.Time.Delays.ShouldBe([TimeSpan.FromSeconds(30)]);
    }

    [Fact]
    public async Task Without_retry_after_the_wait_comes_from_x_ratelimit_reset()
    {
        H.Sim.Faults.Set(new FaultSettings { RateLimit = new RateLimitFault { Count = 1, ResetSeconds = 12 } });
        await Client.GetClockAsync();
        H.Time.Delays.ShouldBe([TimeSpan.FromSeconds(12)]);
    }

    [Fact]
    public async Task Server_error_burst_on_reads_is_retried_with_exponential_backoff()
    {
        H.Sim.Faults.Set(new FaultSettings { ServerErrors = new ServerErrorFault { Count = 3, Status = 503, Method = "GET" } });
        var positions = await Client.ListPositionsAsync();
        positions.ShouldBeEmpty();
        H.Sim.Requests.All().Where(r => r.Path == "/v2/positions").Select(r => r.Status).ShouldBe([503, 503, 503, 200]);
        H.Time.Delays.ShouldBe([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)]);
    }

    [Fact]
    public async Task Reads_give_up_after_the_configured_retries_with_the_last_status()
    {
        H.Sim.Faults.Set(new FaultSettings { ServerErrors = new ServerErrorFault { Count = 100, Status = 502 } });
        var error = await Should.ThrowAsync<AlpacaApiException>(() => Client.GetAccountAsync());
        error.HttpStatus.ShouldBe(HttpStatusCode.BadGateway);
        error.ApiMessage.ShouldContain("502"); // the gateway's HTML, cut short
        H.RequestCount("GET", "/v2/account").ShouldBe(1 + 5);
    }

    [Fact]
    public async Task Server_error_on_order_submission_is_not_retried()
    {
        H.Sim.Faults.Set(new FaultSettings { ServerErrors = new ServerErrorFault { Count = 1, Status = 503, Method = "POST" } });
        var error = await Should.ThrowAsync<AlpacaApiException>(() => Client.SubmitOrderAsync(Buy("no-retry")));
        error.HttpStatus.ShouldBe(HttpStatusCode.ServiceUnavailable);
        H.RequestCount("POST", "/v2/orders").ShouldBe(1);
        H.Time.Delays.ShouldBeEmpty();
        H.Sim.Broker.AllOrders().ShouldBeEmpty();
    }

    [Fact]
    public async Task Rate_limited_order_submission_is_not_retried_either()
    {
        H.Sim.Faults.Set(new FaultSettings { RateLimit = new RateLimitFault { Count = 1, RetryAfterSeconds = 1, Method = "POST" } });
        var error = await Should.ThrowAsync<AlpacaApiException>(() => Client.SubmitOrderAsync(Buy("no-retry-429")));
        error.HttpStatus.ShouldBe(HttpStatusCode.TooManyRequests);
        error.Code.ShouldBe(42910000);
        H.RequestCount("POST", "/v2/orders").ShouldBe(1);
    }

    [Fact]
    public async Task Dropped_answer_after_accept_is_recovered_by_client_order_id_without_a_duplicate()
    {
        H.Sim.Faults.Set(new FaultSettings { DropOrderResponses = 1 });
        var order = await Client.SubmitOrderAsync(Buy("dropped-1"));
        order.ClientOrderId.ShouldBe("dropped-1");
        order.Status.ShouldBe(AlpacaOrderStatus.Filled);
        H.Sim.Broker.AllOrders().Count(o => o.ClientOrderId == "dropped-1").ShouldBe(1);
        H.RequestCount("POST", "/v2/orders").ShouldBe(1);
        H.RequestCount("GET", "/v2/orders:by_client_order_id").ShouldBe(1);
        H.Log.Lines.ShouldContain(l => l.Contains("dropped-1") && l.Contains("found after a lost answer"));
    }

    [Fact]
    public async Task Timed_out_submission_that_never_arrived_is_sent_once_more_with_the_same_id()
    {
        // The first POST times out before it reaches the server: the handler fails it the way
        // HttpClient's timeout does, at once, so no test waits for a real clock.
        var lose = new LosingHandler(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == "/v2/orders", count: 1);
        using var client = new AlpacaClient(SimHarness.ClientOptions(H.Sim.BaseUrl), H.Time, H.Log, primaryHandler: lose);
        var order = await client.SubmitOrderAsync(Buy("timeout-1"));
        order.ClientOrderId.ShouldBe("timeout-1");
        lose.Lost.ShouldBe(1);
        H.Sim.Broker.AllOrders().Count(o => o.ClientOrderId == "timeout-1").ShouldBe(1);
        H.RequestCount("POST", "/v2/orders").ShouldBe(1); // the lost one never arrived
        H.RequestCount("GET", "/v2/orders:by_client_order_id").ShouldBe(1);
        H.Log.Lines.ShouldContain(l => l.Contains("timeout-1") && l.Contains("timed out"));
        H.Log.Lines.ShouldContain(l => l.Contains("sending it once more"));
    }

    [Fact]
    public async Task Missing_auth_headers_are_403_forbidden()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(H.Sim.BaseUrl, "/v2/account"));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"message":"forbidden."}""");
    }

    [Fact]
    public async Task Crypto_market_data_needs_no_auth()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(H.Sim.BaseUrl, "/v1beta3/crypto/us/latest/quotes?symbols=BTC/USD"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Hung_orders_stay_new_and_seeded_partial_fills_leave_a_remainder()
    {
        H.Sim.Faults.Set(new FaultSettings { HangOrders = true });
        var hung = await Client.SubmitOrderAsync(new AlpacaNewOrder { Symbol = "BTC/USD", Qty = 0.01m, Side = AlpacaOrderSide.Buy, TimeInForce = AlpacaTimeInForce.Gtc });
        hung.Status.ShouldBe(AlpacaOrderStatus.New);
        H.Sim.Clock.Advance(TimeSpan.FromHours(1));
        (await Client.GetOrderAsync(hung.Id)).FilledQty.ShouldBe(0m);

        H.Sim.Faults.Set(new FaultSettings { PartialFills = new PartialFillFault { Probability = 1, Seed = 3 } });
        var partial = await Client.SubmitOrderAsync(Buy("partial-1") with { Qty = 100 });
        partial.Status.ShouldBe(AlpacaOrderStatus.PartiallyFilled);
        partial.FilledQty.ShouldBeGreaterThan(0m);
        partial.FilledQty.ShouldBeLessThan(100m);
        (partial.FilledQty % 1).ShouldBe(0m); // whole shares stay whole
        var fills = await Client.GetFillActivitiesPageAsync(new AlpacaActivityQuery());
        fills.ShouldAllBe(f => f.OrderId == partial.Id || f.Symbol == "BTC/USD");
        fills.First(f => f.OrderId == partial.Id).Type.ShouldBe("partial_fill");

        H.Sim.Faults.Clear();
        var done = await Client.GetOrderAsync(partial.Id);
        done.Status.ShouldBe(AlpacaOrderStatus.Filled);
        done.FilledQty.ShouldBe(100m);
    }

    [Fact]
    public async Task Forced_buying_power_rejection_is_a_403()
    {
        H.Sim.Faults.Set(new FaultSettings { RejectBuyingPower = 1 });
        var error = await Should.ThrowAsync<AlpacaApiException>(() => Client.SubmitOrderAsync(Buy("bp-1")));
        error.HttpStatus.ShouldBe(HttpStatusCode.Forbidden);
        error.ApiMessage.ShouldBe("insufficient buying power");
        (await Client.SubmitOrderAsync(Buy("bp-2"))).Status.ShouldBe(AlpacaOrderStatus.Filled);
    }
}

/// <summary>A sim that only accepts one key pair: wrong keys get 401, and no key ever shows up in errors or logs.</summary>
public sealed class AuthAndSecrecyTests : SimTestBase
{
    private protected override void ConfigureSim(Keel.AlpacaSim.SimOptions options)
    {
        options.KeyId = SimHarness.KeyId;
        options.SecretKey = SimHarness.SecretKey;
    }

    [Fact]
    public async Task Right_keys_pass()
    {
        (await Client.GetAccountAsync()).Status.ShouldBe("ACTIVE");
    }

    [Fact]
    public async Task Wrong_keys_are_401_unauthorized_and_the_message_holds_no_key()
    {
        using var wrong = H.NewClient(o => { o.KeyId = "PKWRONGKEY123"; o.SecretKey = "wrong-secret-456"; });
        var error = await Should.ThrowAsync<AlpacaApiException>(() => wrong.GetAccountAsync());
        error.HttpStatus.ShouldBe(HttpStatusCode.Unauthorized);
        error.ApiMessage.ShouldBe("unauthorized.");
        error.Code.ShouldBe(401);
        error.ToString().ShouldNotContain("PKWRONGKEY123");
        error.ToString().ShouldNotContain("wrong-secret-456");
    }

    [Fact]
    public async Task Keys_never_appear_in_exceptions_or_logs_whatever_fails()
    {
        var failures = new List<Exception>();
        H.Sim.Faults.Set(new FaultSettings
        {
            RateLimit = new RateLimitFault { Count = 2, RetryAfterSeconds = 1, Method = "GET" },
            DropOrderResponses = 1,
        });
        await Client.GetAccountAsync();
        await Client.SubmitOrderAsync(new AlpacaNewOrder { Symbol = "AAPL", Qty = 1, Side = AlpacaOrderSide.Buy, ClientOrderId = "secrecy-1" });
        failures.Add(await Should.ThrowAsync<AlpacaApiException>(() => Client.GetOrderAsync("no-such-order")));
        failures.Add(await Should.ThrowAsync<AlpacaApiException>(() =>
            Client.SubmitOrderAsync(new AlpacaNewOrder { Symbol = "AAPL", Qty = 0.5m, Side = AlpacaOrderSide.Buy, TimeInForce = AlpacaTimeInForce.Gtc })));

        // A server that is not there: the connection error must not carry the keys either.
        var closedPort = new Uri($"http://127.0.0.1:{FreePort()}");
        using var nowhere = new AlpacaClient(SimHarness.ClientOptions(closedPort, o => o.MaxReadRetries = 1), timeProvider: H.Time, logger: H.Log);
        failures.Add(await Should.ThrowAsync<AlpacaTransportException>(() => nowhere.GetClockAsync()));
        failures.Add(await Should.ThrowAsync<AlpacaOrderStateUnknownException>(() =>
            nowhere.SubmitOrderAsync(new AlpacaNewOrder { Symbol = "AAPL", Qty = 1, Side = AlpacaOrderSide.Buy })));

        H.Log.Lines.ShouldNotBeEmpty();
        foreach (var text in failures.Select(f => f.ToString()).Concat(H.Log.Lines).Append(Client.ToString()))
        {
            text.ShouldNotContain(SimHarness.KeyId);
            text.ShouldNotContain(SimHarness.SecretKey);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
