using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>A worker checks an agency before paying it, with no account.</summary>
public sealed class PublicAgencyCheckTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static async Task CheckAsync(IPage page, string query)
    {
        await page.GetByLabel("Agency name or licence number").FillAsync(query);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }));
    }

    [Fact]
    public async Task The_home_page_has_the_agency_search_and_it_leads_to_the_check()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        var search = page.GetByRole(AriaRole.Search);
        await Expect(search.GetByLabel("Agency name or licence number")).ToBeVisibleAsync();

        await CheckAsync(page, "golden lotus");

        await Expect(page).ToHaveURLAsync(Path("/check-agency"));
        await Expect(page.Locator("article.agency").First).ToContainTextAsync("Golden Lotus Manpower Co., Ltd.");
    }

    [Fact]
    public async Task Searching_golden_lotus_shows_the_agency_as_licensed_in_words()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/check-agency");

        await CheckAsync(page, "golden lotus");

        var agency = page.Locator("article.agency").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Golden Lotus Manpower Co., Ltd.", Exact = true }) });
        await Expect(agency).ToHaveCountAsync(1);
        await Expect(agency.Locator(".status")).ToContainTextAsync("Licensed");
        await Expect(agency).ToContainTextAsync("KH-DEMO-001");
        await Expect(page.Locator("#no-match")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Searching_a_blacklisted_licence_number_shows_blacklisted_since_when_and_why()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/check-agency");

        await CheckAsync(page, "KH-DEMO-004");

        var agency = page.Locator("article.agency").Filter(new() { HasText = "KH-DEMO-004" });
        await Expect(agency).ToHaveCountAsync(1);
        await Expect(agency.Locator(".status")).ToContainTextAsync("Blacklisted");
        await Expect(agency.Locator(".status")).Not.ToContainTextAsync("Licensed");
        await Expect(agency.Locator("p").Filter(new() { HasText = "Since" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Since:\s*\d{4}-\d{2}-\d{2}"));
        // The reason is the licensing state's own words, shown to the public.
        await Expect(agency.Locator("p").Filter(new() { HasText = "Reason" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Reason:\s*\S.{10,}"));
    }

    [Fact]
    public async Task A_query_that_matches_nothing_warns_that_unlicensed_recruiters_must_not_be_paid()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/check-agency");

        await CheckAsync(page, "Zzyzx Qwerty Nonexistent Placement");

        var warning = page.Locator("#no-match");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("Zzyzx Qwerty Nonexistent Placement");
        await Expect(warning).ToContainTextAsync("not licensed");
        await Expect(warning).ToContainTextAsync("Do not pay it");
        await Expect(page.Locator("article.agency")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_empty_query_shows_an_error_beside_the_field()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/check-agency");

        await CheckAsync(page, "");

        await Expect(page.Locator("#q-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#q-error")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        await Expect(page.Locator("#no-match")).ToHaveCountAsync(0);
        await Expect(page.Locator("article.agency")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_query_of_only_spaces_shows_an_error_beside_the_field()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/check-agency");

        await CheckAsync(page, "   ");

        await Expect(page.Locator("#q-error")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        await Expect(page.Locator("#no-match")).ToHaveCountAsync(0);
    }
}
