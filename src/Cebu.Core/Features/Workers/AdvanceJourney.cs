using System.Security.Cryptography;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Workers;

/// <summary>The evidence an officer records for a step of the journey; only the step's own fields are read.</summary>
public sealed record JourneyEvidence
{
    // Recruitment
    public Guid? AgencyId { get; init; }
    /// <summary>The recruiting agency by its licence number in the worker's sending state (instead of AgencyId).</summary>
    public string? AgencyLicenceNumber { get; init; }
    public string? Destination { get; init; }
    public string? Sector { get; init; }
    public string? JobOrderNumber { get; init; }
    public string? Employer { get; init; }
    public string? JobTitle { get; init; }
    // Pre-departure
    public string? ContractReference { get; init; }
    public DateOnly? ContractSignedOn { get; init; }
    public DateOnly? OrientationAttendedOn { get; init; }
    public string? OrientationProvider { get; init; }
    public DateOnly? HealthCheckOn { get; init; }
    public bool? HealthCheckFit { get; init; }
    public string? InsurancePolicy { get; init; }
    public string? Insurer { get; init; }
    public DateOnly? InsuranceValidUntil { get; init; }
    public List<FeePaid>? Fees { get; init; }
    public string? PassportNumber { get; init; }
    public DateOnly? PassportExpiry { get; init; }
    // Travel
    public DateOnly? DepartedOn { get; init; }
    public string? BorderCrossingPoint { get; init; }
    // Placement
    public string? Workplace { get; init; }
    public string? PlacementRegion { get; init; }
    public string? WorkPermitNumber { get; init; }
    public DateOnly? WorkPermitExpiry { get; init; }
    public DateOnly? PlacedOn { get; init; }
    public string? AddressAbroad { get; init; }
    // Return and reintegration
    public DateOnly? ReturnedOn { get; init; }
    public ReturnReason? ReturnReason { get; init; }
    public List<ReintegrationService>? Reintegration { get; init; }
}

/// <summary>
/// Records a step's evidence and moves the worker on when every gate passes. A refused move says which gates
/// failed and saves nothing. Moving to <see cref="JourneyPhase.Cleared"/> issues the deployment clearance code.
/// </summary>
public sealed class AdvanceJourney(CebuDbContext db)
{
    public sealed record Request(Guid WorkerId, JourneyPhase? Target, JourneyEvidence Evidence, int? ExpectedVersion = null);

