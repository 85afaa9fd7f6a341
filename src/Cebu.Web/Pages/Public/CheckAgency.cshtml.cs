using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Reference;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Pages.Public;

[PublicEndpoint("Workers check an agency's licence before paying it (access rule 6).")]
public sealed class CheckAgencyModel(LookupAgencies lookup, IStringLocalizer<SharedResource> t) : PageModel
{
    public string? Q { get; private set; }
    public string? Error { get; private set; }
    public PublicLookupResult? Result { get; private set; }

    public IEnumerable<OrganisationInfo> LicensingAuthorities =>
        ReferenceData.Shared.Organisations.Where(o => o.Kind == OrganisationKind.LicensingAuthority);

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Q = q;
        // A first visit has no q; a submitted empty box has q present but empty (which binds as null).
        if (!Request.Query.ContainsKey("q")) return;
        q ??= "";
        var outcome = await lookup.Handle(q, ct);
        if (outcome.Ok) Result = outcome.Value;
        else Error = q.Length > 200 ? t["That is too long. Type part of the name, or the licence number."] : t["Type the agency's name or its licence number."];
    }

    public string CountryName(string? code) => t.CountryName(code);

    /// <summary>The authority's name in the reader's language where the resources have it.</summary>
    public string OrganisationName(OrganisationInfo org) => t[org.Name];

    public string StatusWord(LicenceStatus s) => s switch
    {
        LicenceStatus.Active => t["Licensed"],
        LicenceStatus.Suspended => t["Suspended"],
        LicenceStatus.Cancelled => t["Licence cancelled"],
        LicenceStatus.Expired => t["Licence expired"],
        _ => t["Blacklisted"],
    };

    public string StatusSymbol(LicenceStatus s) => s switch { LicenceStatus.Active => "✔", LicenceStatus.Blacklisted or LicenceStatus.Cancelled => "✖", _ => "⚠" };

    public string StatusAdvice(LicenceStatus s) => s switch
    {
        LicenceStatus.Active => t["This agency may recruit workers for the destinations and sectors below. Ask for a written contract and a receipt for every payment."],
        LicenceStatus.Suspended => t["This agency may not recruit workers now. Do not pay it."],
        LicenceStatus.Cancelled => t["This agency's licence was cancelled. It may not recruit workers. Do not pay it."],
        LicenceStatus.Expired => t["This agency's licence has expired. It may not recruit workers until it is renewed. Do not pay it."],
        _ => t["This agency is blacklisted for breaking the law. Do not pay it, and report anyone who recruits in its name."],
    };
}
