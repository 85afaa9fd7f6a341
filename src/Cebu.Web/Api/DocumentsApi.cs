using Cebu.Core.Features.Documents;
using Cebu.Core.Platform.Access;

namespace Cebu.Web.Api;

/// <summary>The two or three lines of a machine-readable zone, as pasted or scanned.</summary>
public sealed record MrzBody(string? Mrz);

public static class DocumentsApi
{
    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/documents/mrz", (MrzBody body, TimeProvider clock) =>
            {
                if (string.IsNullOrWhiteSpace(body.Mrz))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mrz"] = ["Send the 2 lines (passport, TD3 or TD2) or 3 lines (ID card, TD1) of the machine-readable zone in 'mrz'."] });
                var result = MrzParser.Parse(body.Mrz, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
                if (result.IsValid) return Results.Ok(result);
                // Each failing field is named, with why; what could be read is returned too, for the officer to compare.
                var errors = result.Errors.GroupBy(e => e.Field)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Line is { } l ? $"{e.Message} (line {l}{(e.Column is { } c ? $", column {c}" : "")})" : e.Message).ToArray());
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The machine-readable zone has errors.",
                    detail: $"{result.Errors.Count} field(s) failed: {string.Join(", ", errors.Keys)}. Check those characters against the document.",
                    extensions: new Dictionary<string, object?> { ["errors"] = errors, ["read"] = result });
            })
            .RequireAuthorization(Permissions.WorkersView)
            .WithTags("Identity documents")
            .WithSummary("Parse and check an ICAO 9303 machine-readable zone (TD1, TD2, TD3): every field, every check digit; expired and soon-to-expire documents flagged.");
    }
}
