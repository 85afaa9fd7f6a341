using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Reports;

/// <summary>A receiving state's official reports an agency as errant, and follows the reports the state filed.</summary>
public sealed class IndexModel(ReportErrantAgency report, ListErrantReports list, IAccessContext who) : PageModel
{
    [BindProperty] public string? LicensingState { get; set; }
    [BindProperty] public string? LicenceNumber { get; set; }
    [BindProperty] public string? WhatHappened { get; set; }
    [BindProperty] public DateOnly? OccurredOn { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    public ErrantReportDto? Sent { get; private set; }
    public IReadOnlyList<ErrantReportDto> Filed { get; private set; } = [];
    public string State => who.State ?? "";

    public async Task OnGetAsync(Guid? sent, CancellationToken ct)
    {
        await Load(ct);
        Sent = Filed.FirstOrDefault(r => r.Id == sent);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await report.Handle(new ReportErrantAgency.Request(LicensingState, LicenceNumber, WhatHappened, OccurredOn, Place, Evidence), ct);
        if (outcome.Ok) return Redirect($"/Reports?sent={outcome.Value!.Id}");
        outcome.Problem!.AddTo(ModelState);
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var outcome = await list.Handle(null, ct);
        Filed = outcome.Ok ? outcome.Value!.Where(r => r.ReportingState == who.State).ToList() : [];
    }
}
