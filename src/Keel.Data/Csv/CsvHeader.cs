using System.Text;

namespace Keel.Data.Csv;

/// <summary>The recognised header of a bar CSV: its layout and where each needed column is.</summary>
internal sealed class CsvHeader
{
    public const string SupportedLayouts =
        "Supported layouts (column names are case-insensitive): "
        + "Keel 'timestamp,open,high,low,close,volume'; "
        + "Yahoo 'Date,Open,High,Low,Close,Adj Close,Volume'; "
        + "date and time 'Date,Time,Open,High,Low,Close,Volume[,OpenInterest]'; "
        + "unnamed timestamp ',Open,High,Low,Close,Volume'; "
        + "generic 'Date,Open,High,Low,Close,Volume' where Date may also be Datetime, Timestamp or Time "
        + "and extra columns are ignored.";

    private static readonly string[] TimestampNames = ["datetime", "timestamp", "date", "time"];

    public required CsvLayout Layout { get; init; }
    public required IReadOnlyList<string> Names { get; init; }
    public required int Timestamp { get; init; }
    /// <summary>The separate time-of-day column, or -1.</summary>
    public required int Time { get; init; }
    public required int Open { get; init; }
    public required int High { get; init; }
    public required int Low { get; init; }
    public required int Close { get; init; }
    public required int Volume { get; init; }
    /// <summary>Yahoo's Adj Close column, or -1.</summary>
    public required int AdjClose { get; init; }

    public int FieldCount => Names.Count;

    /// <summary>The role of each column in file order, for the single-pass row parser.</summary>
    public ColumnRole[] Roles()
    {
        var roles = new ColumnRole[FieldCount];
        roles[Timestamp] = ColumnRole.Timestamp;
        if (Time >= 0) roles[Time] = ColumnRole.Time;
        roles[Open] = ColumnRole.Open;
        roles[High] = ColumnRole.High;
        roles[Low] = ColumnRole.Low;
        roles[Close] = ColumnRole.Close;
        roles[Volume] = ColumnRole.Volume;
        if (AdjClose >= 0) roles[AdjClose] = ColumnRole.AdjClose;
        return roles;
    }

    /// <summary>Recognises a header line, or explains why it is not one of the supported layouts.</summary>
    public static CsvHeader? TryRecognise(ReadOnlySpan<byte> line, out string error)
    {
        var names = Encoding.UTF8.GetString(line).Split(',').Select(n => n.Trim().Trim('"').Trim()).ToArray();
        var keys = names.Select(Normalise).ToArray();
        int Find(string key) => Array.IndexOf(keys, key);

        int timestamp, time = -1;
        if (Find("date") is var date and >= 0 && Find("time") is var timeOfDay and >= 0)
        {
            timestamp = date;
            time = timeOfDay;
        }
        else if (keys[0].Length == 0)
        {
            timestamp = 0;
        }
        else
        {
            timestamp = TimestampNames.Select(Find).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        }

        var missing = new List<string>();
        if (timestamp < 0) missing.Add("a timestamp column (Date, Datetime, Timestamp, Time or an unnamed first column)");
        int Required(string key, string display)
        {
            var index = Find(key);
            if (index < 0) missing.Add(display);
            return index;
        }
        var open = Required("open", "Open");
        var high = Required("high", "High");
        var low = Required("low", "Low");
        var close = Required("close", "Close");
        var volume = Required("volume", "Volume");
        var adjClose = Find("adjclose");

        if (missing.Count > 0)
        {
            var shown = string.Join(',', names);
            if (shown.Length > 120) shown = shown[..120] + "…";
            error = $"unrecognised header '{shown}': missing {string.Join(", ", missing)}. {SupportedLayouts}";
            return null;
        }

        var layout =
            keys.SequenceEqual(["timestamp", "open", "high", "low", "close", "volume"]) ? CsvLayout.Keel
            : adjClose >= 0 ? CsvLayout.Yahoo
            : time >= 0 ? CsvLayout.DateAndTime
            : keys[0].Length == 0 ? CsvLayout.UnnamedTimestamp
            : CsvLayout.Generic;

        error = "";
        return new CsvHeader
        {
            Layout = layout, Names = names, Timestamp = timestamp, Time = time,
            Open = open, High = high, Low = low, Close = close, Volume = volume, AdjClose = adjClose,
        };
    }

    /// <summary>"Adj Close", "adj_close" and "AdjClose" all become "adjclose".</summary>
    private static string Normalise(string name) =>
        new([.. name.Where(c => c is not (' ' or '_' or '-')).Select(char.ToLowerInvariant)]);
}
