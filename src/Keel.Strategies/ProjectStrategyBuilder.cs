using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;

namespace Keel.Strategies;

/// <summary>
/// A strategy project (a folder with a <c>.csproj</c>, for authors who need NuGet packages or several files):
/// built with <c>dotnet build</c> into <c>bin/keel/</c> when a source is newer than the last build, then loaded
/// in its own <see cref="StrategyLoadContext"/> that shares the SDK (Keel.Core) with Keel.
/// </summary>
internal static class ProjectStrategyBuilder
{
    public const string OutputFolder = "bin/keel";

    public static (Assembly? Assembly, string Sha256, IReadOnlyList<string> Errors) Load(string folder, string displayPath, TextWriter? progress)
    {
        var project = Directory.EnumerateFiles(folder, "*.csproj").Order(StringComparer.Ordinal).First();
        var output = Path.Combine(folder, OutputFolder);
        var dll = Path.Combine(output, Path.GetFileNameWithoutExtension(project) + ".dll");
        if (!File.Exists(dll) || NewestSource(folder) > File.GetLastWriteTimeUtc(dll))
        {
            progress?.WriteLine($"building strategy project {displayPath}...");
            var errors = Build(project, output, displayPath);
            if (errors.Count > 0) return (null, "", errors);
            if (!File.Exists(dll)) return (null, "", [$"{displayPath}: error: dotnet build wrote no {Path.GetFileName(dll)} (is the assembly named after the project?)"]);
            File.SetLastWriteTimeUtc(dll, DateTime.UtcNow); // an up-to-date incremental build leaves it older than the sources
        }
        var name = AssemblyName.GetAssemblyName(dll).Name;
        if (name is not null && name.StartsWith("Keel.", StringComparison.OrdinalIgnoreCase))
            return (null, "", [$"{displayPath}: error: the assembly name '{name}' is reserved for Keel; rename the project"]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dll)));
        return (new StrategyLoadContext(dll).LoadFromAssemblyPath(dll), hash, []);
    }

    private static DateTime NewestSource(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(folder, f)))
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();

    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Runs dotnet build; its error lines (<c>file(line,col): error CS...</c>) become <c>file:line:col: error ...</c>.</summary>
    private static List<string> Build(string project, string output, string displayPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "build", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet", "-clp:ErrorsOnly;NoSummary" })
            start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0) return [];
        var lines = (stdout + "\n" + stderr.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            .Select(BuildErrorLine.Normalize)
            .Distinct()
            .ToList();
        return lines.Count > 0 ? lines : [$"{displayPath}: error: dotnet build failed (exit code {process.ExitCode})"];
    }
}
