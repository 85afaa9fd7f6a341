using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cebu.Web.Tests.Workers;

/// <summary>The app on a fresh SQLite file with demo data.</summary>
public sealed class WorkersApp : WebApplicationFactory<Program>
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"cebu-workers-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Cebu", $"Data Source={_db}");
        builder.UseSetting("Cebu:DemoData", "true");
    }

    public async Task<HttpClient> SignedIn(string email)
    {
        var client = CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Demo-Cebu-2026!" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_db) + "*")) File.Delete(f);
    }
}

public class WorkersApiTests(WorkersApp app) : IClassFixture<WorkersApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<JsonNode> Json(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    private async Task<string> Register(HttpClient kh, string family, string passport)
    {
        var r = await kh.PostAsJsonAsync("/api/v1/workers", new
        {
            worker = new { familyName = family, givenNames = "TEST", sex = "female", dateOfBirth = "1996-05-04", nationality = "KH", passportNumber = passport, passportExpiry = Today.AddYears(5).ToString("yyyy-MM-dd"), languages = new[] { "km" } },
            destination = "TH", sector = "manufacturing",
            // These test workers share a given name, a birth date and passports one digit apart: the engine rightly calls
            // them probable duplicates (409, tested in DupesScreeningTests), so each is confirmed a different person.
            confirmedNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await Json(r))["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Worker_moves_through_the_journey_and_a_refused_step_names_each_failed_gate()
    {
        var kh = await app.SignedIn("labour@kh.demo");
        var id = await Register(kh, "JOURNEY", "N7000001");

        var skip = await kh.PostAsJsonAsync($"/api/v1/workers/{id}/journey", new { target = "cleared" });
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Equal("application/problem+json", skip.Content.Headers.ContentType!.MediaType);
        Assert.Contains("pre-departure", (await Json(skip))["errors"]!["phase"]![0]!.GetValue<string>());

        var suspendedAgency = await kh.PostAsJsonAsync($"/api/v1/workers/{id}/journey", new
        {
            target = "preDeparture",
            evidence = new { agencyLicenceNumber = "KH-DEMO-002", jobOrderNumber = "JO-T-1", employer = "Example Plant", jobTitle = "Operator" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, suspendedAgency.StatusCode);
        Assert.Contains("suspended", (await Json(suspendedAgency))["errors"]!["agency"]![0]!.GetValue<string>());

        var recruited = await kh.PostAsJsonAsync($"/api/v1/workers/{id}/journey", new
        {
            target = "preDeparture",
            evidence = new { agencyLicenceNumber = "KH-DEMO-001", jobOrderNumber = "JO-T-1", employer = "Example Plant", jobTitle = "Operator" },
        });
        Assert.Equal(HttpStatusCode.OK, recruited.StatusCode);

        var incomplete = await kh.PostAsJsonAsync($"/api/v1/workers/{id}/journey", new { target = "cleared", evidence = new { contractReference = "C-T-1" } });
        var gates = (await Json(incomplete))["errors"]!.AsObject().Select(e => e.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "contract", "orientation", "healthCheck", "insurance" }, gates);

        var cleared = await kh.PostAsJsonAsync($"/api/v1/workers/{id}/journey", new
        {
            target = "cleared",
            evidence = new
            {
                contractReference = "C-T-1", contractSignedOn = Today.AddDays(-3).ToString("yyyy-MM-dd"), orientationAttendedOn = Today.AddDays(-2).ToString("yyyy-MM-dd"),
                orientationProvider = "Example Centre", healthCheckOn = Today.AddDays(-5).ToString("yyyy-MM-dd"), healthCheckFit = true, insurer = "Example Mutual",
                insurancePolicy = "P-T-1", insuranceValidUntil = Today.AddYears(2).ToString("yyyy-MM-dd"),
                fees = new[] { new { amount = 120, currency = "USD", paidTo = "KH-DEMO-001", purpose = "medical check" } },
            },
        });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var code = (await Json(cleared))["clearanceCode"]!.GetValue<string>();
        Assert.Equal(10, code.Length);

        // Anyone can check the clearance, and sees only what is needed.
        var anonymous = app.CreateClient();
        var check = await Json(await anonymous.GetAsync($"/api/v1/public/clearances/{code.ToLowerInvariant()}"));
        Assert.True(check["valid"]!.GetValue<bool>());
        Assert.Equal("JOURNEY, TEST", check["name"]!.GetValue<string>());
        Assert.EndsWith("001", check["passportNumberEnding"]!.GetValue<string>());
        Assert.DoesNotContain("N7000001", check.ToJsonString());
        Assert.Null(check["nextOfKin"]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/public/clearances/ZZZZZZZZZZ")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await kh.PostAsJsonAsync($"/api/v1/workers/{id}/journey", new
        {
            target = "travel", evidence = new { departedOn = Today.ToString("yyyy-MM-dd"), borderCrossingPoint = "Poipet" },
        })).StatusCode);

        // The receiving state's inspectorate records the placement of a worker on its territory, then sees the worker in
        // its list. A caseworker of the same state (workers.view, no workers.placement) cannot: the travelling worker is
        // not yet on its territory, so it does not even find them.
        object placement = new
        {
            target = "placement",
            evidence = new { employer = "Example Plant", workplace = "1 Example Road", placementRegion = "Rayong", workPermitNumber = "WP-T-1",
                workPermitExpiry = Today.AddDays(45).ToString("yyyy-MM-dd"), placedOn = Today.ToString("yyyy-MM-dd") },
        };
        var thCaseworker = await app.SignedIn("caseworker@th.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await thCaseworker.PostAsJsonAsync($"/api/v1/workers/{id}/journey", placement)).StatusCode);
        var th = await app.SignedIn("inspector@th.demo");
        var placed = await th.PostAsJsonAsync($"/api/v1/workers/{id}/journey", placement);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var expiring = await Json(await th.GetAsync("/api/v1/workers?view=placedHere&permitExpiresWithinDays=60"));
        Assert.Contains(expiring["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
        var notYet = await Json(await th.GetAsync("/api/v1/workers?view=placedHere&permitExpiresWithinDays=30&q=JOURNEY"));
        Assert.DoesNotContain(notYet["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);

        // The timeline lists every step.
        // (Less the "not-a-duplicate" confirmation that Register may have needed: see its comment.)
        var timeline = (await Json(await kh.GetAsync($"/api/v1/workers/{id}")))["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>())
            .Where(k => k != "not-a-duplicate").ToList();
        Assert.Equal(["registered", "journey.predeparture", "journey.cleared", "journey.travel", "journey.placement"], timeline);
    }

    [Fact]
    public async Task Receiving_state_sees_placed_workers_but_not_their_family_contacts_or_timeline()
    {
        var th = await app.SignedIn("caseworker@th.demo");
        var list = await Json(await th.GetAsync("/api/v1/workers?view=placedHere&pageSize=500"));
        Assert.NotEmpty(list["items"]!.AsArray());
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal("TH", i!["placementState"]!.GetValue<string>()));
        var one = await Json(await th.GetAsync($"/api/v1/workers/{list["items"]![0]!["id"]}"));
        Assert.Null(one["worker"]!["nextOfKin"]!["name"]);
        Assert.Empty(one["timeline"]!.AsArray());

        // Its own list of registered workers is empty: Thailand owns none of them.
        Assert.Equal(0, (await Json(await th.GetAsync("/api/v1/workers?view=own")))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_sending_state_cannot_read_or_change_a_worker()
    {
        var kh = await app.SignedIn("labour@kh.demo");
        var id = await Register(kh, "PRIVATE", "N7000002");
        var ph = await app.SignedIn("labour@ph.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await ph.GetAsync($"/api/v1/workers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ph.PostAsJsonAsync($"/api/v1/workers/{id}/journey", new { target = "returned" })).StatusCode);
        var search = await Json(await ph.GetAsync("/api/v1/workers?q=PRIVATE"));
        Assert.Equal(0, search["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Consul_sees_nationals_in_the_state_where_posted_only()
    {
        var consul = await app.SignedIn("consul-kh@th.demo");
        var list = await Json(await consul.GetAsync("/api/v1/workers?view=nationals&pageSize=500"));
        Assert.NotEmpty(list["items"]!.AsArray());
        Assert.All(list["items"]!.AsArray(), i =>
        {
            Assert.Equal("KH", i!["ownerState"]!.GetValue<string>());
            Assert.Equal("TH", i["destination"]!.GetValue<string>());
        });

        // Nor through the other lists or a record's address: a Cambodian still being recruited at home is not the embassy's to see.
        var home = await app.SignedIn("labour@kh.demo");
        var atHome = await Register(home, "EMBASSYTEST", "KHE7654321");
        Assert.Equal(HttpStatusCode.OK, (await home.GetAsync($"/api/v1/workers/{atHome}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await consul.GetAsync($"/api/v1/workers/{atHome}")).StatusCode);
        var own = (await Json(await consul.GetAsync("/api/v1/workers?pageSize=500")))["items"]!.AsArray();
        Assert.NotEmpty(own);
        Assert.DoesNotContain(own, i => i!["id"]!.GetValue<string>() == atHome);
        Assert.All(own, i => Assert.Equal("TH", i!["destination"]?.GetValue<string>()));
        var search = (await Json(await consul.GetAsync("/api/v1/workers?q=EMBASSYTEST")))["items"]!.AsArray();
        Assert.Empty(search);
    }

    [Fact]
    public async Task Search_tolerates_accents_order_and_small_spelling_differences_and_finds_document_numbers()
    {
        var kh = await app.SignedIn("labour@kh.demo");
        var id = await Register(kh, "SREYNEANG", "N7000003");
        foreach (var q in new[] { "sreyneang test", "Test, Sreyneang", "SREYNEAN TEST", "Sréynéang" })
        {
            var found = await Json(await kh.GetAsync($"/api/v1/workers?q={Uri.EscapeDataString(q)}"));
            Assert.True(found["items"]!.AsArray().Any(i => i!["id"]!.GetValue<string>() == id), $"'{q}' should find the worker");
        }
        var byPassport = await Json(await kh.GetAsync("/api/v1/workers?q=n%207000003"));
        Assert.Equal(id, byPassport["items"]![0]!["id"]!.GetValue<string>());
        var byBirth = await Json(await kh.GetAsync("/api/v1/workers?dateOfBirth=1996-05-04&q=SREYNEANG"));
        Assert.Single(byBirth["items"]!.AsArray());
    }

    [Fact]
    public async Task Undocumented_through_no_fault_needs_a_reason_and_is_dated()
    {
        var kh = await app.SignedIn("labour@kh.demo");
        var id = await Register(kh, "STATUS", "N7000004");
        var noReason = await kh.PostAsJsonAsync($"/api/v1/workers/{id}/documentation-status", new { status = "undocumentedNoFault", since = "2026-10-01" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await Json(noReason))["errors"]!["reason"]);
        var ok = await kh.PostAsJsonAsync($"/api/v1/workers/{id}/documentation-status", new { status = "undocumentedNoFault", since = "2026-10-01", reason = "The employer did not renew the permit." });
        var w = await Json(ok);
        Assert.Equal("undocumentedNoFault", w["documentationStatus"]!.GetValue<string>());
        Assert.Equal("2026-10-01", w["documentationStatusSince"]!.GetValue<string>());
    }

    [Fact]
    public async Task Crisis_list_shows_nationals_in_the_region_and_records_each_persons_status()
    {
        var kh = await app.SignedIn("labour@kh.demo");
        var rows = (await Json(await kh.GetAsync("/api/v1/crisis/TH?region=north"))).AsArray();
        Assert.NotEmpty(rows);
        var worker = rows[0]!["workerId"]!.GetValue<string>();
        var set = await kh.PostAsJsonAsync($"/api/v1/crisis/workers/{worker}", new { country = "TH", status = "needsHelp", note = "Called; injured" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var again = (await Json(await kh.GetAsync("/api/v1/crisis/TH?region=north"))).AsArray();
        Assert.Equal("needsHelp", again.First(r => r!["workerId"]!.GetValue<string>() == worker)!["status"]!.GetValue<string>());
        using var download = await kh.GetAsync("/api/v1/crisis/TH?region=north&format=csv");
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("crisis-TH-north.csv", download.Content.Headers.ContentDisposition!.FileName);
        var csv = await download.Content.ReadAsStringAsync();
        Assert.StartsWith("family_name,given_names,phone", csv);
        Assert.Contains("NeedsHelp", csv);
        Assert.Equal(rows.Count + 1, csv.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task Reading_a_worker_is_audited_and_shown_to_the_owning_state()
    {
        var kh = await app.SignedIn("labour@kh.demo");
        // The embassy in Bangkok reads the record of a Cambodian placed in Thailand.
        var consul = await app.SignedIn("consul-kh@th.demo");
        var id = (await Json(await consul.GetAsync("/api/v1/workers?view=nationals&pageSize=1")))["items"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await consul.GetAsync($"/api/v1/workers/{id}")).StatusCode);
        var readBy = (await Json(await kh.GetAsync($"/api/v1/workers/{id}")))["readBy"]!.AsArray().Select(r => r!["userName"]!.GetValue<string>()).ToList();
        Assert.Contains("consul-kh@th.demo", readBy);
        Assert.Contains("labour@kh.demo", readBy);
    }
}
