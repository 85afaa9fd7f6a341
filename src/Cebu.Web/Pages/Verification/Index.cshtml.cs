using Cebu.Core.Features.Verification;
using Cebu.Core.Platform.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Verification;

/// <summary>The verification batches the official's state sent or received, with progress and deadlines.</summary>
public sealed class IndexModel(ListBatches list, IAccessContext who) : PageModel
{
    public IReadOnlyList<BatchView> Batches { get; private set; } = [];
    public bool CanSend => who.Has(Permissions.VerificationRequest);
    public bool IsVerifier => who.State is not null && VerificationAccess.IsVerifier(who, who.State);
    public string? State => who.State;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await list.Handle(ct);
        if (!outcome.Ok) return Forbid();
        Batches = outcome.Value!;
        return Page();
    }
}
