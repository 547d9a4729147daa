namespace Keel.Storage.Migrations;

/// <summary>
/// One step of the schema. Applied once, in version order, inside the transaction that records it in
/// <c>schema_version</c>; a released migration is never edited, a change is a new one.
/// </summary>
internal sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);
