using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using Keel.Core.Strategies;

namespace Keel.Strategies;

/// <summary>
/// Turns a single strategy file into a loaded assembly. The assembly is cached in the folder's
/// <c>.cache/</c> under a hash of the file's content, the SDK it was compiled against and the compiler,
/// so a second run loads it without starting Roslyn (<see cref="RoslynCompilation"/> is only touched on a miss).
/// </summary>
internal static class SourceFileCompiler
{
    public const string CacheFolder = ".cache";

    /// <summary>The loaded assembly and the hex SHA-256 of the source file, or the compiler's error lines.</summary>
    public static (Assembly? Assembly, string SourceSha256, IReadOnlyList<string> Errors) Load(string file, string displayPath)
    {
        var source = File.ReadAllBytes(file);
        var sourceHash = Convert.ToHexStringLower(SHA256.HashData(source));
        var key = CacheKey(source);
        var cacheDir = Path.Combine(Path.GetDirectoryName(file)!, CacheFolder);
        var cached = Path.Combine(cacheDir, $"{Path.GetFileNameWithoutExtension(file)}-{key}.dll");
        if (!File.Exists(cached))
        {
            var (image, errors) = RoslynCompilation.Compile(Encoding.UTF8.GetString(source), displayPath, AssemblyName(key));
            if (image is null) return (null, sourceHash, errors);
            WriteAtomically(cacheDir, cached, image);
        }
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == AssemblyName(key));
        return (loaded ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(cached), sourceHash, []);
    }

    /// <summary>Content + SDK + compiler: a changed Keel (a new Keel.Core) or compiler invalidates the cache.</summary>
    private static string CacheKey(byte[] source)
    {
        var sdk = typeof(IStrategy).Assembly.ManifestModule.ModuleVersionId;
        var tail = Encoding.UTF8.GetBytes($"\n{sdk}\n{RoslynCompilation.CompilerVersion}\n{Environment.Version}");
        return Convert.ToHexStringLower(SHA256.HashData([.. source, .. tail]))[..24];
    }

    private static string AssemblyName(string key) => $"keel-strategy-{key}";

    private static void WriteAtomically(string folder, string path, byte[] image)
    {
        Directory.CreateDirectory(folder);
        var temp = path + $".{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temp, image);
        File.Move(temp, path, overwrite: true); // two processes compiling the same file write the same bytes
    }
}
