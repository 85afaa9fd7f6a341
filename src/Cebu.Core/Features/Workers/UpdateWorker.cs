using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Workers;

/// <summary>The owning state corrects a worker's identity or contacts; the timeline keeps each changed field with its old and new value.</summary>
public sealed class UpdateWorker(CebuDbContext db)
{
    public sealed record Request(Guid Id, WorkerInput Worker, int? ExpectedVersion, string? Reason);

    public async Task<Outcome<Worker>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        var w = await db.Set<Worker>().Include(x => x.SearchTerms).FirstOrDefaultAsync(x => x.Id == r.Id, ct);
        if (w is null) return Problem.NotFound("The worker");
        if (w.OwnerState != who.State || !who.Has(Permissions.WorkersRegister))
            return Problem.Forbidden("Only the sending state that owns the record can edit it.");
        if (r.ExpectedVersion is { } v0 && v0 != w.Version) return Problem.Stale();
        var now = db.Clock.GetUtcNow();
        var v = WorkerRules.Validate(r.Worker, DateOnly.FromDateTime(now.UtcDateTime));
        if (v.HasErrors) return v.ToProblem();
        var before = WorkerRules.EditableFields(w);
        WorkerRules.Apply(w, r.Worker);
        var changes = WorkerRules.Changes(before, WorkerRules.EditableFields(w));
        var changed = db.Entry(w).Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).Where(n => n != "SearchName").ToList();
        if (changed.Count == 0) return w;
        w.UpdatedAt = now;
        var edited = Timeline.Event(w, DateOnly.FromDateTime(now.UtcDateTime), "edited", $"Changed: {string.Join(", ", changed.Select(FieldWords))}. {r.Reason}".Trim(), who, now);
        edited.Changes = changes;
        db.Add(edited);
        db.AuditAction = "worker.update";
        db.AuditReason = r.Reason ?? "Record corrected.";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Problem.Stale(); }
        return w;
    }

    /// <summary>A field's name as the timeline says it: "NextOfKin" → "next of kin", "NationalIdNumber" → "national ID number".</summary>
    public static string FieldWords(string property) =>
        System.Text.RegularExpressions.Regex.Replace(property, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant().Replace(" id ", " ID ");
}

/// <summary>A worker's record with its timeline, for the owning state; the receiving state gets the placement view.</summary>
public sealed class GetWorker(CebuDbContext db)
{
    public async Task<Outcome<WorkerDetails>> Handle(Guid id, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.WorkersView) && !who.Has(Permissions.WorkersRegister))
            return Problem.Forbidden("Reading workers' records needs the workers.view permission.");
        var w = await db.Set<Worker>().AsNoTracking().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return Problem.NotFound("The worker");
        // Every read of a person's record is audited, and the owning state can see who looked.
        db.RecordRead(nameof(Worker), id.ToString());
        await db.SaveChangesAsync(ct);
        // Access rule 2: a receiving state sees identity, permit and employer, not the sending state's timeline or family contacts.
        if (w.OwnerState != who.State && !who.IsSystem)
        {
            w.NextOfKin = new NextOfKin();
            w.Contacts = new WorkerContacts { AddressAbroad = w.Contacts.AddressAbroad };
            w.PreDeparture = new PreDeparture { ContractReference = w.PreDeparture.ContractReference, ContractSignedOn = w.PreDeparture.ContractSignedOn };
            return new WorkerDetails(w, [], []);
        }
        var events = await db.Set<WorkerEvent>().AsNoTracking().Where(e => e.WorkerId == id).ToListAsync(ct);
        var key = id.ToString();
        var reads = await db.AuditEvents.AsNoTracking().Where(a => a.RecordType == nameof(Worker) && a.RecordId == key && a.Action == "read")
            .OrderByDescending(a => a.Sequence).Take(50).Select(a => new WorkerRead(a.At, a.UserName, a.OrganisationId)).ToListAsync(ct);
        return new WorkerDetails(w, events.OrderBy(e => e.On).ThenBy(e => e.Id).Select(e => new WorkerEventDto(e.On, e.Kind, e.Summary, e.RecordedBy, e.Changes)).ToList(), reads);
    }
}
