using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Cebu.Browser.Tests.Infrastructure;

/// <summary>
/// A browser test: fresh contexts (English, desktop size) on the shared app and browser, and one full-page screenshot
/// per page at the end of the test, pass or fail, named after the test.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    public const string DemoPassword = "Demo-Cebu-2026!";
    private readonly List<(string Test, IBrowserContext Context)> contexts = [];

    protected BrowserFixture Fixture => fixture;
    protected ITestOutputHelper Output => output;
    protected string BaseUrl => fixture.App.BaseAddress.ToString().TrimEnd('/');
    protected static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    static BrowserTest()
    {
        // Assertions wait this long for the page to reach the expected state.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A page in a new context: a new visitor with no cookies.</summary>
    protected async Task<IPage> NewPageAsync([CallerMemberName] string test = "")
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = "en-GB",
            TimezoneId = "UTC",
            ViewportSize = new() { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        contexts.Add((test, context));
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") output.WriteLine($"[browser console] {m.Text}"); };
        return page;
    }

    /// <summary>Signs in at /Account/Login and checks that the header then offers to sign out.</summary>
    protected async Task<IPage> SignedInPageAsync(string email, [CallerMemberName] string test = "")
    {
        var page = await NewPageAsync(test);
        await SignInAsync(page, email);
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync($"Sign out ({email})");
        return page;
    }

    protected static async Task SignInAsync(IPage page, string email, string password = DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    protected static Regex Path(string path) => new("^[a-z]+://[^/]+" + Regex.Escape(path) + @"([?#].*)?$", RegexOptions.IgnoreCase);

    public async Task DisposeAsync()
    {
        var n = 0;
        foreach (var (test, context) in contexts)
        {
            foreach (var page in context.Pages)
            {
                var file = System.IO.Path.Combine(BrowserFixture.OutputDirectory, $"{GetType().Name}.{test}{(n == 0 ? "" : "-" + n)}.png");
                n++;
                try
                {
                    await page.ScreenshotAsync(new() { Path = file, FullPage = true, Timeout = 15_000 });
                    output.WriteLine($"screenshot: {file} ({page.Url})");
                }
                catch (PlaywrightException e)
                {
                    output.WriteLine($"no screenshot of {page.Url}: {e.Message}");
                }
            }
            await context.CloseAsync();
        }
    }
}
