using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Cebu.Core.Platform.Data;

/// <summary>
/// One table as the bulk loaders write it, read from the EF model: every mapped column (but a key the database
/// numbers itself), with EF's own value conversion (enums as text, JSON columns), so that a bulk-loaded row reads back
/// exactly as one written through SaveChanges. A column added to the entity is loaded without touching this code.
/// <para>
/// A load names the properties that differ from row to row; every other column takes its value from a template
/// row, converted once for the whole load (the owner state, the times, the empty JSON columns of a new record).
/// </para>
/// </summary>
public sealed class BulkTable<T> where T : class
{
    public sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, Func<T, object?> Value, Type ProviderType);

    public string Name { get; }
    public IReadOnlyList<Column> Columns { get; }
    /// <summary>For each column, whether its value is read from each row (true) or is <see cref="Constants"/>' (false).</summary>
    public IReadOnlyList<bool> PerRow { get; }
    /// <summary>The provider value of each constant column (null for the per-row ones), converted once.</summary>
    public IReadOnlyList<object?> Constants { get; }

    /// <summary>Every column read from each row.</summary>
    public BulkTable(IModel model) : this(model, null, null) { }

    /// <summary>The columns of <paramref name="perRow"/> (property names) read from each row, the others taken from <paramref name="template"/> once.</summary>
    public BulkTable(IModel model, T? template, IReadOnlyCollection<string>? perRow)
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
        if (perRow is not null && perRow.FirstOrDefault(n => columns.All(c => c.Property.Name != n)) is { } unknown)
            throw new ArgumentException($"{typeof(T).Name} has no column for the property {unknown}.", nameof(perRow));
        PerRow = columns.Select(c => template is null || perRow is null || perRow.Contains(c.Property.Name)).ToList();
        Constants = columns.Select((c, i) => PerRow[i] ? null : c.Value(template!)).ToList();
    }

    public string QuotedColumns => string.Join(", ", Columns.Select(c => Quote(c.Name)));

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}

/// <summary>
/// SQLite's fastest path: one INSERT per table, prepared once on the connection (inside the caller's transaction) and
/// stepped for every row, with positional parameters bound directly through SQLitePCL: the constant columns once for
/// the whole load, the others for each row. Values are stored as Microsoft.Data.Sqlite stores EF's parameters
/// (Guid as upper-case text, dates and times as ISO text, booleans as integers).
/// </summary>
public sealed class SqliteBulkInsert<T> : IDisposable where T : class
{
    private readonly BulkTable<T> _table;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _perRow;

    public SqliteBulkInsert(BulkTable<T> table, SqliteConnection connection)
    {
        _table = table;
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var sql = $"INSERT INTO {BulkTable<T>.Quote(table.Name)} ({table.QuotedColumns}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1)))})";
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        _perRow = Enumerable.Range(0, table.Columns.Count).Where(i => table.PerRow[i]).ToArray();
        for (var i = 0; i < table.Columns.Count; i++)
            if (!table.PerRow[i]) Bind(i, table.Constants[i]);
    }

