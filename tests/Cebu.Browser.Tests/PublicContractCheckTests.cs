using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>A worker checks a contract with no account, in their own language: the issue's example (PH→MY, manufacturing).</summary>
public sealed class PublicContractCheckTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>The rules the issue's example breaks: the wage, the hours, the rest day, the passport and the fee.</summary>
    private static readonly string[] Broken = ["MY-minimum-wage-2024", "MY-hours-week", "MY-rest-day", "MY-passport", "ILO-C181-no-fees", "PH-fee-cap"];

    private const string ExampleQuery = "From=PH&To=MY&Sector=manufacturing&Wage=1000&Currency=MYR&Per=month&Hours=72&RestDays=0&Passport=employer"
                                        + "&FeeAmount=3000&FeeCurrency=MYR&FeePurpose=placement&FeeAmount=&FeeCurrency=&FeePurpose=placement&FeeAmount=&FeeCurrency=&FeePurpose=placement";

    /// <summary>Fills the form by the fields' ids (the labels are in the page's language) with the issue's example and submits it.</summary>
    private static async Task FillExampleAsync(IPage page)
    {
        await page.Locator("#From").SelectOptionAsync("PH");
        await page.Locator("#To").SelectOptionAsync("MY");
        await page.Locator("#Sector").SelectOptionAsync("manufacturing");
        await page.Locator("#Wage").FillAsync("1000");
        await page.Locator("#Currency").SelectOptionAsync("MYR");
        await page.Locator("#Per").SelectOptionAsync("month");
        await page.Locator("#Hours").FillAsync("72");
        await page.Locator("#RestDays").FillAsync("0");
        await page.Locator("#FeeAmount-0").FillAsync("3000");
        await page.Locator("#FeeCurrency-0").SelectOptionAsync("MYR");
        await page.Locator("#FeePurpose-0").SelectOptionAsync("placement");
        await page.Locator("input[name=Passport][value=employer]").CheckAsync();
        await SubmitAsync(page, page.Locator("main form button[type=submit]"));
    }

    private static async Task ExpectViolationsAsync(IPage page)
    {
        foreach (var rule in Broken)
            await Expect(page.Locator($"article.finding[data-rule='{rule}'][data-severity=violation]")).ToHaveCountAsync(1);
        // Every violation says what the law is and what to do next.
        var violations = page.Locator("article.finding[data-severity=violation]");
        var count = await violations.CountAsync();
        Assert.True(count >= Broken.Length, $"Only {count} violations shown.");
        for (var i = 0; i < count; i++)
        {
            await Expect(violations.Nth(i).Locator("p.next")).Not.ToBeEmptyAsync();
            await Expect(violations.Nth(i).Locator("p.law a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://"));
        }
    }

    [Fact]
    public async Task The_issue_example_shows_each_violation_in_plain_English_with_the_law_and_what_to_do()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/check-contract?culture=en");
        await page.GetByLabel("Hours of work in a week").FillAsync("72");
        await FillExampleAsync(page);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ExpectViolationsAsync(page);
        var wage = page.Locator("article.finding[data-rule='MY-minimum-wage-2024']");
        await Expect(wage.Locator("h3")).ToHaveTextAsync("Your wage is below the minimum wage");
        await Expect(wage).ToContainTextAsync("1,700 MYR a month");
        await Expect(wage).ToContainTextAsync("Minimum Wages Order 2024");
        await Expect(page.Locator("article.finding[data-rule='MY-passport'] p.next")).ToContainTextAsync("ask for it back");
        await Expect(page.Locator("article.finding[data-rule='ILO-C181-no-fees'] p.next")).ToContainTextAsync("Do not pay more");
        // Whom to contact: from the reference data, with its source and the date it was checked.
        await Expect(page.Locator("ul.contacts")).ToContainTextAsync("Department of Migrant Workers");
        await Expect(page.Locator("ul.contacts")).ToContainTextAsync("Department of Labour Peninsular Malaysia");
        await Expect(page.Locator("ul.contacts")).ToContainTextAsync("checked 2026-11-23");
        // The answers come first, the form with the worker's values stays below them.
        await Expect(page.Locator("#Wage")).ToHaveValueAsync("1000");
    }

    [Fact]
    public async Task The_issue_example_in_Khmer_shows_the_same_violations_in_Khmer()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/check-contract?culture=km");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "km");
        await FillExampleAsync(page);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "km");
        await ExpectViolationsAsync(page);
        var wage = page.Locator("article.finding[data-rule='MY-minimum-wage-2024']");
        await Expect(wage.Locator("h3")).ToHaveTextAsync("ប្រាក់ឈ្នួលរបស់អ្នកទាបជាងប្រាក់ឈ្នួលអប្បបរមា");
        await Expect(wage.Locator("p.next")).ToContainTextAsync("កុំចុះហត្ថលេខា");
        await Expect(page.Locator("#summary")).ToContainTextAsync("ខុសច្បាប់");
        await Expect(page.Locator("h1")).Not.ToContainTextAsync("Check");
        // The script's rendering (no boxes, marks on their letters) is checked by eye in the screenshot the test leaves.
    }

    [Theory]
    [InlineData("my", "သင့်လုပ်ခသည် အနိမ့်ဆုံးလုပ်ခလစာထက် နည်းနေသည်")]
    [InlineData("th", "ค่าจ้างของคุณต่ำกว่าค่าจ้างขั้นต่ำ")]
    public async Task The_answers_render_in_Burmese_and_Thai(string culture, string wageTitle)
    {
        var page = await NewPageAsync($"{nameof(The_answers_render_in_Burmese_and_Thai)}-{culture}");
        await page.GotoAsync($"/check-contract?culture={culture}&{ExampleQuery}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await ExpectViolationsAsync(page);
        await Expect(page.Locator("article.finding[data-rule='MY-minimum-wage-2024'] h3")).ToHaveTextAsync(wageTitle);
        // The script's rendering is checked by eye in the screenshot the test leaves (one per language).
    }

    [Fact]
    public async Task A_missing_wage_and_a_bad_rest_day_show_messages_beside_the_fields()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/check-contract?culture=en");
        await FillExampleAsync(page);
        await page.Locator("#Wage").FillAsync("");
        await page.Locator("#RestDays").FillAsync("1.5");
        await SubmitAsync(page, page.Locator("main form button[type=submit]"));

        await Expect(page.Locator("#Wage-error")).ToHaveTextAsync("Write the wage as a number, for example 1500.");
        await Expect(page.Locator("#RestDays-error")).ToContainTextAsync("whole number from 0 to 7");
        await Expect(page.Locator("#Hours-error")).ToBeEmptyAsync();
        await Expect(page.Locator("article.finding")).ToHaveCountAsync(0);
        // What the worker typed is kept.
        await Expect(page.Locator("#Hours")).ToHaveValueAsync("72");
    }

    [Fact]
    public async Task The_home_page_and_the_header_lead_to_the_contract_check()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Check a contract" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/check-contract"));
        await Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Check a contract" })).ToHaveAttributeAsync("href", "/check-contract");
    }
}
