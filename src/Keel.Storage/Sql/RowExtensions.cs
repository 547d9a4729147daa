using System.Data.Common;
using Keel.Core.Domain;

namespace Keel.Storage.Sql;

/// <summary>Reads a row's columns by name in the store's column formats (see <see cref="StoredText"/>).</summary>
internal static class RowExtensions
{
    public static string Text(this DbDataReader row, string column) => row.GetString(row.GetOrdinal(column));

    public static string? NullableText(this DbDataReader row, string column)
    {
        var i = row.GetOrdinal(column);
        return row.IsDBNull(i) ? null : row.GetString(i);
    }

    public static long Long(this DbDataReader row, string column) => row.GetInt64(row.GetOrdinal(column));

    public static bool Flag(this DbDataReader row, string column) => row.Long(column) != 0;

    public static decimal Decimal(this DbDataReader row, string column) => StoredText.Decimal(row.Text(column));

    public static decimal? NullableDecimal(this DbDataReader row, string column) =>
        row.NullableText(column) is { } text ? StoredText.Decimal(text) : null;

    public static double Double(this DbDataReader row, string column) => StoredText.Double(row.Text(column));

    public static DateTime Time(this DbDataReader row, string column) => StoredText.Time(row.Text(column));

    public static DateTime? NullableTime(this DbDataReader row, string column) =>
        row.NullableText(column) is { } text ? StoredText.Time(text) : null;

    public static DateOnly Day(this DbDataReader row, string column) => StoredText.Day(row.Text(column));

    public static T Enum<T>(this DbDataReader row, string column) where T : struct, System.Enum => StoredText.Enum<T>(row.Text(column));

    public static Symbol Symbol(this DbDataReader row, string column) => Keel.Core.Domain.Symbol.Parse(row.Text(column));
}
