using System.Globalization;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Csv;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

/// <summary>The CSV layout of the registry, the same for import and export.</summary>
public static class AgencyCsv
{
    public static readonly string[] Columns =
    [
        "licence_number", "legal_name", "other_names", "address", "phone", "email", "website", "principals",
        "valid_from", "valid_until", "accreditations", "status", "status_since", "status_reason", "status_legal_reference",
    ];

    public const string Help =
        "other_names: names separated by ';'. principals: 'Name (role)' separated by ';', role owner, director or manager. " +
        "accreditations: 'DESTINATION:sector' separated by ';', e.g. 'TH:construction; MY:manufacturing'. Dates YYYY-MM-DD. " +
        "status: active, suspended, cancelled, expired or blacklisted (empty means active); other than active it needs status_reason and status_legal_reference.";

    public static string Principal(Principal p) => $"{p.Name} ({p.Role})";

    public static List<PrincipalDto> ParsePrincipals(string text) =>
        Split(text).Select(p =>
        {
            var open = p.LastIndexOf('(');
            return open > 0 && p.EndsWith(')') ? new PrincipalDto(p[..open].Trim(), p[(open + 1)..^1].Trim().ToLowerInvariant()) : new PrincipalDto(p, "director");
        }).ToList();

    public static List<AccreditationDto> ParseAccreditations(string text) =>
        Split(text).Select(a =>
        {
            var colon = a.IndexOf(':');
            return colon > 0 ? new AccreditationDto(a[..colon].Trim().ToUpperInvariant(), a[(colon + 1)..].Trim().ToLowerInvariant()) : new AccreditationDto(a.Trim(), "");
        }).ToList();

