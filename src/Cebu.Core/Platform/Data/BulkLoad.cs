using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cebu.Core.Platform.Data;

/// <summary>
/// One table as the bulk loaders write it, read from the EF model: every mapped column (but a key the database
/// numbers itself), with EF's own value conversion (enums as text, JSON columns), so that a bulk-loaded row reads back
/// exactly as one written through SaveChanges. A column added to the entity is loaded without touching this code.
/// </summary>
public sealed class BulkTable<T> where T : class
{
    public sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, Func<T, object?> Value, Type ProviderType);

    public string Name { get; }
    public IReadOnlyList<Column> Columns { get; }

    public BulkTable(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Name = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(Name, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var p in entity.GetProperties())
        {
            // An integer key numbered by the database (identity, INTEGER PRIMARY KEY) is left to it.
            if (p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && (p.ClrType == typeof(long) || p.ClrType == typeof(int))) continue;
            var mapping = p.GetRelationalTypeMapping();
            var getter = p.GetGetter();
            var converter = mapping.Converter;
            Func<T, object?> value = converter is null
                ? e => getter.GetClrValue(e)
                : e => getter.GetClrValue(e) is { } v ? converter.ConvertToProvider(v) : null;
            var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? p.ClrType) ?? converter?.ProviderClrType ?? p.ClrType;
            columns.Add(new Column(p.GetColumnName(table)!, p, mapping, value, providerType));
        }
        Columns = columns;
    }

    public string QuotedColumns => string.Join(", ", Columns.Select(c => Quote(c.Name)));

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}

/// <summary>SQLite's fastest path: one prepared, parameterised INSERT per table, reused for every row, inside the caller's transaction.</summary>
public sealed class SqliteBulkInsert<T> : IDisposable where T : class
{
    private readonly BulkTable<T> _table;
    private readonly SqliteCommand _command;
    private readonly DbParameter[] _parameters;

    public SqliteBulkInsert(BulkTable<T> table, SqliteConnection connection, SqliteTransaction transaction)
    {
        _table = table;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO {BulkTable<T>.Quote(table.Name)} ({table.QuotedColumns}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        _parameters = table.Columns.Select((c, i) =>
        {
            var parameter = c.Mapping.CreateParameter(_command, "$p" + i, null, nullable: true);
            _command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        _command.Prepare();
    }

    public void Insert(T row)
    {
        for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = _table.Columns[i].Value(row) ?? DBNull.Value;
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}

/// <summary>PostgreSQL's fastest path: binary COPY of a block of rows, on the caller's connection and transaction.</summary>
public sealed class PostgresBulkCopy<T> where T : class
{
    private readonly BulkTable<T> _table;
    private readonly Action<NpgsqlBinaryImporter, object>[] _writers;
    private readonly string _copy;

    public PostgresBulkCopy(BulkTable<T> table)
    {
        _table = table;
        _copy = $"COPY {BulkTable<T>.Quote(table.Name)} ({table.QuotedColumns}) FROM STDIN (FORMAT BINARY)";
        _writers = table.Columns.Select(c => Writer(c.ProviderType, c.Mapping.StoreTypeNameBase)).ToArray();
    }

    public async Task<ulong> CopyAsync(NpgsqlConnection connection, IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        await using var importer = await connection.BeginBinaryImportAsync(_copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < _writers.Length; i++)
            {
                if (_table.Columns[i].Value(row) is { } v) _writers[i](importer, v);
                else importer.WriteNull();
            }
        }
        return await importer.CompleteAsync(ct);
    }

    /// <summary>A typed write for the column's provider type (no per-value type resolution), named by its PostgreSQL type.</summary>
    private static Action<NpgsqlBinaryImporter, object> Writer(Type t, string pgType)
    {
        if (t == typeof(string)) return (w, v) => w.Write((string)v, pgType);
        if (t == typeof(Guid)) return (w, v) => w.Write((Guid)v, pgType);
        if (t == typeof(DateOnly)) return (w, v) => w.Write((DateOnly)v, pgType);
        if (t == typeof(DateTimeOffset)) return (w, v) => w.Write((DateTimeOffset)v, pgType);
        if (t == typeof(DateTime)) return (w, v) => w.Write((DateTime)v, pgType);
        if (t == typeof(int)) return (w, v) => w.Write((int)v, pgType);
        if (t == typeof(long)) return (w, v) => w.Write((long)v, pgType);
        if (t == typeof(bool)) return (w, v) => w.Write((bool)v, pgType);
        if (t == typeof(decimal)) return (w, v) => w.Write((decimal)v, pgType);
        if (t == typeof(double)) return (w, v) => w.Write((double)v, pgType);
        return (w, v) => w.Write(v, pgType);
    }
}
