using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Agencies;

/// <summary>The licensing state and its embassies see reports on its agencies; its licensing officers record the action.</summary>
public sealed class ReportsModel(ListErrantReports list, RecordErrantReportAction record, IAccessContext who) : PageModel
{
    public IReadOnlyList<ErrantReportDto> Reports { get; private set; } = [];
    public string State => who.State ?? "";
    public bool CanAct => who.Has(Permissions.AgenciesManage);
    public Guid? ErrorFor { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(Guid reportId, string? actionTaken, CancellationToken ct)
    {
        var outcome = await record.Handle(new RecordErrantReportAction.Request(reportId, actionTaken), ct);
        if (outcome.Ok) return Redirect($"/Agencies/Reports#report-{reportId}");
        ErrorFor = reportId;
        Error = outcome.Problem!.Errors?.Values.FirstOrDefault()?.FirstOrDefault() ?? $"{outcome.Problem.Title} {outcome.Problem.Detail}";
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var outcome = await list.Handle(null, ct);
        Reports = outcome.Ok ? outcome.Value! : [];
    }
}
