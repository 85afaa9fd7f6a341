using System.Globalization;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Csv;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Workers;

/// <summary>
/// Registers a batch of workers from CSV. Every row is checked and each rejected row reported with its line number;
/// the batch is written whole, in one transaction, only when every row is valid: never half a batch.
/// </summary>
public sealed class ImportWorkers(CebuDbContext db)
{
    public static readonly string[] Columns =
    [
        "family_name", "given_names", "name_local", "sex", "date_of_birth", "place_of_birth", "nationality", "national_id", "passport_number",
        "passport_expiry", "ci_number", "phone", "email", "address_home", "next_of_kin", "next_of_kin_relationship", "next_of_kin_phone",
        "languages", "destination", "sector",
    ];

    public async Task<Outcome<ImportReport>> Handle(TextReader csv, bool dryRun, IProgress<(int done, int total)>? progress, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.WorkersRegister) || who.State is null)
            return Problem.Forbidden("Only a sending state's labour office can import its workers.");
        var records = Csv.Read(csv).ToList();
        if (CsvImport.Header(records, Columns, Columns, out var col) is { } headerProblem) return headerProblem;
        var headerCount = records[0].Fields.Count;

        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var knownPassports = (await db.Set<Worker>().Where(w => w.OwnerState == who.State && w.PassportNumber != null).Select(w => w.PassportNumber!).ToListAsync(ct)).ToHashSet();
        var seen = new Dictionary<string, int>();
        var rejected = new List<RejectedRow>();
        var valid = new List<(WorkerInput input, string? destination, string? sector)>();
        var total = records.Count - 1;
        for (var i = 1; i < records.Count; i++)
        {
            var rec = records[i];
            string Get(string c) => CsvImport.Field(rec, col, c);
            var reasons = new List<string>();
            if (CsvImport.FieldCountProblem(rec, headerCount) is { } shape) reasons.Add(shape);
            Sex? sex = Get("sex").ToUpperInvariant() switch { "F" or "FEMALE" => Sex.Female, "M" or "MALE" => Sex.Male, "X" or "UNSPECIFIED" => Sex.Unspecified, "" => null, _ => null };
            if (sex is null && Get("sex").Length > 0) reasons.Add($"sex '{Get("sex")}' is not F, M or X");
            var input = new WorkerInput
            {
                FamilyName = Get("family_name"), GivenNames = Get("given_names"), NameInLocalScript = Get("name_local"), Sex = sex,
                DateOfBirth = CsvImport.Date(Get("date_of_birth"), "date_of_birth", reasons), PlaceOfBirth = Get("place_of_birth"), Nationality = Get("nationality"),
                NationalIdNumber = Get("national_id"), PassportNumber = Get("passport_number"), PassportExpiry = CsvImport.Date(Get("passport_expiry"), "passport_expiry", reasons, optional: true),
                CertificateOfIdentityNumber = Get("ci_number"), Phone = Get("phone"), Email = Get("email"), AddressAtHome = Get("address_home"),
                NextOfKinName = Get("next_of_kin"), NextOfKinRelationship = Get("next_of_kin_relationship"), NextOfKinPhone = Get("next_of_kin_phone"),
                Languages = Get("languages").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            };
            var v = WorkerRules.Validate(input, today);
            if (v.HasErrors && v.ToProblem().Errors is { } errs)
                reasons.AddRange(errs.Where(e => e.Key != "dateOfBirth" || !reasons.Any(r => r.StartsWith("date_of_birth"))).SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            var destination = Get("destination");
            if (destination.Length > 0 && !Platform.Reference.ReferenceData.Shared.IsCountry(destination)) reasons.Add($"destination '{destination}' is not an ISO country code Cebu knows");
            var sector = Get("sector");
            if (sector.Length > 0 && !Platform.Reference.Sectors.All.Contains(sector)) reasons.Add($"sector '{sector}' is not one of {string.Join(", ", Platform.Reference.Sectors.All)}");
            var passport = WorkerRules.Document(input.PassportNumber);
            if (passport is not null && knownPassports.Contains(passport)) reasons.Add($"passport {passport} is already registered");
            if (passport is not null && seen.TryGetValue(passport, out var first)) reasons.Add($"passport {passport} also appears on line {first}");
            else if (passport is not null) seen[passport] = rec.Line;
            if (reasons.Count > 0) rejected.Add(new RejectedRow(rec.Line, passport ?? input.FamilyName, reasons));
            else valid.Add((input, destination.Length == 0 ? null : destination.ToUpperInvariant(), sector.Length == 0 ? null : sector));
            if (i % 500 == 0) progress?.Report((i, total));
        }
        progress?.Report((total, total));
        if (dryRun || rejected.Count > 0) return new ImportReport(total, valid.Count, rejected, false, 0);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (input, destination, sector) in valid)
        {
            var w = new Worker
            {
                OwnerState = who.State, OwnerOrganisationId = who.OrganisationId, CreatedAt = now, UpdatedAt = now, Destination = destination ?? "", Sector = sector ?? "",
                DocumentationStatusSince = today,
            };
            WorkerRules.Apply(w, input);
            db.Add(w);
            db.Add(Timeline.Event(w, today, "registered", "Registered by CSV import.", who, now));
        }
        db.AuditAction = "worker.import";
        db.AuditReason = $"CSV import of {valid.Count} workers.";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportReport(total, valid.Count, rejected, true, valid.Count);
    }
}
