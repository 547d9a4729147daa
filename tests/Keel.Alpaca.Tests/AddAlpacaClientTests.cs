using System.Net;
using Keel.Alpaca.Models;
using Keel.AlpacaSim.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Alpaca.Tests;

/// <summary>
/// <see cref="AlpacaServiceCollectionExtensions.AddAlpacaClient"/>: the typed client from configuration, its
/// retries done by the resilience handler (reads and cancels only, Retry-After honoured on the injected
/// clock, never an order submission), and no second layer of retries in the client.
/// </summary>
public sealed class AddAlpacaClientTests : SimTestBase
{
    private ServiceProvider? _services;

    private AlpacaClient Resolve()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alpaca:KeyId"] = SimHarness.KeyId,
            ["Alpaca:SecretKey"] = SimHarness.SecretKey,
            ["Alpaca:TradingBaseUrl"] = H.Sim.BaseUrl.ToString(),
            ["Alpaca:DataBaseUrl"] = H.Sim.BaseUrl.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(H.Time); // waits are recorded, never slept
        services.AddAlpacaClient(configuration.GetSection("Alpaca"));
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<AlpacaClient>();
    }

    private static AlpacaNewOrder Buy(string clientOrderId) => new() { Symbol = "AAPL", Qty = 1, Side = AlpacaOrderSide.Buy, ClientOrderId = clientOrderId };

    [Fact]
    public async Task Reads_are_retried_by_the_handler_after_the_retry_after_wait()
    {
        var client = Resolve();
        H.Sim.Faults.Set(new FaultSettings { RateLimit = new RateLimitFault { Count = 1, RetryAfterSeconds = 7, PathPrefix = "/v2/account" } });
        (await client.GetAccountAsync()).Cash.ShouldBe(100_000m);
        H.Sim.Requests.All().Where(r => r.Path == "/v2/account").Select(r => r.Status).ShouldBe([429, 200]);
        H.Time.Delays.ShouldBe([TimeSpan.FromSeconds(7)]);
    }

    [Fact]
    public async Task Server_errors_back_off_exponentially_and_retries_do_not_multiply()
    {
        var client = Resolve();
        H.Sim.Faults.Set(new FaultSettings { ServerErrors = new ServerErrorFault { Count = 100, Status = 503, Method = "GET" } });
        var error = await Should.ThrowAsync<AlpacaApiException>(() => client.GetClockAsync());
        error.HttpStatus.ShouldBe(HttpStatusCode.ServiceUnavailable);
        H.RequestCount("GET", "/v2/clock").ShouldBe(1 + 5); // the handler's 5 retries, none of the client's own
        H.Time.Delays.ShouldBe(new[] { 1, 2, 4, 8, 16 }.Select(n => TimeSpan.FromSeconds(n)));
    }

    [Fact]
    public async Task Order_submission_is_never_retried()
    {
        var client = Resolve();
        H.Sim.Faults.Set(new FaultSettings { ServerErrors = new ServerErrorFault { Count = 1, Status = 503, Method = "POST" } });
        (await Should.ThrowAsync<AlpacaApiException>(() => client.SubmitOrderAsync(Buy("di-no-retry")))).HttpStatus.ShouldBe(HttpStatusCode.ServiceUnavailable);
        H.RequestCount("POST", "/v2/orders").ShouldBe(1);
        H.Sim.Broker.AllOrders().ShouldBeEmpty();
        H.Time.Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lost_submission_is_still_recovered_by_client_order_id()
    {
        var client = Resolve();
        H.Sim.Faults.Set(new FaultSettings { DropOrderResponses = 1 });
        (await client.SubmitOrderAsync(Buy("di-dropped"))).Status.ShouldBe(AlpacaOrderStatus.Filled);
        H.RequestCount("POST", "/v2/orders").ShouldBe(1);
        H.Sim.Broker.AllOrders().Count(o => o.ClientOrderId == "di-dropped").ShouldBe(1);
    }

    [Fact]
    public async Task A_cancel_is_retried_but_closing_a_position_is_not()
    {
        var client = Resolve();
        var working = await client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "AAPL", Qty = 1, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Limit, LimitPrice = 90m,
        });
        H.Sim.Faults.Set(new FaultSettings { ServerErrors = new ServerErrorFault { Count = 1, Status = 502, Method = "DELETE" } });
        await client.CancelOrderAsync(working.Id);
        (await client.GetOrderAsync(working.Id)).Status.ShouldBe(AlpacaOrderStatus.Canceled);
        H.RequestCount("DELETE", "/v2/orders/").ShouldBe(2);

        await client.SubmitOrderAsync(Buy("di-position"));
        H.Sim.Faults.Set(new FaultSettings { ServerErrors = new ServerErrorFault { Count = 1, Status = 502, Method = "DELETE" } });
        await Should.ThrowAsync<AlpacaApiException>(() => client.ClosePositionAsync("AAPL"));
        H.RequestCount("DELETE", "/v2/positions/").ShouldBe(1); // it would place a second sell
    }

    [Fact]
    public async Task A_client_built_without_dependency_injection_retries_the_same_requests()
    {
        // The CLI's clients: one retry policy, whichever way the client is built.
        var client = H.Client;
        var working = await client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "AAPL", Qty = 1, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Limit, LimitPrice = 90m,
        });
        H.Sim.Faults.Set(new FaultSettings { ServerErrors = new ServerErrorFault { Count = 1, Status = 502, Method = "DELETE" } });
        await client.CancelOrderAsync(working.Id);
        (await client.GetOrderAsync(working.Id)).Status.ShouldBe(AlpacaOrderStatus.Canceled);
        H.RequestCount("DELETE", "/v2/orders/").ShouldBe(2);

        await client.SubmitOrderAsync(Buy("direct-position"));
        H.Sim.Faults.Set(new FaultSettings { ServerErrors = new ServerErrorFault { Count = 1, Status = 502, Method = "DELETE" } });
        await Should.ThrowAsync<AlpacaApiException>(() => client.ClosePositionAsync("AAPL"));
        H.RequestCount("DELETE", "/v2/positions/").ShouldBe(1);
    }

    public override async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await base.DisposeAsync();
    }
}
