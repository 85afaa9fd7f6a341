using System.Globalization;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Csv;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cebu.Core.Features.Verification;

/// <summary>What a registry import did.</summary>
public sealed record RegistryImportReport(int Rows, int Imported, int Replaced, IReadOnlyList<RowError> Rejected);

/// <summary>
/// Imports an extract of the sending state's civil or passport registry (CSV), replacing the state's previous extract in
/// one transaction: every row is checked first and any bad row rejects the file (the first 100 are listed with line,
/// column and how to fix). Audited as one <c>verification.registry-import</c> event.
/// </summary>
public sealed class ImportRegistry(CebuDbContext db)
{
    public static readonly string[] Columns = ["registry_number", "family_name", "given_names", "date_of_birth", "place_of_birth", "father_name", "mother_name", "document_numbers"];
    public const int MaxListed = 100;

    public async Task<Outcome<RegistryImportReport>> Handle(Func<TextReader> open, IProgress<(string Stage, int Done, int Total)>? progress, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.VerificationRegistry) || who.State is null) return Problem.Forbidden("Only a sending state's verifying officers import its civil registry extract.");
        var state = who.State;

        // Pass 1: check every row.
        var errors = new List<RowError>();
        var numbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rows = 0;
        using (var reader = open())
            foreach (var (line, record, error) in Rows(reader))
            {
                if (error is not null) { if (errors.Count < MaxListed) errors.Add(error); if (line == 1) break; continue; }
                rows++;
                if (!numbers.Add(record!.RegistryNumber) && errors.Count < MaxListed) errors.Add(new RowError(line, "registry_number", $"'{record.RegistryNumber}' is already on an earlier line: each person once."));
                if (rows % 10_000 == 0) progress?.Report(("Checking rows", rows, 0));
            }
        if (rows == 0 && errors.Count == 0) errors.Add(new RowError(1, "file", $"The file has no rows: send the header {string.Join(",", Columns)} and one row per person."));
        if (errors.Count > 0) return new Problem(ProblemKind.Validation, "The extract was rejected: nothing was imported.", "Correct every row listed (line and column) and import the whole file again.",
            errors.GroupBy(e => $"line {e.Line}: {e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), new { rows = errors });

        // Pass 2: replace the extract in one transaction, through the database's bulk path.
        var now = db.Clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var replaced = await db.Set<CivilRegistryRecord>().Where(c => c.State == state).ExecuteDeleteAsync(ct);
        var table = new BulkTable<CivilRegistryRecord>(db.Model);
        var loaded = 0;
        using (var reader = open())
        {
            if (db.IsPostgres)
            {
                var copy = new PostgresBulkCopy<CivilRegistryRecord>(table);
                var block = new List<CivilRegistryRecord>(10_000);
                foreach (var (_, r, _) in Rows(reader))
                {
                    block.Add(Stamp(r!, state, now));
                    if (block.Count == 10_000) { await copy.CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), block, r => r, ct); loaded += block.Count; block.Clear(); progress?.Report(("Importing rows", loaded, rows)); }
                }
                await copy.CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), block, r => r, ct);
                loaded += block.Count;
            }
            else
            {
                using var insert = new SqliteBulkInsert<CivilRegistryRecord>(table, (SqliteConnection)db.Database.GetDbConnection());
                foreach (var (_, r, _) in Rows(reader))
                {
                    insert.Insert(Stamp(r!, state, now));
                    if (++loaded % 10_000 == 0) progress?.Report(("Importing rows", loaded, rows));
                }
            }
        }
        progress?.Report(("Importing rows", loaded, rows));
        db.RecordAction("verification.registry-import", nameof(CivilRegistryRecord), state, nameof(CivilRegistryRecord),
            $"Civil registry extract of {state} imported: {loaded} records, replacing {replaced}.");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RegistryImportReport(rows, loaded, replaced, []);
    }

    private static CivilRegistryRecord Stamp(CivilRegistryRecord r, string state, DateTimeOffset now)
    {
        r.State = state;
        r.ImportedAt = now;
        VerificationModel.SetKeys(r);
        return r;
    }

    /// <summary>Each data row parsed, or the first problem of a bad row (line 1: the header).</summary>
    public static IEnumerable<(int Line, CivilRegistryRecord? Record, RowError? Error)> Rows(TextReader reader)
    {
        var first = true;
        foreach (var rec in Csv.Read(reader))
        {
            if (first)
            {
                first = false;
                if (!rec.Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).SequenceEqual(Columns))
                {
                    yield return (1, null, new RowError(rec.Line, "header", $"The first line must name the columns {string.Join(",", Columns)} in this order."));
                    yield break;
                }
                continue;
            }
            if (rec.Fields.Count != Columns.Length) { yield return (rec.Line, null, new RowError(rec.Line, "row", $"The row has {rec.Fields.Count} fields; give {Columns.Length}.")); continue; }
            string? F(int i) => string.IsNullOrWhiteSpace(rec.Fields[i]) ? null : rec.Fields[i].Trim();
            var number = F(0);
            if (number is null || number.Length > 40) { yield return (rec.Line, null, new RowError(rec.Line, "registry_number", "Give the registry's number for the person (at most 40 characters).")); continue; }
            if (F(1) is null && F(2) is null) { yield return (rec.Line, null, new RowError(rec.Line, "family_name", "Give the person's name (a single name goes in family_name).")); continue; }
            if (!DateOnly.TryParseExact(F(3), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob))
            { yield return (rec.Line, null, new RowError(rec.Line, "date_of_birth", $"'{F(3)}' is not a date: write it as yyyy-MM-dd.")); continue; }
            var tooLong = Enumerable.Range(0, Columns.Length).FirstOrDefault(i => (F(i)?.Length ?? 0) > (i is 1 or 2 or 5 or 6 ? VerificationInput.MaxName : VerificationInput.MaxText), -1);
            if (tooLong >= 0) { yield return (rec.Line, null, new RowError(rec.Line, Columns[tooLong], "The value is too long.")); continue; }
            yield return (rec.Line, new CivilRegistryRecord
            {
                RegistryNumber = number, FamilyName = F(1) ?? "", GivenNames = F(2) ?? "", DateOfBirth = dob, PlaceOfBirth = F(4), FatherName = F(5), MotherName = F(6), DocumentNumbers = F(7),
            }, null);
        }
    }
}

