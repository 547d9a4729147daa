using System.Data;
using System.Data.Common;

namespace Keel.Storage.Sql;

/// <summary>
/// Parameters in the store's column formats. Every parameter is typed (text or 64-bit integer), so
/// PostgreSQL never has to guess the type of a null.
/// </summary>
internal static class CommandExtensions
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, string? value) => command.Add(name, DbType.String, value);

    public static DbCommand With(this DbCommand command, string name, long value) => command.Add(name, DbType.Int64, value);

    public static DbCommand With(this DbCommand command, string name, bool value) => command.Add(name, DbType.Int64, value ? 1L : 0L);

    public static DbCommand With(this DbCommand command, string name, decimal value) => command.With(name, StoredText.Decimal(value));

    public static DbCommand With(this DbCommand command, string name, decimal? value) =>
        command.With(name, value is { } v ? StoredText.Decimal(v) : null);

    public static DbCommand With(this DbCommand command, string name, DateTime value) => command.With(name, StoredText.Time(value));

    public static DbCommand With(this DbCommand command, string name, DateTime? value) =>
        command.With(name, value is { } v ? StoredText.Time(v) : null);

    public static DbCommand With(this DbCommand command, string name, DateOnly value) => command.With(name, StoredText.Day(value));

    public static DbCommand WithEnum<T>(this DbCommand command, string name, T value) where T : struct, Enum =>
        command.With(name, StoredText.Enum(value));

    /// <summary>Runs a statement and disposes the command; returns the rows it changed.</summary>
    public static int Run(this DbCommand command)
    {
        using (command) return command.ExecuteNonQuery();
    }

    public static List<T> Rows<T>(this DbCommand command, Func<DbDataReader, T> map)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read()) rows.Add(map(reader));
            return rows;
        }
    }

    /// <summary>The first row mapped, or null when there is none.</summary>
    public static T? FirstOrNull<T>(this DbCommand command, Func<DbDataReader, T> map) where T : class
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            return reader.Read() ? map(reader) : null;
        }
    }

    private static DbCommand Add(this DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
