using Cebu.Core.Features.Documents;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Workers;

public sealed class RegisterModel(RegisterWorker register, IAccessContext who, TimeProvider clock) : PageModel, IWorkerForm
{
    [BindProperty] public WorkerInput Input { get; set; } = new();
    [BindProperty] public string? Languages { get; set; }
    [BindProperty] public string? Destination { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? Mrz { get; set; }
    /// <summary>Set by the "this is a different person" button, after the probable duplicates were shown.</summary>
    [BindProperty] public bool ConfirmedNotDuplicate { get; set; }
    public IReadOnlyList<ProbableDuplicate> Duplicates { get; private set; } = [];
    public MrzResult? MrzRead { get; private set; }
    public string? State => who.State;

    public void OnGet() { }

    /// <summary>Reads the pasted MRZ into the form; nothing is saved.</summary>
    public void OnPostMrz()
    {
        ModelState.Clear();
        (MrzRead, Input) = MrzForm.Read(Mrz, Input, ModelState, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var input = Input with { Languages = WorkerInputs.Languages(Languages) };
        var outcome = await register.Handle(new RegisterWorker.Request(input, null, Destination, Sector, null, null, null, ConfirmedNotDuplicate), ct);
        if (outcome.Ok) return Redirect($"/Workers/Details/{outcome.Value!.Id}");
        if (outcome.Problem!.Extra is { } extra && extra.GetType().GetProperty("duplicates")?.GetValue(extra) is IReadOnlyList<ProbableDuplicate> duplicates)
        {
            Duplicates = duplicates;
            return Page();
        }
        outcome.Problem!.AddTo(ModelState, "Input.");
        return Page();
    }
}
