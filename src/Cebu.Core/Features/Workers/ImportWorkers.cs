using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Csv;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cebu.Core.Features.Workers;

/// <summary>How far an import is: the stage ("Checking rows", then "Loading rows"), rows done, and rows in all (an estimate while checking).</summary>
public readonly record struct ImportProgress(string Stage, int Done, int Total);

/// <summary>
/// Registers a batch of workers from CSV. Every row is checked and each rejected row reported with its line number;
/// the batch is written whole, in one transaction, only when every row is valid: never half a batch.
/// <para>
/// Two streaming passes over the file, so that memory does not grow with it. Pass 1 checks every row; duplicates
/// within the file are found by a 128-bit hash of each passport number (16 bytes and the line a row), passports
/// already registered by asking the database a block of rows at a time. Pass 2, only when every row passed, reads
/// the file again and loads it in one transaction by the database's fastest path: binary COPY on PostgreSQL
/// (blocks of rows into the workers table, their timeline events and their name keys), one prepared INSERT per table
/// reused for every row on SQLite. Pass 2 checks each row again and the SHA-256 of the file's records against
/// pass 1's; if the file changed in between, nothing is written.
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

    public const string CheckingStage = "Checking rows";
    public const string LoadingStage = "Loading rows";

    /// <summary>Rows whose passports are looked up in the database at once in pass 1.</summary>
    private const int LookupBlock = 2000;
    /// <summary>Rows per binary COPY on PostgreSQL (a COPY holds the connection, so the three tables take turns per block).</summary>
    private const int CopyBlock = 5000;

    /// <summary>Imports from a reader. A seekable stream is read twice in place; anything else is first spooled to a temporary file.</summary>
    public async Task<Outcome<ImportReport>> Handle(TextReader csv, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (csv is StreamReader { BaseStream.CanSeek: true } seekable)
        {
            var start = seekable.BaseStream.Position;
            var encoding = seekable.CurrentEncoding;
            return await Handle(() =>
            {
                seekable.BaseStream.Position = start;
                seekable.DiscardBufferedData();
                return new StreamReader(seekable.BaseStream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            }, dryRun, progress, ct);
        }
        var spool = Path.Combine(Path.GetTempPath(), $"cebu-import-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var w = new StreamWriter(spool, false, new UTF8Encoding(false), 1 << 16))
            {
                var buffer = new char[1 << 16];
                int n;
                while ((n = await csv.ReadAsync(buffer, ct)) > 0) await w.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            return await Handle(() => new StreamReader(spool, Encoding.UTF8, true, new FileStreamOptions { BufferSize = 1 << 16 }), dryRun, progress, ct);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>Imports a file that <paramref name="open"/> opens afresh for each pass (e.g. <c>() => File.OpenText(path)</c>).</summary>
    public async Task<Outcome<ImportReport>> Handle(Func<TextReader> open, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.WorkersRegister) || who.State is null)
            return Problem.Forbidden("Only a sending state's labour office can import its workers.");
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        // ---- Pass 1: check every row, streaming. ---------------------------------------------------------------------
        using var check = new Pass1(db, who.State);
        using (var reader = open())
        {
            using var rows = Csv.Read(reader).GetEnumerator();
            if (!rows.MoveNext()) return CsvImport.Header([], Columns, Columns, out _)!;
            var header = rows.Current;
            if (CsvImport.Header([header], Columns, Columns, out var col) is { } headerProblem) return headerProblem;
            var layout = new Layout(col, header.Fields.Count);
            check.Hash(header);
            var estimate = Estimator(reader);
            while (rows.MoveNext())
            {
                var rec = rows.Current;
                check.Hash(rec);
                var row = Parse(rec, layout, today);
                await check.Add(rec.Line, row, ct);
                if (check.Total % 1000 == 0) progress?.Report(new ImportProgress(CheckingStage, check.Total, estimate(check.Total)));
            }
            await check.Flush(ct);
        }
        var total = check.Total;
        progress?.Report(new ImportProgress(CheckingStage, total, total));
        var fileHash = check.FinishHash();
        if (dryRun || check.Rejected.Count > 0) return new ImportReport(total, check.Valid, check.Rejected, false, 0);
        if (total == 0) return new ImportReport(0, 0, [], true, 0); // a header alone: nothing to write, nothing to audit

        // ---- Pass 2: load every row in one transaction. -------------------------------------------------------------
        var importId = Guid.CreateVersion7();
        var summary = $"Registered by CSV import {importId}.";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using var loader = db.IsPostgres
            ? (Loader)new PostgresLoader(db, (NpgsqlConnection)db.Database.GetDbConnection())
            : new SqliteLoader(db, (SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)tx.GetDbTransaction());
        using var again = new RecordHasher();
        var loaded = 0;
        using (var reader = open())
        {
            using var rows = Csv.Read(reader).GetEnumerator();
            var changed = !rows.MoveNext();
            if (!changed)
            {
                again.Add(rows.Current);
                changed = CsvImport.Header([rows.Current], Columns, Columns, out var col) is not null;
                var layout = new Layout(col, rows.Current.Fields.Count);
                while (!changed && rows.MoveNext())
                {
                    var rec = rows.Current;
                    again.Add(rec);
                    var row = Parse(rec, layout, today);
                    if (row.Reasons.Count > 0 || loaded == total) { changed = true; break; }
                    var w = new Worker
                    {
                        OwnerState = who.State, OwnerOrganisationId = who.OrganisationId, CreatedAt = now, UpdatedAt = now,
                        Destination = row.Destination ?? "", Sector = row.Sector ?? "", DocumentationStatusSince = today,
                    };
                    WorkerRules.Apply(w, row.Input);
                    await loader.Add(w, Timeline.Event(w, today, "registered", summary, who, now), ct);
                    loaded++;
                    if (loaded % 1000 == 0) progress?.Report(new ImportProgress(LoadingStage, loaded, total));
                }
            }
            if (changed || loaded != total || again.Finish() != fileHash)
            {
                await tx.RollbackAsync(ct);
                return Problem.Invalid("file", "The file changed between the check of its rows and their loading. Nothing was written: import it again.");
            }
        }
        await loader.Complete(ct);
        progress?.Report(new ImportProgress(LoadingStage, total, total));

        db.RecordAction("worker.import", "WorkerImport", importId.ToString(), "Worker,WorkerEvent,WorkerSearchTerm",
            $"CSV import of {loaded} workers; SHA-256 of the file's records: {fileHash}.");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // A bulk load changes the shape of the table: new statistics let the planner find a worker by id or document
        // number through its index instead of walking every worker of the state (6 s against 0.1 s a search at 1M on SQLite).
        await DatabaseStatistics.RefreshWorkersAsync(db, ct);
        return new ImportReport(total, loaded, [], true, loaded);
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
    /// Pass 1's state, bounded: the 128-bit hashes of the passports seen so far with their line (duplicates in the
    /// file), a block of rows waiting for the database to say which of their passports are already registered, the
    /// rejected rows and the running hash of the records.
    /// </summary>
    private sealed class Pass1(CebuDbContext db, string state) : IDisposable
    {
        private readonly Dictionary<UInt128, int> _seen = [];
        private readonly List<(int Line, Row Row, int? FirstLine)> _pending = [];
        private readonly RecordHasher _hasher = new();
        private int _pendingPassports;

        public List<RejectedRow> Rejected { get; } = [];
        public int Valid { get; private set; }
        public int Total { get; private set; }

        public void Hash(CsvRecord rec) => _hasher.Add(rec);
        public string FinishHash() => _hasher.Finish();

        public async Task Add(int line, Row row, CancellationToken ct)
        {
            Total++;
            int? firstLine = null;
            if (row.Passport is { } passport)
            {
                var key = Key(passport);
                if (_seen.TryGetValue(key, out var first)) firstLine = first;
                else _seen[key] = line;
                _pendingPassports++;
            }
            _pending.Add((line, row, firstLine));
            if (_pendingPassports >= LookupBlock || _pending.Count >= 4 * LookupBlock) await Flush(ct);
        }

        public async Task Flush(CancellationToken ct)
        {
            if (_pending.Count == 0) return;
            var passports = _pending.Where(p => p.Row.Passport is not null).Select(p => p.Row.Passport!).Distinct().ToList();
            var known = passports.Count == 0 ? [] : (await db.Set<Worker>().AsNoTracking()
                .Where(w => w.OwnerState == state && w.PassportNumber != null && passports.Contains(w.PassportNumber))
                .Select(w => w.PassportNumber!).ToListAsync(ct)).ToHashSet();
            foreach (var (line, row, firstLine) in _pending)
            {
                var reasons = row.Reasons;
                var passport = row.Passport;
                if (passport is not null && known.Contains(passport))
                    reasons.Add(new("passport_number", $"passport {passport} is already registered in {state}: leave this row out (correct the registered worker's record instead)"));
                if (passport is not null && firstLine is { } first)
                    reasons.Add(new("passport_number", $"passport {passport} also appears on line {first}: keep one of the two rows"));
                if (reasons.Count > 0) Rejected.Add(new RejectedRow(line, passport ?? row.Input.FamilyName, reasons.Select(e => e.Message).ToList()) { Errors = reasons });
                else Valid++;
            }
            _pending.Clear();
            _pendingPassports = 0;
        }

        private static UInt128 Key(string passport)
        {
            Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(passport.Length)];
            var n = Encoding.UTF8.GetBytes(passport, utf8);
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(utf8[..n], digest);
            return MemoryMarshal.Read<UInt128>(digest);
        }

        public void Dispose() => _hasher.Dispose();
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

    // ---- Loaders ---------------------------------------------------------------------------------------------------

    private abstract class Loader : IAsyncDisposable
    {
        public abstract ValueTask Add(Worker w, WorkerEvent registered, CancellationToken ct);
        public abstract ValueTask Complete(CancellationToken ct);
        public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// One prepared INSERT per table, reused for every row, in the import's transaction. Two things keep SQLite's
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
        private readonly List<WorkerSearchTerm> _pendingTerms = new(TermBlock);
        private readonly long _cacheBefore;

        public SqliteLoader(CebuDbContext db, SqliteConnection connection, SqliteTransaction tx)
        {
            _connection = connection;
            using (var pragma = connection.CreateCommand())
            {
                pragma.Transaction = tx;
                pragma.CommandText = "PRAGMA cache_size";
                _cacheBefore = Convert.ToInt64(pragma.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                pragma.CommandText = $"PRAGMA cache_size = {SqliteCachePages}";
                pragma.ExecuteNonQuery();
            }
            _workers = new(new BulkTable<Worker>(db.Model), connection, tx);
            _events = new(new BulkTable<WorkerEvent>(db.Model), connection, tx);
            _terms = new(new BulkTable<WorkerSearchTerm>(db.Model), connection, tx);
        }

        public override ValueTask Add(Worker w, WorkerEvent registered, CancellationToken ct)
        {
            _workers.Insert(w);
            _events.Insert(registered);
            _pendingTerms.AddRange(w.SearchTerms);
            if (_pendingTerms.Count >= TermBlock) WriteTerms();
            return ValueTask.CompletedTask;
        }

        private void WriteTerms()
        {
            foreach (var t in _pendingTerms.OrderBy(t => t.Key, StringComparer.Ordinal)) _terms.Insert(t);
            _pendingTerms.Clear();
        }

        public override ValueTask Complete(CancellationToken ct)
        {
            WriteTerms();
            return ValueTask.CompletedTask;
        }

        public override ValueTask DisposeAsync()
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
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Binary COPY of blocks of rows: the workers, then their timeline events, then their name keys.</summary>
    private sealed class PostgresLoader(CebuDbContext db, NpgsqlConnection connection) : Loader
    {
        private readonly PostgresBulkCopy<Worker> _workers = new(new BulkTable<Worker>(db.Model));
        private readonly PostgresBulkCopy<WorkerEvent> _events = new(new BulkTable<WorkerEvent>(db.Model));
        private readonly PostgresBulkCopy<WorkerSearchTerm> _terms = new(new BulkTable<WorkerSearchTerm>(db.Model));
        private readonly List<Worker> _blockWorkers = new(CopyBlock);
        private readonly List<WorkerEvent> _blockEvents = new(CopyBlock);
        private readonly List<WorkerSearchTerm> _blockTerms = new(CopyBlock * 8);

        public override async ValueTask Add(Worker w, WorkerEvent registered, CancellationToken ct)
        {
            _blockWorkers.Add(w);
            _blockEvents.Add(registered);
            _blockTerms.AddRange(w.SearchTerms);
            if (_blockWorkers.Count >= CopyBlock) await Complete(ct);
        }

        public override async ValueTask Complete(CancellationToken ct)
        {
            await _workers.CopyAsync(connection, _blockWorkers, ct);
            await _events.CopyAsync(connection, _blockEvents, ct);
            await _terms.CopyAsync(connection, _blockTerms, ct);
            _blockWorkers.Clear();
            _blockEvents.Clear();
            _blockTerms.Clear();
        }
    }
}
