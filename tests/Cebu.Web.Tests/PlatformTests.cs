using System.Net;
using System.Text;
using Cebu.Web.Tests.Infrastructure;

namespace Cebu.Web.Tests;

/// <summary>Health, the API description, unknown addresses and the shape of every API error.</summary>
public abstract class PlatformTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/health");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_is_json_listing_the_public_agency_check()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/openapi/v1.json");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var doc = await response.Json();
        Assert.StartsWith("3.", doc["openapi"].Str());
        Assert.Equal("Cebu API", doc["info"]!["title"].Str());
        var paths = doc["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/v1/public/agencies"), $"Paths listed: {string.Join(", ", paths.Select(p => p.Key))}");
        Assert.True(paths.ContainsKey("/api/v1/agencies/{id}"));
        Assert.True(paths.ContainsKey("/api/v1/auth/login"));
    }

    [Fact]
    public async Task Api_docs_is_an_html_page()
    {
        using var client = app.Anonymous();
        // Scalar moves /api-docs to /api-docs/ so that its scripts resolve relative to the page; anyone may follow.
        var first = await client.GetAsync("/api-docs");
        await first.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/api-docs/", new Uri(new Uri("http://localhost/api-docs"), first.Headers.Location!).AbsolutePath);
        var response = await client.GetAsync("/api-docs/");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<title>Cebu API</title>", html);
        Assert.Contains("scalar.js", html);
    }

    [Fact]
    public async Task Unknown_api_address_is_a_404_problem()
    {
        using var client = app.Anonymous();
        var problem = await (await client.GetAsync("/api/v1/nothing")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal("/api/v1/nothing", problem["instance"].Str());
        // Anonymous or signed in: an address nothing serves is 404, not a sign-in challenge.
        using var official = await app.As(Demo.LicensingKH);
        await (await official.GetAsync("/api/v1/nothing/else")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    /// <summary>One request for each way the API can refuse; each answer must be application/problem+json with its status.</summary>
    [Fact]
    public async Task Every_kind_of_api_error_is_a_problem_document()
    {
        using var anonymous = app.Anonymous();
        using var kh = await app.As(Demo.LicensingKH);
        using var inspector = await app.As(Demo.InspectorTH);
        var golden = await app.AgencyId(Demo.GoldenLotus);
        var blacklisted = await app.AgencyId(Demo.KhBlacklisted);

        var cases = new (string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status)[]
        {
            ("unknown address", () => anonymous.GetAsync("/api/v1/nothing"), HttpStatusCode.NotFound),
            ("not signed in", () => anonymous.GetAsync("/api/v1/agencies"), HttpStatusCode.Unauthorized),
            ("wrong password", () => anonymous.PostJson("/api/v1/auth/login", new { email = Demo.LicensingKH, password = "wrong-password-1" }), HttpStatusCode.Unauthorized),
            ("missing credentials", () => anonymous.PostJson("/api/v1/auth/login", new { }), HttpStatusCode.BadRequest),
            ("administrator without second factor", () => anonymous.PostJson("/api/v1/auth/login", new { email = Demo.Admin, password = Demo.Password }), HttpStatusCode.Forbidden),
            ("permission missing", () => inspector.GetAsync("/api/v1/agencies"), HttpStatusCode.Forbidden),
            ("record not found", () => kh.GetAsync($"/api/v1/agencies/{Guid.NewGuid()}"), HttpStatusCode.NotFound),
            ("invalid fields", () => kh.PostJson("/api/v1/agencies", new { agency = new { } }), HttpStatusCode.BadRequest),
            ("missing body part", () => kh.PostJson("/api/v1/agencies", new { }), HttpStatusCode.BadRequest),
            ("malformed JSON", () => kh.PostAsync("/api/v1/agencies", new StringContent("{\"agency\":", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest),
            ("wrong media type", () => kh.PostAsync("/api/v1/agencies", new StringContent("agency", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType),
            ("wrong method", () => kh.DeleteAsync($"/api/v1/agencies/{golden}"), HttpStatusCode.MethodNotAllowed),
            ("query value of the wrong type", () => kh.GetAsync("/api/v1/agencies?page=first"), HttpStatusCode.BadRequest),
            ("unknown enum value", () => kh.GetAsync("/api/v1/agencies?status=sleeping"), HttpStatusCode.BadRequest),
            ("malformed If-Match", () => kh.PutJson($"/api/v1/agencies/{golden}", new { agency = new { }, reason = "x" }, ifMatch: "yesterday"), HttpStatusCode.BadRequest),
            ("stale If-Match", () => kh.PostJson($"/api/v1/agencies/{golden}/status", new { action = "renew", reason = "x", newValidUntil = "2099-01-01" }, ifMatch: "\"999\""), HttpStatusCode.PreconditionFailed),
            ("decision not allowed", () => kh.PostJson($"/api/v1/agencies/{blacklisted}/status", new { action = "reinstate", reason = "Appeal granted." }), HttpStatusCode.Conflict),
            ("public check without a query", () => anonymous.GetAsync("/api/v1/public/agencies"), HttpStatusCode.BadRequest),
        };
        foreach (var (what, send, status) in cases)
        {
            // The ProblemContract handler in every client already fails on a non-problem error; this names the case too.
            HttpResponseMessage response;
            try { response = await send(); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"Case '{what}': {e.Message}"); }
            Assert.True(response.StatusCode == status, $"Case '{what}': expected {(int)status}, got {(int)response.StatusCode}: {Http.Cut(await response.Content.ReadAsStringAsync())}");
            await response.ShouldBeProblem(status);
        }
    }

    [Fact]
    public async Task Unknown_page_is_404_for_anyone()
    {
        using var client = app.Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(request);
        await response.ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Choosing_a_language_sets_the_cookie_and_returns_to_the_page()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/language?culture=km&returnUrl=/check-agency");
        await response.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/check-agency", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && c.Contains("km"));
        // An address elsewhere is not followed.
        var away = await client.GetAsync("/language?culture=km&returnUrl=//evil.example");
        Assert.Equal("/", away.Headers.Location!.OriginalString);
        await (await client.GetAsync("/language?culture=xx")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public void Totp_matches_the_RFC_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1 seed "12345678901234567890": 94287082 at T=59, 07081804 at T=1111111109 (last 6 digits).
        var key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }
}

public sealed class PlatformTests_on_Sqlite(SqliteApp app) : PlatformTests<SqliteApp>(app);
public sealed class PlatformTests_on_Postgres(PostgresApp app) : PlatformTests<PostgresApp>(app);
