namespace Keel.Core.Strategies;

/// <summary>
/// Where a strategy's code comes from, so every run and trade can say which code made it.
/// </summary>
/// <param name="Kind">built-in, file (a single <c>.cs</c> compiled by Keel) or project (a built <c>.csproj</c>).</param>
/// <param name="Path">The source file or project folder; null for built-ins.</param>
/// <param name="Sha256">Hex SHA-256 of the source file (file) or the built assembly (project); null for built-ins,
/// whose code is Keel's own version.</param>
public sealed record StrategySource(string Kind, string? Path, string? Sha256)
{
    public static StrategySource BuiltIn { get; } = new("built-in", null, null);

    public bool IsBuiltIn => Kind == "built-in";
}
