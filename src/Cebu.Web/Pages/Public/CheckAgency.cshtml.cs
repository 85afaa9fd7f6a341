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
        if (q is null) return;
        var outcome = await lookup.Handle(q, ct);
        if (outcome.Ok) Result = outcome.Value;
        else Error = t["Type the agency's name or its licence number."];
    }

    public string CountryName(string code) => ReferenceData.Shared.Country(code)?.Name is { } name ? t[name] : code;

    public string StatusWord(LicenceStatus s) => s switch
    {
        LicenceStatus.Active => "Licensed",
        LicenceStatus.Suspended => "Suspended",
        LicenceStatus.Cancelled => "Licence cancelled",
        LicenceStatus.Expired => "Licence expired",
        _ => "Blacklisted",
    };

    public string StatusSymbol(LicenceStatus s) => s switch { LicenceStatus.Active => "✔", LicenceStatus.Blacklisted or LicenceStatus.Cancelled => "✖", _ => "⚠" };

    public string StatusAdvice(LicenceStatus s) => s switch
    {
        LicenceStatus.Active => "This agency may recruit workers for the destinations and sectors below. Ask for a written contract and a receipt for every payment.",
        LicenceStatus.Suspended => "This agency may not recruit workers now. Do not pay it.",
        LicenceStatus.Cancelled => "This agency's licence was cancelled. It may not recruit workers. Do not pay it.",
        LicenceStatus.Expired => "This agency's licence has expired. It may not recruit workers until it is renewed. Do not pay it.",
        _ => "This agency is blacklisted for breaking the law. Do not pay it, and report anyone who recruits in its name.",
    };
}
