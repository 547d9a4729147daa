using System.Data.Common;
using Keel.Core.Persistence;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>
/// The one implementation of <see cref="ITradingStore"/> over ADO.NET, shared by SQLite and PostgreSQL.
/// It holds a single open connection; every write is its own transaction, committed (and so durable)
/// before the call returns. Calls are serialised by a lock, so one store may be shared by the service's
/// threads; other processes (<c>keel status</c>, <c>keel halt</c>) open their own store on the same database.
/// The concepts live in the partial files: orders, fills and positions, the journal, the session state
/// (cursors, trading days, kill switch, heartbeat), and snapshots (equity, daily P&amp;L, alerts).
/// </summary>
public abstract partial class DbTradingStore : ITradingStore
{
    private readonly Lock _gate = new();
    private readonly DbConnection _connection;
    private bool _disposed;

    /// <summary>Takes an open connection whose schema is already migrated.</summary>
    private protected DbTradingStore(DbConnection connection, string description)
    {
        _connection = connection;
        Description = description;
    }

    /// <summary>Which store this is (provider and file or server), for messages and logs.</summary>
    public string Description { get; }

    public override string ToString() => Description;

    /// <summary>Runs a query outside any transaction (each statement sees the latest committed state).</summary>
    private protected T Read<T>(Func<DbConnection, T> query)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return query(_connection);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it.</summary>
    private protected void Write(Action<DbConnection, DbTransaction> work) => Write((c, t) =>
    {
        work(c, t);
        return true;
    });

    /// <summary>Runs <paramref name="work"/> in one transaction: committed when it returns true, rolled back when false or on an exception.</summary>
    private protected void Write(Func<DbConnection, DbTransaction, bool> work)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction();
            if (work(_connection, transaction)) transaction.Commit();
            else transaction.Rollback();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _connection.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
