using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Cases;

/// <summary>
/// One case for the organisation that holds it: what was reported, the forced-labour screening and its result, the
/// workflow step with each refusal beside its field, assignment, notes, the status history and who read the case.
/// Opening the page is a read of the case and is recorded.
/// </summary>
public sealed class DetailsModel(GetCase get, ScreenCase screen, ChangeCaseStatus change, AssignCase assign, AddCaseNote addNote, ListCaseReferrals referrals, ChangeReferral changeReferral) : PageModel
{
    public CaseDetails? Details { get; private set; }
    /// <summary>The case's referrals: status, consent, the updates reported back.</summary>
    public IReadOnlyList<ReferralView> Referrals { get; private set; } = [];
    public Case Case => Details!.Case;
    /// <summary>Errors by form and field: "screen.answers.deception", "status.reason", "note.text", "assign.assigneeId".</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? ErrorTitle { get; private set; }
    public CaseState? PostedStatus { get; private set; }
    public string? PostedReason { get; private set; }

    public string? ErrorFor(string key) => Errors.TryGetValue(key, out var list) ? string.Join(" ", list) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return outcome.Problem!.Kind == ProblemKind.NotFound ? NotFound() : Forbid();
        Details = outcome.Value;
        Referrals = (await referrals.Handle(id, ct)).Value ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid referralId, string? reason, CancellationToken ct) =>
        await After(id, $"withdraw-{referralId}", await changeReferral.Handle(new ChangeReferral.Request(referralId, ReferralAction.Withdraw, Note: reason), ct), ct);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid referralId, string? reason, CancellationToken ct) =>
        await After(id, $"revoke-{referralId}", await changeReferral.Handle(new ChangeReferral.Request(referralId, ReferralAction.RevokeConsent, Note: reason), ct), ct);

    public async Task<IActionResult> OnPostScreenAsync(Guid id, Dictionary<string, string?>? answers, ScreeningFactsInput facts, CancellationToken ct) =>
        await After(id, "screen", await screen.Handle(new ScreenCase.Request(id, answers, facts), ct), ct);

    public async Task<IActionResult> OnPostStatusAsync(Guid id, CaseState? status, string? assigneeId, CaseOutcome? outcome, CaseResolution? resolution, string? reason, CancellationToken ct)
    {
        (PostedStatus, PostedReason) = (status, reason);
        return await After(id, "status", await change.Handle(new ChangeCaseStatus.Request(id, status, assigneeId, outcome, resolution, reason), ct), ct);
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, string? assigneeId, CancellationToken ct) =>
        await After(id, "assign", await assign.Handle(id, assigneeId, ct), ct);

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? text, bool confidential, CancellationToken ct) =>
        await After(id, "note", await addNote.Handle(id, text, confidential, ct), ct);

    private async Task<IActionResult> After<T>(Guid id, string form, Outcome<T> outcome, CancellationToken ct)
    {
        ModelState.Clear();
        if (outcome.Ok) return Redirect(form.StartsWith("withdraw", StringComparison.Ordinal) || form.StartsWith("revoke", StringComparison.Ordinal) ? $"/Cases/Details/{id}#referrals" : $"/Cases/Details/{id}");
        var p = outcome.Problem!;
        if (p.Kind == ProblemKind.NotFound) return NotFound();
        if (p.Kind == ProblemKind.Forbidden) return Forbid();
        ErrorTitle = p.Title;
        p.AddTo(Errors, form);
        var reread = await get.Handle(id, ct);
        if (!reread.Ok) return NotFound();
        Details = reread.Value;
        Referrals = (await referrals.Handle(id, ct)).Value ?? [];
        return Page();
    }
}
