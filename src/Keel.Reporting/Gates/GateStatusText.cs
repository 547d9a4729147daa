using Keel.Core.Gates;

namespace Keel.Reporting.Gates;

/// <summary>A gate status as every output writes it (JSON, console, dashboard): PASS, WARN or FAIL.</summary>
public static class GateStatusText
{
    public static string Name(GateStatus status) => status.ToString().ToUpperInvariant();
}
