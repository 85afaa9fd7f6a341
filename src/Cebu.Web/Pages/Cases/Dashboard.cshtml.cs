using Cebu.Core.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Cases;

/// <summary>The organisation's open cases counted by priority, state, type, employer and agency; each count links to the filtered queue.</summary>
public sealed class DashboardModel(GetCaseDashboard get) : PageModel
{
    public CaseDashboard? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await get.Handle(ct);
        if (!outcome.Ok) return Forbid();
        Dashboard = outcome.Value;
        return Page();
    }
}
