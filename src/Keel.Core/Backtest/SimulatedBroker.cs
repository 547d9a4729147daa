using System.Globalization;
using System.Runtime.CompilerServices;
using Keel.Core.Costs;
using Keel.Core.Domain;
using Keel.Core.Kernel;
using Keel.Core.Trading;

namespace Keel.Core.Backtest;

/// <summary>
/// The backtest's execution port. Fills against bars:
/// <list type="bullet">
/// <item>Market orders fill at the next bar's open (<see cref="FillModel.NextOpen"/>) or at once at the
/// current close (<see cref="FillModel.Close"/>), with slippage against the trader.</item>
/// <item>Stops (stop loss, trailing stop, buy stops) trigger when the bar trades through them and fill at
/// the stop price, or at the open if the bar gapped past it; slippage applies (they become market orders).</item>
/// <item>Limits (take profit, limit entries) fill at the limit price, or at the open if it gapped past it
/// in the trader's favour; no slippage.</item>
/// <item>Bracket exits (stop loss, take profit, trailing stop) are attached when the entry fills, priced
/// from the actual fill, and are live for the rest of that bar; one cancels the others. When a single bar
/// reaches both the stop and the take profit and neither gapped at the open, the stop loss fills: a bar
/// does not say which came first, so the worse outcome is assumed.</item>
/// <item>End-of-run exits fill at once at the last close: there is no next bar.</item>
/// <item>A buy that cash cannot cover at its fill price (commission included) is rejected with a reason;
/// a sell of more than the account holds is rejected (no shorting); crypto orders under the minimum
/// notional are rejected at submission.</item>
/// </list>
/// Orders fill completely (no volume-based partial fills). A client order id already submitted is ignored.
/// </summary>
public sealed class SimulatedBroker : IExecutionPort, IDisposable
{
    private readonly BrokerModel _model;
    private readonly FillModel _fillModel;
    private readonly IAccountView _account;
    private readonly Dictionary<Symbol, SymbolBook> _books = [];
    private SymbolBook? _recentBook;
    private readonly List<WorkingOrder> _triggered = [];
    private readonly List<WorkingOrder> _marketOrders = [];
    private readonly SubmittedIds _submittedIds = new();
    private IExecutionListener? _listener;
    private TradingKernel? _kernel; // the listener when it is the kernel: fills reach it with their notional
    private readonly bool _cryptoMinimum; // the model is fixed: compared once, not per order
    private readonly bool _noSlippage;
    private int _workingCount;

    public SimulatedBroker(BrokerModel model, FillModel fillModel, IAccountView account)
    {
        _model = model;
        _fillModel = fillModel;
        _account = account;
        _cryptoMinimum = model.CryptoMinimumNotional > 0;
        _noSlippage = model.Slippage is NoSlippage;
    }

    public FillModel FillModel => _fillModel;

    /// <summary>
    /// When set, stock orders work only on bars it says are in the regular session, as Alpaca works stock stops,
    /// limits and trailing stops only then (a backtest that trades regular hours only); crypto works on every bar.
    /// </summary>
    public Func<DateTime, bool>? StockSession { get; init; }

    /// <summary>Gives back the pooled memory of the ids it was given; the broker takes no orders afterwards.</summary>
    public void Dispose() => _submittedIds.Dispose();

    public void Attach(IExecutionListener listener)
    {
        _listener = listener;
        _kernel = listener as TradingKernel;
    }

    private IExecutionListener Listener => _listener ?? throw new InvalidOperationException("Attach a listener before trading.");

    public bool HasWorkingOrders => _workingCount > 0;

    /// <summary>True when an order on <paramref name="symbol"/> is working (right after its bar went to <see cref="OnBar"/>: a cached lookup).</summary>
    internal bool HasWorkingOrdersFor(Symbol symbol) => _workingCount > 0 && Book(symbol).Orders.Count > 0;

    /// <summary>The orders this broker rejected, by reason.</summary>
    public OrderTally Tally { get; } = new();

    public void Submit(OrderRequest order)
    {
        if (!_submittedIds.Add(order.ClientOrderId)) return; // the first order with this id stands
        var book = Book(order.Symbol);
        if (!book.HasBar || decimal.Sign(order.Quantity) <= 0 || order.Symbol.IsCrypto && UnderCryptoMinimum(order, book.LastBar))
        {
            RejectAtSubmission(order, book);
            return;
        }
        if (order.Type == OrderType.Market)
        {
            if (_fillModel == FillModel.Close || order.Purpose == OrderPurpose.EndOfRun)
                TryFill(new WorkingOrder(order, null), (decimal)book.LastBar.Close, applySlippage: true, book.LastBar.Timestamp);
            else Add(new WorkingOrder(order, null));
            return;
        }
        Add(new WorkingOrder(order, TriggerOf(order)));
    }

