using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cebu.Web.Api;

/// <summary>A new licence, and whether the officer has reviewed resemblances to blacklisted agencies.</summary>
public sealed record CreateAgencyBody(AgencyInput? Agency, bool ResemblanceReviewed = false, string? Justification = null);

/// <summary>Edited licence details, and why they changed. Send the ETag you read in If-Match.</summary>
public sealed record UpdateAgencyBody(AgencyInput? Agency, string? Reason = null);

/// <summary>A decision on a licence.</summary>
public sealed record ChangeStatusBody(LicenceAction? Action, string? Reason, string? LegalReference, DateOnly? EffectiveOn = null, DateOnly? NewValidUntil = null);

/// <summary>What an errant agency did, when and where.</summary>
public sealed record ErrantReportBody(string? LicensingState, string? LicenceNumber, string? WhatHappened, DateOnly? OccurredOn, string? Place, string? Evidence);

/// <summary>What the licensing state did about a report.</summary>
public sealed record ErrantActionBody(string? ActionTaken);

public static class AgenciesApi
{
    public static void MapAgenciesApi(this RouteGroupBuilder api)
    {
        var pub = api.MapGroup("/public/agencies").WithTags("Public agency check");
        pub.MapGet("/", PublicLookup)
            .WithSummary("Check a recruitment agency by name or licence number before paying it.")
            .Public("Workers check an agency's licence before paying it (access rule 6).");

        var officials = api.MapGroup("/agencies").WithTags("Agency registry");
        officials.MapGet("/", List).RequireAuthorization(Permissions.AgenciesView).WithSummary("List and search your state's agencies.");
        officials.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.AgenciesView).WithSummary("Read one agency with its history.");
        officials.MapPost("/", Create).RequireAuthorization(Permissions.AgenciesManage).WithSummary("Grant a licence.");
        officials.MapPut("/{id:guid}", Update).RequireAuthorization(Permissions.AgenciesManage).WithSummary("Edit a licence's details.");
        officials.MapPost("/{id:guid}/status", ChangeStatus).RequireAuthorization(Permissions.AgenciesManage)
            .WithSummary("Suspend, cancel, blacklist, reinstate, renew or expire a licence.");
        officials.MapGet("/export", Export).RequireAuthorization(Permissions.AgenciesView).WithSummary("Your state's registry as CSV.");
        officials.MapPost("/import", Import).RequireAuthorization(Permissions.AgenciesManage).DisableAntiforgery()
            .WithSummary("Import agencies from CSV (text/csv body). ?dryRun=true only checks the rows.");

