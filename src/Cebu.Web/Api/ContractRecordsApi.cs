using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;

namespace Cebu.Web.Api;

/// <summary>A contract to record for a worker: the terms, the state where the workplace is (default: the worker's destination) and the agency when known.</summary>
public sealed record RecordContractBody(Guid? WorkerId, string? WorkplaceState, Guid? AgencyId, string? AgencyLicenceNumber, ContractTermsRecord? Terms);

/// <summary>Corrected terms of a contract not yet verified.</summary>
public sealed record UpdateContractBody(ContractTermsRecord? Terms);

/// <summary>Why a contract with violations is verified all the same (required only then).</summary>
public sealed record VerifyContractBody(string? OverrideReason);

/// <summary>Why the contract is rejected (required).</summary>
public sealed record RejectContractBody(string? Reasons);

/// <summary>A note on the attestation, or on the acknowledgement of an alert.</summary>
public sealed record NoteBody(string? Note);

public static class ContractRecordsApi
{
    public static void MapContractRecordsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/public/contracts/{code}", async (string code, CheckContractCode check, CancellationToken ct) => (await check.Handle(code, ct)).ToResult(TypedResults.Ok))
            .WithTags("Public contract check").WithSummary("Check a verified contract's code: verified or not, when and by which office, the key terms and the content hash.")
            .Public("A worker, employer or inspector shown a printed contract checks its code; only the terms a worker compares are shown (art. 14).");

        var g = api.MapGroup("/contracts").WithTags("Contracts on record");
        g.MapGet("/", async (ListContracts list, CancellationToken ct, string? status = null, Guid? workerId = null, bool substituted = false, int page = 1, int pageSize = 50) =>
            {
                if (!QueryValues.TryEnum<ContractStatus>(status, "status", out var s, out var bad)) return bad!;
                return (await list.Handle(new ListContracts.Request(s, workerId, substituted, page, pageSize), ct)).ToResult(TypedResults.Ok);
            })
            .RequireAuthorization(Permissions.ContractsView).WithSummary("Contracts you may see: your state's, those for workplaces in your state, your nationals' where your consulate is posted, or your agency's.");
        g.MapPost("/", async (RecordContractBody b, RecordContract record, CancellationToken ct) =>
                (await record.Handle(new RecordContract.Request(b.WorkerId, b.Terms, b.WorkplaceState, b.AgencyId, b.AgencyLicenceNumber), ct))
                    .ToResult(c => TypedResults.Created($"/api/v1/contracts/{c.Id}", c)))
            .RequireAuthorization(Permissions.ContractsRecord)
            .WithSummary("Record a worker's contract; the check runs and, if a verified contract for the same job exists, every worse term raises a substitution alert.");
        g.MapGet("/{id:guid}", async (Guid id, GetContract get, CancellationToken ct) => (await get.Handle(id, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.ContractsView).WithSummary("A contract with its findings, its parties and whether its content hash still holds (the read is logged).");
        g.MapPut("/{id:guid}", async (Guid id, UpdateContractBody b, UpdateContract update, CancellationToken ct) =>
                (await update.Handle(new UpdateContract.Request(id, b.Terms), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.ContractsRecord).WithSummary("Correct a contract's terms before verification; a verified contract is frozen (409).");
        g.MapPut("/{id:guid}/document", async (Guid id, HttpRequest request, AttachContractDocument attach, CancellationToken ct, string? fileName = null) =>
            {
                var declared = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
                if (declared is not ("application/pdf" or "image/png" or "image/jpeg"))
                    return (await attach.Handle(new AttachContractDocument.Request(id, fileName, null, declared ?? "none"), ct)).ToResult(TypedResults.Ok);
                if (request.ContentLength > AttachContractDocument.MaxBytes)
                    return Problem.Invalid("document", $"The file is larger than the limit of {AttachContractDocument.MaxBytes / 1024 / 1024} MB.").ToResult();
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                return (await attach.Handle(new AttachContractDocument.Request(id, fileName, buffer.ToArray()), ct)).ToResult(TypedResults.Ok);
            })
            // No Accepts metadata: routing would answer another content type 415 before the use case says whether the caller may see the contract.
            .RequireAuthorization(Permissions.ContractsRecord).WithSummary("Attach the signed contract (PDF, PNG or JPEG, at most 10 MB) as the request body; its SHA-256 is recorded.");
        g.MapGet("/{id:guid}/document", async (Guid id, GetContractDocument get, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToResult(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .RequireAuthorization(Permissions.ContractsView).WithSummary("The signed document (the read is logged).");
        g.MapPost("/{id:guid}/submit", async (Guid id, SubmitContract submit, CancellationToken ct) => (await submit.Handle(id, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.ContractsRecord).WithSummary("Submit the contract for verification by the sending state's labour office (the signed document is needed).");
        g.MapPost("/{id:guid}/verify", async (Guid id, VerifyContractBody b, VerifyContract verify, CancellationToken ct) =>
                (await verify.Handle(new VerifyContract.Request(id, b.OverrideReason), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.VerificationDecide).WithSummary("Verify a submitted contract: it is frozen under its content hash and gets a check code. Violations need an overrideReason.");
        g.MapPost("/{id:guid}/reject", async (Guid id, RejectContractBody b, RejectContract reject, CancellationToken ct) =>
                (await reject.Handle(new RejectContract.Request(id, b.Reasons), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.VerificationDecide).WithSummary("Reject a submitted contract, with the reasons.");
        g.MapPost("/{id:guid}/attest", async (Guid id, NoteBody b, AttestContract attest, CancellationToken ct) =>
                (await attest.Handle(new AttestContract.Request(id, b.Note), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.InspectionsConduct).WithSummary("The receiving state's labour inspectorate attests a verified contract for a workplace on its territory.");
        g.MapGet("/{id:guid}/integrity", async (Guid id, CheckContractIntegrity check, CancellationToken ct) => (await check.Handle(id, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.ContractsView).WithSummary("Recompute the content hash from the stored terms and document and compare it with the one recorded at verification.");

        var alerts = api.MapGroup("/contract-alerts").WithTags("Contracts on record");
        alerts.MapGet("/", async (ListContractAlerts list, CancellationToken ct, bool open = false) => (await list.Handle(open, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.ContractsView).WithSummary("Substitution alerts for your office: the sending state's, the receiving state's, or your consulate's.");
        alerts.MapPost("/{id:guid}/acknowledge", async (Guid id, NoteBody b, AcknowledgeContractAlert ack, CancellationToken ct) =>
                (await ack.Handle(new AcknowledgeContractAlert.Request(id, b.Note), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.ContractsView).WithSummary("Acknowledge an alert meant for your office.");
    }
}