    private static decimal? TriggerOf(OrderRequest order) => order.Type switch
    {
        OrderType.Limit => order.LimitPrice ?? throw new ArgumentException("A limit order needs a limit price."),
        OrderType.Stop => order.StopPrice ?? throw new ArgumentException("A stop order needs a stop price."),
        _ => null,
    };

    // Out of line, as are the messages: most orders are accepted, and the rare paths would enlarge every call's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RejectAtSubmission(OrderRequest order, SymbolBook book)
    {
        Tally.Reject(!book.HasBar ? OrderReasons.NoPrice : order.Quantity <= 0 ? OrderReasons.InvalidQuantity : OrderReasons.CryptoMinimum);
        Listener.OnOrderClosed(order, OrderStatus.Rejected, SubmitRejection(order, book), order.CreatedAt);
    }

    private bool UnderCryptoMinimum(OrderRequest order, in Bar bar) =>
        _cryptoMinimum && order.Quantity * ReferencePrice(order, bar) < _model.CryptoMinimumNotional;

    private static decimal ReferencePrice(OrderRequest order, in Bar bar) => order.LimitPrice ?? order.StopPrice ?? (decimal)bar.Close;

    // Rejection messages are built out of line: formatting them in the hot methods made every call pay
    // for a large stack frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private string SubmitRejection(OrderRequest order, SymbolBook book) =>
        !book.HasBar ? $"no price seen yet for {order.Symbol}"
        : order.Quantity <= 0 ? $"quantity must be positive, got {order.Quantity}"
        : F($"notional {order.Quantity * ReferencePrice(order, book.LastBar):0.00} is under the crypto minimum of {_model.CryptoMinimumNotional:0.00}; order skipped");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RejectAtFill(OrderRequest order, decimal price, decimal commission, DateTime time)
    {
        Tally.Reject(order.Side == OrderSide.Buy ? OrderReasons.InsufficientCash : OrderReasons.NoPosition);
        Listener.OnOrderClosed(order, OrderStatus.Rejected, FillRejection(order, price, commission), time);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private string FillRejection(OrderRequest order, decimal price, decimal commission) => order.Side == OrderSide.Buy
        ? F($"insufficient cash: buying {order.Quantity} {order.Symbol} at {price} costs {price * order.Quantity + commission:0.00} with commission {commission:0.00}, cash is {_account.Cash:0.00}")
        : F($"cannot sell {order.Quantity} {order.Symbol}: the account holds {_account.PositionQuantity(order.Symbol)} (no shorting)");

    public void Cancel(string clientOrderId)
    {
        foreach (var (_, book) in _books)
        {
            var i = book.Orders.FindIndex(w => w.Request.ClientOrderId == clientOrderId);
            if (i < 0) continue;
            var order = book.Orders[i].Request;
            book.Orders.RemoveAt(i);
            _workingCount--;
            Listener.OnOrderClosed(order, OrderStatus.Canceled, "cancelled on request", book.HasBar ? book.LastBar.Timestamp : order.CreatedAt);
            return;
        }
    }

    /// <summary>Cancels every working order (end of a run), reporting each.</summary>
    public void CancelAll(string reason, DateTime time)
    {
        foreach (var (_, book) in _books)
        {
            foreach (var w in book.Orders) Listener.OnOrderClosed(w.Request, OrderStatus.Canceled, reason, time);
            book.Orders.Clear();
        }
        _workingCount = 0;
    }

    /// <summary>
    /// A new bar for <paramref name="symbol"/>: fills what it reaches, before strategies see the bar.
    /// </summary>
    public void OnBar(Symbol symbol, in Bar bar)
    {
        var book = Book(symbol);
        book.LastBar = bar;
        book.HasBar = true;
        // Most bars find no order; the filling is kept out of line so that they do not pay for its stack frame.
        if (book.Orders.Count > 0 && (StockSession is null || symbol.IsCrypto || StockSession(bar.Timestamp))) FillOrders(symbol, book.Orders, bar);
    }

    private void FillOrders(Symbol symbol, List<WorkingOrder> list, in Bar bar)
    {
        if (list is [{ Request.Type: OrderType.Market } only])
        {
            // The usual case, one market order waiting: what FillAll does, without its gathering and search.
            list.Clear();
            _workingCount--;
            TryFill(only, (decimal)bar.Open, applySlippage: true, bar.Timestamp);
            if (list.Count > 0) ProcessTriggers(symbol, list, bar);
            return;
        }
        FillAll(symbol, list, bar);
    }

    // Out of line: its loops' locals would give the usual single fill above a frame to clear on every call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FillAll(Symbol symbol, List<WorkingOrder> list, in Bar bar)
    {
        var open = (decimal)bar.Open;
        // 1. Market orders waiting since the previous bar fill at this open (those working when the bar came:
        // fills attach exits to the list).
        _marketOrders.Clear();
        foreach (var w in list)
        {
            if (w.Request.Type == OrderType.Market) _marketOrders.Add(w);
        }
        foreach (var w in _marketOrders)
        {
            Remove(list, w);
            TryFill(w, open, applySlippage: true, bar.Timestamp);
        }
        // 2. Stops and limits (including exits attached just now) against this bar's range.
        if (list.Count > 0) ProcessTriggers(symbol, list, bar);
    }

    private void ProcessTriggers(Symbol symbol, List<WorkingOrder> list, in Bar bar)
    {
        var open = (decimal)bar.Open;
        var high = (decimal)bar.High;
        var low = (decimal)bar.Low;
        _triggered.Clear();
        foreach (var w in list)
        {
            if (w.Request.Type == OrderType.Market) continue;
            if (w.Request.Purpose == OrderPurpose.TrailingStop) w.TriggerPrice = TrailingStopPrice(w);
            if (Reaches(w, open, high, low)) _triggered.Add(w);
        }
        // Stops before limits: when a bar reaches both legs of a bracket, the stop (worse case) wins.
        _triggered.Sort(static (a, b) => Rank(a).CompareTo(Rank(b)));
        foreach (var w in _triggered)
        {
            if (!list.Contains(w)) continue; // cancelled by its sibling's fill
            Remove(list, w);
            var price = FillPrice(w, open);
            TryFill(w, price, applySlippage: w.Request.Type == OrderType.Stop, bar.Timestamp);
        }
        foreach (var w in list)
        {
            if (w.Request.Purpose == OrderPurpose.TrailingStop) w.HighWaterMark = Math.Max(w.HighWaterMark, high);
        }
    }

    // The rules themselves are the exit engine's (ExitRules), shared with the Alpaca port's watched exits.
    private static int Rank(WorkingOrder w) => ExitRules.Rank(w.Request.Type);

    private static decimal TrailingStopPrice(WorkingOrder w) => ExitRules.TrailingStopPrice(w.HighWaterMark, w.Request.TrailingStopPercent!.Value);

    private static bool Reaches(WorkingOrder w, decimal open, decimal high, decimal low) =>
        ExitRules.Reaches(w.Request.Type, w.Request.Side, w.TriggerPrice!.Value, high, low);

    private static decimal FillPrice(WorkingOrder w, decimal open) => ExitRules.FillPrice(w.Request.Type, w.Request.Side, w.TriggerPrice!.Value, open);

    private void TryFill(WorkingOrder w, decimal marketPrice, bool applySlippage, DateTime time)
    {
        var order = w.Request;
        var slipped = applySlippage && !_noSlippage;
        var price = slipped ? _model.Slippage.Apply(marketPrice, order.Side, order.Quantity, order.Symbol) : marketPrice;
        var commission = _model.Commission.Calculate(order.Symbol, order.Side, order.Quantity, price);
        var notional = price * order.Quantity;
        if (order.Side == OrderSide.Buy ? DecimalSum.Add(notional, commission) > _account.Cash : order.Quantity > _account.PositionQuantity(order.Symbol))
        {
            RejectAtFill(order, price, commission, time);
            return;
        }
        var slippage = slipped ? Math.Abs(price - marketPrice) * order.Quantity : UnslippedCost(price, order.Quantity);
        var fill = new Fill(order.ClientOrderId, order.Strategy, order.Symbol, order.Side, order.Purpose, order.Quantity, price, commission, slippage, time);
        if (order.ParentId is not null) CancelSiblings(order);
        if (_kernel is not null) _kernel.OnFill(fill, notional);
        else Listener.OnFill(fill);
        if (order.Purpose == OrderPurpose.Entry) AttachExits(order, price);
    }

    /// <summary>
    /// The slippage cost of a fill at the market price itself, |price − price| · quantity, bit for bit: the difference
    /// is a zero of the price's scale, made here without the subtraction; the product is the decimal runtime's, since
    /// the scale of a zero product depends on how it multiplies.
    /// </summary>
    internal static decimal UnslippedCost(decimal price, decimal quantity) =>
        (decimal.Sign(price) >= 0 ? new decimal(0, 0, 0, false, price.Scale) : Math.Abs(price - price)) * quantity;

    /// <summary>Bracket: once the entry fills, its exits start working, priced from the fill.</summary>
    private void AttachExits(OrderRequest entry, decimal fillPrice)
    {
        OrderRequest Exit(OrderPurpose purpose, OrderType type, decimal? limit, decimal? stop, string reason) => entry with
        {
            ClientOrderId = ExitRules.ExitId(entry.ClientOrderId, purpose),
            Side = OrderSide.Sell,
            Type = type,
            LimitPrice = limit,
            StopPrice = stop,
            Purpose = purpose,
            Reason = reason,
            StopLossPercent = null,
            TakeProfitPercent = null,
            ParentId = entry.ClientOrderId,
        };
        if (entry.StopLossPercent is { } sl)
        {
            var stop = ExitRules.StopLossPrice(fillPrice, sl);
            Add(new WorkingOrder(Exit(OrderPurpose.StopLoss, OrderType.Stop, null, stop, F($"stop loss {sl}% under entry {fillPrice}: stop {stop}")), stop));
        }
        if (entry.TakeProfitPercent is { } tp)
        {
            var limit = ExitRules.TakeProfitPrice(fillPrice, tp);
            Add(new WorkingOrder(Exit(OrderPurpose.TakeProfit, OrderType.Limit, limit, null, F($"take profit {tp}% over entry {fillPrice}: limit {limit}")), limit));
        }
        if (entry.TrailingStopPercent is { } trail)
        {
            var w = new WorkingOrder(Exit(OrderPurpose.TrailingStop, OrderType.Stop, null, null, F($"trailing stop {trail}% under the high since entry")), null)
            {
                HighWaterMark = fillPrice,
            };
            w.TriggerPrice = TrailingStopPrice(w);
            Add(w);
        }
    }

    private void CancelSiblings(OrderRequest filled)
    {
        var book = Book(filled.Symbol);
        var list = book.Orders;
        for (var i = 0; i < list.Count;)
        {
            var w = list[i];
            if (w.Request.ParentId != filled.ParentId || w.Request.ClientOrderId == filled.ClientOrderId) { i++; continue; }
            list.RemoveAt(i);
            _workingCount--;
            Listener.OnOrderClosed(w.Request, OrderStatus.Canceled, $"one-cancels-other: {filled.Purpose} filled", book.LastBar.Timestamp);
        }
    }

    /// <summary>Cancels the exits attached to <paramref name="entryId"/>, e.g. when a strategy exits first.</summary>
    public void CancelExitsOf(string entryId, string reason, DateTime time)
    {
        foreach (var (_, book) in _books)
        {
            foreach (var w in book.Orders.ToArray())
            {
                if (w.Request.ParentId != entryId) continue;
                Remove(book.Orders, w);
                Listener.OnOrderClosed(w.Request, OrderStatus.Canceled, reason, time);
            }
        }
    }

    private void Add(WorkingOrder w)
    {
        var book = Book(w.Request.Symbol);
        book.Orders.Add(w);
        _workingCount++;
        Listener.OnOrderAccepted(w.Request, book.LastBar.Timestamp);
    }

    /// <summary>The symbol's book; the last one is cached because bars of one symbol usually come in runs.</summary>
    private SymbolBook Book(Symbol symbol)
    {
        if (_recentBook is not null && ReferenceEquals(_recentBook.Symbol, symbol)) return _recentBook;
        if (!_books.TryGetValue(symbol, out var book)) _books[symbol] = book = new SymbolBook(symbol);
        return _recentBook = book;
    }

    private sealed class SymbolBook(Symbol symbol)
    {
        public Symbol Symbol { get; } = symbol;
        public Bar LastBar;
        public bool HasBar;
        public List<WorkingOrder> Orders { get; } = [];
    }

    private void Remove(List<WorkingOrder> list, WorkingOrder w)
    {
        if (list.Remove(w)) _workingCount--;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
