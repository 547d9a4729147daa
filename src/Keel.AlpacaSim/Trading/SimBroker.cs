using System.Globalization;
using Keel.Alpaca.Models;
using Keel.AlpacaSim.Data;
using Keel.AlpacaSim.Faults;
using Keel.AlpacaSim.Market;

namespace Keel.AlpacaSim.Trading;

/// <summary>
/// The paper account: orders, positions, cash and fills, kept consistent under one lock. Nothing runs
/// in the background: every request first brings the book up to the sim clock (<see cref="Process"/>),
/// so fills and expiries happen when someone looks, in a deterministic order.
/// </summary>
public sealed partial class SimBroker
{
    private const string AccountId = "5f7d2f3a-9c1e-4b1a-8a57-000000000001";

    private readonly Lock _lock = new();
    private readonly SimClock _clock;
    private readonly MarketHours _hours;
    private readonly QuoteBook _quotes;
    private readonly BarStore _bars;
    private readonly AssetCatalog _assets;
    private readonly SimFaults _faults;
    private readonly SimTradeUpdates _updates;
    private readonly decimal _cryptoMinimumNotional;
    private readonly decimal _cryptoFeeRate;
    private readonly DateTimeOffset _createdAt;
    private readonly List<SimOrder> _orders = [];
    private readonly Dictionary<string, SimOrder> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimOrder> _byClientId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimPosition> _positions = new(StringComparer.Ordinal);
    private readonly List<AlpacaFillActivity> _activities = [];
    private readonly List<AlpacaFeeActivity> _fees = [];
    private decimal _cash;
    private long _sequence;

    internal SimBroker(SimClock clock, MarketHours hours, QuoteBook quotes, BarStore bars, AssetCatalog assets, SimFaults faults, SimTradeUpdates updates,
        decimal startingCash, decimal cryptoMinimumNotional, decimal cryptoFeeRate)
    {
        _updates = updates;
        _clock = clock;
        _hours = hours;
        _quotes = quotes;
        _bars = bars;
        _assets = assets;
        _faults = faults;
        _cash = startingCash;
        _cryptoMinimumNotional = cryptoMinimumNotional;
        _cryptoFeeRate = cryptoFeeRate;
        _createdAt = clock.GetUtcNow();
    }

    public decimal Cash
    {
        get { lock (_lock) return _cash; }
    }

    /// <summary>Every order ever accepted (legs included), oldest first: what tests inspect.</summary>
    public IReadOnlyList<AlpacaOrder> AllOrders()
    {
        lock (_lock)
        {
            Process();
            return _orders.Select(o => o.ToAlpaca(nested: false)).ToList();
        }
    }

