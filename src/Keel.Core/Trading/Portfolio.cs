using System.Runtime.CompilerServices;
using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>
/// The account ledger: cash and net positions in decimal, changed only by fills. Keeps double mirrors
/// of cash and quantities so marking to market on every bar is a multiply-add, not decimal math.
/// </summary>
public sealed class Portfolio : IAccountView
{
    private readonly Dictionary<Symbol, int> _index = [];
    private readonly List<Symbol> _symbols = [];
    private decimal[] _quantity = [];
    private double[] _quantityAsDouble = [];
    private double[] _lastPrice = [];
    private double _cashAsDouble;
    private Symbol? _recentSymbol; // fills and lookups come in runs of one symbol: skip hashing it
    private int _recentIndex;

    public Portfolio(decimal startingCash)
    {
        if (startingCash <= 0) throw new ArgumentOutOfRangeException(nameof(startingCash), startingCash, "Starting cash must be positive.");
        StartingCash = startingCash;
        Cash = startingCash;
        _cashAsDouble = (double)startingCash;
    }

    public decimal StartingCash { get; }
    public decimal Cash { get; private set; }
    public decimal TotalCommissions { get; private set; }
    public decimal TotalSlippage { get; private set; }

    /// <summary>The index of a symbol already known, without adding it.</summary>
    internal bool TryIndexOf(Symbol symbol, out int index)
    {
        if (ReferenceEquals(symbol, _recentSymbol))
        {
            index = _recentIndex;
            return true;
        }
        return _index.TryGetValue(symbol, out index);
    }

    /// <summary>The dense index of a symbol, registering it on first use.</summary>
    public int IndexOf(Symbol symbol)
    {
        if (ReferenceEquals(symbol, _recentSymbol)) return _recentIndex;
        if (!_index.TryGetValue(symbol, out var i))
        {
            i = _symbols.Count;
            _index.Add(symbol, i);
            _symbols.Add(symbol);
            Array.Resize(ref _quantity, i + 1);
            Array.Resize(ref _quantityAsDouble, i + 1);
            Array.Resize(ref _lastPrice, i + 1);
        }
        _recentSymbol = symbol;
        _recentIndex = i;
        return i;
    }

    public decimal PositionQuantity(Symbol symbol) => TryIndexOf(symbol, out var i) ? _quantity[i] : 0m;

    public int OpenPositionCount
    {
        get
        {
            var n = 0;
            foreach (var q in _quantity) if (q != 0) n++;
            return n;
        }
    }

    public void Apply(in Fill fill) => Apply(fill, fill.Price * fill.Quantity);

    /// <summary>
    /// <see cref="Apply(in Fill)"/> with the fill's notional (price · quantity) already computed: the simulated broker
    /// multiplies it once per fill for its cash check, and the ledger and the position use that same product.
    /// </summary>
    internal void Apply(in Fill fill, decimal notional)
    {
        var i = IndexOf(fill.Symbol);
        Cash += DecimalSum.Subtract(fill.Side == OrderSide.Buy ? -notional : notional, fill.Commission); // fill.CashFlow
        _quantity[i] = DecimalSum.Add(_quantity[i], fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
        _quantityAsDouble[i] = (double)_quantity[i];
        _cashAsDouble = (double)Cash;
        TotalCommissions = DecimalSum.Add(TotalCommissions, fill.Commission);
        TotalSlippage = DecimalSum.Add(TotalSlippage, fill.Slippage);
        _lastPrice[i] = _lastPrice[i] == 0 ? (double)fill.Price : _lastPrice[i];
    }

    /// <summary>
    /// Puts back a position held before a restart: the quantity (no cash moves, the broker's cash already
    /// paid for it) and its latest price.
    /// </summary>
    public void RestorePosition(Symbol symbol, decimal quantity, double lastPrice)
    {
        var i = IndexOf(symbol);
        _quantity[i] = quantity;
        _quantityAsDouble[i] = (double)quantity;
        _lastPrice[i] = lastPrice;
    }

    /// <summary>Records the latest market price of a symbol (a bar's close).</summary>
    internal void Mark(int symbolIndex, double price) => _lastPrice[symbolIndex] = price;

    public double LastPrice(int symbolIndex) => _lastPrice[symbolIndex];

    /// <summary>Market value of all positions at the last marks.</summary>
    public double PositionValue() => PositionValueWith(-1, 0);

    /// <summary>
    /// Market value of all positions at the last marks, but with symbol <paramref name="symbolIndex"/> at
    /// <paramref name="price"/>: what <see cref="PositionValue"/> will be once that price is marked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per bar of every backtest
    internal double PositionValueWith(int symbolIndex, double price)
    {
        var value = 0.0;
        for (var i = 0; i < _quantityAsDouble.Length; i++)
        {
            if (_quantityAsDouble[i] != 0) value += _quantityAsDouble[i] * (i == symbolIndex ? price : _lastPrice[i]);
        }
        return value;
    }

    /// <summary>
    /// Whether <see cref="PositionValueWith"/>(<paramref name="symbolIndex"/>, p) is <c>held + quantity * p</c> (just
    /// <paramref name="held"/> when <paramref name="quantity"/> is 0), bit for bit: true when no symbol after it
    /// holds a position, so the sum ends with its term. A quiet stretch values each bar without the loop over symbols.
    /// </summary>
    internal bool TryValueLine(int symbolIndex, out double held, out double quantity)
    {
        held = 0.0;
        quantity = _quantityAsDouble[symbolIndex];
        for (var i = 0; i < _quantityAsDouble.Length; i++)
        {
            if (_quantityAsDouble[i] == 0 || i == symbolIndex) continue;
            if (i > symbolIndex) return false;
            held += _quantityAsDouble[i] * _lastPrice[i];
        }
        return true;
    }

    public double CashAsDouble => _cashAsDouble;

    /// <summary>Cash plus positions at the last marks, in exact decimal (marks converted once here).</summary>
    public decimal ExactEquity() =>
        ExactEquitySum.TrySum(Cash, _quantity, _quantityAsDouble, _lastPrice, out var equity) ? equity : ExactEquityByDecimals();

    /// <summary>What <see cref="ExactEquity"/> is, summed in decimal: where the 128-bit sum gives up.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private decimal ExactEquityByDecimals()
    {
        var equity = Cash;
        for (var i = 0; i < _quantity.Length; i++)
        {
            if (_quantity[i] != 0) equity += _quantity[i] * (decimal)_lastPrice[i];
        }
        return equity;
    }

    public IReadOnlyList<Symbol> Symbols => _symbols;
}
