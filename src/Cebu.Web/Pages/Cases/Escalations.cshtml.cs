using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Cases;

/// <summary>The case supervisor's inbox: overdue cases the escalation job escalated, until acknowledged (cases.supervise).</summary>
public sealed class EscalationsModel(ListCaseEscalations list, AcknowledgeCaseEscalation acknowledge) : PageModel
{
    public IReadOnlyList<CaseEscalationView> Escalations { get; private set; } = [];
    public bool All { get; private set; }
    public Guid? FailedId { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool all, CancellationToken ct)
    {
        All = all;
        var outcome = await list.Handle(all, ct);
        if (!outcome.Ok) return Forbid();
        Escalations = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid escalationId, string? note, CancellationToken ct)
    {
        var outcome = await acknowledge.Handle(escalationId, note, ct);
        if (outcome.Ok) return Redirect("/Cases/Escalations");
        var p = outcome.Problem!;
        if (p.Kind == ProblemKind.NotFound) return NotFound();
        if (p.Kind == ProblemKind.Forbidden) return Forbid();
        (FailedId, Error) = (escalationId, p.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? p.Detail ?? p.Title);
        Response.StatusCode = p.Kind.StatusCode();
        Escalations = (await list.Handle(false, ct)).Value ?? [];
        return Page();
    }
}
