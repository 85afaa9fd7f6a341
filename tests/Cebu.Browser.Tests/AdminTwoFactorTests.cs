using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>The administrator must enrol an authenticator (TOTP) at first sign-in and use it afterwards.</summary>
public sealed class AdminTwoFactorTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task The_admin_must_enrol_an_authenticator_and_is_then_asked_for_a_code_at_every_sign_in()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "admin@cebu.demo");
        await Expect(page).ToHaveURLAsync(Path("/Account/SetupAuthenticator"));

        // Nothing else is open until the second factor is set up.
        await page.GotoAsync("/Agencies");
        await Expect(page).ToHaveURLAsync(Path("/Account/SetupAuthenticator"));

        var key = (await page.Locator("#shared-key").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-7]{16,}$", key);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }));
        await Expect(page.Locator("#twofactor-enabled")).ToBeVisibleAsync();

        await SubmitAsync(page, page.Locator("header").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Sign out") }));
        await Expect(page.Locator("header")).ToContainTextAsync("Officials: sign in");

        await SignInAsync(page, "admin@cebu.demo");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/LoginWith2fa"));
        await Expect(page.Locator("header")).Not.ToContainTextAsync("Sign out");

        // A wrong code is refused.
        await page.GetByLabel("Code from your authenticator app").FillAsync(WrongCode(key));
        await SubmitAsync(page, page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/LoginWith2fa"));
        await Expect(page.Locator("main .field-error")).ToContainTextAsync("wrong");

        // The current code signs in, and the admin is no longer sent to enrol.
        if (Totp.SecondsLeft(DateTimeOffset.UtcNow) < 3) await Task.Delay(TimeSpan.FromSeconds(4));
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await SubmitAsync(page, page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        await Expect(page.Locator("header")).ToContainTextAsync("Sign out (admin@cebu.demo)");
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/(LoginWith2fa|SetupAuthenticator)"));
        await page.GotoAsync("/Account/SetupAuthenticator");
        await Expect(page.Locator("#twofactor-enabled")).ToBeVisibleAsync();
    }

    /// <summary>A code that is valid in no step near now.</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var near = Enumerable.Range(-3, 7).Select(i => Totp.Code(key, now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => (123456 + i * 7919 % 1_000_000).ToString("D6")).First(c => !near.Contains(c));
    }
}
