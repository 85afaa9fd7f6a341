using Cebu.Core.Features.Documents;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Workers;

/// <summary>The owning state corrects a worker's identity or contacts; the timeline keeps what changed and why.</summary>
public sealed class EditModel(GetWorker get, UpdateWorker update, IAccessContext who, TimeProvider clock) : PageModel, IWorkerForm
{
    [BindProperty] public WorkerInput Input { get; set; } = new();
    [BindProperty] public string? Languages { get; set; }
    [BindProperty] public string? Mrz { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Name { get; set; }
    public MrzResult? MrzRead { get; private set; }
    public Guid Id { get; private set; }
    public string? State => who.State;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return NotFound();
        var w = outcome.Value!.Worker;
        // Only the sending state that owns the record edits it; a receiving state sees it but may not change it.
        if (w.OwnerState != who.State) return Forbid();
        Input = WorkerInputs.From(w);
        Languages = string.Join(", ", w.Languages);
        Version = w.Version;
        Name = string.IsNullOrWhiteSpace(w.GivenNames) ? w.FamilyName : $"{w.FamilyName}, {w.GivenNames}";
        return Page();
    }

    public async Task<IActionResult> OnPostMrzAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        // Reading a document onto the form of a record the caller may not edit is refused like the edit itself.
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return NotFound();
        if (outcome.Value!.Worker.OwnerState != who.State) return Forbid();
        ModelState.Clear();
        (MrzRead, Input) = MrzForm.Read(Mrz, Input, ModelState, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        var input = Input with { Languages = WorkerInputs.Languages(Languages) };
        var outcome = await update.Handle(new UpdateWorker.Request(id, input, Version, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim()), ct);
        if (outcome.Ok) return Redirect($"/Workers/Details/{id}");
        if (outcome.Problem!.Kind == ProblemKind.NotFound) return NotFound();
        if (outcome.Problem.Kind == ProblemKind.Forbidden) return Forbid();
        outcome.Problem.AddTo(ModelState, "Input.");
        return Page();
    }
}
