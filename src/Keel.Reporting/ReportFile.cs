using System.Text;

namespace Keel.Reporting;

/// <summary>Opens an output file for writing: folders created, UTF-8 without a byte-order mark.</summary>
internal static class ReportFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static StreamWriter Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        return new StreamWriter(path, append: false, Utf8NoBom);
    }
}
