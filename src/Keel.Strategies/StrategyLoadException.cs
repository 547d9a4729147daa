namespace Keel.Strategies;

/// <summary>
/// A user's strategy could not be compiled, built or registered. Each line names its file (and line and
/// column when the compiler gave them), like the compiler's own output; a command exits with code 2.
/// </summary>
public sealed class StrategyLoadException(IReadOnlyList<string> lines) : Exception(string.Join(Environment.NewLine, lines))
{
    public IReadOnlyList<string> Lines { get; } = lines;
}
