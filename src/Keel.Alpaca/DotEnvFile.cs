namespace Keel.Alpaca;

/// <summary>
/// A tiny <c>.env</c> reader: <c>NAME=value</c> lines, optional <c>export </c>, <c>#</c> comments, and
/// values in single or double quotes. No interpolation: keys are copied as written.
/// </summary>
public static class DotEnvFile
{
    public static Dictionary<string, string> Read(string path) => Parse(File.ReadAllLines(path));

    public static Dictionary<string, string> Parse(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) continue;
            var name = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
                value = value[1..^1];
            else if (value.IndexOf(" #", StringComparison.Ordinal) is var hash and >= 0)
                value = value[..hash].TrimEnd();
            values[name] = value;
        }
        return values;
    }
}
