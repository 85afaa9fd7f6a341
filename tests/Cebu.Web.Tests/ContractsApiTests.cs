using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cebu.Web.Tests.Infrastructure;

namespace Cebu.Web.Tests;

/// <summary>A worker checks a contract before signing it: no account, the terms in, the findings out with their citations.</summary>
public abstract class ContractsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private const string Example = """
        {"originState":"PH","destinationState":"MY","sector":"manufacturing","wage":{"amount":1000,"currency":"MYR","per":"month"},
         "hoursPerWeek":72,"restDaysPerWeek":0,"passportKeptBy":"employer","feesChargedToWorker":[{"amount":3000,"currency":"MYR","purpose":"placement"}]}
        """;

    private async Task<HttpResponseMessage> Post(string json)
    {
        using var anyone = app.Anonymous();
        return await anyone.PostAsync("/api/v1/contracts/check", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task The_issue_example_answers_200_with_cited_violations_for_each_broken_term()
    {
        var body = await (await Post(Example)).OkJson();
        var findings = body["findings"]!.AsArray().Select(f => f!).ToList();
        var violations = findings.Where(f => f["severity"].Str() == "violation").ToList();
        var kinds = violations.Select(f => f["rule"].Str()).ToHashSet();
        Assert.Superset(new HashSet<string> { "MY-minimum-wage-2024", "MY-hours-week", "MY-rest-day", "MY-passport", "ILO-C181-no-fees", "PH-fee-cap" }, kinds);
        foreach (var f in violations)
        {
            var citation = f["citation"]!;
            Assert.False(string.IsNullOrWhiteSpace(citation["law"].Str()));
            Assert.False(string.IsNullOrWhiteSpace(citation["article"].Str()));
            Assert.StartsWith("https://", citation["source"].Str(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(f["contractValue"].Str()));
            Assert.False(string.IsNullOrWhiteSpace(f["required"].Str()));
            Assert.False(string.IsNullOrWhiteSpace(f["explanation"].Str()));
        }
        Assert.Contains("MY 2025.1", body["packs"]!.AsArray().Select(p => p.Str()));
    }

    [Fact]
    public async Task A_compliant_contract_answers_with_no_violation()
    {
        var json = Example.Replace("\"amount\":1000", "\"amount\":1800").Replace("\"hoursPerWeek\":72", "\"hoursPerWeek\":45")
            .Replace("\"restDaysPerWeek\":0", "\"restDaysPerWeek\":1").Replace("\"employer\"", "\"worker\"")
            .Replace("[{\"amount\":3000,\"currency\":\"MYR\",\"purpose\":\"placement\"}]", "[]");
        var findings = (await (await Post(json)).OkJson())["findings"]!.AsArray();
        Assert.DoesNotContain(findings, f => f!["severity"].Str() == "violation");
    }

    [Theory]
    [InlineData("\"amount\":1000,", "", "wage.amount")]
    [InlineData("\"amount\":1000", "\"amount\":\"1000 ringgit\"", "wage.amount")]
    [InlineData("\"per\":\"month\"", "\"per\":\"year\"", "wage.per")]
    [InlineData("\"passportKeptBy\":\"employer\",", "", "passportKeptBy")]
    public async Task A_missing_or_malformed_term_is_a_400_problem_naming_it(string from, string to, string field)
    {
        var json = Example.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Example, json);
        await (await Post(json)).ShouldNameFields(field);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_400_problem()
    {
        var response = await Post("{\"originState\": \"PH\",");
        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Anyone_can_read_the_packs_with_their_versions_rules_and_citations()
    {
        using var anyone = app.Anonymous();
        var body = await (await anyone.GetAsync("/api/v1/contracts/packs")).OkJson();
        var packs = body["packs"]!.AsArray().Select(p => p!).ToList();
        Assert.Equal(["2023.1", "2025.1"], packs.Where(p => p["country"].Str() == "MY").Select(p => p["version"].Str()).Order());
        var rules = packs.SelectMany(p => p["rules"]!.AsArray().Select(r => r!)).ToList();
        Assert.True(rules.Count >= 30);
        Assert.All(rules, r => Assert.StartsWith("https://", r["citation"]!["source"].Str(), StringComparison.Ordinal));
        Assert.Contains(packs, p => p["country"].Str() == "KH" && p["notes"]!.AsArray().Count > 0);
        Assert.NotEmpty(body["exchangeRates"]!["rates"]!.AsArray());
    }
}

public sealed class ContractsApiTests_on_Sqlite(SqliteApp app) : ContractsApiTests<SqliteApp>(app);
public sealed class ContractsApiTests_on_Postgres(PostgresApp app) : ContractsApiTests<PostgresApp>(app);
