namespace Keel.Storage.Tests;

/// <summary>Marks a <see cref="StoreContract"/> method as a scenario every store provider must pass.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioAttribute : Attribute;
