using System.Reflection;
using System.Text;
using Keel.Core.Strategies;

namespace Keel.Strategies;

/// <summary>
/// <c>keel new strategy NAME</c>: writes a working, commented example strategy (a Donchian breakout) as
/// <c>strategies/NAMEStrategy.cs</c>, or as a project folder <c>strategies/NAME/</c>, registered under the
/// kebab-case of NAME (<c>Breakout</c> → <c>breakout</c>, <c>BuyTheDip</c> → <c>buy-the-dip</c>).
/// </summary>
public static class StrategyScaffold
{
    /// <summary>Writes the single-file strategy; returns its path. Refuses to overwrite.</summary>
    public static string WriteFile(string folder, string name)
    {
        var (className, strategyName) = Names(name);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, className + ".cs");
        WriteNew(path, Template("StrategyFile.txt").Replace("__CLASS__", className).Replace("__NAME__", strategyName));
        WriteGitIgnore(folder);
        return path;
    }

    /// <summary>Writes a project folder (csproj + strategy file); returns the folder.</summary>
    public static string WriteProject(string folder, string name)
    {
        var (className, strategyName) = Names(name);
        var projectName = Trimmed(name) + "Strategies";
        var project = Path.Combine(folder, projectName);
        if (Directory.Exists(project)) throw new IOException($"{project} already exists; choose another name or remove it.");
        Directory.CreateDirectory(project);
        WriteNew(Path.Combine(project, projectName + ".csproj"), Template("ProjectFile.txt")
            .Replace("__PROJECT__", projectName)
            .Replace("__SDK__", typeof(IStrategy).Assembly.Location));
        WriteNew(Path.Combine(project, className + ".cs"), Template("StrategyFile.txt").Replace("__CLASS__", className).Replace("__NAME__", strategyName)
            .Replace("// A Keel strategy in one file. Keel compiles every *.cs file in ./strategies when a command needs it\n// (cached: a second run does not recompile)",
                "// A Keel strategy in a project. Keel builds every project folder in ./strategies when a command needs it\n// (again only when a file changed)"));
        WriteGitIgnore(folder);
        return project;
    }

    /// <summary>The class name (NAME + "Strategy") and the registry name (kebab-case of NAME).</summary>
    public static (string ClassName, string StrategyName) Names(string name)
    {
        var trimmed = Trimmed(name);
        return (trimmed + "Strategy", KebabCase(trimmed));
    }

    /// <summary><c>Breakout</c> → <c>breakout</c>, <c>BuyTheDip</c> → <c>buy-the-dip</c>, <c>RSI2Dip</c> → <c>rsi2-dip</c>.</summary>
    public static string KebabCase(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = char.IsUpper(c) && i > 0 &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (startsWord) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    private static string Trimmed(string name)
    {
        name = name.Trim();
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"Strategy name '{name}' must start with a letter and hold only letters and digits, e.g. Breakout or BuyTheDip.");
        name = char.ToUpperInvariant(name[0]) + name[1..];
        // BreakoutStrategy and Breakout both make BreakoutStrategy.cs registered as 'breakout'.
        return name.Length > "Strategy".Length && name.EndsWith("Strategy", StringComparison.Ordinal) ? name[..^"Strategy".Length] : name;
    }

    private static void WriteNew(string path, string text)
    {
        if (File.Exists(path)) throw new IOException($"{path} already exists; choose another name or remove it.");
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }

    /// <summary>The compile cache and project build output are not the user's source.</summary>
    private static void WriteGitIgnore(string folder)
    {
        var path = Path.Combine(folder, ".gitignore");
        if (!File.Exists(path)) File.WriteAllText(path, ".cache/\nbin/\nobj/\n");
    }

    private static string Template(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Template {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
