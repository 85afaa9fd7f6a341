using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Contracts;

/// <summary>The substitution alerts meant for the caller's office, open ones first.</summary>
public sealed class ListContractAlerts(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<ContractAlert>>> Handle(bool openOnly, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ContractsView) || who.AgencyId is not null) return Problem.Forbidden("Substitution alerts go to the labour offices of both states and the worker's consulate.");
        var q = db.Set<ContractAlert>().AsNoTracking().AlertsFor(who);
        if (openOnly) q = q.Where(a => a.AcknowledgedAt == null);
        var list = await q.OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);
        return list.OrderBy(a => a.AcknowledgedAt is not null).ThenByDescending(a => a.RaisedAt).ToList();
    }
}

/// <summary>An office acknowledges an alert meant for it (each of the three offices acknowledges its own).</summary>
public sealed class AcknowledgeContractAlert(CebuDbContext db)
{
    public sealed record Request(Guid Id, string? Note);

    public async Task<Outcome<ContractAlert>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ContractsView) || who.AgencyId is not null) return Problem.Forbidden("Substitution alerts go to the labour offices of both states and the worker's consulate.");
        var a = await db.Set<ContractAlert>().AlertsFor(who).FirstOrDefaultAsync(x => x.Id == r.Id, ct);
        if (a is null) return Problem.NotFound("The alert");
        if (a.AcknowledgedAt is not null) return Problem.Conflict("The alert is already acknowledged.", $"Acknowledged on {a.AcknowledgedAt:yyyy-MM-dd} by {a.AcknowledgedBy}.");
        if (r.Note is { Length: > 1000 }) return Problem.Invalid("note", "The note is longer than 1,000 characters.");
        (a.AcknowledgedAt, a.AcknowledgedBy, a.AcknowledgementNote) = (db.Clock.GetUtcNow(), who.UserName, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim());
        db.AuditAction = "contract.alert.acknowledge";
        db.AuditReason = a.AcknowledgementNote ?? "Substitution alert acknowledged.";
        await db.SaveChangesAsync(ct);
        return a;
    }
}