        var reports = api.MapGroup("/errant-reports").WithTags("Errant agencies");
        reports.MapGet("/", ListReports).RequireAuthorization().WithSummary("Reports your state filed or must act on; overdue first.");
        reports.MapPost("/", Report).RequireAuthorization(Permissions.AgenciesReport).WithSummary("Report an agency as errant.");
        reports.MapPost("/{id:guid}/action", RecordAction).RequireAuthorization(Permissions.AgenciesManage).WithSummary("Record the action the licensing state took.");
    }

    private static async Task<IResult> PublicLookup(string? q, LookupAgencies lookup, CancellationToken ct) =>
        (await lookup.Handle(q, ct)).ToResult(r => TypedResults.Ok(new { items = r.Items }));

    private static async Task<IResult> List(string? q, string? status, ListAgencies list, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        if (!QueryValues.TryEnum<LicenceStatus>(status, "status", out var s, out var bad)) return bad!;
        return (await list.Handle(new ListAgencies.Request(q, s, page, pageSize), ct)).ToResult(TypedResults.Ok);
    }

    private static async Task<IResult> Get(Guid id, GetAgency get, HttpContext http, CancellationToken ct) =>
        (await get.Handle(id, ct)).ToResult(a => WithETag(http, a, TypedResults.Ok(a)));

    private static async Task<IResult> Create(CreateAgencyBody body, CreateAgency create, HttpContext http, CancellationToken ct)
    {
        if (body.Agency is null) return Problem.Invalid("agency", "Send the licence in 'agency'.").ToResult();
        return (await create.Handle(new CreateAgency.Request(body.Agency, body.ResemblanceReviewed, body.Justification), ct))
            .ToResult(a => WithETag(http, a, TypedResults.Created($"/api/v1/agencies/{a.Id}", a)));
    }

    private static async Task<IResult> Update(Guid id, UpdateAgencyBody body, UpdateAgency update, HttpContext http, CancellationToken ct)
    {
        if (body.Agency is null) return Problem.Invalid("agency", "Send the licence in 'agency'.").ToResult();
        if (!TryIfMatch(http, out var version, out var bad)) return bad!;
        return (await update.Handle(new UpdateAgency.Request(id, body.Agency, version, body.Reason), ct)).ToResult(a => WithETag(http, a, TypedResults.Ok(a)));
    }

    private static async Task<IResult> ChangeStatus(Guid id, ChangeStatusBody body, ChangeAgencyStatus change, HttpContext http, CancellationToken ct)
    {
        if (!TryIfMatch(http, out var version, out var bad)) return bad!;
        return (await change.Handle(new ChangeAgencyStatus.Request(id, body.Action, body.Reason, body.LegalReference, body.EffectiveOn, body.NewValidUntil, version), ct))
            .ToResult(a => WithETag(http, a, TypedResults.Ok(a)));
    }

    private static async Task<IResult> Export(ExportAgencies export, HttpContext http, CancellationToken ct)
    {
        var writer = new StringWriter();
        var outcome = await export.Handle(writer, ct);
        return outcome.ToResult(_ => TypedResults.Text(writer.ToString(), "text/csv; charset=utf-8"));
    }

    private static async Task<IResult> Import(HttpRequest request, ImportAgencies import, CancellationToken ct, bool dryRun = false)
    {
        // The CSV reader reads synchronously, which Kestrel refuses on the request stream: read the body first.
        using var body = new StreamReader(request.Body);
        using var reader = new StringReader(await body.ReadToEndAsync(ct));
        return (await import.Handle(reader, dryRun, null, ct)).ToResult(TypedResults.Ok);
    }

    private static async Task<IResult> ListReports(ListErrantReports list, CancellationToken ct, Guid? agencyId = null) =>
        (await list.Handle(agencyId, ct)).ToResult(TypedResults.Ok);

    private static async Task<IResult> Report(ErrantReportBody b, ReportErrantAgency report, CancellationToken ct) =>
        (await report.Handle(new ReportErrantAgency.Request(b.LicensingState, b.LicenceNumber, b.WhatHappened, b.OccurredOn, b.Place, b.Evidence), ct))
            .ToResult(r => TypedResults.Created($"/api/v1/errant-reports/{r.Id}", r));

    private static async Task<IResult> RecordAction(Guid id, ErrantActionBody b, RecordErrantReportAction record, CancellationToken ct) =>
        (await record.Handle(new RecordErrantReportAction.Request(id, b.ActionTaken), ct)).ToResult(TypedResults.Ok);

    private static IResult WithETag(HttpContext http, AgencyDetails a, IResult result)
    {
        http.Response.Headers.ETag = $"\"{a.Version}\"";
        return result;
    }

    /// <summary>Reads If-Match: absent means last writer wins (allowed); malformed is an error.</summary>
    private static bool TryIfMatch(HttpContext http, out int? version, out IResult? bad)
    {
        version = null;
        bad = null;
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header)) return true;
        if (int.TryParse(header.Trim().Trim('W', '/').Trim('"'), out var v)) { version = v; return true; }
        bad = TypedResults.Problem(statusCode: 400, title: "If-Match is not an ETag Cebu issued.", detail: "Send the ETag header from your last read, e.g. If-Match: \"3\".");
        return false;
    }
}
