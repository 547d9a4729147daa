namespace Keel.Reporting.Json;

/// <summary>
/// One entry of <c>strategy_sources</c>: the code that made a result (kind, the user's file or project, SHA-256), so a
/// result can always be traced to the exact strategy source. <c>path</c> is null for a built-in.
/// </summary>
public sealed record StrategySourceJson(string Strategy, string Kind, string? Path, string Sha256);
