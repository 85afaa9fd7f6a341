using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.RateLimiting;

namespace Cebu.Web.Api;

/// <summary>A case entered by a caseworker or a partner system: the complaint, how it came in, and the records it concerns when known.</summary>
public sealed record EnterCaseBody(ComplaintInput? Complaint, CaseChannel? Channel, Guid? WorkerId, Guid? AgencyId, string? ContractId);

/// <summary>Screening answers by question (abuseOfVulnerability, deception, ...: yes, no or unknown) and the facts beside them.</summary>
public sealed record ScreeningBody(Dictionary<string, string?>? Answers, ScreeningFactsInput? Facts);

/// <summary>A workflow step: the target status and what it needs (assignee, outcome, resolution, reason).</summary>
public sealed record CaseStatusBody(CaseState? Status, string? AssigneeId, CaseOutcome? Outcome, CaseResolution? Resolution, string? Reason);

public sealed record AssignmentBody(string? AssigneeId);
public sealed record CaseNoteBody(string? Text, bool? Confidential);

/// <summary>What the holder of a receipt code sees: the status in plain words, in their language, and nothing else.</summary>
public sealed record PublicComplaintStatus(string Status, string Title, string Text, string Language);

public static class CasesApi
{
    public static void MapCasesApi(this RouteGroupBuilder api)
    {
        var pub = api.MapGroup("/public/complaints").WithTags("Public complaints");
        pub.MapPost("/", async (ComplaintInput body, FileComplaint file, CancellationToken ct) =>
                (await file.Handle(new FileComplaint.Request(body, CaseChannel.PublicForm), ct))
                .ToResult(r => TypedResults.Created($"/api/v1/public/complaints/{r.ReceiptCode}", new { receiptCode = r.Formatted })))
            .RequireRateLimiting(ComplaintRateLimits.File)
            .WithSummary("File a complaint (no sign-in; anonymous allowed). Answers 201 with the receipt code to follow it.")
            .Public("Declaration art. 9: a worker must be able to complain without an account; nothing is returned but the receipt code.");
        pub.MapGet("/{receiptCode}", async (string receiptCode, GetPublicCaseStatus get, CancellationToken ct, string? language = null) =>
                (await get.Handle(receiptCode, ct)).ToResult(s =>
                {
                    var culture = CaseResource.Culture(language) ?? System.Globalization.CultureInfo.CurrentUICulture;
                    var lang = CebuWeb.Cultures.Contains(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName : "en";
                    return TypedResults.Ok(new PublicComplaintStatus(s.Code, CaseResource.Text(s.TitleKey, culture), CaseResource.Text(s.TextKey, culture), lang));
                }))
            .RequireRateLimiting(ComplaintRateLimits.Status)
            .WithSummary("The status of a complaint by its receipt code, in plain words (?language= or Accept-Language). A mistyped code is a 400 naming receiptCode; an unknown one 404.")
            .Public("The person who filed a complaint follows it with the receipt code alone; only the status is shown.");

        var g = api.MapGroup("/cases").WithTags("Cases").RequireAuthorization(Permissions.CasesHandle);
        g.MapGet("/", async (ListCases list, CancellationToken ct, string? status = null, string? priority = null, bool all = false, bool mine = false, int page = 1, int pageSize = 50,
                bool overdue = false, string? type = null, string? employer = null, string? agency = null) =>
            {
                if (!QueryValues.TryEnum<CaseState>(status, "status", out var s, out var bad) || !QueryValues.TryEnum<CasePriority>(priority, "priority", out var p, out bad)
                    || !QueryValues.TryEnum<CaseType>(type, "type", out var t, out bad)) return bad!;
                return (await list.Handle(new ListCases.Request(s, p, !all, mine, page, pageSize, overdue, t, employer, agency), ct)).ToResult(TypedResults.Ok);
            })
            .WithSummary("Your organisation's cases: open ones, most urgent and soonest due first, sorted and paged by the database (?status=, ?priority=, ?all=true for closed ones too, ?mine=true; the dashboard's ?overdue=true, ?type=, ?employer=, ?agency=).");
        g.MapPost("/", async (EnterCaseBody b, FileComplaint file, CancellationToken ct) =>
            {
                if (b.Complaint is null) return Problem.Invalid("complaint", "Send the complaint in 'complaint' (at least language and description).").ToResult();
                if (b.Channel is not (CaseChannel.Hotline or CaseChannel.WalkIn or CaseChannel.PartnerApi))
                    return Problem.Invalid("channel", "Say how the case came in: hotline, walkIn or partnerApi.").ToResult();
                return (await file.Handle(new FileComplaint.Request(b.Complaint, b.Channel.Value, b.WorkerId, b.AgencyId, b.ContractId), ct))
                    .ToResult(r => TypedResults.Created($"/api/v1/cases/{r.CaseId}", new { id = r.CaseId, receiptCode = r.Formatted }));
            })
            .WithSummary("Enter a case from a hotline call, a walk-in or a partner system; your organisation holds it.");
        g.MapGet("/{id:guid}", async (Guid id, GetCase get, CancellationToken ct) => (await get.Handle(id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("A case with its screening, notes, status history and who read it (this read is recorded too).");
        g.MapPost("/{id:guid}/screening", async (Guid id, ScreeningBody b, ScreenCase screen, CancellationToken ct) =>
                (await screen.Handle(new ScreenCase.Request(id, b.Answers, b.Facts), ct)).ToResult(TypedResults.Ok))
            .WithSummary("Screen the case with the ILO's eleven indicators: sets priority, the trafficking flag, reasons and suggested referrals.");
        g.MapPost("/{id:guid}/status", async (Guid id, CaseStatusBody b, ChangeCaseStatus change, CancellationToken ct) =>
                (await change.Handle(new ChangeCaseStatus.Request(id, b.Status, b.AssigneeId, b.Outcome, b.Resolution, b.Reason), ct)).ToResult(TypedResults.Ok))
            .WithSummary("Move the case through the workflow; a refusal names each field to fix and saves nothing.");
        g.MapPost("/{id:guid}/assignment", async (Guid id, AssignmentBody b, AssignCase assign, CancellationToken ct) =>
                (await assign.Handle(id, b.AssigneeId, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Assign the case to a caseworker of your organisation (an empty assigneeId unassigns it).");
        g.MapPost("/{id:guid}/notes", async (Guid id, CaseNoteBody b, AddCaseNote add, CancellationToken ct) =>
                (await add.Handle(id, b.Text, b.Confidential == true, ct)).ToResult(n => TypedResults.Created($"/api/v1/cases/{id}", n)))
            .WithSummary("Add a note; a confidential one never leaves your organisation.");
    }
}
