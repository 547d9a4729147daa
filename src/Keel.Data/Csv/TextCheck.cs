using System.Text;

namespace Keel.Data.Csv;

/// <summary>
/// Says in one short line why a file cannot be a comma-separated bar file before the header is read:
/// binary content, or another delimiter (a semicolon file, often with decimal commas, or tabs). The
/// header error would otherwise quote kilobytes of bytes or say only that columns are missing.
/// </summary>
internal static class TextCheck
{
    private const int Sample = 4096;

    public static void ThrowIfNotCommaSeparatedText(ReadOnlySpan<byte> data, string path)
    {
        var head = data[..Math.Min(data.Length, Sample)];
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0) throw new BarDataException(path, 0, "not a text file (it holds binary data); expected a CSV of bars");
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t')) controls++;
        }
        if (controls > 8 || !IsUtf8(head)) throw new BarDataException(path, 0, "not a text file (it holds binary data); expected a CSV of bars");

        var end = head.IndexOf((byte)'\n');
        var header = end < 0 ? head : head[..end];
        if (header.IndexOf((byte)',') >= 0) return;
        if (header.IndexOf((byte)';') >= 0)
            throw new BarDataException(path, 1, "fields are separated by ';' (decimal commas too?); Keel reads comma-separated files with '.' decimals");
        if (header.IndexOf((byte)'\t') >= 0)
            throw new BarDataException(path, 1, "fields are separated by tabs; Keel reads comma-separated files");
    }

    /// <summary>Valid UTF-8 (ASCII included), allowing a character cut at the end of the sample.</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        try
        {
            Span<char> chars = stackalloc char[bytes.Length + 1];
            decoder.Convert(bytes, chars, flush: false, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
