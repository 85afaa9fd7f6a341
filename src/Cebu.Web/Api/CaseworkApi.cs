using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;

namespace Cebu.Web.Api;

public sealed record EscalationAcknowledgementBody(string? Note);

/// <summary>Casework beside the case itself (issue 5): wage claims and their payments, attachments, escalations, the dashboard.</summary>
public static class CaseworkApi
{
    public static void MapCaseworkApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases").WithTags("Casework").RequireAuthorization(Permissions.CasesHandle);

        g.MapGet("/dashboard", async (GetCaseDashboard dashboard, CancellationToken ct) => (await dashboard.Handle(ct)).ToResult(TypedResults.Ok))
            .WithSummary("Your organisation's open cases counted by priority, state, type (labour issue, forced-labour indicator, trafficking flag), employer and agency, with the overdue ones; each key filters GET /api/v1/cases.");

        g.MapGet("/{id:guid}/wage-claims", async (Guid id, ListWageClaims list, CancellationToken ct) => (await list.Handle(id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The case's wage claims and labour-court matters, each with its payments, totals per currency and warnings, and the totals over all of them.");
        g.MapPost("/{id:guid}/wage-claims", async (Guid id, WageClaimInput body, RecordWageClaim record, CancellationToken ct) =>
                (await record.Handle(id, body, ct)).ToResult(v => TypedResults.Created($"/api/v1/cases/{id}/wage-claims/{v.Claim.Id}", v)))
            .WithSummary("Record a wage claim: forum, respondent, stage, amounts claimed per item with their currency, dates filed, heard and decided.");
        g.MapPut("/{id:guid}/wage-claims/{claimId:guid}", async (Guid id, Guid claimId, WageClaimInput body, UpdateWageClaim update, CancellationToken ct) =>
                (await update.Handle(id, claimId, body, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Move a wage claim on (forward only: filed, conciliation, hearing, award, enforcement, closed) or correct it; a field left out keeps its value.");
        g.MapPost("/{id:guid}/wage-claims/{claimId:guid}/payments", async (Guid id, Guid claimId, WageClaimPaymentInput body, AddWageClaimPayment add, CancellationToken ct) =>
                (await add.Handle(id, claimId, body, ct)).ToResult(v => TypedResults.Created($"/api/v1/cases/{id}/wage-claims/{claimId}", v)))
            .WithSummary("Record an amount recovered (date, amount, currency, payer); answers the claim with its new totals and warnings.");

        g.MapGet("/{id:guid}/attachments", async (Guid id, ListCaseAttachments list, CancellationToken ct) => (await list.Handle(id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The case's files (name, type, size, SHA-256, confidential, who and when), without their bytes.");
        g.MapPost("/{id:guid}/attachments", async (Guid id, HttpRequest request, AddCaseAttachment add, CancellationToken ct, string? fileName = null, bool confidential = false, string? description = null) =>
            {
                if (request.ContentLength > AttachmentTypes.MaxBytes) return AddCaseAttachment.TooLarge(request.ContentLength.Value).ToResult();
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > AttachmentTypes.MaxBytes) return AddCaseAttachment.TooLarge(buffer.Length).ToResult();
                }
                return (await add.Handle(new AddCaseAttachment.Request(id, fileName, buffer.ToArray(), confidential, description), ct))
                    .ToResult(a => TypedResults.Created($"/api/v1/cases/{id}/attachments/{a.Id}", a));
            })
            // No Accepts metadata: the type is read from the file's first bytes, whatever Content-Type says.
            .WithSummary("Attach a file as the request body (?fileName=, ?confidential=true): PDF, PNG, JPEG or plain text by its first bytes (else 415), at most 10 MB (else 413).");
        g.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, GetCaseAttachment get, CancellationToken ct) =>
                (await get.Handle(id, attachmentId, ct)).ToResult(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .WithSummary("Download a file of the case (the download is recorded as a read of the case).");

        var e = api.MapGroup("/cases/escalations").WithTags("Casework").RequireAuthorization(Permissions.CasesSupervise);
        e.MapGet("/", async (ListCaseEscalations list, CancellationToken ct, bool all = false) => (await list.Handle(all, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Overdue cases escalated to your organisation's case supervisors: those not acknowledged (?all=true for every one).");
        e.MapPost("/{escalationId:guid}/acknowledge", async (Guid escalationId, EscalationAcknowledgementBody b, AcknowledgeCaseEscalation ack, CancellationToken ct) =>
                (await ack.Handle(escalationId, b.Note, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Acknowledge an escalation, saying what you did about it.");
    }
}
