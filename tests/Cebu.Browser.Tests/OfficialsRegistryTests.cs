using System.Text;
using System.Text.RegularExpressions;
using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>A sending state's licensing officer keeps the registry: grants, decisions, import and export.</summary>
public sealed class OfficialsRegistryTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Officer = "licensing@kh.demo";

    [Fact]
    public async Task A_licensing_officer_signs_in_and_sees_the_registry_of_their_own_state_only()
    {
        var page = await SignedInPageAsync(Officer);
        await page.GetByRole(AriaRole.Link, new() { Name = "Agency registry" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Path("/Agencies"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Cambodia");
        var licences = page.Locator("#agencies tbody tr td:first-child");
        await Expect(licences.First).ToBeVisibleAsync();
        var numbers = await licences.AllInnerTextsAsync();
        Assert.True(numbers.Count >= 9, $"expected at least the 9 Cambodian demo agencies, saw {numbers.Count}");
        Assert.All(numbers, n => Assert.StartsWith("KH-", n.Trim()));
        Assert.Contains("KH-DEMO-001", numbers.Select(n => n.Trim()));
        await Expect(page.Locator("#agencies")).Not.ToContainTextAsync("TH-DEMO");

        // Another state's agency is not found by search either.
        await page.GetByLabel("Name or licence number").FillAsync("Bayanihan Overseas Placement");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Search" }));
        await Expect(page.Locator("#agencies tbody tr")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_does_not_sign_in()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Officer, "Not-The-Password-1!");

        await Expect(page).ToHaveURLAsync(Path("/Account/Login"));
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "wrong" })).ToBeVisibleAsync();
        await Expect(page.Locator("header")).Not.ToContainTextAsync("Sign out");

        await page.GotoAsync("/Agencies");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task Signing_out_from_the_header_ends_the_session()
    {
        var page = await SignedInPageAsync(Officer);
        await page.GotoAsync("/Agencies");

        await SubmitAsync(page, page.Locator("header").GetByRole(AriaRole.Button, new() { Name = $"Sign out ({Officer})" }));

        await Expect(page).ToHaveURLAsync(Path("/"));
        await Expect(page.Locator("header")).ToContainTextAsync("Officials: sign in");
        await page.GotoAsync("/Agencies");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task Granting_a_licence_puts_it_in_the_registry_and_the_public_check_shows_it_licensed()
    {
        var page = await SignedInPageAsync(Officer);
        await page.GotoAsync("/Agencies");
        await page.GetByRole(AriaRole.Link, new() { Name = "Grant a licence" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/Agencies/Create"));

        await FillLicenceAsync(page, "KH-BROWSER-101", "Koh Kong Harbour Staffing Co., Ltd.", "Sophal Testperson (owner)", "9 Riverside Quay, Koh Kong", "TH:construction\nMY:manufacturing");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Grant licence" }));

        await Expect(page).ToHaveURLAsync(new Regex("/Agencies/Details/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Koh Kong Harbour Staffing Co., Ltd.");
        await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#history")).ToContainTextAsync("grant", new() { IgnoreCase = true });

        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/check-agency?q=" + Uri.EscapeDataString("koh kong harbour"));
        var agency = visitor.Locator("article.agency").Filter(new() { HasText = "KH-BROWSER-101" });
        await Expect(agency.Locator(".status")).ToContainTextAsync("Licensed");
    }

    [Fact]
    public async Task A_licence_whose_principal_directs_a_blacklisted_agency_is_flagged_granted_after_review_then_suspended()
    {
        var page = await SignedInPageAsync(Officer);
        await page.GotoAsync("/Agencies/Create");
        await FillLicenceAsync(page, "KH-BROWSER-202", "Battambang Orchard Careers Co., Ltd.", "Chenda Fictional (director)", "3 Market Lane, Battambang", "TH:agriculture");

        // First attempt: flagged, not granted.
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Grant licence" }));
        var flags = page.Locator("#resemblances");
        await Expect(flags).ToBeVisibleAsync();
        await Expect(flags).ToContainTextAsync("KH-DEMO-004");
        await Expect(flags).ToContainTextAsync("Chenda Fictional");
        await ShotAsync(page, "flagged");
        await Expect(page).ToHaveURLAsync(Path("/Agencies/Create"));
        // The officer's input is kept.
        await Expect(page.Locator("[name='Input.LegalName']")).ToHaveValueAsync("Battambang Orchard Careers Co., Ltd.");
        await Expect(page.Locator("[name='Input.Principals']")).ToHaveValueAsync(new Regex("Chenda Fictional"));

        // Granted once the officer has reviewed it and says why.
        const string justification = "Ms Chenda Fictional left KH-DEMO-004 before the violations; ministry investigation file 12/2026 (browser test).";
        await flags.Locator("input[type=checkbox][name=ResemblanceReviewed]").CheckAsync();
        await flags.Locator("textarea[name=Justification]").FillAsync(justification);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Grant licence" }));
        await Expect(page).ToHaveURLAsync(new Regex("/Agencies/Details/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Battambang Orchard Careers Co., Ltd.");
        await Expect(page.Locator("#history")).ToContainTextAsync(justification);

        // Suspended from its details page, with the reason and the law.
        const string reason = "Charged a placement fee to twelve workers in breach of the licence (browser test).";
        const string law = "Sub-Decree No. 190 (2011), art. 23";
        var decision = page.Locator("form#decision");
        await decision.GetByLabel("Decision").SelectOptionAsync(new SelectOptionValue { Label = "Suspend" });
        await decision.Locator("[name=Reason]").FillAsync(reason);
        await decision.Locator("[name=LegalReference]").FillAsync(law);
        await decision.Locator("[name=EffectiveOn]").FillAsync(Today);
        await SubmitAsync(page, decision.GetByRole(AriaRole.Button, new() { Name = "Record decision" }));

        await Expect(page.Locator(".validation-summary-errors li")).ToHaveCountAsync(0);
        await Expect(page.Locator("main > p .status")).ToContainTextAsync("Suspended");
        var history = page.Locator("#history tbody tr");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.Filter(new() { HasText = justification })).ToHaveCountAsync(1);
        var suspension = history.Filter(new() { HasText = reason });
        await Expect(suspension).ToHaveCountAsync(1);
        await Expect(suspension).ToContainTextAsync(law);
        await Expect(suspension).ToContainTextAsync("suspend", new() { IgnoreCase = true });
        await Expect(suspension).ToContainTextAsync(Officer);

        // The public sees the suspension and its reason.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/check-agency?q=KH-BROWSER-202");
        var agency = visitor.Locator("article.agency").Filter(new() { HasText = "KH-BROWSER-202" });
        await Expect(agency).ToHaveCountAsync(1);
        await Expect(agency.Locator(".status")).ToContainTextAsync("Suspended");
        await Expect(agency).ToContainTextAsync(reason);
        await Expect(agency).ToContainTextAsync("Since: " + Today);

        // The history says from which status to which.
        await Expect(suspension).ToContainTextAsync("Active → Suspended");
        await Expect(page.Locator("#history")).Not.ToContainTextAsync("{");
    }

    [Fact]
    public async Task Checking_a_csv_lists_the_rejected_row_by_line_and_importing_writes_the_valid_rows()
    {
        var csv = new StringBuilder()
            .AppendLine("licence_number,legal_name,other_names,address,phone,email,website,principals,valid_from,valid_until,accreditations")
            .AppendLine($"KH-BROWSER-301,Kep Seaside Workforce Co. Ltd.,,1 Crab Market Road Kep,+855 36 000 301,office@kep.example.org,,Dara Testperson (owner),{Today},2029-12-31,TH:fishing")
            .AppendLine($"KH-BROWSER-302,,,2 Crab Market Road Kep,,not-an-email,,Nobody (owner),{Today},2020-01-01,XX:nothing")
            .AppendLine($"KH-BROWSER-303,Pursat Mountain Placement Co. Ltd.,,5 Mountain Road Pursat,,,,Bopha Testperson (director),{Today},2029-06-30,MY:manufacturing;SG:construction")
            .ToString();
        var file = new FilePayload { Name = "kh-agencies.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };

        var page = await SignedInPageAsync(Officer);
        await page.GotoAsync("/Agencies");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import CSV" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/Agencies/Import"));

        await page.Locator("input[type=file][name=Upload]").SetInputFilesAsync(file);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Check file" }));

        var rejected = page.Locator("#rejected-rows tbody tr");
        await Expect(rejected).ToHaveCountAsync(1);
        await Expect(rejected.Locator("td").First).ToHaveTextAsync("3");
        await Expect(rejected).ToContainTextAsync("KH-BROWSER-302");
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Nothing was written");
        await Expect(page.Locator("#import-result")).ToContainTextAsync("2 valid");
        await ShotAsync(page, "checked");

        var registry = await page.Context.NewPageAsync(); // the same officer, in a second tab
        await registry.GotoAsync("/Agencies?q=KH-BROWSER-30");
        await Expect(registry.Locator("#agencies tbody tr")).ToHaveCountAsync(0);

        // The checked file is kept: importing it needs no second upload.
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Import the 2 valid rows of kh-agencies.csv" }));
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Imported 2 of 3 rows");
        await Expect(page.Locator("#import-checked")).ToHaveCountAsync(0);
        await Expect(page.Locator("#rejected-rows tbody tr")).ToHaveCountAsync(1);

        await registry.GotoAsync("/Agencies?q=KH-BROWSER-30");
        var rows = registry.Locator("#agencies tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "KH-BROWSER-301" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "KH-BROWSER-303" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_export_link_downloads_the_registry_as_csv()
    {
        var page = await SignedInPageAsync(Officer);
        await page.GotoAsync("/Agencies");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());

        Assert.EndsWith(".csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("licence_number,legal_name", lines[0].TrimStart('\uFEFF'));
        Assert.True(lines.Length >= 10, $"expected the header and at least 9 agencies, got {lines.Length} lines");
        Assert.Contains(lines, l => l.StartsWith("KH-DEMO-001,"));
        Assert.DoesNotContain(lines, l => l.StartsWith("TH-") || l.StartsWith("PH-"));
        await File.WriteAllTextAsync(System.IO.Path.Combine(BrowserFixture.OutputDirectory, "export.csv"), text);
    }

    private static async Task FillLicenceAsync(IPage page, string licence, string name, string principals, string address, string accreditations)
    {
        await page.Locator("[name='Input.LicenceNumber']").FillAsync(licence);
        await page.Locator("[name='Input.LegalName']").FillAsync(name);
        await page.Locator("[name='Input.Address']").FillAsync(address);
        await page.Locator("[name='Input.Phone']").FillAsync("+855 12 000 000");
        await page.Locator("[name='Input.Email']").FillAsync("office@" + licence.ToLowerInvariant() + ".example.org");
        await page.Locator("[name='Input.Principals']").FillAsync(principals);
        await page.Locator("[name='Input.ValidFrom']").FillAsync(Today);
        await page.Locator("[name='Input.ValidUntil']").FillAsync(DateTime.UtcNow.AddYears(3).ToString("yyyy-MM-dd"));
        await page.Locator("[name='Input.Accreditations']").FillAsync(accreditations);
    }
}
