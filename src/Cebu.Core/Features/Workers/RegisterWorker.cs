using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Workers;

/// <summary>The sending state registers one of its workers at recruitment (Declaration art. 13).</summary>
public sealed class RegisterWorker(CebuDbContext db)
{
    /// <param name="ConfirmedNotDuplicate">The officer looked at the probable duplicates and says this is a different person.</param>
    public sealed record Request(WorkerInput Worker, Guid? AgencyId, string? Destination, string? Sector, string? JobOrderNumber, string? Employer, string? JobTitle,
        bool ConfirmedNotDuplicate = false);

    public async Task<Outcome<Worker>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.WorkersRegister) || who.State is null)
            return Problem.Forbidden("Registering workers needs the workers.register permission of a sending state's labour office.");
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var v = WorkerRules.Validate(r.Worker, today);
        v.Require(r.Destination is null || Platform.Reference.ReferenceData.Shared.IsCountry(r.Destination), "destination", "Use an ISO 3166-1 alpha-2 code for the destination.");
        v.Require(r.Sector is null || Platform.Reference.Sectors.All.Contains(r.Sector), "sector", $"Use one of: {string.Join(", ", Platform.Reference.Sectors.All)}.");
        if (v.HasErrors) return v.ToProblem();
        var passport = WorkerRules.Document(r.Worker.PassportNumber);
        if (passport is not null && await db.Set<Worker>().AnyAsync(w => w.PassportNumber == passport && w.Nationality == r.Worker.Nationality!.ToUpper(), ct))
            return Problem.Invalid("passportNumber", $"A worker with passport {passport} is already registered: open that record instead.");
        var duplicates = await WorkerDuplicates.FindAsync(db, who.State, r.Worker, ct);
        if (duplicates.Count > 0 && !r.ConfirmedNotDuplicate)
            return Problem.Conflict($"This worker is probably already registered ({duplicates.Count} probable duplicate{(duplicates.Count == 1 ? "" : "s")}).",
                "Open the worker listed in 'duplicates' instead. If this is a different person, send the registration again with confirmedNotDuplicate = true: the decision is put on the new worker's timeline.",
                new { duplicates });

        var worker = new Worker
        {
            OwnerState = who.State, OwnerOrganisationId = who.OrganisationId, CreatedAt = now, UpdatedAt = now,
            AgencyId = r.AgencyId, Destination = r.Destination?.ToUpperInvariant() ?? "", Sector = r.Sector ?? "",
            JobOrder = new JobOrder { Number = r.JobOrderNumber, Employer = r.Employer, JobTitle = r.JobTitle },
            DocumentationStatusSince = today,
        };
        WorkerRules.Apply(worker, r.Worker);
        db.Add(worker);
        db.Add(Timeline.Event(worker, today, "registered", "Registered at recruitment.", who, now));
        if (duplicates.Count > 0)
            db.Add(Timeline.Event(worker, today, "not-a-duplicate",
                "Confirmed a different person from the probable duplicate(s) " + string.Join("; ", duplicates.Select(d => $"{d.GivenNames} {d.FamilyName} (born {d.DateOfBirth:yyyy-MM-dd}, record {d.Id}, score {d.Score:0.00})")) + ".", who, now));
        db.AuditAction = "worker.register";
        db.AuditReason = duplicates.Count == 0 ? "Worker registered at recruitment."
            : $"Worker registered at recruitment; confirmed not a duplicate of {string.Join(", ", duplicates.Select(d => d.Id))}.";
        await db.SaveChangesAsync(ct);
        return worker;
    }
}

/// <summary>Adds entries to a worker's timeline.</summary>
internal static class Timeline
{
    public static WorkerEvent Event(Worker w, DateOnly on, string kind, string summary, IAccessContext who, DateTimeOffset now) => new()
    {
        WorkerId = w.Id, OwnerState = w.OwnerState, On = on, Kind = kind, Summary = summary, RecordedBy = who.UserName ?? "system", RecordedAt = now,
    };
}
