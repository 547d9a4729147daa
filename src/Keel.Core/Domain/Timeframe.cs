namespace Keel.Core.Domain;

/// <summary>A bar length such as 1Min, 5Min, 1Hour or 1Day, written as Alpaca writes it.</summary>
public readonly record struct Timeframe
{
    public int Amount { get; }
    public TimeframeUnit Unit { get; }

    public Timeframe(int amount, TimeframeUnit unit)
    {
        if (amount <= 0)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A timeframe amount must be positive.");
        var max = unit switch
        {
            TimeframeUnit.Minute => 59,
            TimeframeUnit.Hour => 23,
            TimeframeUnit.Day => 1,
            TimeframeUnit.Week => 1,
            _ => 12,
        };
        if (amount > max)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"At most {max} for {unit} bars.");
        Amount = amount;
        Unit = unit;
    }

    public static Timeframe OneMinute { get; } = new(1, TimeframeUnit.Minute);
    public static Timeframe OneHour { get; } = new(1, TimeframeUnit.Hour);
    public static Timeframe OneDay { get; } = new(1, TimeframeUnit.Day);

    /// <summary>True for bars shorter than a day; decides calendars and Sharpe annualisation.</summary>
    public bool IsIntraday => Unit is TimeframeUnit.Minute or TimeframeUnit.Hour;

    /// <summary>The nominal length; months are taken as 30 days.</summary>
    public TimeSpan Duration => Unit switch
    {
        TimeframeUnit.Minute => TimeSpan.FromMinutes(Amount),
        TimeframeUnit.Hour => TimeSpan.FromHours(Amount),
        TimeframeUnit.Day => TimeSpan.FromDays(Amount),
        TimeframeUnit.Week => TimeSpan.FromDays(7 * Amount),
        _ => TimeSpan.FromDays(30 * Amount),
    };

    /// <summary>Parses Alpaca's spellings: 1Min, 5Min, 15Min, 1Hour, 1Day, 1Week, 1Month (also 1T, 1H, 1D).</summary>
    public static Timeframe Parse(string text)
    {
        if (TryParse(text, out var tf, out var error)) return tf;
        throw new FormatException(error);
    }

    public static bool TryParse(string? text, out Timeframe timeframe, out string error)
    {
        timeframe = default;
        error = $"Timeframe '{text}' is not valid; use forms like 1Min, 5Min, 1Hour, 1Day.";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i == 0 || !int.TryParse(s.AsSpan(0, i), out var amount)) return false;
        TimeframeUnit? unit = s[i..].ToLowerInvariant() switch
        {
            "min" or "m" or "t" or "minute" or "minutes" => TimeframeUnit.Minute,
            "hour" or "h" or "hours" => TimeframeUnit.Hour,
            "day" or "d" or "days" => TimeframeUnit.Day,
            "week" or "w" or "weeks" => TimeframeUnit.Week,
            "month" or "mo" or "months" => TimeframeUnit.Month,
            _ => null,
        };
        if (unit is null) return false;
        try { timeframe = new Timeframe(amount, unit.Value); }
        catch (ArgumentOutOfRangeException ex) { error = $"Timeframe '{text}': {ex.Message.Split(Environment.NewLine)[0]}"; return false; }
        return true;
    }

    public override string ToString() => Unit switch
    {
        TimeframeUnit.Minute => $"{Amount}Min",
        TimeframeUnit.Hour => $"{Amount}Hour",
        TimeframeUnit.Day => $"{Amount}Day",
        TimeframeUnit.Week => $"{Amount}Week",
        _ => $"{Amount}Month",
    };
}
