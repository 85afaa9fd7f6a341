using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Contracts;

/// <summary>The agency (or the labour office on its behalf) submits a contract for verification; the checker runs again on the day.</summary>
public sealed class SubmitContract(CebuDbContext db, RulePackStore store)
{
    public async Task<Outcome<EmploymentContract>> Handle(Guid id, CancellationToken ct)
    {
        var who = db.Access;
        var c = await db.Set<EmploymentContract>().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Problem.NotFound("The contract");
        if (!ContractAccess.CanEdit(who, c)) return Problem.Forbidden("Only the worker's agency or the sending state's labour office submits a contract.");
        if (c.IsFrozen) return ContractWork.Frozen(c);
        if (c.Status == ContractStatus.Submitted) return Problem.Conflict("The contract is already submitted.", "Wait for the sending state's labour office to decide.");
        if (!c.IsOffer) return Problem.Conflict("A contract recorded by the receiving state is not submitted for verification.",
            "It records what the worker was handed there, as evidence (it is compared with the verified contract); the agency submits the contract it offers.");
        if (c.DocumentSha256 is null) return Problem.Invalid("document", "Attach the signed contract (PDF, PNG or JPEG) before submitting it.");
        var now = db.Clock.GetUtcNow();
        c.Findings = ContractWork.Check(c, now, (await store.CurrentAsync(ct)).Packs).ToList();
        (c.Status, c.SubmittedAt, c.SubmittedBy, c.UpdatedAt) = (ContractStatus.Submitted, now, who.UserName, now);
        (c.RejectionReasons, c.DecidedAt, c.DecidedBy, c.DecidedByOrganisationId) = (null, null, null, null);
        db.AuditAction = "contract.submit";
        db.AuditReason = $"Submitted for verification with {c.Findings.Count(f => f.Severity == Severities.Violation)} violation(s) found by the check.";
        await db.SaveChangesAsync(ct);
        return c;
    }
}

/// <summary>
/// The sending state's labour office verifies a submitted contract. A contract with violations needs an explicit override
/// reason. Verification freezes it: the content hash over its canonical terms and the document's hash is recorded, and a
/// check code is issued for the printed copy.
/// </summary>
public sealed class VerifyContract(CebuDbContext db, RulePackStore store)
{
    public sealed record Request(Guid Id, string? OverrideReason);

    public async Task<Outcome<EmploymentContract>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        var c = await db.Set<EmploymentContract>().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == r.Id, ct);
        if (c is null) return Problem.NotFound("The contract");
        if (!ContractAccess.CanDecide(who, c)) return Problem.Forbidden("Only the labour office of the worker's sending state verifies a contract.");
        if (c.IsFrozen) return ContractWork.Frozen(c);
        if (c.Status != ContractStatus.Submitted) return Problem.Conflict("The contract is not submitted.", "Only a submitted contract is verified: the agency or the labour office submits it first.");
        var now = db.Clock.GetUtcNow();
        c.Findings = ContractWork.Check(c, now, (await store.CurrentAsync(ct)).Packs).ToList();
        var violations = c.Findings.Count(f => f.Severity == Severities.Violation);
        var reason = r.OverrideReason?.Trim();
        if (violations > 0 && string.IsNullOrEmpty(reason))
            return Problem.Invalid("overrideReason", $"The check found {violations} violation(s) of the law. Reject the contract, or give the reason it is verified all the same.");
        if (reason is { Length: > 2000 }) return Problem.Invalid("overrideReason", "The reason is longer than 2,000 characters.");
        c.Status = ContractStatus.Verified;
        (c.DecidedAt, c.DecidedBy, c.DecidedByOrganisationId, c.OverrideReason, c.RejectionReasons) = (now, who.UserName, who.OrganisationId, string.IsNullOrEmpty(reason) ? null : reason, null);
        c.ContentHash = ContractHash.Compute(c);
        do c.CheckCode = AdvanceJourney.NewCode();
        while (await db.Set<EmploymentContract>().IgnoreQueryFilters().AnyAsync(x => x.CheckCode == c.CheckCode, ct));
        c.UpdatedAt = now;
        db.Add(ContractWork.Event(c, "contract.verified", $"Contract verified: {c.Terms.JobTitle} at {c.Terms.Employer.Name}; check code {c.CheckCode}, content hash {c.ContentHash[..12]}…", who, now));
        db.AuditAction = "contract.verify";
        db.AuditReason = reason is { Length: > 0 } ? $"Verified despite {violations} violation(s): {reason}" : "Verified.";
        await db.SaveChangesAsync(ct);
        return c;
    }
}

/// <summary>The sending state's labour office rejects a submitted contract, with the reasons (required).</summary>
public sealed class RejectContract(CebuDbContext db)
{
    public sealed record Request(Guid Id, string? Reasons);

    public async Task<Outcome<EmploymentContract>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        var c = await db.Set<EmploymentContract>().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == r.Id, ct);
        if (c is null) return Problem.NotFound("The contract");
        if (!ContractAccess.CanDecide(who, c)) return Problem.Forbidden("Only the labour office of the worker's sending state rejects a contract.");
        if (c.IsFrozen) return ContractWork.Frozen(c);
        var reasons = r.Reasons?.Trim();
        if (string.IsNullOrEmpty(reasons)) return Problem.Invalid("reasons", "Give the reasons for rejecting the contract: the agency must know what to correct.");
        if (reasons.Length > 2000) return Problem.Invalid("reasons", "The reasons are longer than 2,000 characters.");
        if (c.Status != ContractStatus.Submitted) return Problem.Conflict("The contract is not submitted.", "Only a submitted contract is rejected.");
        var now = db.Clock.GetUtcNow();
        (c.Status, c.DecidedAt, c.DecidedBy, c.DecidedByOrganisationId, c.RejectionReasons, c.UpdatedAt) = (ContractStatus.Rejected, now, who.UserName, who.OrganisationId, reasons, now);
        db.Add(ContractWork.Event(c, "contract.rejected", $"Contract rejected: {reasons}", who, now));
        db.AuditAction = "contract.reject";
        db.AuditReason = reasons;
        await db.SaveChangesAsync(ct);
        return c;
    }
}

/// <summary>The receiving state's labour inspectorate attests a verified contract for a workplace on its territory.</summary>
public sealed class AttestContract(CebuDbContext db)
{
    public sealed record Request(Guid Id, string? Note);

    public async Task<Outcome<EmploymentContract>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        var c = await db.Set<EmploymentContract>().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == r.Id, ct);
        if (c is null) return Problem.NotFound("The contract");
        if (!ContractAccess.CanAttest(who, c)) return Problem.Forbidden("Only the labour inspectorate of the state where the workplace is attests a contract.");
        if (c.Status != ContractStatus.Verified) return Problem.Conflict("The contract is not verified.", "The receiving state attests a contract once the sending state has verified it.");
        if (c.AttestedAt is not null) return Problem.Conflict("The contract is already attested.", $"Attested on {c.AttestedAt:yyyy-MM-dd} by {c.AttestedBy}.");
        if (r.Note is { Length: > 2000 }) return Problem.Invalid("note", "The note is longer than 2,000 characters.");
        var now = db.Clock.GetUtcNow();
        (c.AttestedAt, c.AttestedBy, c.AttestedByOrganisationId, c.AttestationNote) = (now, who.UserName, who.OrganisationId, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim());
        db.AuditAction = "contract.attest";
        db.AuditReason = c.AttestationNote ?? "Attested by the receiving state.";
        await db.SaveChangesAsync(ct);
        return c;
    }
}
