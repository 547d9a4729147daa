using System.Reflection;
using Keel.Core.Strategies;

namespace Keel.Strategies;

/// <summary>
/// Finds the strategies an assembly defines: every public, concrete <see cref="IStrategy"/> with a
/// <c>public static StrategyDefinition Definition</c>, as Keel's built-ins are written.
/// </summary>
internal static class StrategyDiscovery
{
    public static (List<StrategyDefinition> Definitions, List<string> Errors) Find(Assembly assembly, string displayPath)
    {
        var definitions = new List<StrategyDefinition>();
        var errors = new List<string>();
        Type[] types;
        try { types = assembly.GetExportedTypes(); }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            return (definitions, [$"{displayPath}: error: cannot load its types: {ex.Message}"]);
        }
        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStrategy).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var property = type.GetProperty("Definition", BindingFlags.Public | BindingFlags.Static);
            if (property is null || property.PropertyType != typeof(StrategyDefinition))
            {
                errors.Add($"{displayPath}: error: {type.Name} implements IStrategy but has no 'public static StrategyDefinition Definition' to register it by");
                continue;
            }
            try
            {
                if (property.GetValue(null) is StrategyDefinition d) definitions.Add(d);
                else errors.Add($"{displayPath}: error: {type.Name}.Definition is null");
            }
            catch (TargetInvocationException ex)
            {
                errors.Add($"{displayPath}: error: {type.Name}.Definition threw: {ex.InnerException?.Message ?? ex.Message}");
            }
        }
        if (definitions.Count == 0 && errors.Count == 0)
            errors.Add($"{displayPath}: error: defines no public IStrategy with a 'public static StrategyDefinition Definition'");
        return (definitions, errors);
    }
}
