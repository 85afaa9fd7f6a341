using System.Globalization;
using System.Xml.Linq;
using Cebu.Core.Features.Cases;
using Cebu.Web;

namespace Cebu.Web.Tests.Localization;

/// <summary>
/// The case texts of CaseText in Resources/CaseResource.*.resx: the English file is an exact copy of CaseText, and every
/// text a worker reads (screening questions and answers, facts, public status, priorities, services) is translated in
/// each language and found at run time. The caseworkers' rule explanations (Cases.Rule.*) may still fall back to English.
/// </summary>
public sealed class CaseResourceTests
{
    private static readonly string[] WorkerFacing = ["Cases.Screening.", "Cases.Answer.", "Cases.Fact.", "Cases.PublicStatus.", "Cases.Priority.", "Cases.Service."];

    [Fact]
    public void The_English_resource_is_CaseText()
    {
        Assert.Equal(CaseText.English.OrderBy(kv => kv.Key, StringComparer.Ordinal), Read("CaseResource.resx").OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ResourceCompletenessTests.LanguageData), MemberType = typeof(ResourceCompletenessTests))]
    public void Every_text_a_worker_reads_is_translated_and_found_at_run_time(string language)
    {
        var resx = Read($"CaseResource.{language}.resx");
        Assert.All(resx.Keys, k => Assert.True(CaseText.English.ContainsKey(k), $"{language}: '{k}' is not a CaseText key."));
        var needed = CaseText.English.Keys.Where(k => WorkerFacing.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.True(needed.Count >= 50, $"Only {needed.Count} worker-facing keys found.");
        var missing = needed.Where(k => !resx.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v) || v == CaseText.English[k]).ToList();
        Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(", ", missing)}");
        var culture = new CultureInfo(language);
        foreach (var key in new[] { "Cases.PublicStatus.InProgress.Title", "Cases.Screening.DebtBondage.Question", "Cases.Answer.Unknown" })
            Assert.Equal(resx[key], CaseResource.Text(key, culture));
    }

    private static Dictionary<string, string> Read(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cebu.slnx")))
                return XDocument.Load(Path.Combine(dir.FullName, "src", "Cebu.Web", "Resources", name)).Root!.Elements("data")
                    .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
        throw new DirectoryNotFoundException("No Cebu.slnx above the test.");
    }
}