/// <summary>A registry record as the sending state's verifier reads it.</summary>
public sealed record RegistryRecordView(Guid Id, string RegistryNumber, string FamilyName, string GivenNames, DateOnly DateOfBirth, string? PlaceOfBirth,
    string? FatherName, string? MotherName, string? DocumentNumbers, DateTimeOffset ImportedAt)
{
    public static RegistryRecordView Of(CivilRegistryRecord c) => new(c.Id, c.RegistryNumber, c.FamilyName, c.GivenNames, c.DateOfBirth, c.PlaceOfBirth, c.FatherName, c.MotherName, c.DocumentNumbers, c.ImportedAt);
}

/// <summary>The caller's state's civil registry extract (its verifiers only): a page, searched by name or registry number.</summary>
public sealed class ListRegistry(CebuDbContext db)
{
    public async Task<Outcome<Paged<RegistryRecordView>>> Handle(string? q, int page, CancellationToken ct)
    {
        var who = db.Access;
        if (who.State is null || !VerificationAccess.IsVerifier(who, who.State)) return Problem.Forbidden("Only a sending state's verifying officers read its civil registry extract.");
        var state = who.State;
        var query = db.Set<CivilRegistryRecord>().AsNoTracking().Where(c => c.State == state);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var key = VerificationModel.NameKey(text, "");
            query = query.Where(c => c.RegistryNumber == text || c.KeyName == key || c.FamilyName == text);
        }
        page = Math.Max(1, page);
        const int size = 50;
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(c => c.RegistryNumber).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        foreach (var c in items) db.RecordRead(nameof(CivilRegistryRecord), c.Id.ToString());
        if (items.Count > 0) await db.SaveChangesAsync(ct);
        return new Paged<RegistryRecordView>(items.Select(RegistryRecordView.Of).ToList(), page, size, total);
    }
}

/// <summary>One registry record (its state's verifiers only; anyone else: 404).</summary>
public sealed class GetRegistryRecord(CebuDbContext db)
{
    public async Task<Outcome<RegistryRecordView>> Handle(Guid id, CancellationToken ct)
    {
        var c = await db.Set<CivilRegistryRecord>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !VerificationAccess.IsVerifier(db.Access, c.State)) return Problem.NotFound("The registry record");
        db.RecordRead(nameof(CivilRegistryRecord), c.Id.ToString());
        await db.SaveChangesAsync(ct);
        return RegistryRecordView.Of(c);
    }
}
