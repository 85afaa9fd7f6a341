using System.Security.Claims;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cebu.Web.Platform;

/// <summary>The signed-in official of the current request, read from the claims Cebu put in the cookie or token.</summary>
internal sealed class HttpRequestCaller(IHttpContextAccessor http) : IRequestCaller
{
    public IAccessContext? Current
    {
        get
        {
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true) return null;
            return new FixedAccessContext(
                user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name, user.FindFirstValue(CebuClaims.Organisation),
                user.FindFirstValue(CebuClaims.State), user.FindFirstValue(CebuClaims.LocatedIn), false,
                user.FindAll(CebuClaims.Permission).Select(c => c.Value).ToHashSet())
            {
                AgencyId = Guid.TryParse(user.FindFirstValue(CebuClaims.Agency), out var agency) ? agency : null,
            };
        }
    }
}

/// <summary>
/// Puts the official's organisation, state and permissions into the sign-in. An administrator without a second
/// factor gets no permissions at all until an authenticator is enrolled.
/// </summary>
internal sealed class CebuClaimsFactory(UserManager<CebuUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, CebuDbContext db)
    : UserClaimsPrincipalFactory<CebuUser, IdentityRole>(users, roles, options)
{
    public const string MustEnrolSecondFactor = "cebu:enrol-2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CebuUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrganisationId);
        identity.AddClaim(new Claim(CebuClaims.Organisation, user.OrganisationId));
        if (org?.HomeState is { } state) identity.AddClaim(new Claim(CebuClaims.State, state));
        if (org?.LocatedIn is { } located) identity.AddClaim(new Claim(CebuClaims.LocatedIn, located));
        if (user.AgencyId is { } agency) identity.AddClaim(new Claim(CebuClaims.Agency, agency.ToString()));
        var userRoles = await UserManager.GetRolesAsync(user);
        if (userRoles.Any(Roles.RequiresTwoFactor) && !await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(new Claim(MustEnrolSecondFactor, "true"));
            return identity;
        }
        foreach (var p in Roles.PermissionsOf(userRoles)) identity.AddClaim(new Claim(CebuClaims.Permission, p));
        return identity;
    }
}
