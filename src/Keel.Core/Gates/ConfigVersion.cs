using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Keel.Core.Domain;
using Keel.Core.Risk;

namespace Keel.Core.Gates;

/// <summary>
/// The version a gate result and a paper record belong to: a hash of what decides the trades — the
/// strategies (id, spec text and parameters, and the source hash of user code), the
/// symbols and timeframe, and the risk settings. Change any of them and the gates start over.
/// </summary>
public static class ConfigVersion
{
    /// <param name="strategySourceHash">The hash of the user strategies' source code; null when all are built in.</param>
    public static string Of(IEnumerable<string> strategies, IEnumerable<Symbol> symbols, Timeframe timeframe, RiskConfig risk, string? strategySourceHash = null)
    {
        var text = new StringBuilder();
        text.Append("strategies=").AppendJoin('|', strategies).Append('\n');
        text.Append("symbols=").AppendJoin(',', symbols.Select(s => s.Ticker)).Append('\n');
        text.Append("timeframe=").Append(timeframe).Append('\n');
        text.Append("risk=").Append(Describe(risk)).Append('\n');
        text.Append("source=").Append(strategySourceHash ?? "builtin").Append('\n');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash)[..16];
    }

    private static string Describe(RiskConfig r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Sizing};{r.CryptoSizing};{r.MaxPositionSize};{r.MaxNotionalPerOrder};{r.MaxOpenPositions};{r.StopLossPercent};{r.TakeProfitPercent};{r.TrailingStopPercent};{r.DailyLossLimitPercent};{r.ScaleSizeByConfidence}");
}
