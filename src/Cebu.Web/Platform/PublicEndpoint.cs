using Microsoft.AspNetCore.Authorization;

namespace Cebu.Web.Platform;

/// <summary>
/// Marks a page or endpoint as open to anyone on purpose, with the reason. It implies [AllowAnonymous]; a test
/// fails if anything allows anonymous access without this mark.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicEndpointAttribute(string reason) : AllowAnonymousAttribute
{
    public string Reason { get; } = reason;
}

public static class PublicEndpointExtensions
{
    /// <summary>Opens an endpoint to anonymous callers on purpose (access rule 6).</summary>
    public static TBuilder Public<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicEndpointAttribute(reason));
}
