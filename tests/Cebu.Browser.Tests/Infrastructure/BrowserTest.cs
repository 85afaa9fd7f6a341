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
        fixture.App.EnsureRunning();
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
        await SubmitAsync(page, page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
    }

    /// <summary>
    /// Clicks a button that submits a form and waits until the server has answered the submission; assertions that
    /// follow wait for the page that answer leads to (a redirect is followed by the browser).
    /// </summary>
    protected static async Task SubmitAsync(IPage page, ILocator button)
    {
        await page.RunAndWaitForResponseAsync(() => button.ClickAsync(), r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame);
    }

    /// <summary>A screenshot of a state in the middle of a test (the final state of every page is taken anyway).</summary>
    protected async Task ShotAsync(IPage page, string label, [CallerMemberName] string test = "")
    {
        var file = System.IO.Path.Combine(BrowserFixture.OutputDirectory, $"{GetType().Name}.{test}.{label}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        output.WriteLine($"screenshot: {file} ({page.Url})");
    }

    protected static Regex Path(string path) => new("^[a-z]+://[^/]+" + Regex.Escape(path) + @"([?#].*)?$", RegexOptions.IgnoreCase);

    public async Task DisposeAsync()
    {
        var seen = new Dictionary<string, int>();
        foreach (var (test, context) in contexts)
        {
            foreach (var page in context.Pages)
            {
                var n = seen[test] = seen.GetValueOrDefault(test) + 1;
                var file = System.IO.Path.Combine(BrowserFixture.OutputDirectory, $"{GetType().Name}.{test}{(n == 1 ? "" : "-" + n)}.png");
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
