using System.Globalization;
using Cebu.Core.Features.Contracts;

namespace Cebu.Core.Tests.Contracts;

public class RulePackTests
{
    private static readonly string[] Kinds =
        ["minimumWage", "maxNormalHoursPerWeek", "maxNormalHoursPerDay", "weeklyRestDays", "overtimePremium", "annualLeaveDays", "workerFeesAllowed", "passportRetention", "paymentInMoney",
         "deductionsLimit", "contractLanguage", "noticeOfTermination", "insurance"];

    [Fact]
    public void The_publishing_validator_knows_exactly_the_kinds_the_checker_judges()
    {
        Assert.Equal(Kinds.Order(StringComparer.Ordinal), RulePackJson.Kinds.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_shipped_pack_passes_the_validation_a_published_pack_must_pass()
    {
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        foreach (var pack in RulePacks.Shipped.All)
        {
            var element = System.Text.Json.JsonSerializer.SerializeToElement(pack, json);
            var read = RulePackJson.Read(element, pack.Country);
            Assert.True(read.Ok, $"{pack.Label}: {string.Join("; ", read.Problem?.Errors?.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? [])}");
            Assert.Equal(pack.Rules.Count, read.Value!.Rules.Count);
        }
    }

    [Fact]
    public void Packs_ship_for_the_three_destinations_the_three_origins_and_the_ILO_baseline()
    {
        var countries = RulePacks.Shipped.All.Select(p => p.Country).Distinct().Order().ToList();
        Assert.Equal(["ID", "ILO", "KH", "MY", "PH", "SG", "TH"], countries);
    }

    [Fact]
    public void Every_shipped_rule_cites_a_law_an_article_the_date_it_was_checked_and_an_https_source()
    {
        var rules = RulePacks.Shipped.All.SelectMany(p => p.Rules.Select(r => (Pack: p.Label, Rule: r))).ToList();
        Assert.True(rules.Count >= 30, $"Only {rules.Count} rules shipped.");
        Assert.All(rules, x =>
        {
            var c = x.Rule.Citation;
            Assert.False(string.IsNullOrWhiteSpace(c.Law), $"{x.Pack} {x.Rule.Id}: no law");
            Assert.False(string.IsNullOrWhiteSpace(c.Article), $"{x.Pack} {x.Rule.Id}: no article");
            Assert.True(DateOnly.TryParseExact(c.Checked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"{x.Pack} {x.Rule.Id}: checked '{c.Checked}' is not a date");
            Assert.True(Uri.TryCreate(c.Source, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Contains('.'), $"{x.Pack} {x.Rule.Id}: source '{c.Source}' is not an https address");
        });
    }

    [Fact]
    public void Every_rule_is_of_a_known_kind_with_the_values_its_kind_needs_and_ids_are_unique_within_a_pack()
    {
        foreach (var pack in RulePacks.Shipped.All)
        {
            Assert.Equal(pack.Rules.Count, pack.Rules.Select(r => r.Id).Distinct().Count());
            foreach (var r in pack.Rules)
            {
                Assert.Contains(r.Kind, Kinds);
                var complete = r.Kind switch
                {
                    "minimumWage" => r.Amount > 0 && r.Currency is { Length: 3 } && CheckContract.WagePeriods.Contains(r.Per),
                    "maxNormalHoursPerWeek" or "maxNormalHoursPerDay" => r.Hours > 0,
                    "weeklyRestDays" or "annualLeaveDays" => r.Days > 0,
                    "overtimePremium" => r.Multiplier > 1,
                    "workerFeesAllowed" => r.None == true || r.MaxMonthsOfWage > 0 || (r.MaxAmount >= 0 && r.Currency is not null),
                    "deductionsLimit" => r.MaxShareOfWage is > 0 and <= 1 || r.MaxShareEach is > 0 and <= 1 || r.ForbiddenPurposes is { Length: > 0 },
                    "noticeOfTermination" => r.Days > 0 || r.MustBeStated == true,
                    "insurance" => r.Cover is not null && r.PaidBy is not null,
                    _ => true,
                };
                Assert.True(complete, $"{pack.Label} {r.Id} lacks the values a {r.Kind} rule needs.");
            }
        }
    }

    [Fact]
    public void Packs_and_the_rate_table_list_what_could_not_be_confirmed()
    {
        Assert.All(RulePacks.Shipped.All, p => Assert.NotEmpty(p.Notes));
        Assert.NotEmpty(RulePacks.Shipped.Rates.Notes);
        // Cambodia: nothing could be confirmed, so the pack carries notes and no rule rather than a guess.
        var kh = Assert.Single(RulePacks.Shipped.All, p => p.Country == "KH");
        Assert.Empty(kh.Rules);
        Assert.Contains(kh.Notes, n => n.Contains("Sub-Decree 190", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_exchange_rate_names_its_quote_date_and_https_source()
    {
        Assert.All(RulePacks.Shipped.Rates.Rates, r =>
        {
            Assert.True(r.MyrPerUnit > 0);
            Assert.True(DateOnly.TryParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.StartsWith("https://", r.Source, StringComparison.Ordinal);
        });
        Assert.Null(RulePacks.Shipped.Rates.For("KHR"));
    }

    [Theory]
    [InlineData("2022-12-31", null)]
    [InlineData("2023-01-01", "2023.1")]
    [InlineData("2025-01-31", "2023.1")]
    [InlineData("2025-02-01", "2025.1")]
    [InlineData("2026-11-23", "2025.1")]
    public void The_version_in_force_on_the_contracts_date_is_the_latest_that_took_effect_by_then(string on, string? version) =>
        Assert.Equal(version, RulePacks.Shipped.InForce("MY", DateOnly.Parse(on, CultureInfo.InvariantCulture))?.Version);
}
