using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Cases;

/// <summary>The caseworker's decision on a duplicate flag, from the case page; back to the case.</summary>
public sealed class DuplicateModel(DecideCaseDuplicate decide) : PageModel
{
    public IActionResult OnGet(Guid id, Guid flagId) => Redirect($"/Cases/Details/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, Guid flagId, DuplicateDecision? decision, CancellationToken ct)
    {
        var outcome = await decide.Handle(id, flagId, decision, ct);
        if (outcome.Ok) return Redirect($"/Cases/Details/{id}#duplicates");
        return outcome.Problem!.Kind switch { ProblemKind.NotFound => NotFound(), ProblemKind.Forbidden => Forbid(), _ => BadRequest() };
    }
}
