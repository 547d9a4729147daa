using Keel.Alpaca.Models;
using Keel.Core.Trading;

namespace Keel.Live.Tests;

/// <summary>
/// An equity bracket's legs are recorded under the exit engine's ids (the entry's id ending in S or T),
/// while Alpaca knows them by ids of its own: a restart must find them as the entry's legs and follow them
/// at Alpaca, not mistake them for exits the port watched (that would sell the position twice).
/// </summary>
public sealed class BracketLegRestartTests
{
    [Fact]
    public async Task A_bracket_stop_loss_recorded_under_keels_id_is_followed_at_alpaca_after_a_restart()
    {
        var risk = PaperHarness.DefaultRisk with { StopLossPercent = 1m, TakeProfitPercent = 50m };
        await using var paper = await PaperHarness.StartAsync(days: 2, risk);
        OrderRequest? stop;
        while ((stop = OpenStopLoss(paper)) is null)
        {
            paper.Now.ShouldBeLessThan(PaperData.Start.AddDays(2), "an equity entry should happen");
            await paper.StepToAsync(paper.Now + PaperData.Frame.Duration);
        }
        var symbol = stop.Symbol;
        var position = paper.Store.Positions().Single(p => p.Symbol == symbol && p.Strategy == stop.Strategy);
        paper.Sim.Broker.AllOrders().ShouldNotContain(o => o.ClientOrderId == stop.ClientOrderId, "Alpaca named the leg itself");

        await paper.RestartAsync();
        paper.Store.Alerts().ShouldNotContain(a => a.Message.Contains("lost"));
        var crash = decimal.Round(position.AveragePrice * 0.9m, 2);
        paper.Sim.Quotes.Set(symbol.Ticker, crash, crash + 0.01m);
        await paper.StepToAsync(paper.Now + PaperData.Frame.Duration);

        // Alpaca's stop leg sold the position, recorded under Keel's id; the port sent no market sell of its own.
        paper.Store.Fills().Select(f => f.Fill).Where(f => f.ClientOrderId == stop.ClientOrderId).Sum(f => f.Quantity).ShouldBe(position.Quantity);
        paper.Sim.Broker.AllOrders().ShouldNotContain(o => o.Symbol == symbol.Ticker && o.Side == AlpacaOrderSide.Sell && o.Type == AlpacaOrderType.Market);
        paper.Store.Positions().Where(p => p.Symbol == symbol && p.Strategy == stop.Strategy).Sum(p => p.Quantity).ShouldBe(0m);
    }

    private static OrderRequest? OpenStopLoss(PaperHarness paper) =>
        paper.Store.OpenOrders().Select(o => o.Order).FirstOrDefault(o => !o.Symbol.IsCrypto && o.Purpose == OrderPurpose.StopLoss);
}
