using Cebu.Core.Platform.Reference;
using Microsoft.Extensions.Localization;

namespace Cebu.Web;

/// <summary>
/// Marker for the pages' shared strings: Resources/SharedResource.{culture}.resx, English text as the key
/// (see Resources/README.md). Stays in namespace Cebu.Web at the project root, so that with ResourcesPath
/// "Resources" the localizer looks for the manifest name Cebu.Web.Resources.SharedResource.{culture}.resources.
/// </summary>
public sealed class SharedResource;

/// <summary>Reference data (countries, sectors) shown in the reader's language; its English names are the keys.</summary>
public static class SharedResourceExtensions
{
    /// <summary>A country's name from its ISO code, in the reader's language; an unknown code is shown as it is.</summary>
    public static string CountryName(this IStringLocalizer<SharedResource> t, string? code) =>
        ReferenceData.Shared.Country(code)?.Name is { } name ? t[name] : code ?? "";

    /// <summary>A sector's name ("domestic-work") in the reader's language.</summary>
    public static string SectorName(this IStringLocalizer<SharedResource> t, string sector) => t[sector];
}
