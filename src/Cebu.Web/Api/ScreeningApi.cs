using Cebu.Core.Features.Cases;
using Cebu.Core.Features.Employers;
using Cebu.Core.Features.Screening;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;

namespace Cebu.Web.Api;

/// <summary>A new status of an employer: errant and blacklisted need the source of the finding.</summary>
public sealed record EmployerStatusBody(EmployerStatus? Status, string? Reason, string? Source);

/// <summary>A reviewer's decision on a screening hit: confirmed or dismissed, and why.</summary>
public sealed record ScreeningReviewBody(ScreeningHitStatus? Decision, string? Reason);

/// <summary>A caseworker's decision on a duplicate flag.</summary>
public sealed record DuplicateDecisionBody(DuplicateDecision? Decision);

/// <summary>The employer registry, the screening review queue and the duplicate flags of cases (issue 6).</summary>
public static class ScreeningApi
{
    public static void MapScreeningApi(this RouteGroupBuilder api)
    {
        var e = api.MapGroup("/employers").WithTags("Employers").RequireAuthorization(Permissions.EmployersManage);
        e.MapGet("/", async (ListEmployers list, CancellationToken ct, string? q = null, string? status = null) =>
            {
                if (!QueryValues.TryEnum<EmployerStatus>(status, "status", out var s, out var bad)) return bad!;
                return (await list.Handle(q, s, ct)).ToResult(TypedResults.Ok);
            })
            .WithSummary("Your state's employers (?q= name, trading name or registration number; ?status=errant).");
        e.MapGet("/{id:guid}", async (Guid id, GetEmployer get, CancellationToken ct) => (await get.Handle(id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("An employer of your state, with the screening hits its registration raised.");
        e.MapPost("/", async (EmployerInput b, RegisterEmployer register, CancellationToken ct) =>
                (await register.Handle(b, ct)).ToResult(r => TypedResults.Created($"/api/v1/employers/{r.Employer.Id}", r)))
            .WithSummary("Register an employer. It is screened against blacklisted agencies and errant employers; each hit is queued for review and listed in 'screeningHits'.");
        e.MapPut("/{id:guid}", async (Guid id, EmployerInput b, UpdateEmployer update, CancellationToken ct) => (await update.Handle(id, b, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Correct an employer's details.");
        e.MapPost("/{id:guid}/status", async (Guid id, EmployerStatusBody b, ChangeEmployerStatus change, CancellationToken ct) =>
                (await change.Handle(id, b.Status, b.Reason, b.Source, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Mark an employer errant or blacklisted (reason and source required), or active or closed.");

        var s = api.MapGroup("/screening-hits").WithTags("Screening").RequireAuthorization(Permissions.ScreeningReview);
        s.MapGet("/", async (ListScreeningHits list, CancellationToken ct, string? status = null) =>
            {
                if (!QueryValues.TryEnum<ScreeningHitStatus>(status, "status", out var st, out var bad)) return bad!;
                return (await list.Handle(st, ct)).ToResult(TypedResults.Ok);
            })
            .WithSummary("Your state's screening hits, open ones first (?status=open).");
        s.MapGet("/{id:guid}", async (Guid id, GetScreeningHit get, CancellationToken ct) => (await get.Handle(id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("One screening hit with its evidence.");
        s.MapPost("/{id:guid}/review", async (Guid id, ScreeningReviewBody b, ReviewScreeningHit review, CancellationToken ct) =>
                (await review.Handle(id, b.Decision, b.Reason, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Confirm or dismiss an open hit, with the reason. Confirming records the finding; it suspends nothing by itself.");

        var c = api.MapGroup("/cases").WithTags("Cases").RequireAuthorization(Permissions.CasesHandle);
        c.MapGet("/{id:guid}/duplicates", async (Guid id, GetCaseDuplicates get, CancellationToken ct) => (await get.Handle(id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Earlier cases of your organisation that seem to concern the same person, with score and evidence.");
        c.MapPost("/{id:guid}/duplicates/{flagId:guid}/decision", async (Guid id, Guid flagId, DuplicateDecisionBody b, DecideCaseDuplicate decide, CancellationToken ct) =>
                (await decide.Handle(id, flagId, b.Decision, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Decide a duplicate flag: samePerson or differentPeople.");
    }
}
