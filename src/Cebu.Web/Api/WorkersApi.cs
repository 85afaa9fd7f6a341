using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Cebu.Web.Api;

/// <summary>
/// A worker to register at recruitment. ConfirmedNotDuplicate is set after a 409 listing probable duplicates, when the
/// officer has checked that this is a different person.
/// </summary>
public sealed record RegisterWorkerBody(WorkerInput? Worker, Guid? AgencyId, string? Destination, string? Sector, string? JobOrderNumber, string? Employer, string? JobTitle,
    bool ConfirmedNotDuplicate = false);

/// <summary>Move a worker to a phase, with that step's evidence.</summary>
public sealed record AdvanceJourneyBody(JourneyPhase? Target, JourneyEvidence? Evidence);

/// <summary>A documentation status with its reason and start date.</summary>
public sealed record DocumentationStatusBody(DocumentationStatus? Status, string? Reason, DateOnly? Since);

/// <summary>
/// The work permit and placement of a placed worker, as the receiving state records them: a permit it issued, a
/// renewal (a new expiry), a new employer or workplace. A field left out keeps its value.
/// </summary>
public sealed record PlacementBody(string? WorkPermitNumber, DateOnly? WorkPermitExpiry, string? Employer, string? Workplace, string? PlacementRegion, string? Reason);

/// <summary>What a worker import did: rows read, rows valid, workers registered (0 on a dry run).</summary>
public sealed record WorkerImportResult(int Rows, int Valid, int Imported, bool Committed, bool DryRun);

/// <summary>One problem of a rejected row: its line in the file (the header is line 1), the column, what is wrong and how to fix it.</summary>
public sealed record RejectedField(int Line, string? Reference, string Field, string Message);

/// <summary>A national's status in a crisis.</summary>
public sealed record CrisisStatusBody(string? Country, CrisisStatus? Status, string? Note);

