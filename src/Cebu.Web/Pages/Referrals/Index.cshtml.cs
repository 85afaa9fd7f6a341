using Cebu.Core.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Referrals;

/// <summary>The recipient's inbox: referrals to the official's organisation that are active now, with nothing about the person.</summary>
public sealed class IndexModel(ListReferralInbox inbox) : PageModel
{
    public IReadOnlyList<ReferralInboxItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await inbox.Handle(ct);
        if (!outcome.Ok) return Forbid();
        Items = outcome.Value!;
        return Page();
    }
}
