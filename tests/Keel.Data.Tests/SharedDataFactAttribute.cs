namespace Keel.Data.Tests;

/// <summary>
/// A fact that needs the real validation data in /work/shared/data (or KEEL_SHARED_DATA). The data is
/// never copied into the repository, so the test is reported as skipped where the folder is absent.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("KEEL_SHARED_DATA") ?? "/work/shared/data";

    public SharedDataFactAttribute()
    {
        if (!Directory.Exists(Root)) Skip = $"real validation data not found at {Root}";
    }
}
