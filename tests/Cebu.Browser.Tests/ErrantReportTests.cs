using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>A receiving state reports an errant agency to the state that licensed it, which sees the report and acts.</summary>
public sealed class ErrantReportTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_thai_inspector_reports_a_cambodian_agency_and_the_cambodian_licensing_officer_sees_the_report()
    {
        var what = $"Workers at a fictional rubber plantation were charged for their own work permits (browser test {Guid.NewGuid():N}).";
        var inspector = await SignedInPageAsync("inspector@th.demo");
        await inspector.GetByRole(AriaRole.Link, new() { Name = "Report an errant agency" }).ClickAsync();
        await Expect(inspector).ToHaveURLAsync(Path("/Reports"));

        await inspector.GetByLabel("Licensing state").SelectOptionAsync("KH");
        await inspector.GetByLabel("Licence number").FillAsync("KH-DEMO-001");
        await inspector.GetByLabel("What happened").FillAsync(what);
        await inspector.GetByLabel("When").FillAsync(DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"));
        await inspector.GetByLabel("Where").FillAsync("Rayong, Thailand");
        await inspector.GetByLabel("Evidence").FillAsync("Receipts shown by four workers (demo).");
        await SubmitAsync(inspector, inspector.GetByRole(AriaRole.Button, new() { Name = "Send report" }));

        await Expect(inspector.Locator("#report-sent")).ToBeVisibleAsync();
        await Expect(inspector.Locator("#report-sent")).ToContainTextAsync("Golden Lotus Manpower Co., Ltd.");
        await Expect(inspector.Locator("#filed-reports tbody tr").Filter(new() { HasText = what })).ToHaveCountAsync(1);

        var officer = await SignedInPageAsync("licensing@kh.demo");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Errant-agency reports" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(Path("/Agencies/Reports"));
        var report = officer.Locator("#reports tbody tr").Filter(new() { HasText = what });
        await Expect(report).ToHaveCountAsync(1);
        await Expect(report).ToContainTextAsync("KH-DEMO-001");
        await Expect(report).ToContainTextAsync("inspector@th.demo");
        await Expect(report).Not.ToContainTextAsync("Overdue");
        await Expect(report.Locator("textarea[name=ActionTaken]")).ToBeVisibleAsync();

        // The licensing officer records the action; the reporting state sees it.
        const string action = "Agency summoned; workers refunded (browser test).";
        await report.Locator("textarea[name=ActionTaken]").FillAsync(action);
        await SubmitAsync(officer, report.GetByRole(AriaRole.Button, new() { Name = "Record action" }));
        await Expect(officer.Locator("#reports tbody tr").Filter(new() { HasText = what })).ToContainTextAsync(action);

        await inspector.GotoAsync("/Reports");
        await Expect(inspector.Locator("#filed-reports tbody tr").Filter(new() { HasText = what })).ToContainTextAsync(action);

        // The report is on the agency's details page too.
        await officer.GotoAsync("/Agencies?q=KH-DEMO-001");
        await officer.Locator("#agencies tbody tr").Filter(new() { HasText = "KH-DEMO-001" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(officer.Locator("#errant-reports")).ToContainTextAsync(what);
    }

    [Fact]
    public async Task The_seeded_report_left_without_action_for_more_than_30_days_shows_as_overdue()
    {
        var officer = await SignedInPageAsync("licensing@kh.demo");
        await officer.GotoAsync("/Agencies/Reports");

        var overdue = officer.Locator("#reports tbody tr").Filter(new() { HasText = "KH-DEMO-002" });
        await Expect(overdue).ToHaveCountAsync(1);
        await Expect(overdue).ToContainTextAsync("Overdue");
        var recent = officer.Locator("#reports tbody tr").Filter(new() { HasText = "Johor Bahru" });
        await Expect(recent).ToHaveCountAsync(1);
        await Expect(recent).Not.ToContainTextAsync("Overdue");
    }
}
