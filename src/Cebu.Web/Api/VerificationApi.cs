using System.Text.Json;
using Cebu.Core.Features.Verification;
using Cebu.Core.Platform.Access;
using Cebu.Web.Platform;

namespace Cebu.Web.Api;

public static class VerificationApi
{
    public static void MapVerificationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/verification").WithTags("Nationality verification");
        g.MapPost("/batches", async (HttpRequest request, string? toState, DateOnly? deadline, string? reference, SubmitBatch submit, CancellationToken ct) =>
            {
                if (request.HasJsonContentType())
                {
                    BatchInput? body;
                    try { body = await request.ReadFromJsonAsync<BatchInput>(JsonSerializerOptions.Web, ct); }
                    catch (JsonException e) { return Cebu.Core.Platform.Results.Problem.Invalid("body", $"The JSON could not be read ({e.Message}). Send toState, deadline (yyyy-MM-dd), reference and requests.").ToResult(); }
                    return (await submit.Handle(body, ct)).ToResult(b => TypedResults.Accepted($"/api/v1/verification/batches/{b.Id}", b));
                }
                var upload = await CsvUpload.SpoolAsync(request, ct);
                if (upload.Problem is not null) return upload.Problem;
                try
                {
                    using var reader = new StreamReader(upload.Path!);
                    var (rows, errors) = VerificationInput.ReadCsv(reader);
                    return (await submit.Handle(toState, deadline, reference, rows, errors, csv: true, ct)).ToResult(b => TypedResults.Accepted($"/api/v1/verification/batches/{b.Id}", b));
                }
                finally { File.Delete(upload.Path!); }
            })
            .Accepts<BatchInput>("application/json", "text/csv", "multipart/form-data")
            .RequireAuthorization(Permissions.VerificationRequest)
            .WithSummary("Send a batch of nationality verification requests to a sending state: JSON (toState, deadline, reference, requests) or a CSV file (body text/csv or form field 'file', with ?toState=KH&deadline=yyyy-MM-dd). A batch with any bad row is rejected whole, naming each row's line and field; an accepted one answers 202 with the batch id and is matched in the background.");
        g.MapGet("/batches", async (ListBatches list, CancellationToken ct) => (await list.Handle(ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.VerificationView)
            .WithSummary("The batches your state sent or received, with progress counts and deadlines.");
        g.MapGet("/batches/{id:guid}", async (Guid id, GetBatch get, CancellationToken ct) => (await get.Handle(id, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.VerificationView)
            .WithSummary("A batch and its requests: the requesting state sees each result (pending, underReview, matched, notFound) and Certificate of Identity; the sending state's verifiers also see outcome, score and candidate.");
        // Review and registry records: anyone who may see batches asks, and only the sending state's verifiers get an answer (404 for the rest).
        g.MapGet("/requests/{id:guid}/review", async (Guid id, GetReview get, CancellationToken ct) => (await get.Handle(id, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.VerificationView)
            .WithSummary("The sending state's verifier reads a request beside its candidate record, with the evidence of each field.");
        g.MapPost("/requests/{id:guid}/decision", async (Guid id, DecisionInput? body, DecideRequest decide, CancellationToken ct) => (await decide.Handle(id, body, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.VerificationRegistry)
            .WithSummary("Confirm (a Certificate of Identity is issued) or reject a request, with a reason: { decision: confirm|reject, reason }.");
        g.MapGet("/registry", async (string? q, int? page, ListRegistry list, CancellationToken ct) => (await list.Handle(q, page ?? 1, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.VerificationRegistry)
            .WithSummary("Your state's civil registry extract (verifiers of the sending state only), searched by name or registry number.");
        g.MapGet("/registry/{id:guid}", async (Guid id, GetRegistryRecord get, CancellationToken ct) => (await get.Handle(id, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.VerificationView)
            .WithSummary("One record of your state's civil registry extract.");
        g.MapPost("/registry", async (HttpRequest request, ImportRegistry import, CancellationToken ct) =>
            {
                var upload = await CsvUpload.SpoolAsync(request, ct);
                if (upload.Problem is not null) return upload.Problem;
                try { return (await import.Handle(() => new StreamReader(upload.Path!), null, ct)).ToResult(TypedResults.Ok); }
                finally { File.Delete(upload.Path!); }
            })
            .Accepts<string>("text/csv", "multipart/form-data")
            .RequireAuthorization(Permissions.VerificationRegistry)
            .WithSummary($"Replace your state's civil registry extract with a CSV ({string.Join(",", ImportRegistry.Columns)}); any bad row rejects the file. Larger extracts: cebu registry import FILE --state XX.");
    }
}

/// <summary>
/// The background matcher of the web app: takes blocks of submitted batches under a lease (see RunVerification), so that
/// several nodes share the work and a restarted node resumes where the batch stopped. Woken when a batch arrives, else
/// looks every 5 seconds. Off with Cebu:VerificationRunner=false.
/// </summary>
public sealed class VerificationRunnerService(IServiceScopeFactory scopes, ILogger<VerificationRunnerService> log) : BackgroundService
{
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.System with { UserName = "system:verification-matcher" };
                var outcome = await scope.ServiceProvider.GetRequiredService<RunVerification>().Handle(_node, null, null, stoppingToken);
                if (outcome.Ok && outcome.Value > 0) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "The verification matcher failed on a block; its lease runs out and it is taken again.");
            }
            try { await VerificationSignal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
