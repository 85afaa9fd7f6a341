using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Workers;

public sealed class RegisterModel(RegisterWorker register, IAccessContext who) : PageModel
{
    [BindProperty] public WorkerInput Input { get; set; } = new();
    [BindProperty] public string? Languages { get; set; }
    [BindProperty] public string? Destination { get; set; }
    [BindProperty] public string? Sector { get; set; }
    public string? State => who.State;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var input = Input with { Languages = (Languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() };
        var outcome = await register.Handle(new RegisterWorker.Request(input, null, Destination, Sector, null, null, null), ct);
        if (outcome.Ok) return Redirect($"/Workers/Details/{outcome.Value!.Id}");
        outcome.Problem!.AddTo(ModelState, "Input.");
        return Page();
    }
}
