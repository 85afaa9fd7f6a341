using System.Globalization;
using System.Resources;
using Cebu.Core.Features.Cases;

namespace Cebu.Web;

/// <summary>
/// Marker for the case texts of <see cref="CaseText"/> (screening questions, rules, public status):
/// Resources/CaseResource.{culture}.resx, keyed as in CaseText (<c>Cases.Screening.Deception.Question</c>). English
/// comes from CaseText itself (CaseResource.resx is a copy, checked by a test). Same namespace rule as SharedResource.
/// </summary>
public sealed class CaseResource
{
    private static readonly ResourceManager Resources = new("Cebu.Web.Resources.CaseResource", typeof(CaseResource).Assembly);

    /// <summary>The text of a CaseText key in a language (the reader's by default), English when it has none.</summary>
    public static string Text(string key, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var english = CaseText.English.TryGetValue(key, out var e) ? e : key;
        if (culture.TwoLetterISOLanguageName == "en") return english;
        try { return Resources.GetString(key, culture) is { Length: > 0 } s ? s : english; }
        catch (MissingManifestResourceException) { return english; }
    }

    /// <summary>A language code a worker chose, as a culture of the pages, or null when the pages do not have it.</summary>
    public static CultureInfo? Culture(string? language) =>
        language is not null && Platform.CebuWeb.Cultures.Contains(language.Trim().ToLowerInvariant()) ? new CultureInfo(language.Trim().ToLowerInvariant()) : null;
}
