using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>A labour inspector checks and publishes a new version of their state's rule pack on the page.</summary>
public sealed class ContractRulesPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task An_inspector_is_told_the_current_version_must_be_dated_later_then_publishes_a_new_one()
    {
        var page = await SignedInPageAsync("inspector@my.demo");
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Contract rule packs" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/ContractRules"));
        var json = page.GetByLabel("Pack JSON");
        await Expect(json).ToContainTextAsync("\"MY-minimum-wage-2024\"");

        // The current version sent back unchanged: its date is not later than itself.
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }));
        await Expect(page.Locator("#pack-errors")).ToContainTextAsync("effectiveFrom");
        await ShotAsync(page, "refused");

        var text = await json.InputValueAsync();
        var later = DateTime.UtcNow.AddDays(400).ToString("yyyy-MM-dd");
        await json.FillAsync(text.Replace("\"effectiveFrom\": \"2025-02-01\"", $"\"effectiveFrom\": \"{later}\"", StringComparison.Ordinal)
            .Replace("\"version\": \"2025.1\"", "\"version\": \"browser-1\"", StringComparison.Ordinal));
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }));
        await Expect(page.Locator("#pack-result")).ToContainTextAsync("The pack is valid");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Publish" }));
        await Expect(page.Locator("#pack-result")).ToContainTextAsync("Published MY browser-1");
        await Expect(page.Locator("#pack-versions tr").Filter(new() { HasText = "browser-1" })).ToContainTextAsync("inspector@my.demo");
    }
}
