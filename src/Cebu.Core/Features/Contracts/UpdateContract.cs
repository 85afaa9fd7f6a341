using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Contracts;

/// <summary>Corrects the terms of a contract that is not verified yet (it goes back to 'recorded'); a verified contract is frozen: 409.</summary>
public sealed class UpdateContract(CebuDbContext db, RulePackStore store)
{
    public sealed record Request(Guid Id, ContractTermsRecord? Terms, int? ExpectedVersion = null);

    public async Task<Outcome<EmploymentContract>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        var c = await db.Set<EmploymentContract>().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == r.Id, ct);
        if (c is null) return Problem.NotFound("The contract");
        if (!ContractAccess.CanEdit(who, c)) return Problem.Forbidden("Only the sending state's labour office, the worker's agency, or the receiving state that recorded it changes a contract.");
        if (c.IsFrozen) return ContractWork.Frozen(c);
        var v = new Validation();
        ContractRules.Validate(r.Terms, v);
        if (v.HasErrors) return v.ToProblem();
        if (r.ExpectedVersion is { } expected && expected != c.Version) return Problem.Stale();
        var now = db.Clock.GetUtcNow();
        c.Terms = ContractRules.Normalise(r.Terms!);
        var packs = (await store.CurrentAsync(ct)).Packs;
        c.Findings = ContractWork.Check(c, now, packs).ToList();
        if (c.Status != ContractStatus.Recorded) (c.Status, c.SubmittedAt, c.SubmittedBy) = (ContractStatus.Recorded, null, null);
        c.UpdatedAt = now;
        var w = await db.Set<Worker>().IgnoreQueryFilters().AsNoTracking().FirstAsync(x => x.Id == c.WorkerId, ct);
        await ContractWork.CompareWithVerified(db, c, w, now, packs.Rates, ct);
        db.AuditAction = "contract.update";
        db.AuditReason = "Contract terms corrected before verification.";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Problem.Stale(); }
        return c;
    }
}
