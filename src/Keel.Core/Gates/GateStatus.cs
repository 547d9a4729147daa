namespace Keel.Core.Gates;

/// <summary>A gate rule's verdict, worst last: the overall status of a gate is its worst rule's.</summary>
public enum GateStatus
{
    Pass,
    Warn,
    Fail,
}
