namespace Keel.Data.Csv;

/// <summary>A data row the loader refused, with its 1-based physical line number and why.</summary>
public sealed record BadRow(int LineNumber, string Reason)
{
    public override string ToString() => $"line {LineNumber}: {Reason}";
}
