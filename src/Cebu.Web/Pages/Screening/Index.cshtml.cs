using Cebu.Core.Features.Screening;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Screening;

/// <summary>The review queue: the state's screening hits, each with the two records' evidence side by side; confirm or dismiss with a reason.</summary>
public sealed class IndexModel(ListScreeningHits list, ReviewScreeningHit review) : PageModel
{
    public IReadOnlyList<ScreeningHit> Hits { get; private set; } = [];
    [BindProperty] public Guid HitId { get; set; }
    [BindProperty] public ScreeningHitStatus? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await review.Handle(HitId, Decision, Reason, ct);
        if (outcome.Ok) return Redirect($"/Screening#hit-{HitId}");
        if (outcome.Problem!.Kind == ProblemKind.NotFound) return NotFound();
        if (outcome.Problem.Kind == ProblemKind.Forbidden) return Forbid();
        outcome.Problem.AddTo(ModelState);
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var outcome = await list.Handle(null, ct);
        if (outcome.Ok) Hits = outcome.Value!;
        else outcome.Problem!.AddTo(ModelState);
    }
}
