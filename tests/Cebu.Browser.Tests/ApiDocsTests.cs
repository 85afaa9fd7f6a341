using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>Developers of other states' systems read the API reference in the browser.</summary>
public sealed class ApiDocsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task The_api_reference_loads_and_fetches_the_openapi_document()
    {
        var page = await NewPageAsync();

        var document = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync("/api-docs"),
            r => r.Url.EndsWith("/openapi/v1.json"), new() { Timeout = 30_000 });

        Assert.Equal(200, document.Status);
        var json = await document.JsonAsync();
        Assert.Equal("Cebu API", json!.Value.GetProperty("info").GetProperty("title").GetString());
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Cebu API"));
        // Scalar renders the document: its title, and its tags in the sidebar.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cebu API" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Link, new() { Name = "Public agency check" })).ToBeVisibleAsync();
    }
}
