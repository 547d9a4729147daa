namespace Keel.Dashboard.Tests;

/// <summary>One paper session, results folder and browser for every dashboard test class (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
