using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Csv;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Cebu.Matching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cebu.Core.Features.Workers;

/// <summary>How far an import is: the stage ("Checking rows", then "Loading rows"), rows done, and rows in all (an estimate while checking).</summary>
public readonly record struct ImportProgress(string Stage, int Done, int Total);

/// <summary>
/// Registers a batch of workers from CSV. Every row is checked and each rejected row reported with its line number;
/// the batch is written whole, in one transaction, only when every row is valid: never half a batch.
/// <para>
/// One streaming pass over the file, so that memory does not grow with it: rows are checked a block at a time
/// (duplicates within the file found by a 128-bit hash of each passport number, 16 bytes and the line a row;
/// passports already registered by one prepared query a block) and, while no row has been rejected, the block's
/// workers are loaded at once in the import's transaction by the database's fastest path: binary COPY on PostgreSQL
/// (blocks of rows into the workers table, their timeline events and their name keys), one prepared INSERT per table
/// stepped for every row on SQLite (foreign keys checked once with <c>PRAGMA foreign_key_check</c> before the commit
/// instead of row by row). The first rejected row stops the loading; the rest of the file is still checked, so that
/// every rejected row is reported, and the transaction is rolled back. A dry run checks and writes nothing.
/// </para>
/// <para>
/// Audit: one event for the whole import (action <c>worker.import</c>, record type <c>WorkerImport</c>, record id the
/// import's id), appended to the hash chain in the same transaction; its reason gives the number of workers and
/// the SHA-256 of the file's records (see <see cref="RecordsHash"/>), and each worker's "registered" timeline event
/// names the import's id. Not one event per worker: a million-row import would otherwise write two million audit
/// events, and the file's hash already fixes what was imported.
/// </para>
/// </summary>
public sealed class ImportWorkers(CebuDbContext db)
{
    public static readonly string[] Columns =
    [
        "family_name", "given_names", "name_local", "sex", "date_of_birth", "place_of_birth", "nationality", "national_id", "passport_number",
        "passport_expiry", "ci_number", "phone", "email", "address_home", "next_of_kin", "next_of_kin_relationship", "next_of_kin_phone",
        "languages", "destination", "sector",
    ];

    /// <summary>The progress stage of a dry run.</summary>
    public const string CheckingStage = "Checking rows";
    /// <summary>The progress stage of an import (rows checked and loaded together).</summary>
    public const string LoadingStage = "Checking and loading rows";

    /// <summary>Rows checked together: their passports looked up in one query, then (while every row is valid) loaded.</summary>
    private const int Block = 2000;
    /// <summary>Rows per binary COPY on PostgreSQL (a COPY holds the connection, so the three tables take turns per block).</summary>
    private const int CopyBlock = 10_000;

    /// <summary>The properties of a worker that the import sets from each row; every other column is the same for the whole import.</summary>
    private static readonly string[] PerRowWorker =
    [
        nameof(Worker.Id), nameof(Worker.FamilyName), nameof(Worker.GivenNames), nameof(Worker.NameInLocalScript), nameof(Worker.Sex),
        nameof(Worker.DateOfBirth), nameof(Worker.PlaceOfBirth), nameof(Worker.Nationality), nameof(Worker.NationalIdNumber),
        nameof(Worker.PassportNumber), nameof(Worker.PassportExpiry), nameof(Worker.CertificateOfIdentityNumber), nameof(Worker.Contacts),
        nameof(Worker.NextOfKin), nameof(Worker.Languages), nameof(Worker.SearchName), nameof(Worker.Destination), nameof(Worker.Sector),
    ];
    private static readonly string[] PerRowEvent = [nameof(WorkerEvent.Id), nameof(WorkerEvent.WorkerId)];
    private static readonly string[] PerRowTerm = [nameof(WorkerSearchTerm.WorkerId), nameof(WorkerSearchTerm.Key)];

