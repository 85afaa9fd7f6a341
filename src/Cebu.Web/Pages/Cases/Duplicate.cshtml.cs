using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Cases;

/// <summary>The caseworker's decision on a duplicate flag, from the case page; back to the case.</summary>
public sealed class DuplicateModel(DecideCaseDuplicate decide, GetCaseDuplicates get) : PageModel
{
    /// <summary>Back to the case, if the caller's organisation holds it.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, Guid flagId, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (outcome.Ok) return Redirect($"/Cases/Details/{id}#duplicates");
        return outcome.Problem!.Kind == ProblemKind.NotFound ? NotFound() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid flagId, DuplicateDecision? decision, CancellationToken ct)
    {
        var outcome = await decide.Handle(id, flagId, decision, ct);
        if (outcome.Ok) return Redirect($"/Cases/Details/{id}#duplicates");
        return outcome.Problem!.Kind switch { ProblemKind.NotFound => NotFound(), ProblemKind.Forbidden => Forbid(), _ => BadRequest() };
    }
}
