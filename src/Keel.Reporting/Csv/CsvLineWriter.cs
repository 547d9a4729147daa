namespace Keel.Reporting.Csv;

/// <summary>
/// Writes comma-separated fields and '\n' line ends whatever the platform, so files are identical
/// on every machine.
/// </summary>
internal sealed class CsvLineWriter(TextWriter writer)
{
    private bool _atLineStart = true;

    public CsvLineWriter Field(string formatted)
    {
        if (!_atLineStart) writer.Write(',');
        writer.Write(formatted);
        _atLineStart = false;
        return this;
    }

    public void EndLine()
    {
        writer.Write('\n');
        _atLineStart = true;
    }

    public void Header(params string[] names)
    {
        foreach (var name in names) Field(name);
        EndLine();
    }
}
