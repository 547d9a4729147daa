using System.Reflection;
using System.Runtime.Loader;

namespace Keel.Strategies;

/// <summary>
/// A strategy project's own load context: its NuGet dependencies resolve from its build output (so two
/// projects may use different versions of a package), while Keel.Core resolves to the one Keel runs, so its
/// <c>IStrategy</c> is Keel's <c>IStrategy</c>.
/// </summary>
internal sealed class StrategyLoadContext(string mainAssembly) : AssemblyLoadContext($"strategy:{Path.GetFileNameWithoutExtension(mainAssembly)}")
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

    protected override Assembly? Load(AssemblyName name)
    {
        // Shared with Keel: the SDK, and anything Keel itself has loaded already (the runtime's assemblies).
        if (name.Name == typeof(Keel.Core.Strategies.IStrategy).Assembly.GetName().Name) return null;
        var path = _resolver.ResolveAssemblyToPath(name);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
