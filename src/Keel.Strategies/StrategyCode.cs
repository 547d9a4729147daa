using System.Security.Cryptography;
using System.Text;
using Keel.Core.Ensembles;
using Keel.Core.Strategies;

namespace Keel.Strategies;

/// <summary>
/// Which code a configured strategy runs: the kind, the user's files behind it and one SHA-256 over them,
/// recorded with backtest results and paper/live sessions. A built-in's hash is over Keel.Core's module
/// version id, which a deterministic build derives from the compiled code: the same code gives the same id,
/// while the file's bytes differ between two ReadyToRun publishes of unchanged code (and would start a paper
/// record over on every rebuild). An ensemble's is over its members' hashes, so changing one member's file
/// changes the ensemble's.
/// </summary>
public static class StrategyCode
{
    private static readonly Lazy<string> KeelCoreSha256 = new(() =>
        Convert.ToHexStringLower(SHA256.HashData(typeof(IStrategy).Assembly.ManifestModule.ModuleVersionId.ToByteArray())));

    public static StrategyCodeVersion Of(IStrategySpec spec)
    {
        var definitions = spec switch
        {
            StrategySpec single => [single.Definition],
            EnsembleSpec ensemble => ensemble.Members.Select(m => m.Definition).ToList(),
            _ => new List<StrategyDefinition>(),
        };
        var user = definitions.Where(d => !d.Source.IsBuiltIn).Select(d => d.Source).DistinctBy(s => s.Path).ToList();
        var hashes = definitions.Select(d => d.Source.Sha256 ?? KeelCoreSha256.Value).ToList();
        var sha = hashes.Count == 1 ? hashes[0] : Combine(hashes);
        var kind = spec is EnsembleSpec ? "ensemble" : definitions.FirstOrDefault()?.Source.Kind ?? "built-in";
        return new StrategyCodeVersion(spec.Id, kind, user.Count == 0 ? null : string.Join(", ", user.Select(s => s.Path)), sha, user.Count > 0);
    }

    /// <summary>One SHA-256 over several code hashes, in their order.</summary>
    public static string Combine(IEnumerable<string> hashes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", hashes))));
}

/// <param name="IsUserCode">True when any of it comes from the user's files (only then does a change stop a live resume).</param>
public sealed record StrategyCodeVersion(string Strategy, string Kind, string? Path, string Sha256, bool IsUserCode);
