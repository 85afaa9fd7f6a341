using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Contracts;

/// <summary>Substitution alerts for the official's office (sending state, receiving state or consulate), with acknowledge.</summary>
public sealed class AlertsModel(ListContractAlerts list, AcknowledgeContractAlert acknowledge) : PageModel
{
    public IReadOnlyList<ContractAlert> Alerts { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await list.Handle(false, ct);
        if (!outcome.Ok) return Forbid();
        Alerts = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? note, CancellationToken ct)
    {
        var outcome = await acknowledge.Handle(new AcknowledgeContractAlert.Request(id, note), ct);
        if (outcome.Ok) return Redirect("/Contracts/Alerts");
        if (outcome.Problem!.Kind is ProblemKind.NotFound) return NotFound();
        if (outcome.Problem!.Kind is ProblemKind.Forbidden) return Forbid();
        Error = outcome.Problem.Detail ?? outcome.Problem.Title;
        return await OnGetAsync(ct);
    }
}
