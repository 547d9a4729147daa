using System.Collections.Immutable;
using System.Globalization;
using Keel.Core.Strategies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Keel.Strategies;

/// <summary>
/// Compiles one strategy file with Roslyn against the .NET runtime and Keel.Core (the SDK), nothing else
/// of Keel: a strategy sees the public SDK, never Keel's internals (reading ahead does not compile).
/// </summary>
internal static class RoslynCompilation
{
    /// <summary>What a strategy file may use without writing <c>using</c>: the runtime basics and the SDK.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using Keel.Core.Domain;
        global using Keel.Core.Indicators;
        global using Keel.Core.Strategies;
        """;

    public static string CompilerVersion => typeof(CSharpCompilation).Assembly.GetName().Version?.ToString() ?? "?";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The runtime's own assemblies (the folder System.Private.CoreLib came from) plus Keel.Core.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtime, StringComparison.Ordinal))
            .Append(typeof(IStrategy).Assembly.Location);
        return [.. paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    public static (byte[]? Image, IReadOnlyList<string> Errors) Compile(string source, string displayPath, string assemblyName)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source, options, path: displayPath),
            CSharpSyntaxTree.ParseText(GlobalUsings, options, path: "(keel global usings)"),
        };
        var compilation = CSharpCompilation.Create(assemblyName, trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (emitted.Success) return (image.ToArray(), []);
        var errors = emitted.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(Format)
            .ToList();
        return (null, errors);
    }

    /// <summary><c>file:line:col: error CS1002: ; expected</c>, as the compiler prints it (1-based line and column).</summary>
    private static string Format(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = d.Location.IsInSource
            ? string.Create(CultureInfo.InvariantCulture, $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}")
            : "(strategy)";
        return $"{where}: error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
    }
}
