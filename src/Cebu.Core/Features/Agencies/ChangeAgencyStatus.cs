using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

/// <summary>Suspend, cancel, blacklist, reinstate, renew or expire a licence, with the reason and the law.</summary>
public sealed class ChangeAgencyStatus(CebuDbContext db)
{
    /// <param name="Id">The agency.</param>
    /// <param name="Action">suspend, cancel, blacklist, reinstate, renew or expire.</param>
    /// <param name="Reason">Why: shown to the public for suspended, cancelled and blacklisted agencies.</param>
    /// <param name="LegalReference">The law and article the decision rests on (required to suspend, cancel or blacklist).</param>
    /// <param name="EffectiveOn">When the decision takes effect; today when omitted.</param>
    /// <param name="NewValidUntil">For a renewal: the licence's new end date.</param>
    /// <param name="ExpectedVersion">The version read (ETag), to refuse a decision on a stale view.</param>
    public sealed record Request(Guid Id, LicenceAction? Action, string? Reason, string? LegalReference, DateOnly? EffectiveOn = null, DateOnly? NewValidUntil = null, int? ExpectedVersion = null);

    public async Task<Outcome<AgencyDetails>> Handle(Request request, CancellationToken ct)
    {
        var who = db.Access;
        var agency = await db.Set<Agency>().Include(a => a.History).FirstOrDefaultAsync(a => a.Id == request.Id, ct);
        if (agency is null) return Problem.NotFound("The agency");
        if (!AccessRules.CanChange(who, agency, Permissions.AgenciesManage))
            return Problem.Forbidden("Only licensing officers of the licensing state can change a licence's status.");
        if (request.ExpectedVersion is { } expected && expected != agency.Version) return Problem.Stale();

        var v = new Validation();
        v.Require(request.Action is not null, "action", "Choose the action: suspend, cancel, blacklist, reinstate, renew or expire.");
        v.Require(!string.IsNullOrWhiteSpace(request.Reason), "reason", "Say why: the reason is recorded and, for adverse decisions, shown to the public.");
        v.Require(request.Reason is null || request.Reason.Trim().Length <= 1000, "reason", "A reason has at most 1000 characters.");
        v.Require(request.LegalReference is null || request.LegalReference.Trim().Length <= 300, "legalReference", "A legal reference has at most 300 characters.");
        if (request.Action is { } a0 && AgencyStatusRules.NeedsLegalReference(a0))
            v.Require(!string.IsNullOrWhiteSpace(request.LegalReference), "legalReference", "Name the law and article this decision rests on.");
        if (request.Action == LicenceAction.Renew)
            v.Require(request.NewValidUntil is { } u && u > agency.ValidUntil, "newValidUntil", $"A renewal needs a new end date after the current one ({agency.ValidUntil:yyyy-MM-dd}).");
        if (v.HasErrors) return v.ToProblem();

        var action = request.Action!.Value;
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var current = agency.StatusOn(today);
        if (AgencyStatusRules.WhyNot(current, action) is { } why)
            return Problem.Conflict($"The licence cannot be {AgencyStatusRules.Past(action)}.", why);

        var target = AgencyStatusRules.Target(action);
        var effective = request.EffectiveOn ?? today;
        agency.Status = target;
        if (action == LicenceAction.Renew) agency.ValidUntil = request.NewValidUntil!.Value;
        var adverse = target is LicenceStatus.Suspended or LicenceStatus.Cancelled or LicenceStatus.Blacklisted;
        agency.StatusSince = effective;
        agency.StatusReason = adverse ? request.Reason!.Trim() : null;
        agency.StatusLegalReference = adverse ? request.LegalReference?.Trim() : null;
        agency.UpdatedAt = now;
        var change = new AgencyStatusChange
        {
            AgencyId = agency.Id, Action = action.ToString().ToLowerInvariant(), From = current, To = target, EffectiveOn = effective,
            Reason = request.Reason!.Trim(), LegalReference = request.LegalReference?.Trim(), DecidedBy = who.UserName ?? "system",
            DecidedByOrganisation = who.OrganisationId, RecordedAt = now,
        };
        agency.History.Add(change);
        db.Add(change);
        db.AuditAction = "agency." + change.Action;
        db.AuditReason = change.Reason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Stale();
        }
        return AgencyDetails.From(agency, today);
    }
}
