namespace Keel.Core.Persistence;

/// <summary>
/// The code a strategy ran with from <paramref name="RecordedAt"/>: its kind (built-in, file, project), the file
/// or project it came from and the SHA-256 of its source file or built assembly (Keel.Core's for built-ins).
/// </summary>
public sealed record StoredStrategySource(string Strategy, string Kind, string? Path, string Sha256, DateTime RecordedAt);
