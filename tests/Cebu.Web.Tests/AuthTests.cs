using System.Net;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cebu.Web.Tests;

/// <summary>Signing in through the API: tokens, wrong passwords, lockout, and the administrator's second factor.</summary>
public abstract class AuthTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private const string Login = "/api/v1/auth/login";

    [Fact]
    public async Task Login_returns_a_bearer_token_that_opens_the_api()
    {
        using var client = app.Anonymous();
        var token = await (await client.PostJson(Login, new { email = Demo.LicensingKH, password = Demo.Password })).OkJson();
        Assert.Equal("Bearer", token["tokenType"].Str());
        Assert.False(string.IsNullOrWhiteSpace(token["accessToken"].Str()));
        Assert.False(string.IsNullOrWhiteSpace(token["refreshToken"].Str()));
        Assert.Equal(3600, token["expiresIn"]!.GetValue<int>());

        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"].Str());
        await (await client.GetAsync("/api/v1/agencies")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Email_is_found_whatever_its_case_and_surrounding_spaces()
    {
        using var client = app.Anonymous();
        await (await client.PostJson(Login, new { email = "  LICENSING@PH.DEMO ", password = Demo.Password })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_password_is_a_401_problem()
    {
        using var client = app.Anonymous();
        var problem = await (await client.PostJson(Login, new { email = Demo.LicensingMM, password = "Not-the-password-1" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("wrong", problem["title"].Str());
    }

    [Fact]
    public async Task Unknown_email_is_the_same_401_problem_as_a_wrong_password()
    {
        using var client = app.Anonymous();
        var unknown = await (await client.PostJson(Login, new { email = "nobody@nowhere.demo", password = "Not-the-password-1" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var wrong = await (await client.PostJson(Login, new { email = Demo.LicensingVN, password = "Not-the-password-1" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(wrong["title"].Str(), unknown["title"].Str());
        Assert.Equal(wrong["detail"].Str(), unknown["detail"].Str());
    }

    [Fact]
    public async Task Missing_email_and_password_are_named_in_a_400_problem()
    {
        using var client = app.Anonymous();
        await (await client.PostJson(Login, new { email = "", password = "" })).ShouldNameFields("email", "password");
    }

    [Fact]
    public async Task Five_failures_lock_the_account_with_a_423_problem()
    {
        var email = $"lockout-{Guid.NewGuid():N}@ph.test";
        await NewOfficial(email, "Lockout-Test-2026!", Roles.Licensing, "ph-dmw");
        using var client = app.Anonymous();
        await (await client.PostJson(Login, new { email, password = "Lockout-Test-2026!" })).ShouldBe(HttpStatusCode.OK);

        for (var attempt = 1; attempt <= 4; attempt++)
            await (await client.PostJson(Login, new { email, password = $"wrong-{attempt}" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var fifth = await (await client.PostJson(Login, new { email, password = "wrong-5" })).ShouldBeProblem(HttpStatusCode.Locked);
        Assert.Contains("locked", fifth["title"].Str());

        // Locked means locked: the right password does not open it either, and says why.
        var right = await (await client.PostJson(Login, new { email, password = "Lockout-Test-2026!" })).ShouldBeProblem(HttpStatusCode.Locked);
        Assert.Contains("Try again after", right["detail"].Str());
        var end = await app.WithService<UserManager<CebuUser>, DateTimeOffset?>(async users => await users.GetLockoutEndDateAsync((await users.FindByEmailAsync(email))!));
        Assert.NotNull(end);
        Assert.InRange(end!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
    }

    [Fact]
    public async Task A_successful_login_forgets_earlier_failures()
    {
        var email = $"reset-{Guid.NewGuid():N}@ph.test";
        await NewOfficial(email, "Reset-Test-2026!!", Roles.Licensing, "ph-dmw");
        using var client = app.Anonymous();
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
                await (await client.PostJson(Login, new { email, password = $"wrong-{attempt}" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
            await (await client.PostJson(Login, new { email, password = "Reset-Test-2026!!" })).ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Administrator_must_use_a_second_factor_and_a_real_totp_code_opens_the_api()
    {
        using var client = app.Anonymous();
        // Not enrolled: the password alone is refused, with where to enrol.
        var refused = await (await client.PostJson(Login, new { email = Demo.Admin, password = Demo.Password })).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Contains("/Account/SetupAuthenticator", refused["detail"].Str());

        // Enrol an authenticator as the set-up page does.
        var key = await app.WithService<UserManager<CebuUser>, string>(async users =>
        {
            var admin = (await users.FindByEmailAsync(Demo.Admin))!;
            Assert.True((await users.ResetAuthenticatorKeyAsync(admin)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(admin, true)).Succeeded);
            return (await users.GetAuthenticatorKeyAsync(admin))!;
        });

        // Enrolled: the password alone asks for the code.
        var ask = await (await client.PostJson(Login, new { email = Demo.Admin, password = Demo.Password })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.True(ask["twoFactorRequired"]!.GetValue<bool>());

        // A code that no authenticator would show now (none of the codes of the steps the server accepts) is refused.
        var now = DateTimeOffset.UtcNow;
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        var wrong = Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6")).First(c => !accepted.Contains(c));
        var bad = await (await client.PostJson(Login, new { email = Demo.Admin, password = Demo.Password, twoFactorCode = wrong })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("two-factor code", bad["title"].Str());

        // The current code, computed here per RFC 6238 from the shared key, opens the API (written as apps show it: "123 456").
        var code = Totp.Code(key, DateTimeOffset.UtcNow);
        var token = await (await client.PostJson(Login, new { email = Demo.Admin, password = Demo.Password, twoFactorCode = $"{code[..3]} {code[3..]}" })).OkJson();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"].Str());
        // An administrator manages users and settings and sees no registry data.
        await (await client.GetAsync("/api/v1/agencies")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/errant-reports")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wrong_second_factor_counts_towards_the_lockout()
    {
        var email = $"totp-{Guid.NewGuid():N}@ph.test";
        await NewOfficial(email, "Totp-Test-2026!!", Roles.Licensing, "ph-dmw");
        var key = await app.WithService<UserManager<CebuUser>, string>(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        var now = DateTimeOffset.UtcNow;
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        var wrong = Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6")).First(c => !accepted.Contains(c));
        using var client = app.Anonymous();
        for (var attempt = 1; attempt <= 5; attempt++)
            await (await client.PostJson(Login, new { email, password = "Totp-Test-2026!!", twoFactorCode = wrong })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await client.PostJson(Login, new { email, password = "Totp-Test-2026!!", twoFactorCode = Totp.Code(key, DateTimeOffset.UtcNow) })).ShouldBeProblem(HttpStatusCode.Locked);
    }

    [Fact]
    public async Task A_forged_or_missing_token_is_a_401_problem()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token-Cebu-issued");
        await (await client.GetAsync("/api/v1/agencies")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = null;
        var problem = await (await client.GetAsync("/api/v1/agencies")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("/api/v1/auth/login", problem["detail"].Str());
    }

    [Fact]
    public async Task Signing_in_on_the_page_opens_the_registry_pages_with_a_cookie()
    {
        using var client = app.Anonymous();
        var signIn = await client.SignInOnPage(Demo.LicensingKH, Demo.Password);
        await signIn.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cebu.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var registry = await client.SendAsync(Http.Page("/Agencies"));
        await registry.ShouldBe(HttpStatusCode.OK);
        Assert.Contains(Demo.GoldenLotus, await registry.Content.ReadAsStringAsync());
        // The cookie does not open the API's permission checks to a page-only caller's surprise: it works there too.
        await (await client.GetAsync("/api/v1/agencies")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_on_the_page_says_so_and_sets_no_cookie()
    {
        using var client = app.Anonymous();
        var response = await client.SignInOnPage(Demo.LicensingVN, "Not-the-password-1");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("The e-mail or password is wrong.", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cebu.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Signing_out_on_the_sign_out_page_ends_the_session()
    {
        using var client = app.Anonymous();
        await (await client.SignInOnPage(Demo.LicensingPH, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        var token = await client.AntiforgeryToken("/Account/Logout");
        var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        await signOut.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.SendAsync(Http.Page("/Agencies"));
        await after.ShouldBe(HttpStatusCode.Redirect);
        Assert.StartsWith("/Account/Login", new Uri(new Uri("http://localhost"), after.Headers.Location!).PathAndQuery);
    }

    [Fact]
    public async Task The_sign_out_button_in_the_header_signs_out()
    {
        using var client = app.Anonymous();
        await (await client.SignInOnPage(Demo.LicensingPH, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        var home = await (await client.SendAsync(Http.Page("/"))).Content.ReadAsStringAsync();
        var form = System.Text.RegularExpressions.Regex.Match(home, "<form(?=[^>]*method=\"post\")[^>]*action=\"/Account/Logout\"[^>]*>(.*?)</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(form.Success, "The header has a sign-out form.");
        // Submit exactly the fields the browser would send from that form.
        var fields = System.Text.RegularExpressions.Regex.Matches(form.Groups[1].Value, "<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
        await signOut.ShouldBe(HttpStatusCode.Redirect);
    }

    private Task NewOfficial(string email, string password, string role, string organisation) =>
        app.WithService<UserManager<CebuUser>, int>(async users =>
        {
            var user = new CebuUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test official", OrganisationId = organisation };
            var created = await users.CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return 0;
        });
}

public sealed class AuthTests_on_Sqlite(SqliteApp app) : AuthTests<SqliteApp>(app);
public sealed class AuthTests_on_Postgres(PostgresApp app) : AuthTests<PostgresApp>(app);
