using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Csv;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Workers;

public enum CrisisStatus { Unknown, Safe, NeedsHelp, Evacuated, Unreachable }

/// <summary>The latest known status of one national in a crisis (Declaration art. 20).</summary>
public sealed class CrisisCheck : IOwnedByState
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkerId { get; set; }
    [OwnerState] public string OwnerState { get; set; } = "";
    public string Country { get; set; } = "";
    public CrisisStatus Status { get; set; }
    public string? Note { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record CrisisRow(Guid WorkerId, string FamilyName, string GivenNames, string? Phone, string? AddressAbroad, string? Employer, string? Workplace,
    string? Region, string? NextOfKin, string? NextOfKinPhone, CrisisStatus Status, string? Note);

/// <summary>A state's nationals in a country (and region) in crisis, with their contacts and latest status.</summary>
public sealed class ListCrisis(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<CrisisRow>>> Handle(string? country, string? region, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.WorkersView) && !who.Has(Permissions.WorkersRegister))
            return Problem.Forbidden("Crisis lists need the workers.view permission of the sending state or its embassies.");
        if (!Platform.Reference.ReferenceData.Shared.IsCountry(country)) return Problem.Invalid("country", "Choose the country in crisis (ISO code, e.g. SA).");
        var c = country!.ToUpperInvariant();
        var q = db.Set<Worker>().AsNoTracking().VisibleTo(who).Where(w => w.OwnerState == who.State && w.ReturnedOn == null
            && (w.PlacementState == c || (w.Destination == c && (w.Phase == JourneyPhase.Travel || w.Phase == JourneyPhase.Placement))));
        var workers = await q.ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(region))
        {
            var folded = Cebu.Matching.NameFolding.Fold(region);
            workers = workers.Where(w => Cebu.Matching.NameFolding.Fold($"{w.PlacementRegion} {w.Workplace} {w.Contacts.AddressAbroad}").Contains(folded)).ToList();
        }
        var ids = workers.Select(w => w.Id).ToList();
        var checks = (await db.Set<CrisisCheck>().AsNoTracking().Where(x => ids.Contains(x.WorkerId) && x.Country == c).ToListAsync(ct)).ToDictionary(x => x.WorkerId);
        return workers.OrderBy(w => w.FamilyName).Select(w =>
        {
            checks.TryGetValue(w.Id, out var check);
            return new CrisisRow(w.Id, w.FamilyName, w.GivenNames, w.Contacts.Phone, w.Contacts.AddressAbroad, w.Employer, w.Workplace, w.PlacementRegion,
                w.NextOfKin.Name, w.NextOfKin.Phone, check?.Status ?? CrisisStatus.Unknown, check?.Note);
        }).ToList();
    }

    public static void WriteCsv(TextWriter w, IEnumerable<CrisisRow> rows)
    {
        Csv.WriteRow(w, ["family_name", "given_names", "phone", "address_abroad", "employer", "workplace", "region", "next_of_kin", "next_of_kin_phone", "status", "note"]);
        foreach (var r in rows)
            Csv.WriteRow(w, [r.FamilyName, r.GivenNames, r.Phone, r.AddressAbroad, r.Employer, r.Workplace, r.Region, r.NextOfKin, r.NextOfKinPhone, r.Status.ToString(), r.Note]);
    }
}

/// <summary>Records what is known of a national in a crisis: safe, needs help, evacuated, unreachable.</summary>
public sealed class SetCrisisStatus(CebuDbContext db)
{
    public async Task<Outcome<CrisisCheck>> Handle(Guid workerId, string? country, CrisisStatus? status, string? note, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.WorkersView) && !who.Has(Permissions.WorkersRegister))
            return Problem.Forbidden("Crisis lists need the workers.view permission of the sending state or its embassies.");
        var worker = await db.Set<Worker>().VisibleTo(who).FirstOrDefaultAsync(w => w.Id == workerId && w.OwnerState == who.State, ct);
        if (worker is null) return Problem.NotFound("The worker");
        if (status is null) return Problem.Invalid("status", "Choose safe, needsHelp, evacuated or unreachable.");
        if (!Platform.Reference.ReferenceData.Shared.IsCountry(country)) return Problem.Invalid("country", "Name the country in crisis (ISO code).");
        var c = country!.ToUpperInvariant();
        var check = await db.Set<CrisisCheck>().FirstOrDefaultAsync(x => x.WorkerId == workerId && x.Country == c, ct);
        if (check is null) db.Add(check = new CrisisCheck { WorkerId = workerId, OwnerState = worker.OwnerState, Country = c });
        check.Status = status.Value;
        check.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        check.UpdatedBy = who.UserName ?? "system";
        check.UpdatedAt = db.Clock.GetUtcNow();
        db.Add(Timeline.Event(worker, DateOnly.FromDateTime(check.UpdatedAt.UtcDateTime), "crisis", $"Crisis in {c}: {status}. {check.Note}".Trim(), who, check.UpdatedAt));
        db.AuditAction = "worker.crisis-status";
        db.AuditReason = $"Crisis in {c}: {status}.";
        await db.SaveChangesAsync(ct);
        return check;
    }
}
