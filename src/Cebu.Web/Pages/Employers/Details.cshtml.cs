using Cebu.Core.Features.Employers;
using Cebu.Core.Features.Screening;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Employers;

/// <summary>One employer, its status (errant, blacklisted: reason and source) and the screening hits its registration raised.</summary>
public sealed class DetailsModel(GetEmployer get, ChangeEmployerStatus change) : PageModel
{
    public Employer? Employer { get; private set; }
    public IReadOnlyList<ScreeningHit> Hits { get; private set; } = [];
    [BindProperty] public EmployerStatus? NewStatus { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Source { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await change.Handle(id, NewStatus, Reason, Source, ct);
        if (outcome.Ok) return Redirect($"/Employers/Details/{id}");
        if (outcome.Problem!.Kind == ProblemKind.NotFound) return NotFound();
        if (outcome.Problem.Kind == ProblemKind.Forbidden) return Forbid();
        outcome.Problem.AddTo(ModelState);
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return false;
        (Employer, Hits) = (outcome.Value!.Employer, outcome.Value.ScreeningHits);
        return true;
    }
}
