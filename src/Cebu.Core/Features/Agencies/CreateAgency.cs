using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

/// <summary>A licensing officer grants a licence. Resemblance to a blacklisted agency is flagged first.</summary>
public sealed class CreateAgency(CebuDbContext db, ScreenAgencyResemblance screen)
{
    /// <param name="Agency">The licence.</param>
    /// <param name="ResemblanceReviewed">True once the officer has seen the blacklist resemblances and still grants the licence.</param>
    /// <param name="Justification">Why the licence is granted despite the resemblances; recorded in the history.</param>
    public sealed record Request(AgencyInput Agency, bool ResemblanceReviewed = false, string? Justification = null);

    public async Task<Outcome<AgencyDetails>> Handle(Request request, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.AgenciesManage) || who.State is null)
            return Problem.Forbidden("Only licensing officers of a state can grant licences.");
        var v = AgencyRules.Validate(request.Agency);
        if (v.HasErrors) return v.ToProblem();
        var licence = request.Agency.LicenceNumber!.Trim();
        if (await db.Set<Agency>().AnyAsync(a => a.LicensingState == who.State && a.LicenceNumber == licence, ct))
            return Problem.Invalid("licenceNumber", $"Licence number {licence} is already in {who.State}'s registry. Open that agency to edit it, or check the number.");

        var hits = await screen.Handle(request.Agency, null, ct);
        if (hits.Count > 0 && !request.ResemblanceReviewed)
            return Problem.Conflict("This licence resembles a blacklisted agency.",
                "Review the resemblances. To grant the licence anyway, send it again with resemblanceReviewed = true and a justification.",
                new { resemblances = hits });
        if (hits.Count > 0 && string.IsNullOrWhiteSpace(request.Justification))
            return Problem.Invalid("justification", "Say why the licence is granted although it resembles a blacklisted agency.");
        if (hits.Count > 0 && request.Justification!.Trim().Length > 900)
            return Problem.Invalid("justification", "A justification has at most 900 characters.");

        var now = db.Clock.GetUtcNow();
        var agency = new Agency { LicensingState = who.State, CreatedAt = now, UpdatedAt = now, StatusSince = request.Agency.ValidFrom };
        AgencyRules.Apply(agency, request.Agency);
        var reason = hits.Count > 0 ? $"Licence granted after review of {hits.Count} blacklist resemblance(s): {request.Justification!.Trim()}" : "Licence granted.";
        agency.History.Add(new AgencyStatusChange
        {
            AgencyId = agency.Id, Action = "grant", From = null, To = LicenceStatus.Active, EffectiveOn = agency.ValidFrom,
            Reason = reason, DecidedBy = who.UserName ?? "system", DecidedByOrganisation = who.OrganisationId, RecordedAt = now,
        });
        db.Add(agency);
        AgencySearchIndex.Index(db, agency);
        // Granted after review: each resemblance stays in the screening queue for a decision (confirmed or dismissed).
        Screening.ScreenParties.Record(db, who.State, Screening.PartyKind.Agency, agency.Id, agency.LicenceNumber, agency.LegalName, hits, now);
        db.AuditAction = "agency.grant";
        db.AuditReason = reason;
        await db.SaveChangesAsync(ct);
        return AgencyDetails.From(agency, DateOnly.FromDateTime(now.UtcDateTime));
    }
}
