using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Agencies;

public sealed class EditModel(GetAgency get, UpdateAgency update) : PageModel
{
    [BindProperty] public AgencyForm Input { get; set; } = new();
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return NotFound();
        Input = AgencyForm.From(outcome.Value!);
        Version = outcome.Value!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await update.Handle(new UpdateAgency.Request(id, Input.ToInput(), Version, Reason), ct);
        if (outcome.Ok) return Redirect($"/Agencies/Details/{id}");
        if (outcome.Problem!.Kind == ProblemKind.NotFound) return NotFound();
        outcome.Problem.AddTo(ModelState, "Input.");
        return Page();
    }
}
