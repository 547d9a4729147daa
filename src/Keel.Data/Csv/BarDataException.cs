namespace Keel.Data.Csv;

/// <summary>
/// A bar file cannot be used. The message reads <c>{path}:{line}: {reason}</c> like a compiler error,
/// so editors and terminals can jump to the line. <see cref="LineNumber"/> is the 1-based physical
/// line, or 0 when the problem concerns the whole file (the message is then <c>{path}: {reason}</c>).
/// </summary>
public sealed class BarDataException : Exception
{
    public string FilePath { get; }
    public int LineNumber { get; }
    public string Reason { get; }

    public BarDataException(string filePath, int lineNumber, string reason)
        : base(lineNumber > 0 ? $"{filePath}:{lineNumber}: {reason}" : $"{filePath}: {reason}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Reason = reason;
    }
}
