using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Cases;

/// <summary>The queue of the caseworker's organisation: open cases, most urgent and soonest due first.</summary>
public sealed class IndexModel(ListCases list) : PageModel
{
    public bool Mine { get; private set; }
    public bool All { get; private set; }
    public Paged<CaseSummary> Cases { get; private set; } = new([], 1, 200, 0);

    public async Task<IActionResult> OnGetAsync(bool mine, bool all, CancellationToken ct)
    {
        (Mine, All) = (mine, all);
        var outcome = await list.Handle(new ListCases.Request(OpenOnly: !all, MineOnly: mine, PageSize: 200), ct);
        if (!outcome.Ok) return Forbid();
        Cases = outcome.Value!;
        return Page();
    }
}
