using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Referrals;

/// <summary>
/// A referral for the recipient: the fields shared (each opening is a read logged on the case), accept, decline with a
/// reason, report progress or completion. After a decline, withdrawal, revocation or expiry the page is not found.
/// </summary>
public sealed class DetailsModel(GetReferral get, ChangeReferral change) : PageModel
{
    public ReferralView? Referral { get; private set; }
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? ErrorTitle { get; private set; }
    /// <summary>Set after a decline: the referral is gone from the recipient's view.</summary>
    public bool Declined { get; private set; }

    public string? ErrorFor(string key) => Errors.TryGetValue(key, out var list) ? string.Join(" ", list) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return outcome.Problem!.Kind == ProblemKind.NotFound ? NotFound() : Forbid();
        Referral = outcome.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        await After(id, "accept", await change.Handle(new ChangeReferral.Request(id, ReferralAction.Accept), ct), ct);

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, string? reason, CancellationToken ct) =>
        await After(id, "decline", await change.Handle(new ChangeReferral.Request(id, ReferralAction.Decline, Note: reason), ct), ct);

    public async Task<IActionResult> OnPostReportAsync(Guid id, ReferralStatus? status, string? note, CancellationToken ct) =>
        await After(id, "report", await change.Handle(new ChangeReferral.Request(id, ReferralAction.Report, status, note), ct), ct);

    private async Task<IActionResult> After(Guid id, string form, Outcome<ReferralView> outcome, CancellationToken ct)
    {
        ModelState.Clear();
        if (outcome.Ok) return outcome.Value!.Status == ReferralStatus.Declined ? Redirect("/Referrals") : Redirect($"/Referrals/Details/{id}");
        var p = outcome.Problem!;
        if (p.Kind == ProblemKind.NotFound) return NotFound();
        if (p.Kind == ProblemKind.Forbidden) return Forbid();
        ErrorTitle = p.Title + (p.Errors is { Count: > 0 } ? "" : " " + p.Detail);
        p.AddTo(Errors, form);
        var reread = await get.Handle(id, ct);
        if (!reread.Ok) return NotFound();
        Referral = reread.Value;
        return Page();
    }
}
