using Cebu.Core.Features.Detentions;
using Cebu.Core.Platform.Access;
using Cebu.Web.Platform;

namespace Cebu.Web.Api;

/// <summary>The consulate's acknowledgement of a detention notice.</summary>
public sealed record AcknowledgeDetentionBody(string? Note);

public static class DetentionsApi
{
    public static void MapDetentionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/detentions").WithTags("Detentions (consular notification)");
        g.MapPost("/", async (DetentionInput? body, RecordDetention record, CancellationToken ct) =>
                (await record.Handle(body, ct)).ToResult(n => TypedResults.Created($"/api/v1/detentions/{n.Id}", n)))
            .RequireAuthorization(Permissions.DetentionsNotify)
            .WithSummary("Record the arrest or detention of a migrant worker (Declaration art. 10): the consulate of the worker's state in your country is notified at once, or the answer says none is on record (noConsulateOnRecord).");
        g.MapGet("/", async (ListDetentions list, CancellationToken ct) => (await list.Handle(ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.DetentionsView)
            .WithSummary("The detention notices you may see (those your state recorded, or those sent to your consulate): overdue ones first (not acknowledged within 24 hours).");
        g.MapPost("/{id:guid}/acknowledge", async (Guid id, AcknowledgeDetentionBody? body, AcknowledgeDetention ack, CancellationToken ct) =>
                (await ack.Handle(id, body?.Note, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.DetentionsView)
            .WithSummary("The notified consulate acknowledges a notice (who and when are recorded; a note is optional).");
    }
}
