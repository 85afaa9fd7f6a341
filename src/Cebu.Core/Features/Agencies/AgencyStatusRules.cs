namespace Cebu.Core.Features.Agencies;

/// <summary>The decisions a licensing officer can take on a licence.</summary>
public enum LicenceAction { Suspend, Cancel, Blacklist, Reinstate, Renew, Expire }

/// <summary>Which decision is allowed from which status. Pure: tested without a database.</summary>
public static class AgencyStatusRules
{
    public static LicenceStatus Target(LicenceAction action) => action switch
    {
        LicenceAction.Suspend => LicenceStatus.Suspended,
        LicenceAction.Cancel => LicenceStatus.Cancelled,
        LicenceAction.Blacklist => LicenceStatus.Blacklisted,
        LicenceAction.Expire => LicenceStatus.Expired,
        _ => LicenceStatus.Active,
    };

    /// <summary>Null when allowed; otherwise why not, in words an officer can act on.</summary>
    public static string? WhyNot(LicenceStatus current, LicenceAction action) => (current, action) switch
    {
        (LicenceStatus.Blacklisted, _) => "A blacklisted agency cannot be licensed again; its principals must apply as a new agency, which is screened against the blacklist.",
        (LicenceStatus.Active, LicenceAction.Suspend or LicenceAction.Cancel or LicenceAction.Blacklist or LicenceAction.Renew or LicenceAction.Expire) => null,
        (LicenceStatus.Suspended, LicenceAction.Reinstate or LicenceAction.Cancel or LicenceAction.Blacklist) => null,
        (LicenceStatus.Cancelled, LicenceAction.Blacklist) => null,
        (LicenceStatus.Expired, LicenceAction.Renew or LicenceAction.Cancel or LicenceAction.Blacklist) => null,
        (LicenceStatus.Suspended, LicenceAction.Renew) => "Reinstate the suspended licence before renewing it.",
        (LicenceStatus.Cancelled, _) => "A cancelled licence can only be blacklisted; a new licence needs a new application.",
        (_, LicenceAction.Reinstate) => "Only a suspended licence can be reinstated.",
        _ => $"A licence that is {current.ToString().ToLowerInvariant()} cannot be {Past(action)}.",
    };

    public static bool NeedsLegalReference(LicenceAction action) => action is LicenceAction.Suspend or LicenceAction.Cancel or LicenceAction.Blacklist;

    public static string Past(LicenceAction action) => action switch
    {
        LicenceAction.Suspend => "suspended",
        LicenceAction.Cancel => "cancelled",
        LicenceAction.Blacklist => "blacklisted",
        LicenceAction.Reinstate => "reinstated",
        LicenceAction.Renew => "renewed",
        _ => "expired",
    };
}
