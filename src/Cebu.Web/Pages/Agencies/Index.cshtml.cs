using System.Text;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Agencies;

/// <summary>The registry of the official's own state (access rule 1).</summary>
public sealed class IndexModel(ListAgencies list, ExportAgencies export, IAccessContext who) : PageModel
{
    public string? Q { get; private set; }
    public LicenceStatus? Status { get; private set; }
    public Paged<AgencySummary>? Result { get; private set; }
    public bool CanManage => who.Has(Permissions.AgenciesManage);
    public string StateName => ReferenceData.Shared.Country(who.State)?.Name ?? who.State ?? "";

    public async Task OnGetAsync(string? q, LicenceStatus? status, int p = 1, CancellationToken ct = default)
    {
        Q = q;
        Status = status;
        var outcome = await list.Handle(new ListAgencies.Request(q, status, p, 50), ct);
        if (outcome.Ok) Result = outcome.Value;
        else outcome.Problem!.AddTo(ModelState);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var writer = new StringWriter();
        var outcome = await export.Handle(writer, ct);
        if (!outcome.Ok) return Forbid();
        return File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv", $"agencies-{who.State}-{DateTime.UtcNow:yyyy-MM-dd}.csv");
    }
}