    public void Insert(T row)
    {
        foreach (var i in _perRow) Bind(i, _table.Columns[i].Value(row));
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            try { SqliteException.ThrowExceptionForRC(rc, _db); }
            finally { raw.sqlite3_reset(_statement); }
        }
        raw.sqlite3_reset(_statement);
    }

    private void Bind(int column, object? value)
    {
        var index = column + 1;
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string s => raw.sqlite3_bind_text(_statement, index, s),
            Guid g => raw.sqlite3_bind_text(_statement, index, g.ToString().ToUpperInvariant()),
            DateOnly d => raw.sqlite3_bind_text(_statement, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            DateTimeOffset t => raw.sqlite3_bind_text(_statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            DateTime t => raw.sqlite3_bind_text(_statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
            int n => raw.sqlite3_bind_int64(_statement, index, n),
            long n => raw.sqlite3_bind_int64(_statement, index, n),
            short n => raw.sqlite3_bind_int64(_statement, index, n),
            byte n => raw.sqlite3_bind_int64(_statement, index, n),
            double x => raw.sqlite3_bind_double(_statement, index, x),
            float x => raw.sqlite3_bind_double(_statement, index, x),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            _ => throw new NotSupportedException($"The bulk load cannot write {value.GetType().Name} values (column {_table.Columns[column].Name} of {_table.Name}): add it to SqliteBulkInsert.Bind."),
        };
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}

/// <summary>
/// PostgreSQL's fastest path: binary COPY of a block of rows, on the caller's connection and transaction, each column
/// written with its explicit <see cref="NpgsqlDbType"/> (no per-value type resolution), the constant columns' values
/// converted once.
/// </summary>
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

    public async Task<ulong> CopyAsync<TRow>(NpgsqlConnection connection, IReadOnlyList<TRow> rows, Func<TRow, T> select, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        var columns = _table.Columns;
        var perRow = _table.PerRow;
        var constants = _table.Constants;
        await using var importer = await connection.BeginBinaryImportAsync(_copy, ct);
        foreach (var r in rows)
        {
            var row = select(r);
            await importer.StartRowAsync(ct);
            for (var i = 0; i < _writers.Length; i++)
            {
                if ((perRow[i] ? columns[i].Value(row) : constants[i]) is { } v) _writers[i](importer, v);
                else importer.WriteNull();
            }
        }
        return await importer.CompleteAsync(ct);
    }

    /// <summary>The PostgreSQL type of a store type name as EF maps it, or null for one not listed here (then written by name).</summary>
    public static NpgsqlDbType? DbType(string storeTypeNameBase) => storeTypeNameBase.ToLowerInvariant() switch
    {
        "text" => NpgsqlDbType.Text, "character varying" or "varchar" => NpgsqlDbType.Varchar, "uuid" => NpgsqlDbType.Uuid,
        "date" => NpgsqlDbType.Date, "timestamp with time zone" or "timestamptz" => NpgsqlDbType.TimestampTz,
        "timestamp without time zone" or "timestamp" => NpgsqlDbType.Timestamp, "integer" or "int" or "int4" => NpgsqlDbType.Integer,
        "bigint" or "int8" => NpgsqlDbType.Bigint, "smallint" or "int2" => NpgsqlDbType.Smallint, "boolean" or "bool" => NpgsqlDbType.Boolean,
        "numeric" => NpgsqlDbType.Numeric, "double precision" => NpgsqlDbType.Double, "real" => NpgsqlDbType.Real,
        "jsonb" => NpgsqlDbType.Jsonb, "json" => NpgsqlDbType.Json, "bytea" => NpgsqlDbType.Bytea,
        _ => null,
    };

    /// <summary>A typed write for the column's provider type and PostgreSQL type.</summary>
    private static Action<NpgsqlBinaryImporter, object> Writer(Type t, string pgType)
    {
        if (DbType(pgType) is not { } type) return (w, v) => w.Write(v, pgType);
        if (t == typeof(string)) return (w, v) => w.Write((string)v, type);
        if (t == typeof(Guid)) return (w, v) => w.Write((Guid)v, type);
        if (t == typeof(DateOnly)) return (w, v) => w.Write((DateOnly)v, type);
        if (t == typeof(DateTimeOffset)) return (w, v) => w.Write((DateTimeOffset)v, type);
        if (t == typeof(DateTime)) return (w, v) => w.Write((DateTime)v, type);
        if (t == typeof(int)) return (w, v) => w.Write((int)v, type);
        if (t == typeof(long)) return (w, v) => w.Write((long)v, type);
        if (t == typeof(bool)) return (w, v) => w.Write((bool)v, type);
        if (t == typeof(decimal)) return (w, v) => w.Write((decimal)v, type);
        if (t == typeof(double)) return (w, v) => w.Write((double)v, type);
        return (w, v) => w.Write(v, type);
    }
}
