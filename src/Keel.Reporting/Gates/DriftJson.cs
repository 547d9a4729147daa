using System.Text.Json;
using Keel.Core.Drift;

namespace Keel.Reporting.Gates;

/// <summary><c>keel drift --json</c>: <c>matched</c>, <c>missed</c>, <c>extra</c>, <c>mispriced</c>, <c>return_difference_pct</c>, then the details.</summary>
public static class DriftJson
{
    public static void Write(Utf8JsonWriter w, DriftReport r)
    {
        var s = r.Summary;
        w.WriteNumber("matched", s.Matched);
        w.WriteNumber("missed", s.Missed);
        w.WriteNumber("extra", s.Extra);
        w.WriteNumber("mispriced", s.Mispriced);
        Number(w, "return_difference_pct", s.ReturnDifferencePct);
        Number(w, "paper_return_pct", s.PaperReturnPct);
        Number(w, "replay_return_pct", s.ReplayReturnPct);
        Number(w, "daily_return_correlation", r.DailyReturnCorrelation);
        Number(w, "mean_buy_difference_bps", r.MeanBuyDifferenceBps);
        Number(w, "mean_sell_difference_bps", r.MeanSellDifferenceBps);
        w.WriteNumber("tolerance_pct", r.TolerancePercent);
        w.WriteString("from", r.From);
        w.WriteString("to", r.To);
        w.WriteNumber("starting_equity", r.StartingEquity);
        w.WriteString("replay_cost_model", r.CostModel);
        w.WriteString("explanation", r.Explanation);
        w.WriteStartArray("trades");
        foreach (var t in r.Trades)
        {
            w.WriteStartObject();
            w.WriteString("strategy", t.Strategy);
            w.WriteString("symbol", t.Symbol.Ticker);
            w.WriteString("decision_bar", t.DecisionBar);
            w.WriteString("side", t.Side.ToString().ToLowerInvariant());
            w.WriteString("match", t.Match.ToString().ToLowerInvariant());
            Fill(w, "paper", t.Paper);
            Fill(w, "replay", t.Replay);
            Number(w, "price_difference_bps", t.PriceDifferenceBps);
            w.WriteNumber("pnl_difference", t.PnlDifference);
            w.WriteBoolean("mispriced", t.Mispriced);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Fill(Utf8JsonWriter w, string name, DriftFill? f)
    {
        if (f is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteString("time", f.Time);
        w.WriteNumber("quantity", f.Quantity);
        w.WriteNumber("price", f.Price);
        w.WriteNumber("fee", f.Fee);
        w.WriteNumber("slippage", f.Slippage);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, Math.Round(value, 6)); else w.WriteNull(name);
    }
}
