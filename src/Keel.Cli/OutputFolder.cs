namespace Keel.Cli;

/// <summary>
/// Checks an <c>--out</c> folder before any work is done, so a long run never ends in a failure to write
/// its results because a file is in the way.
/// </summary>
internal static class OutputFolder
{
    public static string Check(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("--out needs a folder name.");
        if (File.Exists(path)) throw new UsageException($"--out '{path}' is an existing file; give a folder (it is created if missing).");
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) throw new UsageException($"--out '{path}': '{parent}' is a file, so no folder can be made under it.");
        }
        return path;
    }
}
