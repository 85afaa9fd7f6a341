using System.Reflection;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Cebu.Web.Tests.Infrastructure;

/// <summary>Where a record id travels in a request.</summary>
public enum IdIn { Route, Query, Form }

/// <summary>A Guid parameter of an endpoint: the id of some record.</summary>
public sealed record IdParameter(string Name, IdIn In);

/// <summary>
/// One way to call the application, read from the endpoint data source: an API endpoint with one of its HTTP
/// methods, or a Razor Page with one of its handlers. Nothing here is a hand-kept list of addresses.
/// </summary>
public sealed record Probe(RouteEndpoint Endpoint, string Method, string? Handler, bool IsPage, bool IsPublic, bool AcceptsBody, IReadOnlyList<IdParameter> Ids)
{
    public string Pattern => "/" + Endpoint.RoutePattern.RawText?.TrimStart('/');
    public string? PagePath => Endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.ViewEnginePath;
    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);
    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>The key under which a test keeps the body to send: "PUT /api/v1/agencies/{id:guid}" or "POST /Agencies/Details?handler=x".</summary>
    public string Key => IsPage ? $"{Method} {PagePath}{(Handler is null ? "" : "?handler=" + Handler)}" : $"{Method} {Pattern}";

    /// <summary>The address with route values filled in, the handler named, and query ids added.</summary>
    public string Url(Func<string, string> valueOf)
    {
        var segments = new List<string>();
        foreach (var segment in Endpoint.RoutePattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart l => l.Content,
                RoutePatternSeparatorPart s => s.Content,
                RoutePatternParameterPart { IsOptional: true } => "",
                RoutePatternParameterPart parameter => valueOf(parameter.Name),
                _ => throw new InvalidOperationException($"Unknown route part in {Pattern}"),
            }));
            if (text.Length > 0) segments.Add(text);
        }
        var query = new List<string>();
        if (Handler is not null) query.Add($"handler={Handler}");
        query.AddRange(Ids.Where(i => i.In == IdIn.Query).Select(i => $"{i.Name}={Uri.EscapeDataString(valueOf(i.Name))}"));
        return "/" + string.Join('/', segments) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    public override string ToString() => $"{Method} {Pattern}{(Handler is null ? "" : $" (handler {Handler})")}";
}

public static class EndpointCatalog
{
    public static IReadOnlyList<RouteEndpoint> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    public static bool IsPublic(Endpoint e) => e.Metadata.GetMetadata<PublicEndpointAttribute>() is not null;

    /// <summary>Endpoints that let anonymous callers in without saying why: any [AllowAnonymous] without a PublicEndpoint mark and its reason.</summary>
    public static IReadOnlyList<string> AnonymousWithoutReason(IEnumerable<Endpoint> endpoints) =>
        endpoints.Where(e => e.Metadata.GetOrderedMetadata<IAllowAnonymous>().Any())
            .Where(e => e.Metadata.GetOrderedMetadata<PublicEndpointAttribute>() is not { Count: > 0 } marks || marks.Any(m => string.IsNullOrWhiteSpace(m.Reason)))
            .Select(e => e.DisplayName ?? e.ToString()!)
            .ToList();

    public static IReadOnlyList<Probe> Probes(IServiceProvider services)
    {
        var probes = new List<Probe>();
        foreach (var e in Endpoints(services))
        {
            var routeNames = e.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            {
                var handlers = page.HandlerMethods.Count > 0
                    ? page.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name, Parameters: h.Parameters.Select(p => (p.Name, p.ParameterType)).ToList()))
                    : [("GET", null, [])];
                var bound = page.BoundProperties.Select(p => (p.Name, p.ParameterType)).ToList();
                foreach (var h in handlers)
                {
                    var ids = h.Parameters.Concat(bound).Where(p => IsGuid(p.ParameterType)).Select(p => new IdParameter(p.Name,
                        routeNames.Contains(p.Name) ? IdIn.Route : h.Method == "GET" ? IdIn.Query : IdIn.Form)).DistinctBy(i => i.Name).ToList();
                    probes.Add(new Probe(e, h.Method, h.Name, true, IsPublic(e), h.Method != "GET", ids));
                }
                continue;
            }
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var handler = e.Metadata.GetMetadata<MethodInfo>();
            var apiIds = (handler?.GetParameters() ?? []).Where(p => IsGuid(p.ParameterType))
                .Select(p => new IdParameter(p.Name!, routeNames.Contains(p.Name!) ? IdIn.Route : IdIn.Query)).ToList();
            foreach (var m in methods)
                probes.Add(new Probe(e, m, null, false, IsPublic(e), e.Metadata.GetMetadata<IAcceptsMetadata>() is not null, apiIds));
        }
        return probes;
    }

    private static bool IsGuid(Type t) => t == typeof(Guid) || t == typeof(Guid?);
}
