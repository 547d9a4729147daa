using System.CommandLine;
using Keel.Core.Strategies;
using Keel.Strategies;

namespace Keel.Cli.Strategies;

/// <summary>
/// The strategies a command can name: Keel's built-ins plus the user's, loaded once per run from
/// <c>--strategies-dir</c> (any command, repeatable) or <c>./strategies</c>. Loaded only by commands that
/// name strategies, so <c>keel data list</c> never starts a compiler.
/// </summary>
internal static class UserStrategies
{
    /// <summary>On the root command, recursive: every command accepts it. (<c>--strategies</c> already names a list of strategies in <c>compare</c>.)</summary>
    public static Option<string[]> FolderOption { get; } = new("--strategies-dir")
    {
        Description = "A folder of your strategies (*.cs files, project folders); default ./strategies. Repeatable.",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    private static StrategyCatalog? _loaded;

    /// <summary>Built-ins + the user's strategies; a strategy that does not compile is exit 2 with its errors.</summary>
    public static StrategyRegistry Registry(ParseResult parse) => Catalog(parse).ThrowIfBroken().Registry;

    /// <summary>The catalog, broken sources included (for <c>keel strategies</c>).</summary>
    public static StrategyCatalog Catalog(ParseResult parse) => Catalog(parse.GetValue(FolderOption));

    public static StrategyCatalog Catalog(IReadOnlyList<string>? folders) =>
        _loaded ??= UserStrategyLoader.Load(StrategyFolders.Resolve(folders, Environment.CurrentDirectory), progress: Console.Error);
}
