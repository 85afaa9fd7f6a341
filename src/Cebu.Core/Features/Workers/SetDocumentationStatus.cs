using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Workers;

/// <summary>
/// Records that a worker is documented, undocumented, or undocumented through no fault of their own, with the
/// reason and the date (Declaration art. 2). The sending state, or the receiving state where the worker is placed.
/// </summary>
public sealed class SetDocumentationStatus(CebuDbContext db)
{
    public sealed record Request(Guid WorkerId, DocumentationStatus? Status, string? Reason, DateOnly? Since);

    public async Task<Outcome<Worker>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        var w = await db.Set<Worker>().FirstOrDefaultAsync(x => x.Id == r.WorkerId, ct);
        if (w is null) return Problem.NotFound("The worker");
        var allowed = (w.OwnerState == who.State && who.Has(Permissions.WorkersRegister)) || (w.PlacementState == who.State && who.Has(Permissions.WorkersView));
        if (!allowed) return Problem.Forbidden("The sending state, or the state where the worker is placed, records documentation status.");
        var v = new Validation();
        v.Require(r.Status is not null, "status", "Choose documented, undocumented or undocumentedNoFault.");
        v.Require(r.Status is not (DocumentationStatus.Undocumented or DocumentationStatus.UndocumentedNoFault) || !string.IsNullOrWhiteSpace(r.Reason),
            "reason", "Say why, e.g. the employer did not renew the permit, or the worker fled abuse.");
        v.Require(r.Since is not null, "since", "Give the date the status began (YYYY-MM-DD).");
        if (v.HasErrors) return v.ToProblem();
        w.DocumentationStatus = r.Status!.Value;
        w.DocumentationStatusReason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim();
        w.DocumentationStatusSince = r.Since;
        w.UpdatedAt = db.Clock.GetUtcNow();
        db.Add(Timeline.Event(w, r.Since!.Value, "documentation", $"{r.Status}: {w.DocumentationStatusReason}".TrimEnd(' ', ':'), who, w.UpdatedAt));
        db.AuditAction = "worker.documentation-status";
        db.AuditReason = w.DocumentationStatusReason ?? r.Status.ToString();
        await db.SaveChangesAsync(ct);
        return w;
    }
}
