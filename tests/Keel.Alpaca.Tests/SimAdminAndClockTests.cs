using System.Net;
using System.Text;
using Keel.Alpaca.Models;
using Keel.AlpacaSim;
using Keel.AlpacaSim.Market;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Alpaca.Tests;

/// <summary>The sim's own controls: the admin API over HTTP, the clock's speed, the command line, a pluggable calendar, bar files.</summary>
public sealed class SimAdminAndClockTests : SimTestBase
{
    private async Task<HttpResponseMessage> Admin(HttpMethod method, string path, string? json = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(H.Sim.BaseUrl, path));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await http.SendAsync(request);
        return response;
    }

    [Fact]
    public async Task Admin_api_sets_faults_quotes_and_the_clock_over_http()
    {
        using (var faults = await Admin(HttpMethod.Post, "/admin/faults",
                   """{"server_errors":{"count":1,"status":504,"path_prefix":"/v2/clock"},"hang_orders":true}"""))
            faults.StatusCode.ShouldBe(HttpStatusCode.OK);
        H.Sim.Faults.Current.ServerErrors!.Status.ShouldBe(504);
        H.Sim.Faults.Current.HangOrders.ShouldBeTrue();

        using (var quote = await Admin(HttpMethod.Post, "/admin/quotes", """{"symbol":"MSFT","bid":"400.10","ask":400.2}"""))
            quote.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Client.GetLatestStockQuoteAsync("MSFT"))!.BidPrice.ShouldBe(400.10m);

        using (var clock = await Admin(HttpMethod.Post, "/admin/clock", """{"time":"2024-01-02T21:30:00Z","advance_seconds":60}"""))
            (await clock.Content.ReadAsStringAsync()).ShouldContain("\"is_open\":false");
        H.Sim.Clock.GetUtcNow().ShouldBe(new DateTimeOffset(2024, 1, 2, 21, 31, 0, TimeSpan.Zero));

        (await Client.GetClockAsync()).IsOpen.ShouldBeFalse(); // the 504 was used up and retried
        H.Sim.Requests.All().Where(r => r.Path == "/v2/clock").Select(r => r.Status).ShouldBe([504, 200]);

        using (var cleared = await Admin(HttpMethod.Delete, "/admin/faults")) cleared.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        H.Sim.Faults.Current.HangOrders.ShouldBeFalse();
        using var requests = await Admin(HttpMethod.Get, "/admin/requests");
        (await requests.Content.ReadAsStringAsync()).ShouldContain("\"path\":\"/v2/clock\"");
    }

    [Fact]
    public void Clock_runs_at_its_speed_and_can_be_set_advanced_and_frozen()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new SimClock(SimHarness.MarketOpen, speed: 60, real);
        real.Advance(TimeSpan.FromSeconds(2));
        clock.GetUtcNow().ShouldBe(SimHarness.MarketOpen.AddMinutes(2));
        clock.Advance(TimeSpan.FromHours(1));
        clock.GetUtcNow().ShouldBe(SimHarness.MarketOpen.AddMinutes(62));
        clock.Speed = 0;
        real.Advance(TimeSpan.FromHours(5));
        clock.GetUtcNow().ShouldBe(SimHarness.MarketOpen.AddMinutes(62));
        clock.Set(SimHarness.MarketOpen);
        clock.GetUtcNow().ShouldBe(SimHarness.MarketOpen);
    }

    [Fact]
    public void Command_line_reads_the_documented_arguments()
    {
        var options = SimCommandLine.Parse(["--port", "18080", "--data", "/tmp/bars", "--start", "2024-01-02T14:30:00Z", "--speed", "60", "--key", "k", "--secret", "s"]);
        options.Port.ShouldBe(18080);
        options.DataDirectory.ShouldBe("/tmp/bars");
        options.StartTime.ShouldBe(new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero));
        options.Speed.ShouldBe(60);
        options.KeyId.ShouldBe("k");
        Should.Throw<ArgumentException>(() => SimCommandLine.Parse(["--key", "only"]));
        Should.Throw<ArgumentException>(() => SimCommandLine.Parse(["--bogus"]));
    }

    [Fact]
    public void Market_hours_follow_an_injected_calendar_and_new_york_daylight_saving()
    {
        var hours = new MarketHours(new HolidayCalendar(new DateOnly(2024, 7, 4)));
        hours.IsOpen(new DateTimeOffset(2024, 7, 3, 13, 30, 0, TimeSpan.Zero)).ShouldBeTrue(); // 09:30 EDT
        hours.IsOpen(new DateTimeOffset(2024, 7, 3, 13, 29, 0, TimeSpan.Zero)).ShouldBeFalse();
        hours.IsOpen(new DateTimeOffset(2024, 7, 4, 15, 0, 0, TimeSpan.Zero)).ShouldBeFalse(); // holiday
        hours.NextOpen(new DateTimeOffset(2024, 7, 3, 21, 0, 0, TimeSpan.Zero))
            .ShouldBe(new DateTimeOffset(2024, 7, 5, 9, 30, 0, TimeSpan.FromHours(-4)));
        hours.IsExtendedOpen(new DateTimeOffset(2024, 7, 3, 8, 0, 0, TimeSpan.Zero)).ShouldBeTrue(); // 04:00 EDT
    }

    [Fact]
    public void Bar_files_with_a_wrong_header_name_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"keel-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "date,o,h,l,c,v\n2024-01-02,1,1,1,1,1\n");
        try
        {
            Should.Throw<FormatException>(() => Keel.AlpacaSim.Data.BarCsvLoader.ReadFile(path)).Message.ShouldContain(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Ioc_order_that_cannot_fill_is_canceled_at_once()
    {
        var order = await Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "BTC/USD", Qty = 0.01m, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Limit, LimitPrice = 41000m,
            TimeInForce = AlpacaTimeInForce.Ioc,
        });
        order.Status.ShouldBe(AlpacaOrderStatus.Canceled);
    }

    [Fact]
    public async Task Trailing_stop_follows_the_high_water_mark_and_triggers_below_it()
    {
        await Client.SubmitOrderAsync(new AlpacaNewOrder { Symbol = "AAPL", Qty = 5, Side = AlpacaOrderSide.Buy });
        var trailing = await Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "AAPL", Qty = 5, Side = AlpacaOrderSide.Sell, Type = AlpacaOrderType.TrailingStop, TrailPrice = 2m,
        });
        trailing.Hwm.ShouldBe(100.00m);
        H.Sim.Quotes.Set("AAPL", 104m, 104.02m);
        (await Client.GetOrderAsync(trailing.Id)).StopPrice.ShouldBe(102m);
        H.Sim.Quotes.Set("AAPL", 101.9m, 101.92m);
        var filled = await Client.GetOrderAsync(trailing.Id);
        filled.Status.ShouldBe(AlpacaOrderStatus.Filled);
        filled.FilledAvgPrice.ShouldBe(101.9m);
    }

    private sealed class HolidayCalendar(DateOnly holiday) : ISimMarketCalendar
    {
        private readonly WeekdayCalendar _weekdays = new();
        public (TimeOnly Open, TimeOnly Close)? RegularSession(DateOnly date) => date == holiday ? null : _weekdays.RegularSession(date);
    }
}
