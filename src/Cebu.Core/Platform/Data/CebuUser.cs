using Cebu.Core.Platform.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Platform.Data;

/// <summary>An official who signs in. Belongs to one organisation.</summary>
public sealed class CebuUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string OrganisationId { get; set; } = "";
    public Organisation? Organisation { get; set; }
    /// <summary>For an agency account: the recruitment agency it acts for.</summary>
    public Guid? AgencyId { get; set; }
}

/// <summary>An authority, embassy, NGO or regional body, from the versioned reference file.</summary>
public sealed class Organisation
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public OrganisationKind Kind { get; set; }
    /// <summary>Whose authority it is: the Cambodian embassy in Bangkok has home state KH.</summary>
    public string? HomeState { get; set; }
    /// <summary>Where it works: the Cambodian embassy in Bangkok is located in TH.</summary>
    public string? LocatedIn { get; set; }
    public string Source { get; set; } = "";
}

public static class OrganisationQueries
{
    /// <summary>
    /// The embassy or consulate of <paramref name="homeState"/> located in <paramref name="locatedIn"/> (the first by id
    /// when there are several), or null when none is on record: who receives a national's complaint there, and who is
    /// notified of their detention (Declaration art. 10).
    /// </summary>
    public static Task<Organisation?> ConsulateOfAsync(this IQueryable<Organisation> organisations, string homeState, string locatedIn, CancellationToken ct) =>
        organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.EmbassyOrConsulate && o.HomeState == homeState && o.LocatedIn == locatedIn)
            .OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
}
