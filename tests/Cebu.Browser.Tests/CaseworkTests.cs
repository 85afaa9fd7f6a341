using System.Text;
using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>Casework (issue 5): the supervisor's escalations, a wage claim with a payment, a file, and the dashboard.</summary>
public sealed class CaseworkTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>The demo's urgent walk-in in Malaysia, left unassessed past its 24 hours (DemoCases.OverdueReceipt).</summary>
    private const string OverdueCase = "Ratna DEMO-CASE";

    [Fact]
    public async Task The_supervisor_sees_the_overdue_case_the_job_escalated_and_acknowledges_it()
    {
        var supervisor = await SignedInPageAsync("supervisor@my.demo");
        await supervisor.GotoAsync("/Cases");
        await supervisor.Locator("#escalations-link").ClickAsync();
        await Expect(supervisor).ToHaveURLAsync(Path("/Cases/Escalations"));
        var row = supervisor.Locator("#escalations tbody tr").Filter(new() { HasText = "DEMQ4" });
        await Expect(row).ToContainTextAsync("An urgent case must be assessed");
        await Expect(row).ToContainTextAsync("it goes to the case supervisor");
        await Expect(row).ToContainTextAsync("nobody");
        await ShotAsync(supervisor, "inbox");

        // Acknowledging needs a note, beside the row.
        await SubmitAsync(supervisor, row.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }));
        await Expect(supervisor.Locator("#escalations tbody tr").Filter(new() { HasText = "DEMQ4" }).Locator(".field-error")).ToContainTextAsync("Say what you did about it");
        row = supervisor.Locator("#escalations tbody tr").Filter(new() { HasText = "DEMQ4" });
        await row.GetByLabel("What you did about it").FillAsync("Called the caseworker; assessing today (browser test).");
        await SubmitAsync(supervisor, row.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }));
        await Expect(supervisor.Locator("#escalations tbody tr").Filter(new() { HasText = "DEMQ4" })).ToHaveCountAsync(0);
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "Include acknowledged ones" }).ClickAsync();
        await Expect(supervisor.Locator("#escalations tbody tr").Filter(new() { HasText = "DEMQ4" })).ToContainTextAsync("assessing today (browser test)");

        // A caseworker has no escalations inbox.
        var caseworker = await SignedInPageAsync("caseworker@my.demo");
        await caseworker.GotoAsync("/Cases");
        await Expect(caseworker.Locator("#escalations-link")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_caseworker_records_a_wage_claim_with_a_payment_attaches_a_PDF_and_follows_the_dashboard_back_to_the_case()
    {
        var cw = await SignedInPageAsync("caseworker@my.demo");
        await cw.GotoAsync("/Cases");
        await cw.Locator("#cases tbody tr").Filter(new() { HasText = OverdueCase }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(cw.Locator("#casework")).ToContainTextAsync("Record a wage claim");

        // Sent without an amount: the form comes back with the error beside the field.
        await cw.GetByLabel("Forum", new() { Exact = true }).SelectOptionAsync("LabourCourt");
        await cw.GetByLabel("Filed on").FillAsync(DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd"));
        await SubmitAsync(cw, cw.GetByRole(AriaRole.Button, new() { Name = "Record the claim" }));
        await Expect(cw.Locator("#claim-amount-error")).ToContainTextAsync("Add at least one amount claimed");
        await ShotAsync(cw, "claim-error");

        await cw.GetByLabel("Forum", new() { Exact = true }).SelectOptionAsync("LabourCourt");
        await cw.GetByLabel("Forum's name and place").FillAsync("Labour Court, Kuantan (demo)");
        await cw.GetByLabel("Filed on").FillAsync(DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd"));
        await cw.GetByLabel("Amount claimed").FillAsync("6000");
        await cw.GetByLabel("Currency (ISO 4217, e.g. MYR)").FillAsync("MYR");
        await SubmitAsync(cw, cw.GetByRole(AriaRole.Button, new() { Name = "Record the claim" }));
        await Expect(cw).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Cases/Details/"));
        var claim = cw.Locator("article.wage-claim").Filter(new() { HasText = "Labour Court, Kuantan (demo)" });
        await Expect(claim).ToContainTextAsync("Example Palm Estates Sdn. Bhd. (demo)");

        await claim.GetByText("Record an amount recovered").ClickAsync();
        await claim.GetByLabel("Amount").FillAsync("1500");
        await SubmitAsync(cw, claim.GetByRole(AriaRole.Button, new() { Name = "Record the payment" }));
        await Expect(cw.Locator("#claim-totals tr[data-currency=MYR] .recovered")).ToHaveTextAsync("1,500");
        await Expect(cw.Locator("article.wage-claim").Filter(new() { HasText = "Labour Court, Kuantan (demo)" }).Locator("ul.payments")).ToContainTextAsync("1,500 MYR from Example Palm Estates");

        // A PDF, recognised by its first bytes.
        await cw.Locator("#file-input").SetInputFilesAsync(new FilePayload { Name = "payslip-demo.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% fictional payslip\n%%EOF\n") });
        await cw.GetByLabel("What it is").FillAsync("Payslip for March (demo)");
        await SubmitAsync(cw, cw.GetByRole(AriaRole.Button, new() { Name = "Attach", Exact = true }));
        var file = cw.Locator("#attachment-list tr").Filter(new() { HasText = "payslip-demo.pdf" });
        await Expect(file).ToContainTextAsync("application/pdf");
        await ShotAsync(cw, "case-casework");

        // The dashboard counts the case under its employer and leads back to it.
        await cw.GotoAsync("/Cases");
        await cw.Locator("#dashboard-link").ClickAsync();
        await Expect(cw).ToHaveURLAsync(Path("/Cases/Dashboard"));
        var employer = cw.Locator("#by-employer tr").Filter(new() { HasText = "Example Palm Estates Sdn. Bhd. (demo)" });
        await Expect(employer.Locator(".open")).Not.ToHaveTextAsync("0");
        await Expect(cw.Locator("#by-type tr[data-key=LabourIssue] .open")).Not.ToHaveTextAsync("0");
        await ShotAsync(cw, "dashboard");
        await employer.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(cw.Locator("#queue-filter")).ToContainTextAsync("Example Palm Estates");
        await Expect(cw.Locator("#cases tbody tr").Filter(new() { HasText = OverdueCase })).ToHaveCountAsync(1);
    }
}
