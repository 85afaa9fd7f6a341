using Cebu.Core.Features.Verification;
using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Verification;

/// <summary>The sending state's verifier: the declared identity beside the candidate record, field by field with the evidence; confirm or reject with a reason.</summary>
public sealed class ReviewModel(GetReview get, DecideRequest decide) : PageModel
{
    public ReviewView Review { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? decision, CancellationToken ct)
    {
        var outcome = await decide.Handle(id, new DecisionInput(decision, Reason), ct);
        if (outcome.Ok) return Redirect($"/Verification/Review/{id}");
        var p = outcome.Problem!;
        if (p.Kind == ProblemKind.NotFound) return NotFound();
        if (p.Kind == ProblemKind.Forbidden) return Forbid();
        if (p.Errors is { Count: > 0 })
            foreach (var (field, messages) in p.Errors) foreach (var m in messages) ModelState.AddModelError(field == "reason" ? nameof(Reason) : "", m);
        else ModelState.AddModelError("", $"{p.Title} {p.Detail}");
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return false;
        Review = outcome.Value!;
        return true;
    }

    public static readonly (string Field, string Label, Func<Identity, string?> Value)[] Fields =
    [
        ("name", "Name", i => i.FullName),
        ("dateOfBirth", "Date of birth", i => i.DateOfBirth.ToString("yyyy-MM-dd")),
        ("placeOfBirth", "Place of birth", i => i.PlaceOfBirth),
        ("fatherName", "Father's name", i => i.FatherName),
        ("motherName", "Mother's name", i => i.MotherName),
        ("document", "Document numbers", i => i.DocumentNumbers),
    ];
}
