using Microsoft.AspNetCore.Diagnostics;

namespace Cebu.Web.Platform;

/// <summary>A request the framework could not bind (malformed JSON, a query value of the wrong type) is the caller's error: 400 with what was wrong.</summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message + " Check the field's type and spelling against /openapi/v1.json." },
        });
    }
}

/// <summary>Reads enum values from the query string without regard to case ("placedHere", "PlacedHere").</summary>
public static class QueryValues
{
    public static bool TryEnum<T>(string? value, string name, out T? result, out IResult? bad) where T : struct, Enum
    {
        result = null;
        bad = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) { result = parsed; return true; }
        bad = TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            [name] = [$"'{value}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."],
        });
        return false;
    }
}
