using System.CommandLine;
using System.Globalization;
using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Risk;

namespace Keel.Cli;

/// <summary>
/// The options shared by <c>backtest</c>, <c>compare</c> (and later <c>sweep</c>): cash, sizing, fills,
/// costs and risk limits. Names are a contract: scripts and checks depend on them.
/// </summary>
internal sealed class BacktestOptions
{
    public Option<decimal> Cash { get; } = new("--cash") { Description = "Starting cash.", DefaultValueFactory = _ => 100_000m };
    public Option<string> Sizing { get; } = new("--sizing") { Description = "percent:95 (of equity; whole shares, fractional crypto), fixed:100 (quantity) or risk:1 (percent of equity at risk to the stop).", DefaultValueFactory = _ => "percent:95" };
    public Option<string> Fill { get; } = new("--fill") { Description = "next-open (default) or close: when a market order decided on a bar's close fills.", DefaultValueFactory = _ => "next-open" };
    public Option<string?> Slippage { get; } = new("--slippage") { Description = "none, percent:0.05 or per-share:0.01." };
    public Option<string?> Commission { get; } = new("--commission") { Description = "none, percent:0.1, per-order:1, round-trip:5, per-share:0.005 or alpaca (0 for stocks, 0.25% for crypto)." };
    public Option<bool> KeepOpen { get; } = new("--keep-open") { Description = "Leave the last position open and mark it at the last close instead of closing it." };
    public Option<decimal?> StopLoss { get; } = new("--stop-loss") { Description = "Stop loss in percent under the entry fill." };
    public Option<decimal?> TakeProfit { get; } = new("--take-profit") { Description = "Take profit in percent over the entry fill." };
    public Option<decimal?> TrailingStop { get; } = new("--trailing-stop") { Description = "Trailing stop in percent under the high since entry." };
    public Option<decimal?> MaxPosition { get; } = new("--max-position") { Description = "Hard cap on the QUANTITY held per strategy and symbol." };
    public Option<decimal?> MaxNotional { get; } = new("--max-notional") { Description = "Cap on one order's notional." };
    public Option<int?> MaxPositions { get; } = new("--max-positions") { Description = "Max open positions at once." };
    public Option<decimal?> DailyLossLimit { get; } = new("--daily-loss-limit") { Description = "Halt new entries for the day after this percent loss from the day's start." };
    public Option<bool> ScaleByConfidence { get; } = new("--scale-by-confidence") { Description = "Scale each entry by the signal's confidence (ensembles ask for less when members disagree)." };
    public Option<decimal> MinNotional { get; } = new("--crypto-min-notional") { Description = "Skip crypto orders worth less than this.", DefaultValueFactory = _ => 10m };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Cash, Sizing, Fill, Slippage, Commission, KeepOpen, StopLoss, TakeProfit, TrailingStop, MaxPosition, MaxNotional, MaxPositions, DailyLossLimit, ScaleByConfidence, MinNotional })
            command.Options.Add(option);
    }

    /// <summary>The settings these options describe; costs default to none unless given.</summary>
    public BacktestSettings Settings(ParseResult result, string defaultSlippage = "none", string defaultCommission = "none")
    {
        var cash = result.GetValue(Cash);
        if (cash <= 0) throw new UsageException($"--cash must be positive, got {cash.ToString(CultureInfo.InvariantCulture)}.");
        var risk = new RiskConfig
        {
            Sizing = Core.Risk.Sizing.Parse(result.GetValue(Sizing)!),
            StopLossPercent = result.GetValue(StopLoss),
            TakeProfitPercent = result.GetValue(TakeProfit),
            TrailingStopPercent = result.GetValue(TrailingStop),
            MaxPositionSize = result.GetValue(MaxPosition),
            MaxNotionalPerOrder = result.GetValue(MaxNotional),
            MaxOpenPositions = result.GetValue(MaxPositions),
            DailyLossLimitPercent = result.GetValue(DailyLossLimit),
            ScaleSizeByConfidence = result.GetValue(ScaleByConfidence),
        };
        var problems = risk.Problems();
        if (problems.Count > 0) throw new UsageException("Invalid risk options: " + string.Join("; ", problems) + ".");
        return new BacktestSettings
        {
            StartingCash = cash,
            FillModel = ParseFill(result.GetValue(Fill)!),
            Broker = Broker(result, defaultSlippage, defaultCommission),
            Risk = risk,
            CloseAtEnd = !result.GetValue(KeepOpen),
        };
    }

    public BrokerModel Broker(ParseResult result, string defaultSlippage, string defaultCommission) => new(
        CostModelText.ParseSlippage(result.GetValue(Slippage) ?? defaultSlippage),
        CostModelText.ParseCommission(result.GetValue(Commission) ?? defaultCommission),
        result.GetValue(MinNotional));

    private static FillModel ParseFill(string text) => text.ToLowerInvariant() switch
    {
        "next-open" => FillModel.NextOpen,
        "close" => FillModel.Close,
        _ => throw new UsageException($"--fill '{text}' is unknown; use next-open or close."),
    };
}
