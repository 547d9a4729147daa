namespace Keel.Strategies.Tests;

internal static class TestPaths
{
    public static string RepoRoot { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Keel.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Keel.slnx not found above the test folder.");
    }
}
