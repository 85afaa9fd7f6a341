using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Workers;

/// <summary>What anyone holding a clearance code (an immigration officer, say) may see: only what is needed to check it.</summary>
public sealed record PublicClearance(string Code, bool Valid, string Status, string Name, string PassportNumberEnding, string Nationality,
    string Destination, string Sector, string? Employer, string? Agency, DateOnly IssuedOn);

/// <summary>Checks a deployment clearance code. Public on purpose: the code is the secret, and little is shown.</summary>
public sealed class CheckClearance(CebuDbContext db)
{
    public async Task<Outcome<PublicClearance>> Handle(string? code, CancellationToken ct)
    {
        var normalised = new string((code ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (normalised.Length != 10) return Problem.Invalid("code", "A clearance code has 10 letters and digits, as printed on the clearance.");
        var w = await db.Set<Worker>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.ClearanceCode == normalised, ct);
        if (w is null) return Problem.NotFound("No clearance with this code");
        string? agency = null;
        if (w.AgencyId is { } id)
            agency = await db.Set<Agency>().IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.LegalName + " (" + a.LicenceNumber + ")").FirstOrDefaultAsync(ct);
        var (valid, status) = w.Phase switch
        {
            JourneyPhase.Cleared => (true, "valid: cleared for departure"),
            JourneyPhase.Travel => (true, "used: the worker has departed"),
            JourneyPhase.Placement => (true, "used: the worker is placed"),
            _ => (false, "no longer valid: the worker has returned"),
        };
        var passport = w.PassportNumber ?? "";
        return new PublicClearance(normalised, valid, status, $"{w.FamilyName}, {w.GivenNames}".Trim(' ', ','),
            passport.Length <= 3 ? passport : new string('•', passport.Length - 3) + passport[^3..], w.Nationality, w.Destination, w.Sector,
            w.JobOrder.Employer, agency, w.ClearanceIssuedOn ?? DateOnly.MinValue);
    }
}
