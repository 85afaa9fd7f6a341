using System.Text.RegularExpressions;
using Cebu.Core.Features.Cases;

namespace Cebu.Core.Tests.Cases;

/// <summary>The English source table is complete for every key the rules hand out, resx-ready, and matches the README.</summary>
public class CaseTextTests
{
    private static readonly Regex RuleId = new(@"^(P[0-7]|T[1-3]|R[1-7][a-c]?)$");

    private static string ReadMe()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cebu.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return File.ReadAllText(Path.Combine(dir!.FullName, "src", "Cebu.Core", "Features", "Cases", "README.md"));
    }

    [Fact]
    public void Keys_are_resx_names_and_texts_are_not_empty()
    {
        Assert.All(CaseText.English, e =>
        {
            Assert.Matches(@"^Cases(\.[A-Za-z0-9]+)+$", e.Key);
            Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key);
            Assert.DoesNotContain("{", e.Value); // no placeholders: a translator translates whole sentences
        });
    }

    [Fact]
    public void Every_key_the_rules_hand_out_has_its_english_text()
    {
        var used = new List<string>();
        used.AddRange(ForcedLabourScreening.Questions.SelectMany(q => new[] { q.TitleKey, q.QuestionKey }));
        used.AddRange(Enum.GetValues<CaseState>().SelectMany(s => new[] { PublicCaseStatuses.For(s).TitleKey, PublicCaseStatuses.For(s).TextKey }));
        used.AddRange(Enum.GetValues<Answer>().Select(a => $"Cases.Answer.{a}"));
        used.AddRange(Enum.GetValues<CasePriority>().Select(p => $"Cases.Priority.{p}"));
        used.AddRange(Enum.GetValues<ReferralService>().Select(s => $"Cases.Service.{s}"));
        used.AddRange(typeof(ScreeningFacts).GetConstructors().Single().GetParameters().Where(p => p.ParameterType == typeof(bool)).Select(p => $"Cases.Fact.{p.Name}"));
        // Every reason a screening can give: all answers yes, all no, none, or a single yes, with every combination of the facts.
        var indicators = Enum.GetValues<ForcedLabourIndicator>();
        var answerSets = new List<Dictionary<ForcedLabourIndicator, Answer>>
        {
            indicators.ToDictionary(i => i, _ => Answer.Yes), indicators.ToDictionary(i => i, _ => Answer.No), new(),
        };
        answerSets.AddRange(indicators.Select(one => indicators.ToDictionary(i => i, i => i == one ? Answer.Yes : Answer.No)));
        foreach (var answers in answerSets)
            for (var bits = 0; bits < 128; bits++)
            {
                var f = new ScreeningFacts((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0, (bits & 32) != 0,
                    (bits & 64) != 0 ? Enum.GetValues<LabourIssue>() : []);
                var r = ForcedLabourScreening.Screen(answers, f);
                used.AddRange(r.PriorityReasons.Select(x => x.TextKey));
                used.AddRange(r.Referrals.SelectMany(x => x.Why).Select(x => x.TextKey));
            }
        Assert.All(used.Distinct(), k => Assert.True(CaseText.English.ContainsKey(k), $"{k} has no English text."));
        // And no rule text is dead: every Cases.Rule key was handed out above.
        Assert.All(CaseText.English.Keys.Where(k => k.StartsWith("Cases.Rule.")), k => Assert.Contains(k, used));
    }

    [Fact]
    public void The_readme_documents_every_rule_with_its_source()
    {
        var readme = ReadMe();
        var rules = CaseText.English.Keys.Where(k => k.StartsWith("Cases.Rule.")).Select(k => k["Cases.Rule.".Length..]).ToList();
        Assert.All(rules, r =>
        {
            Assert.Matches(RuleId, r);
            Assert.Contains($"| {r} |", readme);
        });
        Assert.Contains("ILO Indicators of Forced Labour", readme);
        Assert.Contains("HTCDS", readme);
    }
}
