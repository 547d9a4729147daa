namespace Keel.Data.Csv;

/// <summary>What the parser does with one column of a recognised header.</summary>
internal enum ColumnRole : byte
{
    Ignore,
    Timestamp,
    Time,
    Open,
    High,
    Low,
    Close,
    Volume,
    AdjClose,
}
