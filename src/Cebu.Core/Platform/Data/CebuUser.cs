using Cebu.Core.Platform.Reference;
using Microsoft.AspNetCore.Identity;

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
