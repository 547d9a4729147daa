using Keel.Core.Gates;
using Keel.Storage.Sql;

namespace Keel.Storage.Tests;

/// <summary><c>gate_results.rules</c> is stored evidence: the text earlier versions wrote must read back, and new rows must be written the same way.</summary>
public sealed class StoredGateRulesTests
{
    // A row as the hand-written Utf8JsonWriter wrote it before the source-generated records.
    private const string EarlierRow = "[{\"rule\":\"sharpe\",\"subject\":\"rsi on SPY\",\"status\":\"Fail\",\"evidence\":\"Sharpe 0.4; needs \\u003E 0.5\"},"
        + "{\"rule\":\"paper-days\",\"subject\":\"paper\",\"status\":\"Pass\",\"evidence\":\"31 days\"}]";

    [Fact]
    public void A_row_written_by_an_earlier_version_reads_back_and_is_written_identically()
    {
        var rules = StoredGateRules.Read(EarlierRow);

        rules.ShouldBe([
            new GateRuleResult("sharpe", "rsi on SPY", GateStatus.Fail, "Sharpe 0.4; needs > 0.5"),
            new GateRuleResult("paper-days", "paper", GateStatus.Pass, "31 days"),
        ]);
        StoredGateRules.Write(rules).ShouldBe(EarlierRow);
    }
}