    public async Task<Outcome<Worker>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        var w = await db.Set<Worker>().FirstOrDefaultAsync(x => x.Id == r.WorkerId, ct)
            // A worker travelling to a state is not yet on its territory: the destination state's inspectorate (the officials
            // who record permits, workers.placement) may find them to record the placement.
            ?? (r.Target == JourneyPhase.Placement && who.State is not null && who.Has(Permissions.WorkersPlacement)
                ? await db.Set<Worker>().IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == r.WorkerId && x.Destination == who.State && x.Phase == JourneyPhase.Travel, ct)
                : null);
        if (w is null) return Problem.NotFound("The worker");
        if (r.Target is null) return Problem.Invalid("target", $"Name the phase to move to: {string.Join(", ", JourneyRules.Next(w.Phase))}.");
        var target = r.Target.Value;
        // The sending state runs the journey; the receiving state's inspectorate records the placement of workers on its
        // territory, with the same permission as later permit changes (RecordPlacement).
        var placementByReceiver = target == JourneyPhase.Placement && who.State == w.Destination && who.Has(Permissions.WorkersPlacement);
        if (!(w.OwnerState == who.State && who.Has(Permissions.WorkersRegister)) && !placementByReceiver)
            return Problem.Forbidden("Only the worker's sending state records the journey; the destination state's inspectorate (workers.placement) may record the placement.");
        if (r.ExpectedVersion is { } v0 && v0 != w.Version) return Problem.Stale();

        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (target == JourneyPhase.PreDeparture && !string.IsNullOrWhiteSpace(r.Evidence.AgencyLicenceNumber))
        {
            var licence = r.Evidence.AgencyLicenceNumber.Trim();
            var id = await db.Set<Agency>().IgnoreQueryFilters().Where(a => a.LicensingState == w.OwnerState && a.LicenceNumber == licence).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            if (id is null) return Problem.Invalid("agency", $"No agency with licence {licence} is registered in {w.OwnerState}.");
            r = r with { Evidence = r.Evidence with { AgencyId = id } };
        }
        Apply(w, target, r.Evidence);
        AgencyFacts? agency = null;
        if (w.AgencyId is { } agencyId && target is JourneyPhase.PreDeparture or JourneyPhase.Cleared)
        {
            var a = await db.Set<Agency>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == agencyId, ct);
            if (a is not null) agency = new AgencyFacts(a.LicenceNumber, a.StatusOn(today), a.Accreditations.Select(x => (x.Destination, x.Sector)).ToList());
        }
        var failures = JourneyRules.Check(w, target, agency, today);
        if (failures.Count > 0)
        {
            // Nothing of a refused move is saved, even if the caller's unit of work saves something else later (a page records its read of the record).
            db.Entry(w).State = EntityState.Detached;
            return new Problem(ProblemKind.Validation, $"The worker cannot move to {JourneyRules.Words(target)} yet.",
                "Each gate that failed is listed in 'errors' with what is missing.",
                failures.GroupBy(f => f.Gate).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray()));
        }

        var from = w.Phase;
        w.Phase = target;
        if (target == JourneyPhase.Cleared)
        {
            w.ClearanceCode = NewCode();
            w.ClearanceIssuedOn = today;
        }
        if (target == JourneyPhase.Placement) w.PlacementState = w.Destination;
        if (target == JourneyPhase.Returned) w.PlacementState = null;
        w.UpdatedAt = now;
        db.Add(Timeline.Event(w, today, "journey." + target.ToString().ToLowerInvariant(),
            $"{JourneyRules.Words(from)} → {JourneyRules.Words(target)}" + (target == JourneyPhase.Cleared ? $"; clearance {w.ClearanceCode}" : ""), who, now));
        db.AuditAction = "worker.journey";
        db.AuditReason = $"Journey: {JourneyRules.Words(from)} to {JourneyRules.Words(target)}.";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Problem.Stale(); }
        return w;
    }

    private static void Apply(Worker w, JourneyPhase target, JourneyEvidence e)
    {
        switch (target)
        {
            case JourneyPhase.PreDeparture:
                w.AgencyId = e.AgencyId ?? w.AgencyId;
                w.Destination = e.Destination?.ToUpperInvariant() ?? w.Destination;
                w.Sector = e.Sector ?? w.Sector;
                w.JobOrder = new JobOrder { Number = e.JobOrderNumber ?? w.JobOrder.Number, Employer = e.Employer ?? w.JobOrder.Employer, JobTitle = e.JobTitle ?? w.JobOrder.JobTitle };
                break;
            case JourneyPhase.Cleared:
                var p = w.PreDeparture;
                w.PreDeparture = new PreDeparture
                {
                    ContractReference = e.ContractReference ?? p.ContractReference, ContractSignedOn = e.ContractSignedOn ?? p.ContractSignedOn,
                    OrientationAttendedOn = e.OrientationAttendedOn ?? p.OrientationAttendedOn, OrientationProvider = e.OrientationProvider ?? p.OrientationProvider,
                    HealthCheckOn = e.HealthCheckOn ?? p.HealthCheckOn, HealthCheckFit = e.HealthCheckFit ?? p.HealthCheckFit,
                    InsurancePolicy = e.InsurancePolicy ?? p.InsurancePolicy, Insurer = e.Insurer ?? p.Insurer, InsuranceValidUntil = e.InsuranceValidUntil ?? p.InsuranceValidUntil,
                    Fees = e.Fees ?? p.Fees,
                };
                w.PassportNumber = WorkerRules.Document(e.PassportNumber) ?? w.PassportNumber;
                w.PassportExpiry = e.PassportExpiry ?? w.PassportExpiry;
                break;
            case JourneyPhase.Travel:
                w.DepartedOn = e.DepartedOn ?? w.DepartedOn;
                w.BorderCrossingPoint = e.BorderCrossingPoint ?? w.BorderCrossingPoint;
                break;
            case JourneyPhase.Placement:
                w.Employer = e.Employer ?? w.Employer ?? w.JobOrder.Employer;
                w.Workplace = e.Workplace ?? w.Workplace;
                w.PlacementRegion = e.PlacementRegion ?? w.PlacementRegion;
                w.WorkPermitNumber = WorkerRules.Document(e.WorkPermitNumber) ?? w.WorkPermitNumber;
                w.WorkPermitExpiry = e.WorkPermitExpiry ?? w.WorkPermitExpiry;
                w.PlacedOn = e.PlacedOn ?? w.PlacedOn;
                if (e.AddressAbroad is not null) w.Contacts = new WorkerContacts { Phone = w.Contacts.Phone, Email = w.Contacts.Email, AddressAtHome = w.Contacts.AddressAtHome, AddressAbroad = e.AddressAbroad };
                break;
            case JourneyPhase.Returned:
                w.ReturnedOn = e.ReturnedOn ?? w.ReturnedOn;
                w.ReturnReason = e.ReturnReason ?? w.ReturnReason;
                break;
            case JourneyPhase.Reintegration:
                if (e.Reintegration is { Count: > 0 }) w.Reintegration = [.. w.Reintegration, .. e.Reintegration];
                break;
        }
    }

    /// <summary>Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 50 bits.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 10);
}
