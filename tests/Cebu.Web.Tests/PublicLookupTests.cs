using System.Net;
using System.Text.Json.Nodes;
using Cebu.Web.Tests.Infrastructure;

namespace Cebu.Web.Tests;

/// <summary>The check a worker makes before paying an agency: no account, tolerant of how the name is typed, best match first.</summary>
public abstract class PublicLookupTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private async Task<List<JsonNode>> Lookup(string q)
    {
        using var anyone = app.Anonymous();
        return (await (await anyone.GetAsync($"/api/v1/public/agencies?q={Uri.EscapeDataString(q)}")).OkJson()).Items().ToList();
    }

    private static void First(string licence, List<JsonNode> items, string query)
    {
        Assert.True(items.Count > 0, $"'{query}' found nothing; expected {licence} first.");
        Assert.True(items[0]["licenceNumber"].Str() == licence,
            $"'{query}' should find {licence} first; found: {string.Join(", ", items.Select(i => i["licenceNumber"].Str()))}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%20%20")]
    [InlineData("q=---")]
    public async Task A_missing_or_empty_query_is_a_400_problem_saying_what_to_send(string query)
    {
        using var anyone = app.Anonymous();
        var errors = await (await anyone.GetAsync($"/api/v1/public/agencies?{query}")).ShouldNameFields("q");
        var message = errors["q"]![0].Str();
        Assert.Contains("name or licence number", message);
        Assert.Contains("?q=", message);
    }

    [Fact]
    public async Task A_query_of_more_than_200_characters_is_a_400_problem()
    {
        using var anyone = app.Anonymous();
        await (await anyone.GetAsync($"/api/v1/public/agencies?q={new string('a', 201)}")).ShouldNameFields("q");
    }

    [Fact]
    public async Task Nothing_found_is_an_empty_list_not_an_error()
    {
        Assert.Empty(await Lookup("Zzyzx Nonexistent Recruiters"));
    }

    [Theory]
    [InlineData("Golden Lotus")]
    [InlineData("golden lot")]
    [InlineData("golden-lotus")]
    [InlineData("GOLDENLOTUS")]
    [InlineData("  Golden   Lotus   Manpower ")]
    [InlineData("Golden Lotus Manpower Co., Ltd.")]
    [InlineData("goldenlotusmanpowercoltd")]
    [InlineData("Lotus Manpower")]
    [InlineData("lotus golden")]
    public async Task Finds_by_name_whatever_the_case_punctuation_spacing_or_word_order(string query)
    {
        First(Demo.GoldenLotus, await Lookup(query), query);
    }

    [Theory]
    [InlineData("KH-DEMO-001")]
    [InlineData("kh demo 001")]
    [InlineData("khdemo001")]
    [InlineData("KH/DEMO/001")]
    public async Task Finds_by_licence_number(string query)
    {
        var items = await Lookup(query);
        First(Demo.GoldenLotus, items, query);
        Assert.Single(items, i => i["licenceNumber"].Str() == Demo.GoldenLotus);
    }

    [Fact]
    public async Task A_partial_name_finds_every_agency_that_has_it_in_any_state()
    {
        var items = await Lookup("golden");
        var found = items.Select(i => i["licenceNumber"].Str()).ToList();
        Assert.Contains(Demo.GoldenLotus, found);       // Golden Lotus Manpower (KH)
        Assert.Contains("MM-DEMO-002", found);          // Golden Land Manpower (MM)
        Assert.Contains("LA-DEMO-001", found);          // Golden Champa Manpower (LA)
        Assert.Superset(new HashSet<string> { "KH", "LA", "MM" }, items.Select(i => i["licensingState"].Str()).ToHashSet());
    }

    [Theory]
    [InlineData("cong ty co phan nhan luc sao vang")]
    [InlineData("Công ty Cổ phần Nhân lực Sao Vàng")]
    [InlineData("CONG TY CO PHAN NHAN LUC SAO VANG")]
    [InlineData("nhan luc sao vang")]
    public async Task Finds_a_Vietnamese_name_typed_with_or_without_accents(string query)
    {
        var items = await Lookup(query);
        First("VN-DEMO-001", items, query);
        Assert.Equal("Công ty Cổ phần Nhân lực Sao Vàng", items[0]["name"].Str());
    }

    [Theory]
    [InlineData("ផ្កាឈូក")]
    [InlineData("ផ្កាឈូកមាស")]
    [InlineData("ក្រុមហ៊ុន ផ្កាឈូកមាស")]
    [InlineData("ឈូកមាស")]
    public async Task Finds_by_a_fragment_of_the_Khmer_name(string query)
    {
        var items = await Lookup(query);
        First(Demo.GoldenLotus, items, query);
        Assert.Contains("ក្រុមហ៊ុន ផ្កាឈូកមាស", items[0]["otherNames"]!.AsArray().Select(n => n.Str()));
    }

    [Fact]
    public async Task Best_match_comes_first_and_an_exact_licence_number_ranks_above_a_name_containing_it()
    {
        // A Philippine agency whose name starts with the Cambodian licence number, and one whose name extends Golden Lotus's.
        using var ph = await app.As(Demo.LicensingPH);
        await (await ph.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency("PH-LOOKUP-001", "KH Demo 001 Placement Services Inc.", "Marites Lookupperson", "3 Rizal Avenue, Manila")))).ShouldBe(HttpStatusCode.Created);
        await (await ph.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency("PH-LOOKUP-002", "Golden Lotus Manpower Co., Ltd. Overseas Branch", "Jun Lookupperson", "5 Rizal Avenue, Manila")))).ShouldBe(HttpStatusCode.Created);

        var byLicence = await Lookup("KH-DEMO-001");
        Assert.Equal([Demo.GoldenLotus, "PH-LOOKUP-001"], byLicence.Select(i => i["licenceNumber"].Str()));

        // The whole name ranks above a longer name that starts with it.
        var byName = await Lookup("Golden Lotus Manpower Co., Ltd.");
        Assert.Equal([Demo.GoldenLotus, "PH-LOOKUP-002"], byName.Select(i => i["licenceNumber"].Str()));
        // A name's start ranks above a word inside another name: "Golden L..." starts Golden Lotus and Golden Land, shortest first.
        var prefix = await Lookup("golden l");
        Assert.Equal([Demo.GoldenLotus, "MM-DEMO-002"], prefix.Take(2).Select(i => i["licenceNumber"].Str()).Order());
    }

    [Fact]
    public async Task Blacklisted_agency_shows_as_blacklisted_to_the_public_with_date_and_reason()
    {
        var found = Assert.Single(await Lookup(Demo.KhBlacklisted), i => i["licenceNumber"].Str() == Demo.KhBlacklisted);
        Assert.Equal("blacklisted", found["status"].Str());
        Assert.Equal(Samples.Today.AddDays(-300).ToString("yyyy-MM-dd"), found["statusSince"].Str());
        Assert.Equal("Deployed workers with falsified contracts and withheld their passports.", found["statusReason"].Str());
        // Found by its name too.
        First(Demo.KhBlacklisted, await Lookup("Tonle Sap Workforce"), "Tonle Sap Workforce");
    }

    [Fact]
    public async Task Suspended_and_cancelled_agencies_show_their_status_date_and_reason()
    {
        var suspended = Assert.Single(await Lookup(Demo.KhSuspended), i => i["licenceNumber"].Str() == Demo.KhSuspended);
        Assert.Equal("suspended", suspended["status"].Str());
        Assert.Equal(Samples.Today.AddDays(-40).ToString("yyyy-MM-dd"), suspended["statusSince"].Str());
        Assert.Equal("Charged workers placement fees above the legal ceiling; suspended pending investigation.", suspended["statusReason"].Str());

        var cancelled = Assert.Single(await Lookup(Demo.KhCancelled), i => i["licenceNumber"].Str() == Demo.KhCancelled);
        Assert.Equal("cancelled", cancelled["status"].Str());
        Assert.Equal(Samples.Today.AddDays(-120).ToString("yyyy-MM-dd"), cancelled["statusSince"].Str());
        Assert.Equal("Bank guarantee not restored within the period allowed.", cancelled["statusReason"].Str());
    }

    [Fact]
    public async Task An_active_licence_past_its_end_date_shows_as_expired_without_a_reason()
    {
        var expired = Assert.Single(await Lookup(Demo.KhExpired), i => i["licenceNumber"].Str() == Demo.KhExpired);
        Assert.Equal("expired", expired["status"].Str());
        Assert.Equal(Samples.Today.AddDays(-15).ToString("yyyy-MM-dd"), expired["validUntil"].Str());
        Assert.Null(expired["statusReason"]);
    }

    [Fact]
    public async Task An_expired_licence_shows_since_when_it_expired()
    {
        var expired = Assert.Single(await Lookup(Demo.KhExpired), i => i["licenceNumber"].Str() == Demo.KhExpired);
        var validUntil = DateOnly.Parse(expired["validUntil"].Str());
        // A worker reads "expired since ...": the date the licence ran out, not the date it was granted.
        Assert.InRange(DateOnly.Parse(expired["statusSince"].Str()), validUntil, validUntil.AddDays(1));
    }

    [Fact]
    public async Task The_public_sees_the_licence_fields_and_nothing_private()
    {
        var item = (JsonObject)Assert.Single(await Lookup(Demo.GoldenLotus), i => i["licenceNumber"].Str() == Demo.GoldenLotus);
        Assert.Equal(Demo.GoldenLotus, item["licenceNumber"].Str());
        Assert.Equal(Demo.GoldenLotusName, item["name"].Str());
        Assert.Equal(["ក្រុមហ៊ុន ផ្កាឈូកមាស"], item["otherNames"]!.AsArray().Select(n => n.Str()));
        Assert.Equal("KH", item["licensingState"].Str());
        Assert.Equal("active", item["status"].Str());
        Assert.True(DateOnly.TryParseExact(item["validUntil"].Str(), "yyyy-MM-dd", out var until) && until > Samples.Today);
        Assert.Equal(["TH", "MY"], item["accreditedDestinations"]!.AsArray().Select(d => d.Str()));
        Assert.NotEmpty(item["accreditedSectors"]!.AsArray());
        Assert.Null(item["statusSince"]);
        Assert.Null(item["statusReason"]);
        // Addresses, contacts, principals, history and internal ids stay with the officials.
        Assert.Equal(
            ["accreditedDestinations", "accreditedSectors", "licenceNumber", "licensingState", "name", "otherNames", "status", "statusReason", "statusSince", "validUntil"],
            item.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_public_check_page_answers_without_signing_in()
    {
        using var anyone = app.Anonymous();
        var response = await anyone.GetAsync($"/check-agency?q={Uri.EscapeDataString("golden lotus")}");
        await response.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Demo.GoldenLotus, html);
        Assert.Contains("Golden Lotus Manpower Co., Ltd.", html);
    }
}

public sealed class PublicLookupTests_on_Sqlite(SqliteApp app) : PublicLookupTests<SqliteApp>(app);
public sealed class PublicLookupTests_on_Postgres(PostgresApp app) : PublicLookupTests<PostgresApp>(app);
