using Cebu.Core.Features.Verification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Verification;

/// <summary>One batch: progress, and each request's result; the sending state's verifiers also see outcome, score and a link to review.</summary>
public sealed class BatchModel(GetBatch get) : PageModel
{
    public BatchDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return NotFound();
        Details = outcome.Value!;
        return Page();
    }

    public static string Label(string result) => result switch { "matched" => "Matched", "notFound" => "Not found", "underReview" => "Under review", _ => "Pending" };
}
