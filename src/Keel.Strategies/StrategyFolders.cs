namespace Keel.Strategies;

/// <summary>
/// Which folders hold a user's strategies: the ones named (<c>--strategies-dir</c>, a config's
/// <c>strategyPaths</c>), else <c>./strategies</c> when it exists.
/// </summary>
public static class StrategyFolders
{
    public const string Default = "strategies";

    /// <summary>
    /// The folders to load, full paths. A named folder that does not exist is an error; the default one
    /// is simply skipped when absent, so Keel runs with its built-ins alone.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? named, string baseDirectory)
    {
        if (named is { Count: > 0 })
        {
            var folders = new List<string>();
            foreach (var folder in named)
            {
                var full = Path.GetFullPath(folder, baseDirectory);
                if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"Strategy folder {full} does not exist.");
                if (!folders.Contains(full)) folders.Add(full);
            }
            return folders;
        }
        var fallback = Path.GetFullPath(Default, baseDirectory);
        return Directory.Exists(fallback) ? [fallback] : [];
    }
}
