using System.Globalization;
using System.Runtime.CompilerServices;
using Keel.Core.Capital;
using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Risk;

/// <summary>
/// Sizes entries and enforces <see cref="RiskConfig"/> outside the strategies. Every cut and every
/// refusal comes back with a reason for the journal. Also owns the daily loss halt.
/// </summary>
public sealed class RiskManager
{
    private DateOnly _day;
    private decimal _startOfDayEquity;
    private bool _haltedToday;

    public RiskManager(RiskConfig config)
    {
        config.Validate();
        Config = config;
    }

    public RiskConfig Config { get; }

    public bool HaltedToday => _haltedToday;
    public decimal StartOfDayEquity => _startOfDayEquity;
    public DateOnly Day => _day;

    /// <summary>The kill switch (<c>keel halt</c>): while set, every entry is refused with this reason; exits still run.</summary>
    public string? ManualHalt { get; set; }

    /// <summary>The capital stage (live trading): a cap on total exposure; entries past it are cut or refused. Null: no cap.</summary>
    public CapitalLimit? Capital { get; set; }

    /// <summary>
    /// Takes back a trading day's state kept in a store, so a restart on the same day keeps its
    /// start-of-day equity and its halt instead of starting the day again from the current equity.
    /// </summary>
    public void Restore(DateOnly day, decimal startOfDayEquity, bool haltedToday)
    {
        if (startOfDayEquity <= 0) throw new ArgumentOutOfRangeException(nameof(startOfDayEquity), startOfDayEquity, "Start-of-day equity must be positive.");
        _day = day;
        _startOfDayEquity = startOfDayEquity;
        _haltedToday = haltedToday;
    }

    /// <summary>
    /// Called with each bar's trading day and the equity before that bar moves prices: a new day
    /// resets the halt and takes this equity as the day's start.
    /// </summary>
    public bool BeginDay(DateOnly day, decimal equity)
    {
        if (day == _day && _startOfDayEquity != 0) return false;
        _day = day;
        _startOfDayEquity = equity;
        _haltedToday = false;
        return true;
    }

    /// <summary>Checks the daily loss limit after a mark to market; returns a reason the first time it trips.</summary>
    public string? CheckDailyLoss(decimal equity)
    {
        if (_haltedToday || Config.DailyLossLimitPercent is not { } limit || _startOfDayEquity <= 0) return null;
        var floor = _startOfDayEquity * (1 - limit / 100m);
        if (equity > floor) return null;
        _haltedToday = true;
        return string.Create(CultureInfo.InvariantCulture,
            $"daily loss limit: equity {equity:0.00} is at or below {floor:0.00} ({limit}% under start-of-day {_startOfDayEquity:0.00}); entries halted for {_day:yyyy-MM-dd}");
    }

    /// <summary>
    /// The quantity for a new entry at <paramref name="referencePrice"/> (the latest price known when
    /// deciding), after sizing and every limit. <paramref name="exposure"/> is what is already at risk
    /// (positions at their marks plus working entries), read only under a <see cref="Capital"/> stage.
    /// </summary>
    public EntryDecision SizeEntry(Symbol symbol, decimal referencePrice, decimal equity, decimal cash, decimal currentQuantity, int openPositions, double confidence = 1, decimal exposure = 0)
    {
        // The common entry (no halt, no limit configured) takes the short path; every refusal and every limit
        // is out of line, so an entry does not pay for their sentences' stack frame.
        if (ManualHalt is not null || _haltedToday || Config.MaxOpenPositions is { } maxOpen && openPositions >= maxOpen
            || decimal.Sign(referencePrice) <= 0 || Capital is { } stage && exposure >= stage.AllowedExposure(equity))
            return Refusal(symbol, referencePrice, equity, openPositions, exposure);

        var sizing = Config.SizingFor(symbol);
        var raw = sizing.Method switch
        {
            SizingMethod.PercentOfEquity => PercentOf(equity, sizing.Value) / referencePrice,
            SizingMethod.FixedQuantity => sizing.Value,
            _ => equity * sizing.Value / 100m / (referencePrice * Config.StopLossPercent!.Value / 100m),
        };
        if (Config.ScaleSizeByConfidence && confidence < 1 || Config.MaxPositionSize is not null || Config.MaxNotionalPerOrder is not null
            || sizing.Method == SizingMethod.RiskPercent || Capital is not null)
            return Limited(symbol, sizing, raw, referencePrice, equity, cash, currentQuantity, confidence, exposure);
        var quantity = RoundDown(raw, symbol);
        return decimal.Sign(quantity) > 0 ? new EntryDecision(quantity, null, null) : LessThanOneUnit(sizing, referencePrice);
    }

