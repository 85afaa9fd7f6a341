using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Cases;

/// <summary>
/// The forms of the case page's casework section: record a wage claim, move it on, record a payment, attach a file,
/// download one. A success goes back to the case page; a refusal shows the section again with each error beside its field.
/// </summary>
public sealed class WorkModel(RecordWageClaim record, UpdateWageClaim update, AddWageClaimPayment pay, AddCaseAttachment attach, GetCaseAttachment download, ListCaseAttachments files) : PageModel
{
    public Guid CaseId { get; private set; }
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? ErrorTitle { get; private set; }

    /// <summary>The section lives on the case page: go there (404 for a case the caller's organisation does not hold).</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        (await files.Handle(id, ct)).Ok ? Redirect($"/Cases/Details/{id}#casework") : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var outcome = await download.Handle(id, fileId, ct);
        if (!outcome.Ok) return outcome.Problem!.Kind == ProblemKind.NotFound ? NotFound() : Forbid();
        var f = outcome.Value!;
        return File(f.Content, f.ContentType, f.FileName);
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid id, WageClaimForum? forum, string? forumName, string? reference, string? respondent, DateOnly? filedOn,
        WageClaimItemKind? itemKind, decimal? claimed, string? currency, string? itemDescription, CancellationToken ct)
    {
        List<WageClaimItem> items = claimed is null && string.IsNullOrWhiteSpace(currency) ? []
            : [new WageClaimItem { Kind = itemKind ?? WageClaimItemKind.UnpaidWages, Claimed = claimed ?? 0, Currency = currency ?? "", Description = itemDescription }];
        return After(id, "claim", await record.Handle(id, new WageClaimInput(forum, forumName, reference, respondent, Items: items, FiledOn: filedOn), ct));
    }

    public async Task<IActionResult> OnPostStageAsync(Guid id, Guid claimId, WageClaimStage? stage, WageClaimOutcome? outcome, DateOnly? heardOn, DateOnly? decidedOn,
        List<decimal?>? awarded, CancellationToken ct)
    {
        return After(id, $"stage-{claimId}", await update.Handle(id, claimId, new WageClaimInput(Stage: stage, Outcome: outcome, HeardOn: heardOn, DecidedOn: decidedOn, Awarded: awarded is { Count: > 0 } && awarded.Any(a => a is not null) ? awarded : null), ct));
    }

    public async Task<IActionResult> OnPostPaymentAsync(Guid id, Guid claimId, DateOnly? paidOn, decimal? amount, string? currency, string? payer, string? note, CancellationToken ct) =>
        After(id, $"payment-{claimId}", await pay.Handle(id, claimId, new WageClaimPaymentInput(paidOn, amount, currency, payer, note), ct));

    public async Task<IActionResult> OnPostFileAsync(Guid id, IFormFile? file, bool confidential, string? description, CancellationToken ct)
    {
        if (file is { Length: > AttachmentTypes.MaxBytes }) return After<CaseAttachmentView>(id, "file", AddCaseAttachment.TooLarge(file.Length));
        byte[]? bytes = null;
        if (file is not null)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        return After(id, "file", await attach.Handle(new AddCaseAttachment.Request(id, file?.FileName, bytes, confidential, description), ct));
    }

    private IActionResult After<T>(Guid id, string form, Outcome<T> outcome)
    {
        CaseId = id;
        if (outcome.Ok) return Redirect($"/Cases/Details/{id}#casework");
        var p = outcome.Problem!;
        if (p.Kind == ProblemKind.NotFound) return NotFound();
        if (p.Kind == ProblemKind.Forbidden) return Forbid();
        ErrorTitle = p.Title;
        p.AddTo(Errors, form);
        Response.StatusCode = p.Kind.StatusCode();
        return Page();
    }
}
