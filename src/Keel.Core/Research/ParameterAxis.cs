namespace Keel.Core.Research;

/// <summary>The values a parameter sweep tries for one parameter, in the order they are tried.</summary>
public sealed record ParameterAxis(string Name, IReadOnlyList<double> Values);