    /// <summary>The refusal that comes before sizing (halts, the position count, no price, the capital stage), checked in this order.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private EntryDecision Refusal(Symbol symbol, decimal referencePrice, decimal equity, int openPositions, decimal exposure)
    {
        if (ManualHalt is { } halt) return EntryDecision.Refuse(OrderReasons.Halted, $"trading halted ({halt}); no new entries until keel resume");
        if (_haltedToday) return EntryDecision.Refuse(OrderReasons.DailyLossLimit, $"daily loss limit reached on {_day:yyyy-MM-dd}; no new entries until the next trading day");
        if (Config.MaxOpenPositions is { } maxOpen && openPositions >= maxOpen)
            return EntryDecision.Refuse(OrderReasons.MaxOpenPositions, $"max open positions ({maxOpen}) reached");
        if (referencePrice <= 0) return EntryDecision.Refuse(OrderReasons.NoPrice, $"no valid price for {symbol} (got {referencePrice})");
        var stage = Capital!;
        return EntryDecision.Refuse(OrderReasons.CapitalStage, F($"{stage}: exposure {exposure:0.00} already at or above its cap of {stage.AllowedExposure(equity):0.00}"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EntryDecision LessThanOneUnit(Sizing sizing, decimal referencePrice) =>
        new(0, null, F($"sizing {sizing} gives less than one tradable unit at {referencePrice}")) { RefusalCode = OrderReasons.ZeroQuantity };

    /// <summary>Sizing under the configured limits (confidence scaling, caps, risk sizing's cash, the capital stage), each cut with its reason.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private EntryDecision Limited(Symbol symbol, Sizing sizing, decimal raw, decimal referencePrice, decimal equity, decimal cash, decimal currentQuantity, double confidence, decimal exposure)
    {
        List<string>? adjustments = null; // made only when something is cut: most entries are not
        List<string>? cuts = null;
        if (Config.ScaleSizeByConfidence && confidence < 1)
        {
            raw *= (decimal)Math.Clamp(confidence, 0, 1);
            (cuts ??= []).Add(OrderReasons.Confidence);
            (adjustments ??= []).Add(F($"scaled by the signal's confidence {Math.Round(confidence, 4)}"));
        }
        var quantity = RoundDown(raw, symbol);

        if (Config.MaxPositionSize is { } cap && currentQuantity + quantity > cap)
        {
            var allowed = RoundDown(Math.Max(cap - currentQuantity, 0), symbol);
            (cuts ??= []).Add(OrderReasons.PositionCap);
            (adjustments ??= []).Add(F($"quantity {quantity} cut to {allowed} by the position cap of {cap}"));
            quantity = allowed;
        }
        if (Config.MaxNotionalPerOrder is { } maxNotional && quantity * referencePrice > maxNotional)
        {
            var allowed = RoundDown(maxNotional / referencePrice, symbol);
            (cuts ??= []).Add(OrderReasons.MaxNotional);
            (adjustments ??= []).Add(F($"quantity {quantity} cut to {allowed} by the max notional per order of {maxNotional}"));
            quantity = allowed;
        }
        if (sizing.Method == SizingMethod.RiskPercent && quantity * referencePrice > cash)
        {
            // Risk sizing can ask for more than the account holds when the stop is tight.
            var allowed = RoundDown(cash / referencePrice, symbol);
            (cuts ??= []).Add(OrderReasons.RiskCashCap);
            (adjustments ??= []).Add(F($"quantity {quantity} cut to {allowed}: risk sizing asked for more than the cash of {cash:0.00}"));
            quantity = allowed;
        }
        if (Capital is { } capital && quantity * referencePrice > capital.AllowedExposure(equity) - exposure)
        {
            var room = capital.AllowedExposure(equity) - exposure;
            var allowed = RoundDown(room / referencePrice, symbol);
            (cuts ??= []).Add(OrderReasons.CapitalStage);
            (adjustments ??= []).Add(F($"quantity {quantity} cut to {allowed} by {capital}: cap {capital.AllowedExposure(equity):0.00}, exposure {exposure:0.00}"));
            quantity = allowed;
        }
        if (quantity <= 0)
            return adjustments is not null
                ? new EntryDecision(0, Join(adjustments), $"quantity is zero after limits ({Join(adjustments)})") { RefusalCode = OrderReasons.ZeroQuantity, Cuts = cuts ?? [] }
                : LessThanOneUnit(sizing, referencePrice);
        return new EntryDecision(quantity, Join(adjustments), null) { Cuts = cuts ?? [] };
    }

    /// <summary>
    /// amount · percent / 100. Dividing by 100 only moves the decimal point, so while there is room for two
    /// more decimal places a multiplication by 0.01 gives the same value without a decimal division, the
    /// slowest decimal operation; the division by the price that follows, and the whole units it is rounded
    /// down to, depend only on that value.
    /// </summary>
    private static decimal PercentOf(decimal amount, decimal percent)
    {
        var product = amount * percent;
        return product.Scale <= 26 ? product * 0.01m : product / 100m;
    }

    /// <summary>Whole shares for equities; crypto to 9 decimals (Alpaca's precision).</summary>
    public static decimal RoundDown(decimal quantity, Symbol symbol)
    {
        if (decimal.Sign(quantity) <= 0) return 0;
        // Whole shares: Floor alone, bit for bit what Floor(q · 1) / 1 gives, without a decimal division per entry.
        if (!symbol.IsCrypto) return Math.Floor(quantity);
        const decimal scale = 1_000_000_000m;
        return Billionths(Math.Floor(quantity * scale));
    }

    /// <summary>
    /// <paramref name="units"/> (a whole number) / 1,000,000,000, bit for bit what the decimal division gives: the
    /// same digits at scale 9, less the trailing zeros the division does not keep. Done on the integer when it
    /// fits in 64 bits (every real quantity), because the division is the slowest decimal operation of an entry.
    /// </summary>
    internal static decimal Billionths(decimal units)
    {
        const decimal scale = 1_000_000_000m;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(units, bits);
        var digits = (ulong)(uint)bits[1] << 32 | (uint)bits[0];
        if (bits[3] != 0 || bits[2] != 0 || digits == 0) return units / scale; // a sign, a scale, over 64 bits, or zero
        byte exponent = 9;
        while (exponent > 0 && digits % 10 == 0)
        {
            digits /= 10;
            exponent--;
        }
        return new decimal((int)(uint)digits, (int)(uint)(digits >> 32), 0, false, exponent);
    }

    private static string? Join(List<string>? parts) => parts is null ? null : string.Join("; ", parts);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