    internal static IEnumerable<string> Split(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed record RejectedRow(int Line, string? LicenceNumber, IReadOnlyList<string> Reasons)
{
    /// <summary>The same reasons, each with the column it is about ("row" for the shape of the row), where the import names them.</summary>
    public IReadOnlyList<RowError> Errors { get; init; } = [];

    /// <summary><see cref="Errors"/> where the import names the columns, else each reason as about the whole row ("row").</summary>
    public IReadOnlyList<RowError> ErrorsOrReasons() => Errors.Count > 0 ? Errors : Reasons.Select(m => new RowError("row", m)).ToList();
}

/// <summary>What is wrong with one field of a CSV row, and how to fix it.</summary>
public sealed record RowError(string Field, string Message);

public sealed record ImportReport(int Rows, int Valid, IReadOnlyList<RejectedRow> Rejected, bool Committed, int Imported);

/// <summary>
/// Imports a licensing state's agencies from CSV. Every row is checked first and each rejected row is reported with
/// its line number and reason; a dry run stops there; committing writes every valid row in one transaction, or none.
/// </summary>
public sealed class ImportAgencies(CebuDbContext db)
{
    public async Task<Outcome<ImportReport>> Handle(TextReader csv, bool dryRun, IProgress<(int done, int total)>? progress, CancellationToken ct)
    {
        var who = db.Access;
        var state = who.State;
        if (!who.Has(Permissions.AgenciesManage) || state is null)
            return Problem.Forbidden("Only licensing officers of a state can import its agencies.");

        var records = Csv.Read(csv).ToList();
        if (CsvImport.Header(records, AgencyCsv.Columns, AgencyCsv.Columns.Take(11), out var col) is { } headerProblem) return headerProblem;
        var headerCount = records[0].Fields.Count;

        var existing = (await db.Set<Agency>().Where(a => a.LicensingState == state).Select(a => a.LicenceNumber).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seenInFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var valid = new List<(AgencyInput input, LicenceStatus status, DateOnly? since, string? reason, string? law)>();
        var rejected = new List<RejectedRow>();
        var total = records.Count - 1;
        for (var i = 1; i < records.Count; i++)
        {
            var rec = records[i];
            string Get(string c) => CsvImport.Field(rec, col, c);
            var reasons = new List<string>();
            if (CsvImport.FieldCountProblem(rec, headerCount) is { } shape) reasons.Add(shape);
            var input = new AgencyInput
            {
                LicenceNumber = Get("licence_number"), LegalName = Get("legal_name"),
                OtherNames = AgencyCsv.Split(Get("other_names")).Select(n => new AgencyNameDto(n, Cebu.Matching.NameFolding.IsUnspacedScript(n) ? AgencyNameKind.LocalScript : AgencyNameKind.Trading)).ToList(),
                Address = Get("address"), Phone = Get("phone"), Email = Get("email"), Website = Get("website"),
                Principals = AgencyCsv.ParsePrincipals(Get("principals")),
                ValidFrom = CsvImport.Date(Get("valid_from"), "valid_from", reasons), ValidUntil = CsvImport.Date(Get("valid_until"), "valid_until", reasons),
                Accreditations = AgencyCsv.ParseAccreditations(Get("accreditations")),
            };
            var validation = AgencyRules.Validate(input);
            if (validation.HasErrors && validation.ToProblem().Errors is { } errs)
                reasons.AddRange(errs.Where(e => e.Key is not "validFrom" and not "validUntil" || !reasons.Any(r => r.StartsWith("valid_"))).SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            var statusText = Get("status");
            var status = LicenceStatus.Active;
            if (statusText.Length > 0 && !Enum.TryParse(statusText, true, out status))
                reasons.Add($"status '{statusText}' is not one of active, suspended, cancelled, expired, blacklisted");
            var since = CsvImport.Date(Get("status_since"), "status_since", reasons, optional: true);
            var reason = Get("status_reason");
            var law = Get("status_legal_reference");
            if (status is LicenceStatus.Suspended or LicenceStatus.Cancelled or LicenceStatus.Blacklisted && (reason.Length == 0 || law.Length == 0))
                reasons.Add($"a {status.ToString().ToLowerInvariant()} agency needs status_reason and status_legal_reference");
            if (reason.Length > 1000) reasons.Add("status_reason has more than 1000 characters");
            if (law.Length > 300) reasons.Add("status_legal_reference has more than 300 characters");
            var licence = input.LicenceNumber ?? "";
            if (licence.Length > 0 && existing.Contains(licence)) reasons.Add($"licence {licence} is already in the registry: edit it there instead");
            if (licence.Length > 0 && seenInFile.TryGetValue(licence, out var firstLine)) reasons.Add($"licence {licence} also appears on line {firstLine}");
            else if (licence.Length > 0) seenInFile[licence] = rec.Line;

            if (reasons.Count > 0) rejected.Add(new RejectedRow(rec.Line, licence.Length == 0 ? null : licence, reasons));
            else valid.Add((input, status, since, reason.Length == 0 ? null : reason, law.Length == 0 ? null : law));
            if (i % 500 == 0) progress?.Report((i, total));
        }
        progress?.Report((total, total));
        if (dryRun || valid.Count == 0) return new ImportReport(total, valid.Count, rejected, false, 0);

        var now = db.Clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (input, status, since, reason, law) in valid)
        {
            var agency = new Agency { LicensingState = state, CreatedAt = now, UpdatedAt = now };
            AgencyRules.Apply(agency, input);
            agency.Status = status;
            agency.StatusSince = since ?? agency.ValidFrom;
            var adverse = status is LicenceStatus.Suspended or LicenceStatus.Cancelled or LicenceStatus.Blacklisted;
            agency.StatusReason = adverse ? reason : null;
            agency.StatusLegalReference = adverse ? law : null;
            agency.History.Add(new AgencyStatusChange
            {
                AgencyId = agency.Id, Action = "import", To = status, EffectiveOn = agency.StatusSince.Value,
                Reason = reason ?? "Imported from the registry's CSV file.", LegalReference = law, DecidedBy = who.UserName ?? "system",
                DecidedByOrganisation = who.OrganisationId, RecordedAt = now,
            });
            db.Add(agency);
            AgencySearchIndex.Index(db, agency);
        }
        db.AuditAction = "agency.import";
        db.AuditReason = $"CSV import of {valid.Count} agencies.";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new ImportReport(total, valid.Count, rejected, true, valid.Count);
    }
}

/// <summary>Writes the caller's state's registry as CSV, in the layout the import reads.</summary>
public sealed class ExportAgencies(CebuDbContext db)
{
    public async Task<Outcome<int>> Handle(TextWriter output, CancellationToken ct)
    {
        if (!db.Access.Has(Permissions.AgenciesView) && !db.Access.Has(Permissions.AgenciesManage))
            return Problem.Forbidden("Exporting the registry needs the agencies.view permission.");
        Csv.WriteRow(output, AgencyCsv.Columns);
        var count = 0;
        await foreach (var a in db.Set<Agency>().AsNoTracking().OrderBy(a => a.LicenceNumber).AsAsyncEnumerable().WithCancellation(ct))
        {
            Csv.WriteRow(output,
            [
                a.LicenceNumber, a.LegalName, string.Join("; ", a.OtherNames.Select(n => n.Name)), a.Address, a.Contacts.Phone, a.Contacts.Email,
                a.Contacts.Website, string.Join("; ", a.Principals.Select(AgencyCsv.Principal)), a.ValidFrom.ToString("yyyy-MM-dd"),
                a.ValidUntil.ToString("yyyy-MM-dd"), string.Join("; ", a.Accreditations.Select(x => $"{x.Destination}:{x.Sector}")),
                a.Status.ToString().ToLowerInvariant(), a.StatusSince?.ToString("yyyy-MM-dd"), a.StatusReason, a.StatusLegalReference,
            ]);
            count++;
        }
        return count;
    }
}
