using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Platform;

/// <summary>
/// Rate limits of the public complaint endpoints and pages, per client address (fixed windows): filing
/// (<c>Cebu:RateLimits:ComplaintsPerHour</c>, default 10 an hour) and status look-ups
/// (<c>Cebu:RateLimits:StatusChecksPerTenMinutes</c>, default 30 in ten minutes: with 69 bits per code, guessing is
/// hopeless anyway; the limit keeps the look-up from being used to load the database). Showing a page's empty form is
/// not counted. Over the limit: 429 with Retry-After, a problem document for the API and a short page for people, in their language.
/// Behind a reverse proxy, configure forwarded headers so that the address is the client's, not the proxy's.
/// </summary>
public static class ComplaintRateLimits
{
    public const string File = "complaints-file";
    public const string Status = "complaints-status";

    public static IServiceCollection AddComplaintRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var perHour = config.GetValue("Cebu:RateLimits:ComplaintsPerHour", 10);
        var perTenMinutes = config.GetValue("Cebu:RateLimits:StatusChecksPerTenMinutes", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(File, ctx => Partition(ctx, "file", perHour, TimeSpan.FromHours(1)));
            o.AddPolicy(Status, ctx => Partition(ctx, "status", perTenMinutes, TimeSpan.FromMinutes(10)));
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(10);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                    {
                        HttpContext = http,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.",
                            Detail = $"Too many complaints or look-ups from this address: try again in {Math.Max(1, (int)Math.Ceiling(retry.TotalMinutes))} minute(s).",
                        },
                    });
                    return;
                }
                // The people who see this page are workers on the complaint pages: it is in their language (the request
                // culture is already set: localisation runs before the rate limiter).
                var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>429 · Cebu</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>"
                    + $"<body><main><h1>{WebUtility.HtmlEncode(t["Too many requests"])}</h1><p>{WebUtility.HtmlEncode(t["Please wait a few minutes and try again."])}</p><p><a href=\"/complain\">{WebUtility.HtmlEncode(t["Back"])}</a></p></main></body></html>", ct);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext ctx, string kind, int permits, TimeSpan window)
    {
        // A page's empty form is free; its POST, and every API call, count.
        if (HttpMethods.IsGet(ctx.Request.Method) && !ctx.Request.Path.StartsWithSegments("/api"))
            return RateLimitPartition.GetNoLimiter("free");
        var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}:{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
        });
    }
}
