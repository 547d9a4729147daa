using System.Globalization;

namespace Keel.AlpacaSim.Http;

/// <summary>Reads query parameters the way Alpaca accepts them (RFC3339 or a bare date, case-insensitive enums), remembering the first bad one.</summary>
internal sealed class QueryValues(HttpRequest request)
{
    public string? Problem { get; private set; }

    public string? Text(string name) => request.Query[name].FirstOrDefault() is { Length: > 0 } v ? v : null;

    public DateTimeOffset? Time(string name)
    {
        if (Text(name) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return time;
        Problem ??= $"invalid {name}: '{text}' is not an RFC3339 time or a date";
        return null;
    }

    public DateOnly? Date(string name)
    {
        if (Text(name) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (Time(name) is { } time) return DateOnly.FromDateTime(time.UtcDateTime);
        return null;
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (Text(name) is not { } text) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Problem ??= $"invalid {name}: must be an integer from {min} to {max}";
        return fallback;
    }

    public decimal? Decimal(string name)
    {
        if (Text(name) is not { } text) return null;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        Problem ??= $"invalid {name}: '{text}' is not a number";
        return null;
    }

    public bool Bool(string name) => string.Equals(Text(name), "true", StringComparison.OrdinalIgnoreCase);

    public string OneOf(string name, string fallback, params string[] allowed)
    {
        var text = Text(name)?.ToLowerInvariant() ?? fallback;
        if (allowed.Contains(text)) return text;
        Problem ??= $"invalid {name}: '{text}' (expected {string.Join(", ", allowed)})";
        return fallback;
    }

    public IReadOnlyList<string>? List(string name) =>
        Text(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant()).ToList();
}
