using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Web.Pages.Cases;

/// <summary>
/// Refers a case: the recipient (any organisation on record but a recruitment agency, in another state too), the
/// service, the fields shared (the service's minimum pre-ticked; no more can be chosen) and the worker's consent.
/// Each error is shown beside its field and nothing is saved.
/// </summary>
public sealed class ReferModel(GetCase get, SendReferral send, CebuDbContext db) : PageModel
{
    public CaseDetails? Details { get; private set; }
    public IReadOnlyList<Organisation> Recipients { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public ReferralService Service { get; set; } = ReferralService.LegalAid;
    [BindProperty] public string? Recipient { get; set; }
    [BindProperty] public ReferralReason Reason { get; set; } = ReferralReason.AdditionalServicesRequired;
    [BindProperty] public string? ReferralDetails { get; set; }
    [BindProperty] public List<string> Fields { get; set; } = [];
    [BindProperty] public string? GivenBy { get; set; }
    [BindProperty] public ConsentGiver? GivenByRole { get; set; } = ConsentGiver.Person;
    [BindProperty] public ConsentForm? ConsentForm { get; set; }
    [BindProperty] public DateTime? GivenAt { get; set; }
    [BindProperty] public DateTime? Until { get; set; }

    /// <summary>The fields the service may share, in HTCDS order: the form offers these and no others.</summary>
    public IReadOnlyList<string> Offered => HtcdsFields.All.Where(ConsentRules.FieldsFor(Service).Contains).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await Load(id, ct) is { } failed) return failed;
        Fields = Offered.ToList();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        GivenAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0);
        Until = now.Date.AddDays(90);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var consent = new ConsentInput(GivenBy, GivenByRole, ConsentForm, GivenAt is { } g ? new DateTimeOffset(DateTime.SpecifyKind(g, DateTimeKind.Utc)) : null,
            Until is { } u ? new DateTimeOffset(DateTime.SpecifyKind(u, DateTimeKind.Utc)) : null);
        var outcome = await send.Handle(id, new ReferralInput(Recipient, Service, Reason, ReferralDetails, Fields, consent), ct);
        if (outcome.Ok) return Redirect($"/Cases/Details/{id}#referrals");
        var p = outcome.Problem!;
        if (p.Kind == ProblemKind.NotFound) return NotFound();
        if (p.Kind == ProblemKind.Forbidden) return Forbid();
        p.AddTo(ModelState);
        if (await Load(id, ct) is { } failed) return failed;
        return Page();
    }

    private async Task<IActionResult?> Load(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return outcome.Problem!.Kind == ProblemKind.NotFound ? NotFound() : Forbid();
        Details = outcome.Value;
        var own = Details!.Case.OwnerOrganisationId;
        Recipients = await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.RecruitmentAgency && o.Id != own)
            .OrderBy(o => o.HomeState).ThenBy(o => o.Name).ToListAsync(ct);
        return null;
    }
}