    /// <summary>Imports from a reader, in one pass.</summary>
    public async Task<Outcome<ImportReport>> Handle(TextReader csv, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.WorkersRegister) || who.State is null)
            return Problem.Forbidden("Only a sending state's labour office can import its workers.");
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        using var rows = Csv.Read(csv).GetEnumerator();
        if (!rows.MoveNext()) return CsvImport.Header([], Columns, Columns, out _)!;
        var header = rows.Current;
        if (CsvImport.Header([header], Columns, Columns, out var col) is { } headerProblem) return headerProblem;
        var layout = new Layout(col, header.Fields.Count);
        var estimate = Estimator(csv);
        var stage = dryRun ? CheckingStage : LoadingStage;

        var importId = Guid.CreateVersion7();
        // The worker and the timeline event every row starts from: their constant columns are converted once.
        var template = new Worker
        {
            OwnerState = who.State, OwnerOrganisationId = who.OrganisationId, CreatedAt = now, UpdatedAt = now, DocumentationStatusSince = today,
        };
        var registered = Timeline.Event(template, today, "registered", $"Registered by CSV import {importId}.", who, now);

        await using var session = await Session.OpenAsync(db, who.State, dryRun ? null : new Templates(template, registered), ct);
        using var hasher = new RecordHasher();
        hasher.Add(header);
        var check = new Checker(session, who.State);
        var names = new NameKeyCache();
        while (rows.MoveNext())
        {
            var rec = rows.Current;
            hasher.Add(rec);
            check.Add(rec.Line, Parse(rec, layout, today));
            if (check.Pending >= Block) await Flush();
            if (check.Total % 1000 == 0) progress?.Report(new ImportProgress(stage, check.Total, estimate(check.Total)));
        }
        await Flush();
        var total = check.Total;
        progress?.Report(new ImportProgress(stage, total, total));
        var fileHash = hasher.Finish();
        if (dryRun || check.Rejected.Count > 0) return new ImportReport(total, check.Valid, check.Rejected, false, 0); // the session rolls back
        if (total == 0) return new ImportReport(0, 0, [], true, 0); // a header alone: nothing to write, nothing to audit

        await session.Loader!.CompleteAsync(ct);
        await session.CheckForeignKeysAsync(ct);
        db.RecordAction("worker.import", "WorkerImport", importId.ToString(), "Worker,WorkerEvent,WorkerSearchTerm",
            $"CSV import of {total} workers; SHA-256 of the file's records: {fileHash}.");
        await db.SaveChangesAsync(ct);
        await session.CommitAsync(ct);
        await session.DisposeAsync();
        // A bulk load changes the shape of the table: new statistics let the planner find a worker by id or document
        // number through its index instead of walking every worker of the state (6 s against 0.1 s a search at 1M on SQLite).
        await DatabaseStatistics.RefreshWorkersAsync(db, ct);
        return new ImportReport(total, total, [], true, total);

        async Task Flush()
        {
            var valid = await check.FlushAsync(ct);
            // While every row so far is valid, the block's workers are loaded; after the first rejected row only checked.
            if (session.Loader is not { } loader || check.Rejected.Count > 0) return;
            foreach (var row in valid)
            {
                var w = new Worker
                {
                    OwnerState = template.OwnerState, OwnerOrganisationId = template.OwnerOrganisationId, CreatedAt = now, UpdatedAt = now,
                    Destination = row.Destination ?? "", Sector = row.Sector ?? "", DocumentationStatusSince = today,
                };
                WorkerRules.ApplyFields(w, row.Input);
                w.SearchName = WorkerRules.SearchName(w);
                await loader.AddAsync(w, names.KeysOfFolded(w.SearchName), ct);
            }
        }
    }

    /// <summary>Imports a file that <paramref name="open"/> opens (e.g. <c>() => File.OpenText(path)</c>); it is read once.</summary>
    public async Task<Outcome<ImportReport>> Handle(Func<TextReader> open, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var reader = open();
        return await Handle(reader, dryRun, progress, ct);
    }

    /// <summary>
    /// The SHA-256 (lower-case hex) of a CSV file's records as Cebu reads them, header included: each field in UTF-8
    /// followed by U+001F, each record followed by U+001E. The same text in another layout (quoting, CRLF) has the same hash.
    /// </summary>
    public static string RecordsHash(TextReader csv)
    {
        using var h = new RecordHasher();
        foreach (var rec in Csv.Read(csv)) h.Add(rec);
        return h.Finish();
    }

    // ---- Rows ------------------------------------------------------------------------------------------------------

    private sealed class Layout(Dictionary<string, int> col, int headerCount)
    {
        public Dictionary<string, int> Col { get; } = col;
        public int HeaderCount { get; } = headerCount;
    }

    private sealed record Row(WorkerInput Input, string? Destination, string? Sector, string? Passport, List<RowError> Reasons);

    /// <summary>The CSV column of each field the worker's rules name.</summary>
    private static string Column(string field)
    {
        var bracket = field.IndexOf('[');
        return (bracket < 0 ? field : field[..bracket]) switch
        {
            "familyName" => "family_name", "givenNames" => "given_names", "nameInLocalScript" => "name_local", "dateOfBirth" => "date_of_birth",
            "placeOfBirth" => "place_of_birth", "nationalIdNumber" => "national_id", "passportNumber" => "passport_number", "passportExpiry" => "passport_expiry",
            "certificateOfIdentityNumber" => "ci_number", "addressAtHome" => "address_home", "nextOfKinName" => "next_of_kin",
            "nextOfKinRelationship" => "next_of_kin_relationship", "nextOfKinPhone" => "next_of_kin_phone", var other => other,
        };
    }

    /// <summary>One record's checks that need no other row and no database (the rules and messages of the import).</summary>
    private static Row Parse(CsvRecord rec, Layout layout, DateOnly today)
    {
        var col = layout.Col;
        string Get(string c) => CsvImport.Field(rec, col, c);
        var reasons = new List<RowError>();
        if (CsvImport.FieldCountProblem(rec, layout.HeaderCount) is { } shape) reasons.Add(new("row", shape));
        DateOnly? Date(string column, bool optional = false)
        {
            var found = new List<string>();
            var d = CsvImport.Date(Get(column), column, found, optional);
            reasons.AddRange(found.Select(m => new RowError(column, m)));
            return d;
        }
        var sexText = Get("sex");
        Sex? sex = sexText.ToUpperInvariant() switch { "F" or "FEMALE" => Sex.Female, "M" or "MALE" => Sex.Male, "X" or "UNSPECIFIED" => Sex.Unspecified, _ => null };
        if (sex is null)
            reasons.Add(new("sex", sexText.Length > 0 ? $"sex '{sexText}' is not F, M or X: write F (female), M (male) or X (unspecified)" : "sex is empty: write F (female), M (male) or X (unspecified)"));
        var input = new WorkerInput
        {
            FamilyName = Get("family_name"), GivenNames = Get("given_names"), NameInLocalScript = Get("name_local"), Sex = sex,
            DateOfBirth = Date("date_of_birth"), PlaceOfBirth = Get("place_of_birth"), Nationality = Get("nationality"),
            NationalIdNumber = Get("national_id"), PassportNumber = Get("passport_number"), PassportExpiry = Date("passport_expiry", optional: true),
            CertificateOfIdentityNumber = Get("ci_number"), Phone = Get("phone"), Email = Get("email"), AddressAtHome = Get("address_home"),
            NextOfKinName = Get("next_of_kin"), NextOfKinRelationship = Get("next_of_kin_relationship"), NextOfKinPhone = Get("next_of_kin_phone"),
            Languages = Get("languages").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        };
        var v = WorkerRules.Validate(input, today);
        if (v.HasErrors && v.ToProblem().Errors is { } errs)
            // The file's own messages for the sex and the date of birth say it in the file's terms (F, M, X; YYYY-MM-DD).
            reasons.AddRange(errs.Where(e => e.Key != "sex" && (e.Key != "dateOfBirth" || !reasons.Any(r => r.Field == "date_of_birth")))
                .SelectMany(e => e.Value.Select(m => new RowError(Column(e.Key), $"{Column(e.Key)}: {m}"))));
        var destination = Get("destination");
        if (destination.Length > 0 && !Platform.Reference.ReferenceData.Shared.IsCountry(destination))
            reasons.Add(new("destination", $"destination '{destination}' is not an ISO country code Cebu knows: write two letters such as TH or MY"));
        var sector = Get("sector");
        if (sector.Length > 0 && !Platform.Reference.Sectors.All.Contains(sector)) reasons.Add(new("sector", $"sector '{sector}' is not one of {string.Join(", ", Platform.Reference.Sectors.All)}"));
        return new Row(input, destination.Length == 0 ? null : destination.ToUpperInvariant(), sector.Length == 0 ? null : sector, WorkerRules.Document(input.PassportNumber), reasons);
    }

    /// <summary>
    /// The checks that need other rows or the database, a block of rows at a time, bounded: the 128-bit hashes of the
    /// passports seen so far with their line (duplicates in the file; the line is negative once the passport is known
    /// to be registered already), the block of rows waiting for the database to say which of their passports are
    /// registered, and the rejected rows.
    /// </summary>
    private sealed class Checker(Session session, string state)
    {
        private readonly Dictionary<UInt128, int> _seen = [];
        private readonly List<(int Line, Row Row, UInt128 Key, int? FirstLine)> _pending = new(Block);
        private readonly List<Row> _valid = new(Block);
        private readonly HashSet<string> _passports = new(StringComparer.Ordinal);

        public List<RejectedRow> Rejected { get; } = [];
        public int Valid { get; private set; }
        public int Total { get; private set; }
        public int Pending => _pending.Count;

        public void Add(int line, Row row)
        {
            Total++;
            int? firstLine = null;
            var key = default(UInt128);
            if (row.Passport is { } passport)
            {
                key = Key(passport);
                if (_seen.TryGetValue(key, out var first)) firstLine = Math.Abs(first);
                else _seen[key] = line;
            }
            _pending.Add((line, row, key, firstLine));
        }

        /// <summary>Finishes the block's checks; returns its valid rows (valid until the next call).</summary>
        public async Task<List<Row>> FlushAsync(CancellationToken ct)
        {
            _valid.Clear();
            if (_pending.Count == 0) return _valid;
            // Only a passport's first row in the file is looked up: its later rows follow it (and are duplicates anyway),
            // and rows of this import already loaded are not "already registered".
            _passports.Clear();
            foreach (var p in _pending)
                if (p.Row.Passport is { } passport && p.FirstLine is null) _passports.Add(passport);
            var known = await session.RegisteredAsync(_passports, ct);
            foreach (var p in _pending)
                if (p.FirstLine is null && p.Row.Passport is { } passport && known.Contains(passport)) _seen[p.Key] = -p.Line;
            foreach (var (line, row, key, firstLine) in _pending)
            {
                var reasons = row.Reasons;
                var passport = row.Passport;
                if (passport is not null && _seen[key] < 0)
                    reasons.Add(new("passport_number", $"passport {passport} is already registered in {state}: leave this row out (correct the registered worker's record instead)"));
                if (passport is not null && firstLine is { } first)
                    reasons.Add(new("passport_number", $"passport {passport} also appears on line {first}: keep one of the two rows"));
                if (reasons.Count > 0) Rejected.Add(new RejectedRow(line, passport ?? row.Input.FamilyName, reasons.Select(e => e.Message).ToList()) { Errors = reasons });
                else
                {
                    Valid++;
                    _valid.Add(row);
                }
            }
            _pending.Clear();
            return _valid;
        }

        private static UInt128 Key(string passport)
        {
            Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(passport.Length)];
            var n = Encoding.UTF8.GetBytes(passport, utf8);
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(utf8[..n], digest);
            return MemoryMarshal.Read<UInt128>(digest);
        }
    }

    /// <summary>Estimates the rows of a file from how far into it the reader is (for the progress bar while checking).</summary>
    private static Func<int, int> Estimator(TextReader reader)
    {
        if (reader is StreamReader { BaseStream: { CanSeek: true } s } && s.Length > 0)
            return done => s.Position <= 0 ? done : Math.Max(done, (int)Math.Min(int.MaxValue, (long)done * s.Length / s.Position));
        return done => done;
    }

    private sealed class RecordHasher : IDisposable
    {
        private readonly IncrementalHash _h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = new byte[4096];
        private static readonly byte[] UnitSeparator = [0x1f], RecordSeparator = [0x1e];

        public void Add(CsvRecord rec)
        {
            foreach (var f in rec.Fields)
            {
                var max = Encoding.UTF8.GetMaxByteCount(f.Length);
                if (max > _buffer.Length) _buffer = new byte[max];
                _h.AppendData(_buffer, 0, Encoding.UTF8.GetBytes(f, _buffer));
                _h.AppendData(UnitSeparator);
            }
            _h.AppendData(RecordSeparator);
        }

        public string Finish() => Convert.ToHexStringLower(_h.GetHashAndReset());
        public void Dispose() => _h.Dispose();
    }

    // ---- The database side: one connection, one transaction, the passport look-up and the loader ---------------------

    /// <summary>The worker and the timeline event every imported row starts from.</summary>
    private sealed record Templates(Worker Worker, WorkerEvent Registered);

    /// <summary>
    /// The import's hold on the database: the connection open for the whole import, the prepared passport look-up,
    /// and for an import (not a dry run) the transaction and the loader. On SQLite foreign keys are off for the load
    /// (SQLite allows the switch only outside a transaction, so before it begins) and checked in one go before the
    /// commit; the connection gets its setting back when the session ends, committed or not. Ending the session
    /// without <see cref="CommitAsync"/> rolls everything back.
    /// </summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly CebuDbContext _db;
        private IDbContextTransaction? _tx;
        private DbCommand? _lookup;
        private DbParameter? _passports;
        private long? _foreignKeysBefore;
        private bool _open, _disposed;

        private Session(CebuDbContext db) => _db = db;

        public Loader? Loader { get; private set; }

        public static async Task<Session> OpenAsync(CebuDbContext db, string state, Templates? write, CancellationToken ct)
        {
            var session = new Session(db);
            try
            {
                await session.StartAsync(state, write, ct);
                return session;
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }
        }

        private async Task StartAsync(string state, Templates? write, CancellationToken ct)
        {
            await _db.Database.OpenConnectionAsync(ct);
            _open = true;
            var connection = _db.Database.GetDbConnection();
            if (write is not null && connection is SqliteConnection sqlite)
            {
                _foreignKeysBefore = Convert.ToInt64(Scalar(sqlite, "PRAGMA foreign_keys"), CultureInfo.InvariantCulture);
                Scalar(sqlite, "PRAGMA foreign_keys = OFF");
            }
            if (write is not null) _tx = await _db.Database.BeginTransactionAsync(ct);
            _lookup = connection.CreateCommand();
            _lookup.Transaction = _tx?.GetDbTransaction();
            if (connection is NpgsqlConnection)
            {
                _lookup.CommandText = """SELECT "PassportNumber" FROM "Worker" WHERE "OwnerState" = @state AND "PassportNumber" = ANY(@passports)""";
                _lookup.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Text) { Value = state });
                _lookup.Parameters.Add(_passports = new NpgsqlParameter("passports", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Array.Empty<string>() });
            }
            else
            {
                // The unary + keeps SQLite off the (OwnerState, …) index: without statistics for the growing table it
                // would otherwise walk every worker of the state for each block (quadratic; seen at 1M rows).
                _lookup.CommandText = """SELECT "PassportNumber" FROM "Worker" WHERE +"OwnerState" = $state AND "PassportNumber" IN (SELECT value FROM json_each($passports))""";
                _lookup.Parameters.Add(new SqliteParameter("$state", SqliteType.Text) { Value = state });
                _lookup.Parameters.Add(_passports = new SqliteParameter("$passports", SqliteType.Text) { Value = "[]" });
            }
            await _lookup.PrepareAsync(ct);
            if (write is not null)
                Loader = connection is NpgsqlConnection npgsql ? new PostgresLoader(_db, npgsql, write) : new SqliteLoader(_db, (SqliteConnection)connection, write);
        }

        /// <summary>Which of these passport numbers are registered already in the state (one prepared query).</summary>
        public async Task<HashSet<string>> RegisteredAsync(IReadOnlyCollection<string> passports, CancellationToken ct)
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            if (passports.Count == 0) return known;
            _passports!.Value = _db.IsPostgres ? passports.ToArray() : JsonSerializer.Serialize(passports);
            await using var r = await _lookup!.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) known.Add(r.GetString(0));
            return known;
        }

        /// <summary>SQLite: every row of the tables the import wrote has its parent (the check the load left out).</summary>
        public async Task CheckForeignKeysAsync(CancellationToken ct)
        {
            if (_db.Database.GetDbConnection() is not SqliteConnection sqlite) return;
            foreach (var table in new[] { "Worker", "WorkerEvent", "WorkerSearchTerm" })
            {
                await using var check = sqlite.CreateCommand();
                check.Transaction = (SqliteTransaction?)_tx?.GetDbTransaction();
                check.CommandText = $"PRAGMA foreign_key_check(\"{table}\")";
                await using var r = await check.ExecuteReaderAsync(ct);
                if (await r.ReadAsync(ct))
                    throw new InvalidOperationException($"The import would leave a row of {table} without its {r.GetString(2)} (foreign key check). Nothing was written.");
            }
        }

        public Task CommitAsync(CancellationToken ct) => _tx!.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            if (_disposed) return;
            _disposed = true;
            Loader?.Dispose();
            _lookup?.Dispose();
            if (_tx is not null) await _tx.DisposeAsync(); // rolls back unless committed
            if (_foreignKeysBefore is { } before && _db.Database.GetDbConnection() is SqliteConnection { State: System.Data.ConnectionState.Open } sqlite)
                Scalar(sqlite, $"PRAGMA foreign_keys = {before}");
            if (_open) await _db.Database.CloseConnectionAsync();
        }

        private static object? Scalar(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
    }

    private abstract class Loader : IDisposable
    {
        public abstract ValueTask AddAsync(Worker w, string[] keys, CancellationToken ct);
        public abstract ValueTask CompleteAsync(CancellationToken ct);
        public virtual void Dispose() { }
    }

    /// <summary>
    /// One prepared INSERT per table, stepped for every row, in the import's transaction. Two things keep SQLite's
    /// B-trees from thrashing on a large file: a page cache of <see cref="SqliteCachePages"/> for the load (bounded;
    /// the default 2 MB makes every insert into the name-key index, whose keys are spread over a few thousand places,
    /// spill and re-read pages), and name keys written in key order a block at a time.
    /// </summary>
    private sealed class SqliteLoader : Loader
    {
        /// <summary>PRAGMA cache_size for the load: negative is KiB, so 64 MiB.</summary>
        public const int SqliteCachePages = -65536;
        private const int TermBlock = 100_000;
        private readonly SqliteConnection _connection;
        private readonly SqliteBulkInsert<Worker> _workers;
        private readonly SqliteBulkInsert<WorkerEvent> _events;
        private readonly SqliteBulkInsert<WorkerSearchTerm> _terms;
        private readonly WorkerEvent _event;
        private readonly WorkerSearchTerm _term = new();
        private readonly List<(string Key, Guid WorkerId)> _pendingTerms = new(TermBlock);
        private readonly long _cacheBefore;

        public SqliteLoader(CebuDbContext db, SqliteConnection connection, Templates t)
        {
            _connection = connection;
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA cache_size";
                _cacheBefore = Convert.ToInt64(pragma.ExecuteScalar(), CultureInfo.InvariantCulture);
                pragma.CommandText = $"PRAGMA cache_size = {SqliteCachePages}";
                pragma.ExecuteNonQuery();
            }
            _event = t.Registered;
            _workers = new(new BulkTable<Worker>(db.Model, t.Worker, PerRowWorker), connection);
            _events = new(new BulkTable<WorkerEvent>(db.Model, t.Registered, PerRowEvent), connection);
            _terms = new(new BulkTable<WorkerSearchTerm>(db.Model, _term, PerRowTerm), connection);
        }

        public override ValueTask AddAsync(Worker w, string[] keys, CancellationToken ct)
        {
            _workers.Insert(w);
            _event.Id = Guid.CreateVersion7();
            _event.WorkerId = w.Id;
            _events.Insert(_event);
            foreach (var k in keys) _pendingTerms.Add((k, w.Id));
            if (_pendingTerms.Count >= TermBlock) WriteTerms();
            return ValueTask.CompletedTask;
        }

        private void WriteTerms()
        {
            _pendingTerms.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            foreach (var (key, workerId) in _pendingTerms)
            {
                _term.WorkerId = workerId;
                _term.Key = key;
                _terms.Insert(_term);
            }
            _pendingTerms.Clear();
        }

        public override ValueTask CompleteAsync(CancellationToken ct)
        {
            WriteTerms();
            return ValueTask.CompletedTask;
        }

        public override void Dispose()
        {
            _workers.Dispose();
            _events.Dispose();
            _terms.Dispose();
            // The connection may go back to a pool: give it its page cache back.
            if (_connection.State == System.Data.ConnectionState.Open)
                using (var pragma = _connection.CreateCommand())
                {
                    pragma.CommandText = $"PRAGMA cache_size = {_cacheBefore}";
                    try { pragma.ExecuteNonQuery(); } catch (SqliteException) { /* the connection is closing anyway */ }
                }
        }
    }

    /// <summary>Binary COPY of blocks of rows: the workers, then their timeline events, then their name keys.</summary>
    private sealed class PostgresLoader(CebuDbContext db, NpgsqlConnection connection, Templates t) : Loader
    {
        private readonly PostgresBulkCopy<Worker> _workers = new(new BulkTable<Worker>(db.Model, t.Worker, PerRowWorker));
        private readonly PostgresBulkCopy<WorkerEvent> _events = new(new BulkTable<WorkerEvent>(db.Model, t.Registered, PerRowEvent));
        private readonly PostgresBulkCopy<WorkerSearchTerm> _terms = new(new BulkTable<WorkerSearchTerm>(db.Model, new WorkerSearchTerm(), PerRowTerm));
        private readonly WorkerEvent _event = t.Registered;
        private readonly WorkerSearchTerm _term = new();
        private readonly List<Worker> _blockWorkers = new(CopyBlock);
        private readonly List<(Guid WorkerId, string Key)> _blockTerms = new(CopyBlock * 8);

        public override async ValueTask AddAsync(Worker w, string[] keys, CancellationToken ct)
        {
            _blockWorkers.Add(w);
            foreach (var k in keys) _blockTerms.Add((w.Id, k));
            if (_blockWorkers.Count >= CopyBlock) await CompleteAsync(ct);
        }

        public override async ValueTask CompleteAsync(CancellationToken ct)
        {
            await _workers.CopyAsync(connection, _blockWorkers, w => w, ct);
            await _events.CopyAsync(connection, _blockWorkers, w =>
            {
                _event.Id = Guid.CreateVersion7();
                _event.WorkerId = w.Id;
                return _event;
            }, ct);
            await _terms.CopyAsync(connection, _blockTerms, k =>
            {
                _term.WorkerId = k.WorkerId;
                _term.Key = k.Key;
                return _term;
            }, ct);
            _blockWorkers.Clear();
            _blockTerms.Clear();
        }
    }
}
