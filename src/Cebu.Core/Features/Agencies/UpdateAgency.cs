using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

/// <summary>A licensing officer corrects or completes a licence's details. Status changes go through ChangeAgencyStatus.</summary>
public sealed class UpdateAgency(CebuDbContext db)
{
    public sealed record Request(Guid Id, AgencyInput Agency, int? ExpectedVersion, string? Reason);

    public async Task<Outcome<AgencyDetails>> Handle(Request request, CancellationToken ct)
    {
        var who = db.Access;
        var agency = await db.Set<Agency>().Include(a => a.History).FirstOrDefaultAsync(a => a.Id == request.Id, ct);
        if (agency is null) return Problem.NotFound("The agency");
        if (!AccessRules.CanChange(who, agency, Permissions.AgenciesManage))
            return Problem.Forbidden("Only licensing officers of the licensing state can edit its agencies.");
        if (request.ExpectedVersion is { } expected && expected != agency.Version) return Problem.Stale();
        var v = AgencyRules.Validate(request.Agency);
        if (v.HasErrors) return v.ToProblem();
        var licence = request.Agency.LicenceNumber!.Trim();
        if (await db.Set<Agency>().AnyAsync(a => a.LicensingState == agency.LicensingState && a.LicenceNumber == licence && a.Id != agency.Id, ct))
            return Problem.Invalid("licenceNumber", $"Licence number {licence} belongs to another agency in the registry.");

        AgencyRules.Apply(agency, request.Agency);
        agency.UpdatedAt = db.Clock.GetUtcNow();
        await AgencySearchIndex.ReindexAsync(db, agency, ct);
        db.AuditAction = "agency.update";
        db.AuditReason = string.IsNullOrWhiteSpace(request.Reason) ? "Licence details edited." : request.Reason.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Stale();
        }
        return AgencyDetails.From(agency, DateOnly.FromDateTime(agency.UpdatedAt.UtcDateTime));
    }
}
