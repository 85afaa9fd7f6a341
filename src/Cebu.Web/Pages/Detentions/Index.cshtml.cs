using Cebu.Core.Features.Detentions;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Detentions;

/// <summary>Detention notices: those the official's state recorded, or those sent to the official's consulate; overdue ones first.</summary>
public sealed class IndexModel(ListDetentions list, AcknowledgeDetention acknowledge, IAccessContext who) : PageModel
{
    public IReadOnlyList<DetentionView> Notices { get; private set; } = [];
    public bool CanRecord => who.Has(Permissions.DetentionsNotify);
    public string? Organisation => who.OrganisationId;
    [BindProperty(SupportsGet = true)] public Guid? Recorded { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, string? note, CancellationToken ct)
    {
        var outcome = await acknowledge.Handle(id, note, ct);
        if (outcome.Ok) return Redirect("/Detentions");
        if (outcome.Problem!.Kind == ProblemKind.NotFound) return NotFound();
        Error = outcome.Problem.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? outcome.Problem.Detail ?? outcome.Problem.Title;
        if (outcome.Problem.Kind == ProblemKind.Forbidden) return Forbid();
        return await Load(ct) ? Page() : Forbid();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var outcome = await list.Handle(ct);
        if (!outcome.Ok) return false;
        Notices = outcome.Value!;
        return true;
    }
}
