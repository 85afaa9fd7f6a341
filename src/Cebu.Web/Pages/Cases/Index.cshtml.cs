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

    /// <summary>The dashboard's filter in words, when the queue was opened from it.</summary>
    public string? Filter { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool mine, bool all, CasePriority? priority, CaseState? status, bool overdue, CaseType? type, string? employer, string? agency, CancellationToken ct)
    {
        (Mine, All) = (mine, all);
        var parts = new[] { priority?.ToString(), status?.ToString(), overdue ? "overdue" : null, type?.ToString(), employer, agency }.Where(p => p is not null).ToList();
        Filter = parts.Count > 0 ? string.Join(", ", parts) : null;
        var outcome = await list.Handle(new ListCases.Request(status, priority, OpenOnly: !all, MineOnly: mine, PageSize: 200, OverdueOnly: overdue, Type: type, Employer: employer, Agency: agency), ct);
        if (!outcome.Ok) return Forbid();
        Cases = outcome.Value!;
        return Page();
    }
}
