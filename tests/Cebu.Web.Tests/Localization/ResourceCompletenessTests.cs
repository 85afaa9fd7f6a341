using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cebu.Core.Platform.Reference;
using Cebu.Web;
using Cebu.Web.Platform;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cebu.Web.Tests.Localization;

/// <summary>
/// Every English text the public pages show through T["..."] / t["..."], and every country, sector and licensing
/// authority they show from reference data, has a translation in each language's resx, with the same {n} placeholders.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    public static readonly string[] Languages = CebuWeb.Cultures.Where(c => c != "en").ToArray();

    public static TheoryData<string> LanguageData() => new(Languages);

    /// <summary>The public pages, relative to src/Cebu.Web: files, or folders whose .cshtml and .cs files all count.</summary>
    private static readonly string[] PublicSources =
        ["Pages/Index.cshtml", "Pages/Index.cshtml.cs", "Pages/Shared/_Layout.cshtml", "Pages/Public", "Pages/Account", "SharedResource.cs",
         "Pages/Contracts/Print.cshtml", "Pages/Contracts/Print.cshtml.cs"];

    // A localizer call with a literal key: T["text"] or t["text", args] (not Model.T[...], not ViewData["..."]).
    [GeneratedRegex(@"(?<![\w.])[Tt]\[\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void The_pages_use_localized_keys()
    {
        var keys = SourceKeys().Select(k => k.Key).ToHashSet();
        // A sanity check that the scan reads the pages: if it found nothing, every other test here would pass vacuously.
        Assert.Contains("Check a recruitment agency before you pay it", keys);
        Assert.Contains("Licensed", keys);
        Assert.Contains("Enter your password.", keys);
        Assert.True(keys.Count > 50, $"Only {keys.Count} keys found in the public pages.");
    }

    [Fact]
    public void No_two_keys_differ_only_by_case()
    {
        // The page showed the English key for "the agency" while "The agency" was also a key: one of two keys that differ only by case is lost.
        var keys = ReadResx("SharedResource.resx").Keys;
        var clashes = keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Keys that differ only by case: " + string.Join("; ", clashes));
    }

    [Fact]
    public void English_resource_lists_every_key()
    {
        var missing = Missing(ReadResx("SharedResource.resx"));
        Assert.True(missing.Count == 0, "Add these to Resources/SharedResource.resx:\n" + string.Join("\n", missing.Select(Describe)));
    }

    [Theory]
    [MemberData(nameof(LanguageData))]
    public void Every_key_is_translated(string language)
    {
        var missing = Missing(ReadResx($"SharedResource.{language}.resx"));
        Assert.True(missing.Count == 0, $"{missing.Count} key(s) have no {language} translation in Resources/SharedResource.{language}.resx:\n" + string.Join("\n", missing.Select(Describe)));
    }

    [Fact]
    public void A_missing_or_empty_translation_is_caught()
    {
        // The check above must be able to fail: take Khmer, drop one key the pages use and blank another.
        var khmer = ReadResx("SharedResource.km.resx");
        var before = Missing(khmer).Select(k => k.Key).ToList();
        khmer.Remove("Licensed");
        khmer["Check an agency"] = " ";
        Assert.Equal(["Check an agency", "Licensed"], Missing(khmer).Select(k => k.Key).Except(before).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(LanguageData))]
    public void Placeholders_match_the_English(string language)
    {
        var wrong = new List<string>();
        foreach (var (key, value) in ReadResx($"SharedResource.{language}.resx"))
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var expected = Placeholders(key);
            var actual = Placeholders(value);
            if (!expected.SequenceEqual(actual))
                wrong.Add($"\"{key}\" has {{{string.Join("},{", expected)}}} but the {language} text \"{value}\" has {{{string.Join("},{", actual)}}}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(LanguageData))]
    public void Translations_keep_Cebu_untranslated(string language)
    {
        var lost = ReadResx($"SharedResource.{language}.resx")
            .Where(kv => kv.Key.Contains("Cebu", StringComparison.Ordinal) && !kv.Value.Contains("Cebu", StringComparison.Ordinal))
            .Select(kv => kv.Key).ToList();
        Assert.True(lost.Count == 0, "The name Cebu is missing from the translation of:\n" + string.Join("\n", lost));
    }

    [Theory]
    [MemberData(nameof(LanguageData))]
    public void The_app_resolves_the_translations_at_run_time(string language)
    {
        // The same factory and options as the app (ResourcesPath "Resources"): this fails if the resx files are
        // embedded under another manifest name than Cebu.Web.Resources.SharedResource.{culture}.resources.
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var t = new StringLocalizer<SharedResource>(factory);
        var expected = ReadResx($"SharedResource.{language}.resx");
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            foreach (var key in new[] { "Check a recruitment agency before you pay it", "Licensed", "Cambodia", "domestic-work" })
            {
                var s = t[key];
                Assert.False(s.ResourceNotFound, $"{language}: \"{key}\" was not found at run time (searched {s.SearchedLocation}).");
                Assert.Equal(expected[key], s.Value);
            }
            Assert.Equal(string.Format(CultureInfo.CurrentCulture, expected["{0} agencies found. The best match is first."], 3), t["{0} agencies found. The best match is first.", 3].Value);
        }
        finally { CultureInfo.CurrentUICulture = saved; }
    }

    // ---- helpers ----

    private sealed record PageKey(string Key, string Where);

    private static string Describe(PageKey k) => $"  \"{k.Key}\"  ({k.Where})";

    /// <summary>The keys the public pages need that a resx lacks or leaves empty.</summary>
    private static List<PageKey> Missing(IReadOnlyDictionary<string, string> resx) =>
        AllKeys().Where(k => !resx.TryGetValue(k.Key, out var v) || string.IsNullOrWhiteSpace(v)).ToList();

    private static IReadOnlyList<PageKey> AllKeys()
    {
        var keys = SourceKeys().ToList();
        keys.AddRange(ReferenceData.Shared.Countries.Select(c => new PageKey(c.Name, $"country {c.Code}, countries.json")));
        keys.AddRange(Sectors.All.Select(s => new PageKey(s, "sector, ReferenceData.cs Sectors.All")));
        keys.AddRange(ReferenceData.Shared.Organisations.Where(o => o.Kind == OrganisationKind.LicensingAuthority)
            .Select(o => new PageKey(o.Name, $"licensing authority {o.Id}, organisations.json")));
        return keys.DistinctBy(k => k.Key).ToList();
    }

    private static IEnumerable<PageKey> SourceKeys()
    {
        var web = Path.Combine(RepoRoot(), "src", "Cebu.Web");
        foreach (var source in PublicSources)
        {
            var path = Path.Combine(web, source);
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                : File.Exists(path) ? [path] : throw new FileNotFoundException($"A public page listed in {nameof(PublicSources)} is gone: {path}");
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                foreach (Match m in LiteralKey().Matches(text))
                {
                    var line = text.AsSpan(0, m.Index).Count('\n') + 1;
                    yield return new PageKey(Regex.Unescape(m.Groups[1].Value), $"{Path.GetRelativePath(web, file)}:{line}");
                }
            }
        }
    }

    private static Dictionary<string, string> ReadResx(string name)
    {
        var path = Path.Combine(RepoRoot(), "src", "Cebu.Web", "Resources", name);
        Assert.True(File.Exists(path), $"{path} is missing.");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in XDocument.Load(path).Root!.Elements("data"))
        {
            var key = (string)data.Attribute("name")!;
            Assert.False(entries.ContainsKey(key), $"{name} has \"{key}\" twice.");
            entries[key] = (string?)data.Element("value") ?? "";
        }
        return entries;
    }

    private static List<int> Placeholders(string s) =>
        Placeholder().Matches(s).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order().ToList();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cebu.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Cebu.slnx above {AppContext.BaseDirectory}.");
    }
}
