using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>Issue 6 in the browser: the duplicate warning on worker registration, the employer registry, and the screening queue.</summary>
public sealed class DupesScreeningTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Registering_a_worker_already_on_record_warns_with_evidence_and_a_different_person_is_registered_once_confirmed()
    {
        var tag = NewWorker.Tag();
        var page = await SignedInPageAsync("labour@kh.demo");
        var firstId = await Workers.RegisterAsync(page, new NewWorker("HTUN" + tag, "AUNG KYAW", NewWorker.PassportNumber(), "1991-07-05") { Sex = "Male" });

        // The same name reordered and romanised otherwise, day and month swapped: warned, nothing saved.
        await Workers.FillRegistrationAsync(page, new NewWorker("TUN" + tag, "KYAW AUNG", NewWorker.PassportNumber(), "1991-05-07") { Sex = "Male" });
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }));
        var warning = page.Locator("#duplicates");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("AUNG KYAW HTUN" + tag);
        await Expect(warning.Locator($"a[href='/Workers/Details/{firstId}']")).ToBeVisibleAsync();
        await Expect(warning.Locator("table.evidence")).ToContainTextAsync("same name");
        await Expect(warning.Locator("table.evidence")).ToContainTextAsync("day and month swapped");
        await ShotAsync(page, "duplicate-warning");

        await SubmitAsync(page, warning.GetByRole(AriaRole.Button, new() { Name = "This is a different person: register" }));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Workers/Details/[0-9a-f-]{36}$"));
        Assert.NotEqual(firstId, page.Url[^36..]);
        await Expect(page.Locator("main")).ToContainTextAsync("Confirmed a different person");
        await ShotAsync(page, "registered");
    }

    [Fact]
    public async Task An_inspector_registers_an_employer_and_marks_it_errant_with_its_source()
    {
        var tag = NewWorker.Tag();
        var page = await SignedInPageAsync("inspector@my.demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Employer registry" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/Employers"));
        await Expect(page.Locator("#employers")).ToContainTextAsync("MY-DEMO-EMP-002");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register an employer" }).ClickAsync();

        // Sent empty first: each field says what it needs.
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register employer" }));
        await Expect(page.Locator("[data-valmsg-for=RegistrationNumber]")).ToContainTextAsync("Enter the registration number");
        await Expect(page.Locator("[data-valmsg-for=Sector]")).ToContainTextAsync("Use one of");

        await page.GetByLabel("Registration number").FillAsync("MY-BROWSER-" + tag);
        await page.GetByLabel("Registered name").FillAsync($"Browser Test Furniture {tag} Sdn. Bhd.");
        await page.GetByLabel("Owners and directors").FillAsync("Tan Browserperson (owner)");
        await page.GetByLabel("Addresses").FillAsync("3 Test Lane, Muar, Johor");
        await page.GetByLabel("Sector").SelectOptionAsync("manufacturing");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register employer" }));
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Browser Test Furniture {tag} Sdn. Bhd.");
        await Expect(page.Locator("#principals")).ToContainTextAsync("Tan Browserperson (owner)");
        await Expect(page.Locator("#screening")).ToContainTextAsync("No resemblance");

        var form = page.Locator("form#status-form");
        await form.GetByLabel("Status").SelectOptionAsync("Errant");
        await form.GetByLabel("Reason").FillAsync("Overtime unpaid for six months (browser test).");
        await SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Save status" }));
        await Expect(page.Locator("[data-valmsg-for=Source]")).ToContainTextAsync("Name the source");
        await form.GetByLabel("Status").SelectOptionAsync("Errant");
        await form.GetByLabel("Source").FillAsync("Browser inspection report 7/2026");
        await SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Save status" }));
        await Expect(page.Locator("#status-reason")).ToContainTextAsync("Browser inspection report 7/2026");
        await ShotAsync(page, "errant");
    }

    [Fact]
    public async Task An_employer_run_by_an_errant_employers_director_is_queued_and_confirmed_in_the_screening_queue()
    {
        var tag = NewWorker.Tag();
        var page = await SignedInPageAsync("inspector@my.demo");
        await page.GotoAsync("/Employers/Register");
        await page.GetByLabel("Registration number").FillAsync("MY-SCREEN-" + tag);
        await page.GetByLabel("Registered name").FillAsync($"Fresh Start Latex {tag} Sdn. Bhd.");
        await page.GetByLabel("Owners and directors").FillAsync("Encik Rahim Fictional (director)");
        await page.GetByLabel("Addresses").FillAsync("12 New Road, Ipoh, Perak");
        await page.GetByLabel("Sector").SelectOptionAsync("manufacturing");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register employer" }));
        await Expect(page.Locator("#screening")).ToContainTextAsync("Fictional Gloves Manufacturing");

        await page.GetByRole(AriaRole.Link, new() { Name = "Screening queue" }).First.ClickAsync();
        var hit = page.Locator("article.hit").Filter(new() { HasText = "MY-SCREEN-" + tag });
        await Expect(hit).ToContainTextAsync("MY-DEMO-EMP-002");
        await Expect(hit.Locator("table.evidence")).ToContainTextAsync("Rahim Fictional");
        await ShotAsync(page, "queue");
        await hit.GetByLabel("Reason").FillAsync("The same director per the companies register (browser test).");
        await SubmitAsync(page, hit.GetByRole(AriaRole.Button, new() { Name = "Confirm: the same business or people" }));
        var decided = page.Locator("article.hit").Filter(new() { HasText = "MY-SCREEN-" + tag });
        await Expect(decided.Locator(".decision")).ToContainTextAsync("Confirmed by inspector@my.demo");
        await Expect(decided.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await ShotAsync(page, "confirmed");
    }
}