    /// <summary>Fills and expiries due at the current sim time; called by every request.</summary>
    public void Process()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            foreach (var order in _orders.Where(o => o.IsOpen && o.Status != AlpacaOrderStatus.Held).ToList())
            {
                if (!order.IsOpen) continue; // closed by a sibling earlier in this pass
                if (order.ExpiresAt is { } expires && now >= expires)
                {
                    Close(order, AlpacaOrderStatus.Expired, now);
                    continue;
                }
                if (order.CancelDueAt is { } due && now >= due)
                {
                    Close(order, AlpacaOrderStatus.Canceled, now);
                    continue;
                }
                TryFill(order, now);
            }
        }
    }

    public AlpacaAccount Account()
    {
        lock (_lock)
        {
            Process();
            var longValue = _positions.Values.Sum(p => p.Qty * (Mark(p.Symbol) ?? p.AvgEntryPrice));
            var equity = _cash + longValue;
            var buyingPower = Math.Max(0, _cash - ReservedForBuys());
            return new AlpacaAccount
            {
                Id = AccountId,
                AccountNumber = "PA1SIM000001",
                Status = "ACTIVE",
                CryptoStatus = "ACTIVE",
                Currency = "USD",
                Cash = _cash,
                BuyingPower = buyingPower,
                RegtBuyingPower = buyingPower,
                NonMarginableBuyingPower = buyingPower,
                Equity = equity,
                LastEquity = equity,
                PortfolioValue = equity,
                LongMarketValue = longValue,
                ShortMarketValue = 0,
                InitialMargin = 0,
                MaintenanceMargin = 0,
                LastMaintenanceMargin = 0,
                Sma = 0,
                Multiplier = 1,
                AccruedFees = 0,
                OptionsBuyingPower = buyingPower,
                CreatedAt = _createdAt,
                OptionsApprovedLevel = 0,
                OptionsTradingLevel = 0,
            };
        }
    }

    public IReadOnlyList<AlpacaPosition> Positions()
    {
        lock (_lock)
        {
            Process();
            return _positions.Values.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.ToAlpaca(Mark(p.Symbol), HeldForSells(p.Symbol))).ToList();
        }
    }

    /// <summary>By the positions key (<c>BTCUSD</c>, <c>AAPL</c>) or asset id; null when flat.</summary>
    public AlpacaPosition? Position(string symbolOrAssetId)
    {
        lock (_lock)
        {
            Process();
            var key = symbolOrAssetId.ToUpperInvariant();
            var position = _positions.Values.FirstOrDefault(p =>
                p.Key == key || string.Equals(p.AssetId, symbolOrAssetId, StringComparison.OrdinalIgnoreCase));
            return position?.ToAlpaca(Mark(position.Symbol), HeldForSells(position.Symbol));
        }
    }

    /// <summary>FILL activities, paged like Alpaca: direction, page size (≤100) and page_token = the last id seen.</summary>
    public IReadOnlyList<AlpacaFillActivity> Activities(DateTimeOffset? after, DateTimeOffset? until, bool ascending, int pageSize, string? pageToken)
    {
        lock (_lock)
        {
            Process();
            return Page(_activities, a => a.TransactionTime, a => a.Id, after, until, ascending, pageSize, pageToken);
        }
    }

    /// <summary>CFEE (crypto fee) activities, paged the same way.</summary>
    public IReadOnlyList<AlpacaFeeActivity> FeeActivities(DateTimeOffset? after, DateTimeOffset? until, bool ascending, int pageSize, string? pageToken)
    {
        lock (_lock)
        {
            Process();
            return Page(_fees, a => a.TransactionTime!.Value, a => a.Id, after, until, ascending, pageSize, pageToken);
        }
    }

    private static List<T> Page<T>(List<T> all, Func<T, DateTimeOffset> time, Func<T, string> id,
        DateTimeOffset? after, DateTimeOffset? until, bool ascending, int pageSize, string? pageToken)
    {
        IEnumerable<T> items = ascending ? all : Enumerable.Reverse(all);
        items = items.Where(a => (after is null || time(a) > after) && (until is null || time(a) < until));
        if (pageToken is not null) items = items.SkipWhile(a => id(a) != pageToken).Skip(1);
        return items.Take(pageSize).ToList();
    }

    private decimal? Mark(string symbol) => _quotes.Latest(symbol) is { } q ? (q.BidPrice + q.AskPrice) / 2 : null;

    /// <summary>What open buys hold back from buying power: remaining qty at the limit (or the ask), or the remaining notional.</summary>
    private decimal ReservedForBuys() =>
        _orders.Where(o => o.IsOpen && o.Side == AlpacaOrderSide.Buy && o.Status != AlpacaOrderStatus.Held)
            .Sum(o => o.Notional is { } notional && o.TargetQty is null
                ? notional
                : (o.Remaining ?? 0) * (o.LimitPrice ?? o.StopPrice ?? _quotes.Latest(o.Symbol)?.AskPrice ?? 0));

    /// <summary>
    /// Quantity of <paramref name="symbol"/> that working sells hold. The exits of one bracket or OCO
    /// group hold the same shares, so each group counts once (its largest remainder).
    /// </summary>
    private decimal HeldForSells(string symbol) =>
        _orders.Where(o => o.IsOpen && o.Side == AlpacaOrderSide.Sell && o.Symbol == symbol && o.Status != AlpacaOrderStatus.Held)
            .GroupBy(o => o.Parent ?? o)
            .Sum(g => g.Max(o => o.Remaining ?? 0));

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
