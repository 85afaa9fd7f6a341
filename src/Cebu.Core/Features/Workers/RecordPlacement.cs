using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Workers;

/// <summary>
/// The work permit and placement of a worker already placed, as the receiving state records them: a permit it issued
/// (number and expiry), a renewal (a new expiry), a change of employer or workplace. Only these fields are written;
/// a field left out (null) keeps its value. The record stays the sending state's: each change goes on its timeline
/// with the old and new value and who made it.
/// </summary>
public sealed class RecordPlacement(CebuDbContext db)
{
    public sealed record Request(Guid WorkerId, string? WorkPermitNumber, DateOnly? WorkPermitExpiry, string? Employer, string? Workplace, string? PlacementRegion,
        string? Reason, int? ExpectedVersion = null);

    public const int MaxPermitNumber = 30, MaxEmployer = 300, MaxWorkplace = 300, MaxRegion = 100, MaxReason = 1000;

    public async Task<Outcome<Worker>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        // Row rule: the owning state, or the state where the worker is placed (access rule 2); anyone else finds nothing.
        var w = await db.Set<Worker>().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == r.WorkerId, ct);
        if (w is null) return Problem.NotFound("The worker");
        var receiver = w.PlacementState is not null && w.PlacementState == who.State && who.Has(Permissions.WorkersPlacement);
        var owner = w.OwnerState == who.State && who.Has(Permissions.WorkersRegister);
        if (!receiver && !owner)
            return Problem.Forbidden("The labour inspectorate of the state where the worker is placed, or the sending state that owns the record, records the work permit and placement.");
        if (w.Phase != JourneyPhase.Placement || w.PlacementState is null)
            return Problem.Invalid("phase", $"The worker is in {JourneyRules.Words(w.Phase)}, not placed: record the placement as a step of the journey first.");
        if (r.ExpectedVersion is { } v0 && v0 != w.Version) return Problem.Stale();

        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var permit = WorkerRules.Document(r.WorkPermitNumber);
        var v = new Validation();
        v.Require(r.WorkPermitNumber is null || permit is not null, "workPermitNumber", "Enter the work permit number, or leave the field out to keep the one on record.");
        v.Require(permit is null || permit.Length <= MaxPermitNumber, "workPermitNumber", $"A work permit number has at most {MaxPermitNumber} letters and digits.");
        // A new permit comes with its own expiry: the old permit's date would not be right for it.
        var samePermit = permit is null || permit == WorkerRules.Document(w.WorkPermitNumber);
        v.Require(samePermit || r.WorkPermitExpiry is not null, "workPermitExpiry", "Enter the expiry date of the new work permit (YYYY-MM-DD).");
        if (r.WorkPermitExpiry is { } expiry)
        {
            v.Require(expiry >= today, "workPermitExpiry", $"The expiry date {expiry:yyyy-MM-dd} is in the past: enter the date the permit (or its renewal) ends.");
            v.Require(expiry <= today.AddYears(10), "workPermitExpiry", $"The expiry date {expiry:yyyy-MM-dd} is more than 10 years away: check the year.");
        }
        Text(v, r.Employer, "employer", MaxEmployer, "the employer's name");
        Text(v, r.Workplace, "workplace", MaxWorkplace, "the workplace address");
        if (r.PlacementRegion is { Length: > MaxRegion }) v.Add("placementRegion", $"The region has at most {MaxRegion} characters.");
        if (r.Reason is { Length: > MaxReason }) v.Add("reason", $"The reason has at most {MaxReason} characters.");
        if (v.HasErrors) return v.ToProblem();

        var before = Fields(w);
        if (!samePermit) w.WorkPermitNumber = permit;
        if (r.WorkPermitExpiry is { } newExpiry) w.WorkPermitExpiry = newExpiry;
        if (r.Employer is not null) w.Employer = r.Employer.Trim();
        if (r.Workplace is not null) w.Workplace = r.Workplace.Trim();
        if (r.PlacementRegion is not null) w.PlacementRegion = string.IsNullOrWhiteSpace(r.PlacementRegion) ? null : r.PlacementRegion.Trim();
        var changes = WorkerRules.Changes(before, Fields(w));
        if (changes.Count == 0)
            return Problem.Invalid("placement", "Nothing changed: enter a new permit number, a new expiry date, or a new employer or workplace.");

        var now = db.Clock.GetUtcNow();
        w.UpdatedAt = now;
        var kind = changes.All(c => c.Field == "workPermitExpiry") ? "permit.renewed"
            : changes.Any(c => c.Field.StartsWith("workPermit", StringComparison.Ordinal)) ? "permit.recorded" : "placement.changed";
        var by = receiver && !owner ? $"the receiving state ({who.State})" : $"the sending state ({who.State})";
        var what = kind switch
        {
            "permit.renewed" => $"Work permit {w.WorkPermitNumber} renewed until {w.WorkPermitExpiry:yyyy-MM-dd}",
            "permit.recorded" => $"Work permit {w.WorkPermitNumber} until {w.WorkPermitExpiry:yyyy-MM-dd} recorded",
            _ => "Placement changed",
        };
        var reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim();
        var e = Timeline.Event(w, today, kind, $"{what} by {by}.{(reason is null ? "" : " " + reason)}", who, now);
        e.Changes = changes;
        db.Add(e);
        db.AuditAction = "worker.placement";
        db.AuditReason = reason ?? $"{what} by {by}.";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Problem.Stale(); }
        return w;
    }

    private static void Text(Validation v, string? value, string field, int max, string what)
    {
        if (value is null) return;
        v.Require(!string.IsNullOrWhiteSpace(value), field, $"Enter {what}, or leave the field out to keep the one on record.");
        v.Require(value.Trim().Length <= max, field, $"Enter {what} in at most {max} characters.");
    }

    private static IReadOnlyList<(string Field, string? Value)> Fields(Worker w) =>
    [
        ("workPermitNumber", w.WorkPermitNumber), ("workPermitExpiry", WorkerRules.Day(w.WorkPermitExpiry)),
        ("employer", w.Employer), ("workplace", w.Workplace), ("placementRegion", w.PlacementRegion),
    ];
}
