using System.Diagnostics;

namespace Cebu.Web.Platform;

/// <summary>One structured log line per request: method, route, status, elapsed time, caller's organisation.</summary>
internal sealed class RequestLogging(RequestDelegate next, ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger("Cebu.Requests");

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (_log.IsEnabled(LogLevel.Information))
                _log.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms for {Organisation}",
                    context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(start).TotalMilliseconds, context.User.FindFirst(Cebu.Core.Platform.Access.CebuClaims.Organisation)?.Value ?? "anonymous");
        }
    }
}
