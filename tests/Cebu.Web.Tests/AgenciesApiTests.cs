using System.Net;
using System.Text.Json.Nodes;
using Cebu.Web.Tests.Infrastructure;

namespace Cebu.Web.Tests;

/// <summary>The licensing officers' registry API: grant, validate, screen against the blacklist, edit, decide.</summary>
public abstract class AgenciesApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    private async Task<(JsonNode Agency, string ETag)> Grant(HttpClient kh, string licence, string name)
    {
        var response = await kh.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency(licence, name)));
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.Json(), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Granting_a_licence_answers_201_with_location_etag_and_a_grant_in_the_history()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var licence = Unique("KH-T");
        var response = await kh.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency(licence, "Preah Vihear Careers Co., Ltd.")));
        await response.ShouldBe(HttpStatusCode.Created);
        var agency = await response.Json();
        var id = agency["id"].Str();
        Assert.Equal($"/api/v1/agencies/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal($"\"{agency["version"]!.GetValue<int>()}\"", response.Headers.ETag!.ToString());
        Assert.Equal("KH", agency["licensingState"].Str());
        Assert.Equal(licence, agency["licenceNumber"].Str());
        Assert.Equal("active", agency["status"].Str());
        var grant = Assert.Single(agency["history"]!.AsArray())!;
        Assert.Equal("grant", grant["action"].Str());
        Assert.Equal("active", grant["to"].Str());
        Assert.Equal(Demo.LicensingKH, grant["decidedBy"].Str());
        Assert.Equal("kh-mlvt", grant["decidedByOrganisation"].Str());

        // The same record reads back, with the same ETag.
        var read = await kh.GetAsync($"/api/v1/agencies/{id}");
        Assert.Equal("Preah Vihear Careers Co., Ltd.", (await read.OkJson())["legalName"].Str());
        Assert.Equal(response.Headers.ETag!.ToString(), read.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_licence_number_already_in_the_registry_is_a_400_problem_naming_licenceNumber()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var errors = await (await kh.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency(Demo.GoldenLotus, "Another Lotus Co., Ltd.")))).ShouldNameFields("licenceNumber");
        Assert.Contains(Demo.GoldenLotus, errors["licenceNumber"]![0].Str());
        // Licence numbers are unique within a state, not across states: PH may use the same number.
        using var ph = await app.As(Demo.LicensingPH);
        await (await ph.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency(Demo.GoldenLotus, "Lotus of Luzon Services Inc.", "Marites Testperson", "9 Quality Avenue, Cebu City")))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_problem_naming_each_field()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var agency = Samples.Agency("", "  ")
            .With("address", null)
            .With("email", "not-an-address")
            .With("validFrom", Samples.Today)
            .With("validUntil", Samples.Today.AddDays(-1))
            .With("principals", new[] { new { name = "", role = "boss" } })
            .With("accreditations", new[] { new { destination = "XX", sector = "knitting" } })
            .With("otherNames", new[] { new { name = " ", kind = "trading" } });
        var errors = await (await kh.PostJson("/api/v1/agencies", Samples.Create(agency))).ShouldNameFields(
            "licenceNumber", "legalName", "address", "email", "validUntil", "principals[0].name", "principals[0].role",
            "accreditations[0].destination", "accreditations[0].sector", "otherNames[0]");
        Assert.Contains("owner, director, manager", errors["principals[0].role"]![0].Str());

        await (await kh.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency(Unique("KH-T"), "No Destinations Co., Ltd.").With("accreditations", Array.Empty<object>()).With("validFrom", null))))
            .ShouldNameFields("accreditations", "validFrom");
        await (await kh.PostJson("/api/v1/agencies", new { })).ShouldNameFields("agency");
    }

    [Fact]
    public async Task A_licence_resembling_a_blacklisted_agency_is_a_409_with_resemblances_until_reviewed_and_justified()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var blacklisted = await app.Agency(Demo.KhBlacklisted);
        Assert.Equal(Demo.KhBlacklistedName, blacklisted.LegalName);
        Assert.Equal("Chenda Fictional", Assert.Single(blacklisted.Principals).Name);
        // The principals of the blacklisted agency come back under a new name.
        var licence = Unique("KH-T");
        var comeback = Samples.Agency(licence, "Angkor New Dawn Placement Co., Ltd.", principal: "Chenda Fictional");

        var conflict = await (await kh.PostJson("/api/v1/agencies", Samples.Create(comeback))).ShouldBeProblem(HttpStatusCode.Conflict);
        var hit = Assert.Single(conflict["resemblances"]!.AsArray())!;
        Assert.Equal((Demo.KhBlacklisted, "agency", "blacklisted"), (hit["reference"].Str(), hit["kind"].Str(), hit["status"].Str()));
        Assert.Equal(blacklisted.Id.ToString(), hit["id"].Str());
        Assert.Equal("KH", hit["state"].Str());
        Assert.Contains(hit["evidence"]!.AsArray(), e => e!["field"].Str() == "principal" && e["other"].Str() == "Chenda Fictional" && e["weight"]!.GetValue<double>() > 0);
        Assert.Contains("resemblanceReviewed", conflict["detail"].Str());

        // A similar name alone is caught too, across states (the blacklist is regional).
        using var ph = await app.As(Demo.LicensingPH);
        var similarName = Samples.Agency(Unique("PH-T"), "Tonlé-Sap Workforce Company Ltd", "Marites Testperson", "9 Quality Avenue, Cebu City");
        var byName = await (await ph.PostJson("/api/v1/agencies", Samples.Create(similarName))).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Contains(byName["resemblances"]!.AsArray(), h => h!["reference"].Str() == Demo.KhBlacklisted);

        // Reviewed without a reason: the justification is required.
        await (await kh.PostJson("/api/v1/agencies", Samples.Create(comeback, reviewed: true))).ShouldNameFields("justification");
        // Nothing was written by the refusals.
        Assert.Equal(0, (await (await kh.GetAsync($"/api/v1/agencies?q={licence}")).OkJson())["total"]!.GetValue<int>());

        var granted = await kh.PostJson("/api/v1/agencies", Samples.Create(comeback, reviewed: true, justification: "Same name as a former director; identity documents checked, a different person."));
        await granted.ShouldBe(HttpStatusCode.Created);
        var grant = Assert.Single((await granted.Json())["history"]!.AsArray())!;
        Assert.Contains("1 blacklist resemblance", grant["reason"].Str());
        Assert.Contains("identity documents checked", grant["reason"].Str());
    }

    [Fact]
    public async Task An_update_with_a_stale_if_match_is_refused_with_412()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var licence = Unique("KH-T");
        var (agency, etag) = await Grant(kh, licence, "Kep Seaside Recruitment Co., Ltd.");
        var url = $"/api/v1/agencies/{agency["id"].Str()}";

        var first = await kh.PutJson(url, new { agency = Samples.Agency(licence, "Kep Seaside Recruitment Co., Ltd.").With("address", "8 Crab Market Road, Kep"), reason = "Office moved." }, etag);
        await first.ShouldBe(HttpStatusCode.OK);
        var newTag = first.Headers.ETag!.ToString();
        Assert.NotEqual(etag, newTag);
        Assert.Equal("8 Crab Market Road, Kep", (await first.Json())["address"].Str());

        // Someone else's edit, sent with the ETag read before the first one, is refused and changes nothing.
        var stale = await kh.PutJson(url, new { agency = Samples.Agency(licence, "Kep Seaside Overwritten Co., Ltd."), reason = "Stale edit." }, etag);
        var problem = await stale.ShouldBeProblem(HttpStatusCode.PreconditionFailed);
        Assert.Contains("changed since you read it", problem["title"].Str());
        Assert.Equal("Kep Seaside Recruitment Co., Ltd.", (await (await kh.GetAsync(url)).OkJson())["legalName"].Str());
        // A decision sent with a stale ETag is refused the same way.
        await (await kh.PostJson($"{url}/status", new { action = "suspend", reason = "x", legalReference = "y" }, etag)).ShouldBeProblem(HttpStatusCode.PreconditionFailed);

        // With the current ETag it goes through.
        await (await kh.PutJson(url, new { agency = Samples.Agency(licence, "Kep Seaside Recruitment Co., Ltd.").With("phone", "+855 36 000 111"), reason = "New phone." }, newTag)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Suspending_needs_a_reason_and_a_legal_reference()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var (agency, _) = await Grant(kh, Unique("KH-T"), "Kampong Cham Workforce Co., Ltd.");
        var url = $"/api/v1/agencies/{agency["id"].Str()}/status";
        await (await kh.PostJson(url, new { action = "suspend" })).ShouldNameFields("reason", "legalReference");
        await (await kh.PostJson(url, new { action = "suspend", reason = "Unpaid wages." })).ShouldNameFields("legalReference");
        await (await kh.PostJson(url, new { reason = "Unpaid wages.", legalReference = "Sub-Decree 190, art. 30" })).ShouldNameFields("action");
        // A renewal does not need the law, but needs a later end date.
        await (await kh.PostJson(url, new { action = "renew", reason = "Renewed." })).ShouldNameFields("newValidUntil");
        Assert.Equal("active", (await (await kh.GetAsync($"/api/v1/agencies/{agency["id"].Str()}")).OkJson())["status"].Str());
    }

    [Fact]
    public async Task A_suspension_shows_to_the_public_with_its_date_and_reason()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var licence = Unique("KH-T");
        var (agency, etag) = await Grant(kh, licence, "Svay Rieng Labour Link Co., Ltd.");
        var effective = Samples.Today.AddDays(-2);
        var suspended = await (await kh.PostJson($"/api/v1/agencies/{agency["id"].Str()}/status",
            new { action = "suspend", reason = "Charged workers fees above the legal ceiling.", legalReference = "Sub-Decree No. 190 (2011), art. 30", effectiveOn = effective }, etag)).OkJson();
        Assert.Equal("suspended", suspended["status"].Str());
        Assert.Equal(effective.ToString("yyyy-MM-dd"), suspended["statusSince"].Str());

        using var anyone = app.Anonymous();
        var found = Assert.Single((await (await anyone.GetAsync($"/api/v1/public/agencies?q={licence}")).OkJson()).Items());
        Assert.Equal("suspended", found["status"].Str());
        Assert.Equal(effective.ToString("yyyy-MM-dd"), found["statusSince"].Str());
        Assert.Equal("Charged workers fees above the legal ceiling.", found["statusReason"].Str());
    }

    [Fact]
    public async Task A_blacklisted_agency_cannot_be_reinstated_or_renewed()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var id = await app.AgencyId(Demo.KhBlacklisted);
        var problem = await (await kh.PostJson($"/api/v1/agencies/{id}/status", new { action = "reinstate", reason = "Appeal." })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Contains("blacklisted agency cannot be licensed again", problem["detail"].Str());
        await (await kh.PostJson($"/api/v1/agencies/{id}/status", new { action = "renew", reason = "Renewal.", newValidUntil = Samples.Today.AddYears(5) })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal("blacklisted", (await (await kh.GetAsync($"/api/v1/agencies/{id}")).OkJson())["status"].Str());
    }

    [Fact]
    public async Task Renewing_extends_validUntil_and_renews_an_expired_licence()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var (agency, _) = await Grant(kh, Unique("KH-T"), "Takeo Rice Fields Recruitment Co., Ltd.");
        var until = Samples.Today.AddYears(5);
        var renewed = await (await kh.PostJson($"/api/v1/agencies/{agency["id"].Str()}/status", new { action = "renew", reason = "Bank guarantee renewed.", newValidUntil = until })).OkJson();
        Assert.Equal(until.ToString("yyyy-MM-dd"), renewed["validUntil"].Str());
        Assert.Equal("active", renewed["status"].Str());
        // An earlier end date is no renewal.
        await (await kh.PostJson($"/api/v1/agencies/{agency["id"].Str()}/status", new { action = "renew", reason = "x", newValidUntil = Samples.Today.AddYears(1) })).ShouldNameFields("newValidUntil");

        // The demo's expired licence (its end date has passed) reads as expired, and renewing makes it active again.
        var expired = await app.AgencyId(Demo.KhExpired);
        Assert.Equal("expired", (await (await kh.GetAsync($"/api/v1/agencies/{expired}")).OkJson())["status"].Str());
        var back = await (await kh.PostJson($"/api/v1/agencies/{expired}/status", new { action = "renew", reason = "Renewal fee paid.", newValidUntil = Samples.Today.AddYears(2) })).OkJson();
        Assert.Equal("active", back["status"].Str());
        Assert.Equal("expired", back["history"]!.AsArray().Last()!["from"].Str());
    }

    [Fact]
    public async Task History_lists_each_decision_with_the_deciding_officer_and_the_law()
    {
        using var kh = await app.As(Demo.LicensingKH);
        // This one ends blacklisted: its principal and address are its own, so that later grants do not resemble it.
        var created = await kh.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency(Unique("KH-T"), "Kratie Dolphin Manpower Co., Ltd.", "Bopha Onlyhere", "99 Riverside Lane, Kratie")));
        await created.ShouldBe(HttpStatusCode.Created);
        var agency = await created.Json();
        var url = $"/api/v1/agencies/{agency["id"].Str()}";
        const string law = "Sub-Decree No. 190 (2011), art. 30";
        await (await kh.PostJson($"{url}/status", new { action = "suspend", reason = "Investigation opened.", legalReference = law })).ShouldBe(HttpStatusCode.OK);
        await (await kh.PostJson($"{url}/status", new { action = "reinstate", reason = "Investigation closed: no breach." })).ShouldBe(HttpStatusCode.OK);
        await (await kh.PostJson($"{url}/status", new { action = "renew", reason = "Renewed.", newValidUntil = Samples.Today.AddYears(6) })).ShouldBe(HttpStatusCode.OK);
        await (await kh.PostJson($"{url}/status", new { action = "blacklist", reason = "Forged contracts.", legalReference = law })).ShouldBe(HttpStatusCode.OK);

        var read = await (await kh.GetAsync(url)).OkJson();
        Assert.Equal("blacklisted", read["status"].Str());
        Assert.Equal("Forged contracts.", read["statusReason"].Str());
        Assert.Equal(law, read["statusLegalReference"].Str());
        var history = read["history"]!.AsArray().Select(h => h!).ToList();
        Assert.Equal(["grant", "suspend", "reinstate", "renew", "blacklist"], history.Select(h => h["action"].Str()));
        Assert.Equal([null, "active", "suspended", "active", "active"], history.Select(h => h["from"]?.GetValue<string>()));
        Assert.Equal(["active", "suspended", "active", "active", "blacklisted"], history.Select(h => h["to"].Str()));
        Assert.All(history, h => Assert.Equal(Demo.LicensingKH, h["decidedBy"].Str()));
        Assert.All(history, h => Assert.Equal("kh-mlvt", h["decidedByOrganisation"].Str()));
        Assert.Equal(law, history[1]["legalReference"].Str());
        Assert.Equal("Investigation closed: no breach.", history[2]["reason"].Str());
        // Each decision moved the version on.
        Assert.Equal(4, read["version"]!.GetValue<int>() - agency["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_list_filters_by_text_and_status_and_pages()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var suspended = await (await kh.GetAsync("/api/v1/agencies?status=suspended")).OkJson();
        Assert.Contains(suspended.Items(), a => a["licenceNumber"].Str() == Demo.KhSuspended);
        Assert.All(suspended.Items(), a => Assert.Equal("suspended", a["status"].Str()));
        var expired = await (await kh.GetAsync("/api/v1/agencies?status=Expired")).OkJson();
        Assert.All(expired.Items(), a => Assert.Equal("expired", a["status"].Str()));

        var lotus = await (await kh.GetAsync("/api/v1/agencies?q=golden%20lotus")).OkJson();
        Assert.Equal(Demo.GoldenLotus, Assert.Single(lotus.Items())["licenceNumber"].Str());

        var page = await (await kh.GetAsync("/api/v1/agencies?page=2&pageSize=3")).OkJson();
        Assert.Equal(3, page.Items().Count());
        Assert.Equal(2, page["page"]!.GetValue<int>());
        Assert.True(page["total"]!.GetValue<int>() >= 9);
        await (await kh.GetAsync("/api/v1/agencies?page=0&pageSize=501")).ShouldNameFields("page", "pageSize");
    }
}

public sealed class AgenciesApiTests_on_Sqlite(SqliteApp app) : AgenciesApiTests<SqliteApp>(app);
public sealed class AgenciesApiTests_on_Postgres(PostgresApp app) : AgenciesApiTests<PostgresApp>(app);
