using Keel.Core.Strategies;

namespace Keel.Strategies;

/// <summary>
/// Loads a user's strategies from their folders: each <c>*.cs</c> file is compiled (or taken from the
/// cache), each subfolder with a <c>.csproj</c> is built and loaded in its own context, and every strategy
/// found is registered next to the built-ins under the name its definition gives. Failures are collected
/// per file, so <c>keel strategies</c> can list them and other commands can refuse to run.
/// </summary>
public static class UserStrategyLoader
{
    /// <param name="folders">Full paths (see <see cref="StrategyFolders.Resolve"/>).</param>
    /// <param name="builtIns">The registry user strategies join; <see cref="StrategyRegistry.Default"/> unless a test wants another.</param>
    /// <param name="progress">Where to say that a project is being built (it can take seconds); null for silence.</param>
    public static StrategyCatalog Load(IReadOnlyList<string> folders, StrategyRegistry? builtIns = null, TextWriter? progress = null)
    {
        builtIns ??= StrategyRegistry.Default;
        if (folders.Count == 0) return ReferenceEquals(builtIns, StrategyRegistry.Default) ? StrategyCatalog.BuiltInOnly : new(builtIns, []);
        var registry = builtIns.Copy();
        var broken = new List<BrokenStrategySource>();
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal))
            {
                var display = Display(file);
                var (assembly, hash, errors) = SourceFileCompiler.Load(file, display);
                if (assembly is null) { broken.Add(new(display, errors)); continue; }
                Register(registry, assembly, new StrategySource("file", display, hash), broken);
            }
            foreach (var project in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
                         .Where(d => Path.GetFileName(d) is not (SourceFileCompiler.CacheFolder or "bin" or "obj") && Directory.EnumerateFiles(d, "*.csproj").Any()))
            {
                var display = Display(project);
                var (assembly, hash, errors) = ProjectStrategyBuilder.Load(project, display, progress);
                if (assembly is null) { broken.Add(new(display, errors)); continue; }
                Register(registry, assembly, new StrategySource("project", display, hash), broken);
            }
        }
        return new StrategyCatalog(registry, broken);
    }

    private static void Register(StrategyRegistry registry, System.Reflection.Assembly assembly, StrategySource source, List<BrokenStrategySource> broken)
    {
        var (definitions, errors) = StrategyDiscovery.Find(assembly, source.Path!);
        foreach (var definition in definitions)
        {
            if (!IsWritableName(definition.Name))
            {
                errors.Add($"{source.Path}: error: strategy name '{definition.Name}' cannot be written on a command line; use letters, digits and '-', e.g. buy-the-dip");
                continue;
            }
            if (registry.TryFind(definition.Name) is { } taken)
            {
                errors.Add($"{source.Path}: error: a strategy named '{definition.Name}' is already defined ({(taken.Source.IsBuiltIn ? "built into Keel" : taken.Source.Path)}); give it another name");
                continue;
            }
            registry.Register(definition.From(source));
        }
        if (errors.Count > 0) broken.Add(new(source.Path!, errors));
    }

    /// <summary>A name <c>--strategy name:key=value</c>, lists (<c>;</c>, <c>,</c>) and ensembles (<c>|</c>, <c>[</c>) can carry.</summary>
    private static bool IsWritableName(string name) =>
        name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>A path as a user would type it: relative to the current folder when inside it.</summary>
    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
