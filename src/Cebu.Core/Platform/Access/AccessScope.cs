namespace Cebu.Core.Platform.Access;

/// <summary>
/// Lets code that runs outside a request (seeding, the CLI, background jobs) act as the system or as a named
/// official. Unset, the caller is whoever the request says, or the public: never the system by default.
/// </summary>
public sealed class AccessScope
{
    public IAccessContext? Override { get; set; }
}

/// <summary>Supplies the caller of the current request (the web app registers one that reads the signed-in user).</summary>
public interface IRequestCaller
{
    IAccessContext? Current { get; }
}

/// <summary>The IAccessContext every use case and the DbContext receive: the override, else the request's caller, else the public.</summary>
internal sealed class ScopedAccessContext(AccessScope scope, IRequestCaller? request = null) : IAccessContext
{
    private IAccessContext Who => scope.Override ?? request?.Current ?? FixedAccessContext.Public;
    public string? UserId => Who.UserId;
    public string? UserName => Who.UserName;
    public string? OrganisationId => Who.OrganisationId;
    public string? State => Who.State;
    public string? LocatedIn => Who.LocatedIn;
    public bool IsSystem => Who.IsSystem;
    public Guid? AgencyId => Who.AgencyId;
    public bool Has(string permission) => Who.Has(permission);
}
