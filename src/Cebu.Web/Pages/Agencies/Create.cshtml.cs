using Cebu.Core.Features.Agencies;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Agencies;

/// <summary>Grant a licence; a resemblance to a blacklisted agency is shown before it is granted.</summary>
public sealed class CreateModel(CreateAgency create) : PageModel
{
    [BindProperty] public AgencyForm Input { get; set; } = new();
    [BindProperty] public bool ResemblanceReviewed { get; set; }
    [BindProperty] public string? Justification { get; set; }
    public IReadOnlyList<Cebu.Core.Features.Screening.ScreeningMatch> Resemblances { get; private set; } = [];

    public void OnGet()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Input = new AgencyForm { ValidFrom = today, ValidUntil = today.AddYears(3) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await create.Handle(new CreateAgency.Request(Input.ToInput(), ResemblanceReviewed, Justification), ct);
        if (outcome.Ok) return Redirect($"/Agencies/Details/{outcome.Value!.Id}");
        if (outcome.Problem!.Extra is { } extra && extra.GetType().GetProperty("resemblances")?.GetValue(extra) is IReadOnlyList<Cebu.Core.Features.Screening.ScreeningMatch> hits)
        {
            Resemblances = hits;
            ModelState.AddModelError("", outcome.Problem.Title);
            return Page();
        }
        outcome.Problem.AddTo(ModelState, "Input.");
        // Keep the resemblances on screen while the officer completes the justification.
        if (ResemblanceReviewed) Resemblances = await HttpContext.RequestServices.GetRequiredService<ScreenAgencyResemblance>().Handle(Input.ToInput(), null, ct);
        return Page();
    }
}
