using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Contracts;

/// <summary>A contract on record: terms, findings, differences from the verified one, the document, and the next decision.</summary>
public sealed class DetailsModel(GetContract get, AttachContractDocument attach, SubmitContract submit, VerifyContract verify, RejectContract reject,
    AttestContract attest, IAccessContext who) : PageModel
{
    public ContractDetails? Details { get; private set; }
    public string? ErrorTitle { get; private set; }
    public Dictionary<string, string[]> Errors { get; } = new();
    public bool CanEdit => Details is { } d && !d.Contract.IsFrozen && ContractAccess.CanEdit(who, d.Contract);
    public bool CanDecide => Details is { } d && d.Contract.Status == ContractStatus.Submitted && ContractAccess.CanDecide(who, d.Contract);
    public bool CanAttest => Details is { } d && d.Contract.Status == ContractStatus.Verified && d.Contract.AttestedAt is null && ContractAccess.CanAttest(who, d.Contract);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, IFormFile? document, CancellationToken ct)
    {
        byte[]? bytes = null;
        if (document is { Length: > 0 } && document.Length <= AttachContractDocument.MaxBytes)
        {
            using var buffer = new MemoryStream();
            await document.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        else if (document is { Length: > 0 }) return await Refused(id, Problem.Invalid("document", $"The file is larger than {AttachContractDocument.MaxBytes / 1024 / 1024} MB."), ct);
        return await Done(id, await attach.Handle(new AttachContractDocument.Request(id, document?.FileName, bytes), ct), ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => await Done(id, await submit.Handle(id, ct), ct);

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, string? overrideReason, CancellationToken ct) =>
        await Done(id, await verify.Handle(new VerifyContract.Request(id, overrideReason), ct), ct);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reasons, CancellationToken ct) =>
        await Done(id, await reject.Handle(new RejectContract.Request(id, reasons), ct), ct);

    public async Task<IActionResult> OnPostAttestAsync(Guid id, string? note, CancellationToken ct) =>
        await Done(id, await attest.Handle(new AttestContract.Request(id, note), ct), ct);

    private async Task<IActionResult> Done(Guid id, Outcome<EmploymentContract> outcome, CancellationToken ct) =>
        outcome.Ok ? Redirect($"/Contracts/Details/{id}") : await Refused(id, outcome.Problem!, ct);

    private async Task<IActionResult> Refused(Guid id, Problem p, CancellationToken ct)
    {
        if (p.Kind == ProblemKind.NotFound) return NotFound();
        if (p.Kind == ProblemKind.Forbidden) return Forbid();
        ErrorTitle = p.Errors is null ? $"{p.Title} {p.Detail}" : p.Title;
        if (p.Errors is { } errors) foreach (var (k, v) in errors) Errors[k] = v;
        Response.StatusCode = p.Kind == ProblemKind.Conflict ? 409 : 400;
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        Details = outcome.Value;
        return outcome.Ok;
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}