public static class WorkersApi
{
    /// <summary>crisis-TH.csv, or crisis-TH-North.csv for a region: letters, digits and dashes only.</summary>
    internal static string CrisisFileName(string country, string? region)
    {
        var slug = string.Join('-', new string((region ?? "").Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return $"crisis-{country.ToUpperInvariant()}{(slug.Length > 0 ? "-" + slug : "")}.csv";
    }

    public static void MapWorkersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/public/clearances/{code}", async (string code, CheckClearance check, CancellationToken ct) => (await check.Handle(code, ct)).ToResult(TypedResults.Ok))
            .WithTags("Public clearance check").WithSummary("Check a deployment clearance code.")
            .Public("An immigration officer or anyone shown a clearance checks its code; only what is needed is shown.");

        var g = api.MapGroup("/workers").WithTags("Workers");
        g.MapGet("/", async (ListWorkers list, CancellationToken ct, string? view = null, string? phase = null, string? destination = null,
                int? permitExpiresWithinDays = null, string? q = null, DateOnly? dateOfBirth = null, int page = 1, int pageSize = 50) =>
            {
                if (!QueryValues.TryEnum<WorkerView>(view, "view", out var v, out var bad) || !QueryValues.TryEnum<JourneyPhase>(phase, "phase", out var p, out bad)) return bad!;
                return (await list.Handle(new ListWorkers.Request(v ?? WorkerView.Own, p, destination, permitExpiresWithinDays, q, dateOfBirth, page, pageSize), ct)).ToResult(TypedResults.Ok);
            })
            .RequireAuthorization(Permissions.WorkersView).WithSummary("Workers you may see: own, placedHere (with permit expiry filter) or nationals (consuls); search by name, document number or date of birth.");
        g.MapGet("/{id:guid}", async (Guid id, GetWorker get, CancellationToken ct) => (await get.Handle(id, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.WorkersView).WithSummary("A worker's record and timeline.");
        g.MapPost("/", async (RegisterWorkerBody b, RegisterWorker register, CancellationToken ct) =>
            {
                if (b.Worker is null) return Problem.Invalid("worker", "Send the worker's identity in 'worker'.").ToResult();
                return (await register.Handle(new RegisterWorker.Request(b.Worker, b.AgencyId, b.Destination, b.Sector, b.JobOrderNumber, b.Employer, b.JobTitle, b.ConfirmedNotDuplicate), ct))
                    .ToResult(w => TypedResults.Created($"/api/v1/workers/{w.Id}", w));
            })
            .RequireAuthorization(Permissions.WorkersRegister).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Register a worker at recruitment. 409 lists the probable duplicates in your registry (id, names, date of birth, score, evidence per field); "
                + "send again with confirmedNotDuplicate = true for a different person.");
        g.MapPut("/{id:guid}", async (Guid id, WorkerInput b, UpdateWorker update, CancellationToken ct, string? reason = null) =>
                (await update.Handle(new UpdateWorker.Request(id, b, null, reason), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.WorkersRegister).WithSummary("Correct a worker's identity or contacts.");
        g.MapPost("/import", Import).RequireAuthorization(Permissions.WorkersRegister).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(CsvUpload.MaxBytes + CsvUpload.FormOverhead))
            .Produces<WorkerImportResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary($"Register workers from CSV (text/csv body, or a multipart form field 'file'; at most {CsvUpload.MaxBytes / 1024 / 1024} MB). ?dryRun=true only checks. "
                + "Every row is checked; the file is imported whole or not at all. 200 with the counts, 422 listing each rejected row's line, field and message, 413 for a file too large.");
        g.MapPost("/{id:guid}/placement", async (Guid id, PlacementBody b, RecordPlacement record, CancellationToken ct) =>
                (await record.Handle(new RecordPlacement.Request(id, b.WorkPermitNumber, b.WorkPermitExpiry, b.Employer, b.Workplace, b.PlacementRegion, b.Reason), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.WorkersView).Produces<Worker>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record a placed worker's work permit (number, expiry), its renewal, or a new employer or workplace: the labour inspectorate of the state where the worker is placed, or the owning state.");
        g.MapPost("/{id:guid}/journey", async (Guid id, AdvanceJourneyBody b, AdvanceJourney advance, CancellationToken ct) =>
                (await advance.Handle(new AdvanceJourney.Request(id, b.Target, b.Evidence ?? new JourneyEvidence()), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.WorkersView).WithSummary("Record a step's evidence and move the worker on; a refusal names each failed gate.");
        g.MapPost("/{id:guid}/documentation-status", async (Guid id, DocumentationStatusBody b, SetDocumentationStatus set, CancellationToken ct) =>
                (await set.Handle(new SetDocumentationStatus.Request(id, b.Status, b.Reason, b.Since), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.WorkersView).WithSummary("Record documented, undocumented or undocumented through no fault of their own.");

        var crisis = api.MapGroup("/crisis").WithTags("Crisis");
        crisis.MapGet("/{country}", async (string country, ListCrisis list, HttpContext http, CancellationToken ct, string? region = null, string? format = null) =>
            {
                var outcome = await list.Handle(country, region, ct);
                if (!outcome.Ok || format != "csv") return outcome.ToResult(TypedResults.Ok);
                var w = new StringWriter();
                ListCrisis.WriteCsv(w, outcome.Value!);
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(w.ToString()), "text/csv; charset=utf-8", CrisisFileName(country, region));
            })
            .RequireAuthorization(Permissions.WorkersView).WithSummary("Your nationals in a country (and region) in crisis; ?format=csv to export.");
        crisis.MapPost("/workers/{id:guid}", async (Guid id, CrisisStatusBody b, SetCrisisStatus set, CancellationToken ct) =>
                (await set.Handle(id, b.Country, b.Status, b.Note, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.WorkersView).WithSummary("Record a national's status in a crisis.");
    }

    private static async Task<IResult> Import(HttpRequest request, ImportWorkers import, CancellationToken ct, bool dryRun = false)
    {
        var upload = await CsvUpload.SpoolAsync(request, ct);
        if (upload.Problem is not null) return upload.Problem;
        try
        {
            var outcome = await import.Handle(() => new StreamReader(upload.Path!, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true), dryRun, null, ct);
            if (!outcome.Ok) return outcome.Problem!.ToResult();
            var r = outcome.Value!;
            if (r.Rejected.Count == 0) return TypedResults.Ok(new WorkerImportResult(r.Rows, r.Valid, r.Imported, r.Committed, dryRun));
            var rejected = r.Rejected.SelectMany(row => row.ErrorsOrReasons()
                .Select(e => new RejectedField(row.Line, row.LicenceNumber, e.Field, e.Message))).ToList();
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: $"{r.Rejected.Count} of {r.Rows} rows were rejected; nothing was imported.",
                detail: "Correct each row listed in 'rejected' (its line in the file, the header being line 1; the column; what is wrong and how to fix it), "
                    + "then send the whole file again: the import writes every row or none.",
                extensions: new Dictionary<string, object?> { ["rows"] = r.Rows, ["valid"] = r.Valid, ["rejectedRows"] = r.Rejected.Count, ["rejected"] = rejected });
        }
        finally
        {
            File.Delete(upload.Path!);
        }
    }
}
