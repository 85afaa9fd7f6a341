using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Audit;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cebu.Web.Tests;

/// <summary>Officials publish a new version of their own state's rule pack; the checker uses it for contracts dated from its effective date.</summary>
public abstract class RulePackPublishingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private static string Day(int fromToday) => Samples.Today.AddDays(fromToday).ToString("yyyy-MM-dd");

    private static readonly JsonObject Citation = new()
    {
        ["law"] = "Test Act (fictional, for tests)", ["article"] = "Section 1", ["checked"] = "2026-11-23", ["source"] = "https://example.org/test-act",
    };

    /// <summary>A pack in the format of Packs/*.json whose one rule forbids every fee to the worker.</summary>
    public static JsonObject Pack(string country, string version, string effectiveFrom, JsonObject? rule = null) => new()
    {
        ["country"] = country, ["name"] = $"{country} test pack", ["version"] = version, ["effectiveFrom"] = effectiveFrom,
        ["rules"] = new JsonArray(rule ?? new JsonObject { ["id"] = $"{country}-no-fee-test", ["kind"] = "workerFeesAllowed", ["none"] = true, ["citation"] = Citation.DeepClone() }),
        ["notes"] = new JsonArray("A test version."),
    };

    private static JsonObject Contract(string origin, string destination, string date) => new()
    {
        ["originState"] = origin, ["destinationState"] = destination, ["sector"] = "manufacturing", ["wage"] = new JsonObject { ["amount"] = 1800, ["currency"] = "MYR", ["per"] = "month" },
        ["hoursPerWeek"] = 44, ["restDaysPerWeek"] = 1, ["passportKeptBy"] = "worker", ["date"] = date,
        ["feesChargedToWorker"] = new JsonArray(new JsonObject { ["amount"] = 100, ["currency"] = "MYR", ["purpose"] = "medical" }),
    };

    private async Task<List<string>> RulesFound(JsonObject contract)
    {
        using var anyone = app.Anonymous();
        var body = await (await anyone.PostAsJsonAsync("/api/v1/contracts/check", contract)).OkJson();
        return body["findings"]!.AsArray().Select(f => f!["rule"].Str()).ToList();
    }

    [Fact]
    public async Task A_labour_officer_publishes_a_version_that_judges_contracts_from_its_date_on_and_is_listed_with_who_published_it()
    {
        using var ph = await app.As(Demo.LabourPH);
        var from = Day(10);
        var response = await ph.PostAsJsonAsync("/api/v1/contracts/packs/PH", Pack("PH", "test-1", from));
        await response.ShouldBe(HttpStatusCode.Created);
        Assert.True((await response.Json())["published"]!.GetValue<bool>());

        // A contract dated after the new version's date is judged by it; one dated before, by the shipped version.
        Assert.Contains("PH-no-fee-test", await RulesFound(Contract("PH", "BN", Day(20))));
        Assert.DoesNotContain("PH-no-fee-test", await RulesFound(Contract("PH", "BN", Day(5))));

        using var anyone = app.Anonymous();
        var packs = (await (await anyone.GetAsync("/api/v1/contracts/packs")).OkJson())["packs"]!.AsArray().Select(p => p!).ToList();
        var published = Assert.Single(packs, p => p["country"].Str() == "PH" && p["version"].Str() == "test-1");
        Assert.Equal(("published", Demo.LabourPH), (published["origin"].Str(), published["published"]!["by"].Str()));
        Assert.Equal("shipped", packs.First(p => p["country"].Str() == "PH" && p["version"].Str() == "2006.1")["origin"].Str());

        var id = await app.Db(db => db.Set<PublishedRulePack>().Where(p => p.Country == "PH" && p.Version == "test-1").Select(p => p.Id).SingleAsync());
        var audit = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordType == nameof(PublishedRulePack)).ToListAsync());
        var e = Assert.Single(audit, e => Guid.TryParse(e.RecordId, out var g) && g == id);
        Assert.Equal(("contracts.pack.publish", Demo.LabourPH), (e.Action, e.UserName));
        Assert.Contains("PH test-1", e.Reason);
    }

    [Fact]
    public async Task Another_node_sees_a_published_version_after_its_check_interval()
    {
        var clock = new ManualClock();
        var otherNode = new RulePackStore(clock, app.Services.GetRequiredService<IServiceScopeFactory>(), seesLocalWrites: false);
        Assert.DoesNotContain((await otherNode.CurrentAsync(default)).Packs.All, p => p.Country == "KH" && p.Version == "node-1");

        using var kh = await app.As(Demo.LabourKH);
        await (await kh.PostAsJsonAsync("/api/v1/contracts/packs/KH", Pack("KH", "node-1", Day(3)))).ShouldBe(HttpStatusCode.Created);

        // This node's store sees it at once (the checker answers from it)...
        Assert.Contains("KH-no-fee-test", await RulesFound(Contract("KH", "BN", Day(4))));
        // ...the other node still answers from its copy until its interval has passed, then reads it.
        Assert.DoesNotContain((await otherNode.CurrentAsync(default)).Packs.All, p => p.Country == "KH" && p.Version == "node-1");
        clock.Advance(RulePackStore.CheckInterval + TimeSpan.FromSeconds(1));
        var seen = await otherNode.CurrentAsync(default);
        Assert.Equal("node-1", seen.Packs.InForce("KH", Samples.Today.AddDays(4))!.Version);
        Assert.Equal(Demo.LabourKH, seen.Publications["KH node-1"].By);
    }

    [Theory]
    [InlineData("kind", "\"overtimeBonus\"", "rules[0].kind")]
    [InlineData("none", null, "rules[0].none")]
    [InlineData("source", "\"http://example.org/not-secure\"", "rules[0].citation.source")]
    [InlineData("checked", "\"last year\"", "rules[0].citation.checked")]
    [InlineData("effectiveFrom", "\"2001-01-01\"", "effectiveFrom")]
    [InlineData("effectiveFrom", "\"soon\"", "effectiveFrom")]
    [InlineData("country", "\"MY\"", "country")]
    public async Task A_bad_pack_is_a_400_problem_naming_the_field(string property, string? value, string field)
    {
        var pack = Pack("TH", "bad-1", Day(30));
        var rule = pack["rules"]![0]!.AsObject();
        JsonObject target = property switch { "kind" or "none" => rule, "source" or "checked" => rule["citation"]!.AsObject(), _ => pack };
        if (value is null) target.Remove(property); else target[property] = JsonNode.Parse(value);
        using var th = await app.As(Demo.InspectorTH);
        await (await th.PostAsJsonAsync("/api/v1/contracts/packs/TH", pack)).ShouldNameFields(field);
        Assert.Equal(0, await app.Db(db => db.Set<PublishedRulePack>().CountAsync(p => p.Country == "TH")));
    }

    [Fact]
    public async Task A_dry_run_validates_without_publishing_and_a_rule_without_a_citation_is_named()
    {
        using var th = await app.As(Demo.InspectorTH);
        var ok = await (await th.PostAsJsonAsync("/api/v1/contracts/packs/TH?dryRun=true", Pack("TH", "dry-1", Day(30)))).OkJson();
        Assert.False(ok["published"]!.GetValue<bool>());
        Assert.Equal(0, await app.Db(db => db.Set<PublishedRulePack>().CountAsync(p => p.Country == "TH")));

        var uncited = Pack("TH", "dry-2", Day(30), new JsonObject { ["id"] = "TH-x", ["kind"] = "weeklyRestDays", ["days"] = 1 });
        await (await th.PostAsJsonAsync("/api/v1/contracts/packs/TH?dryRun=true", uncited)).ShouldNameFields("rules[0].citation");
        var noDays = Pack("TH", "dry-3", Day(30), new JsonObject { ["id"] = "TH-x", ["kind"] = "weeklyRestDays", ["citation"] = Citation.DeepClone() });
        await (await th.PostAsJsonAsync("/api/v1/contracts/packs/TH?dryRun=true", noDays)).ShouldNameFields("rules[0].days");
    }

    [Fact]
    public async Task An_official_publishes_only_their_own_states_pack()
    {
        using var ph = await app.As(Demo.LabourPH);
        await (await ph.PostAsJsonAsync("/api/v1/contracts/packs/MY", Pack("MY", "foreign-1", Day(30)))).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var licensing = await app.As(Demo.LicensingKH);
        await (await licensing.PostAsJsonAsync("/api/v1/contracts/packs/KH?dryRun=true", Pack("KH", "lic-1", Day(30)))).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.Db(db => db.Set<PublishedRulePack>().CountAsync(p => p.Country == "MY" && p.Version == "foreign-1")));
    }

    [Fact]
    public async Task On_the_page_an_inspector_checks_a_pack_sees_the_bad_field_then_publishes()
    {
        using var client = app.Anonymous();
        await (await client.SignInOnPage(Demo.InspectorMY, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        var page = await (await client.SendAsync(Http.Page("/ContractRules"))).Content.ReadAsStringAsync();
        Assert.Contains("MY-minimum-wage-2024", page); // the current version is filled in
        var token = await client.AntiforgeryToken("/ContractRules");

        async Task<(HttpStatusCode, string)> Post(JsonObject pack, bool dryRun)
        {
            var r = await client.PostAsync("/ContractRules", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["PackJson"] = pack.ToJsonString(), ["DryRun"] = dryRun ? "true" : "false", ["__RequestVerificationToken"] = token,
            }));
            return (r.StatusCode, WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        }

        var bad = Pack("MY", "page-1", Day(40));
        bad["rules"]![0]!["citation"]!["source"] = "ftp://example.org/act";
        var (status, html) = await Post(bad, dryRun: true);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("rules[0].citation.source", html);

        (status, html) = await Post(Pack("MY", "page-1", Day(40)), dryRun: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The pack is valid", html);
        Assert.Equal(0, await app.Db(db => db.Set<PublishedRulePack>().CountAsync(p => p.Country == "MY")));

        (status, html) = await Post(Pack("MY", "page-1", Day(40)), dryRun: false);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Published MY page-1", html);
        Assert.Equal(Demo.InspectorMY, await app.Db(db => db.Set<PublishedRulePack>().Where(p => p.Country == "MY").Select(p => p.PublishedBy).SingleAsync()));
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}

public sealed class RulePackPublishingTests_on_Sqlite(SqliteApp app) : RulePackPublishingTests<SqliteApp>(app);
public sealed class RulePackPublishingTests_on_Postgres(PostgresApp app) : RulePackPublishingTests<PostgresApp>(app);
