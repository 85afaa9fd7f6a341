using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Agencies;

/// <summary>One licence, its decisions and the errant reports about it; licensing officers record decisions here.</summary>
public sealed class DetailsModel(GetAgency get, ChangeAgencyStatus change, ListErrantReports reports, IAccessContext who) : PageModel
{
    public AgencyDetails? Agency { get; private set; }
    public IReadOnlyList<ErrantReportDto> Reports { get; private set; } = [];
    public bool CanManage => who.Has(Permissions.AgenciesManage);

    [BindProperty] public LicenceAction? Action { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? LegalReference { get; set; }
    [BindProperty] public DateOnly? EffectiveOn { get; set; }
    [BindProperty] public DateOnly? NewValidUntil { get; set; }
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await change.Handle(new ChangeAgencyStatus.Request(id, Action, Reason, LegalReference, EffectiveOn, NewValidUntil, Version), ct);
        if (outcome.Ok) return Redirect($"/Agencies/Details/{id}");
        if (outcome.Problem!.Kind == ProblemKind.NotFound) return NotFound();
        outcome.Problem.AddTo(ModelState);
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return false;
        Agency = outcome.Value;
        var r = await reports.Handle(id, ct);
        Reports = r.Ok ? r.Value! : [];
        return true;
    }
}
