using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>Workers read the pages in their own language. The assertions are on the language, not on exact translations.</summary>
public sealed class LanguageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private async Task<(string Heading, string Label, string Button)> EnglishCheckPageTextsAsync()
    {
        var page = await NewPageAsync("English check page");
        await page.GotoAsync("/check-agency?culture=en");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        return (await page.Locator("h1").InnerTextAsync(), await page.Locator("label[for=q]").InnerTextAsync(),
            await page.Locator("main form button[type=submit]").InnerTextAsync());
    }

    [Fact]
    public async Task Clicking_Khmer_on_the_check_page_switches_to_Khmer_and_the_next_page_stays_Khmer()
    {
        var english = await EnglishCheckPageTextsAsync();
        var page = await NewPageAsync();
        await page.GotoAsync("/check-agency");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.Locator("nav.languages").GetByRole(AriaRole.Link, new() { Name = "ខ្មែរ" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Path("/check-agency"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "km");
        await Expect(page.Locator("h1")).Not.ToHaveTextAsync(english.Heading);
        await Expect(page.Locator("label[for=q]")).Not.ToHaveTextAsync(english.Label);

        // A search on the Khmer page: results and the next page stay Khmer (the choice is kept in a cookie).
        await page.Locator("#q").FillAsync("golden lotus");
        await SubmitAsync(page, page.Locator("main form button[type=submit]"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "km");
        await Expect(page.Locator("article.agency").First).ToContainTextAsync("Golden Lotus Manpower Co., Ltd.");
        await Expect(page.Locator("article.agency").First.Locator(".status")).Not.ToContainTextAsync("Licensed");

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "km");
        await page.GotoAsync("/check-agency");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "km");
        await Expect(page.Locator("h1")).Not.ToHaveTextAsync(english.Heading);
    }

    [Theory]
    [InlineData("my")]
    [InlineData("th")]
    [InlineData("vi")]
    [InlineData("id")]
    [InlineData("km")]
    public async Task The_check_page_works_in_the_language_named_in_the_address(string culture)
    {
        var english = await EnglishCheckPageTextsAsync();
        var page = await NewPageAsync($"{nameof(The_check_page_works_in_the_language_named_in_the_address)}-{culture}");

        await page.GotoAsync($"/check-agency?culture={culture}&q=KH-DEMO-004");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await Expect(page.Locator("h1")).Not.ToHaveTextAsync(english.Heading);
        await Expect(page.Locator("label[for=q]")).Not.ToHaveTextAsync(english.Label);
        await Expect(page.Locator("main form button[type=submit]")).Not.ToHaveTextAsync(english.Button);
        var agency = page.Locator("article.agency").Filter(new() { HasText = "KH-DEMO-004" });
        await Expect(agency).ToHaveCountAsync(1);
        await Expect(agency.Locator(".status")).Not.ToContainTextAsync("Blacklisted");
        // The page's text is rendered with a font that has the script's glyphs (checked by eye in the screenshots).
    }

    [Fact]
    public async Task An_unknown_language_falls_back_to_English()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/check-agency?culture=xx");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check a recruitment agency before you pay it");
    }
}
