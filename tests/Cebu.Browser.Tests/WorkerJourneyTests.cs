using System.Text.RegularExpressions;
using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>A worker moves through the journey; each refused step says which gate failed; the deployment clearance is checked in public.</summary>
public sealed class WorkerJourneyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Officer = "labour@kh.demo";
    private static string Day(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd");

    private static async Task MoveAsync(IPage page, ILocator form) =>
        await SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Move to ") }));

    [Fact]
    public async Task A_refused_step_names_the_failed_gate_passes_with_the_evidence_and_the_clearance_code_is_checked_on_the_public_page()
    {
        var tag = NewWorker.Tag();
        var passport = NewWorker.PassportNumber();
        var page = await SignedInPageAsync(Officer);
        await Workers.RegisterAsync(page, new NewWorker("JOURNEY" + tag, "BOPHA", passport, "1993-02-03") { NextOfKin = "Sophea Example", NextOfKinPhone = "+855 12 777 888" });
        await Expect(page.Locator("#phase")).ToHaveTextAsync("recruitment");

        // Recruitment → pre-departure: a suspended agency may not recruit.
        var toPre = page.Locator("#to-PreDeparture");
        await toPre.GetByLabel("Recruiting agency's licence number").FillAsync("KH-DEMO-002");
        await toPre.GetByLabel("Job order number").FillAsync("JO-" + tag);
        await toPre.GetByLabel("Employer").FillAsync("Example Electronics (fictional)");
        await toPre.GetByLabel("Job title").FillAsync("Assembly operator");
        await MoveAsync(page, toPre);
        var gates = page.Locator("#gate-failures");
        await Expect(gates).ToBeVisibleAsync();
        await Expect(gates.Locator("h2")).ToContainTextAsync("cannot move to pre-departure");
        await Expect(gates.Locator("li[data-gate=Agency]").Filter(new() { HasText = "KH-DEMO-002 is suspended" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#phase")).ToHaveTextAsync("recruitment");
        // What the officer typed is kept, to correct.
        await Expect(toPre.GetByLabel("Job order number")).ToHaveValueAsync("JO-" + tag);
        await ShotAsync(page, "refused-agency");

        await toPre.GetByLabel("Recruiting agency's licence number").FillAsync("KH-DEMO-001");
        await MoveAsync(page, toPre);
        await Expect(page.Locator("#phase")).ToHaveTextAsync("pre-departure");
        await Expect(page.Locator("#gate-failures")).ToHaveCountAsync(0);

        // Pre-departure → clearance with only a contract reference: every missing gate is named.
        var toCleared = page.Locator("#to-Cleared");
        await toCleared.GetByLabel("Contract reference").FillAsync("C-" + tag);
        await MoveAsync(page, toCleared);
        await Expect(gates.Locator("h2")).ToContainTextAsync("cannot move to deployment clearance");
        await Expect(gates.Locator("li[data-gate=Contract]")).ToContainTextAsync("date signed");
        await Expect(gates.Locator("li[data-gate=Orientation]")).ToBeVisibleAsync();
        await Expect(gates.Locator("li[data-gate='Health check']")).ToBeVisibleAsync();
        await Expect(gates.Locator("li[data-gate=Insurance]")).ToBeVisibleAsync();
        await Expect(gates.Locator("li[data-gate=Agency]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#phase")).ToHaveTextAsync("pre-departure");
        await Expect(page.Locator("#clearance-code")).ToHaveCountAsync(0);
        await ShotAsync(page, "refused-clearance");

        // The form keeps what was typed, but nothing of the refused step was saved: read afresh, the record has no contract.
        await Expect(toCleared.GetByLabel("Contract reference")).ToHaveValueAsync("C-" + tag);
        await page.GotoAsync(page.Url);
        await Expect(toCleared.GetByLabel("Contract reference")).ToHaveValueAsync("");
        await Expect(page.Locator("#timeline tbody tr")).ToHaveCountAsync(2);

        // With the evidence recorded, clearance is issued with a code.
        await toCleared.GetByLabel("Contract reference").FillAsync("C-" + tag);
        await toCleared.GetByLabel("Contract signed on").FillAsync(Day(-10));
        await toCleared.GetByLabel("Orientation attended on").FillAsync(Day(-5));
        await toCleared.GetByLabel("Orientation provider").FillAsync("Example Pre-Departure Centre");
        await toCleared.GetByLabel("Health check on").FillAsync(Day(-7));
        await toCleared.GetByLabel("Found fit to work").CheckAsync();
        await toCleared.GetByLabel("Insurer").FillAsync("Example Mutual (fictional)");
        await toCleared.GetByLabel("Insurance policy").FillAsync("INS-" + tag);
        await toCleared.GetByLabel("Insurance valid until").FillAsync(Day(730));
        await toCleared.GetByLabel(new Regex("^Fees the worker paid")).FillAsync("150 USD | KH-DEMO-001 | passport and medical check\n35 USD | Example Clinic | vaccination");
        await MoveAsync(page, toCleared);
        await Expect(page.Locator("#phase")).ToHaveTextAsync("deployment clearance");
        var code = page.Locator("#clearance-code");
        await Expect(code).ToHaveTextAsync(new Regex("^[2-9A-HJKMNP-Z]{10}$"));
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("150 USD to KH-DEMO-001 for passport and medical check; 35 USD to Example Clinic for vaccination");
        var clearance = await code.InnerTextAsync();
        await ShotAsync(page, "cleared");

        // Anyone, signed out, checks the code and sees only what is needed.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/clearance");
        await visitor.GetByLabel("Clearance code").FillAsync(clearance.ToLowerInvariant());
        await SubmitAsync(visitor, visitor.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }));
        var card = visitor.Locator("#clearance");
        await Expect(card).ToContainTextAsync("Valid clearance");
        await Expect(card).ToContainTextAsync("valid: cleared for departure");
        await Expect(card).ToContainTextAsync($"JOURNEY{tag}, BOPHA");
        await Expect(card).ToContainTextAsync(passport[^3..]);
        await Expect(card).Not.ToContainTextAsync(passport);
        await Expect(card).ToContainTextAsync("Thailand");
        await Expect(card).ToContainTextAsync("Golden Lotus Manpower Co., Ltd. (KH-DEMO-001)");
        await Expect(card).ToContainTextAsync(Today);
        // Not shown: date of birth, contacts, next of kin, fees.
        var text = await visitor.Locator("main").InnerTextAsync();
        foreach (var secret in new[] { "1993-02-03", "Sophea Example", "+855 12 777 888", "+855 12 345 678", "150 USD", "INS-" + tag })
            Assert.DoesNotContain(secret, text);
        await Expect(visitor.Locator("header")).ToContainTextAsync("Officials: sign in");
        await ShotAsync(visitor, "public-check");

        // Travel, then placement; the timeline lists every step with who recorded it.
        var toTravel = page.Locator("#to-Travel");
        await toTravel.GetByLabel("Departed on").FillAsync(Today);
        await toTravel.GetByLabel("Border crossing point or airport").FillAsync("Poipet");
        await MoveAsync(page, toTravel);
        await Expect(page.Locator("#phase")).ToHaveTextAsync("travel");

        var toPlacement = page.Locator("#to-Placement");
        await toPlacement.GetByLabel("Workplace address").FillAsync("7 Example Industrial Estate, Rayong");
        await MoveAsync(page, toPlacement);
        await Expect(gates.Locator("li[data-gate='Work permit']")).ToBeVisibleAsync();
        await Expect(gates.Locator("li[data-gate='Work permit expiry']")).ToBeVisibleAsync();
        await Expect(gates.Locator("li[data-gate='Placed on']")).ToBeVisibleAsync();
        await Expect(gates.Locator("li[data-gate=Workplace]")).ToHaveCountAsync(0);
        await toPlacement.GetByLabel("Region").FillAsync("Rayong");
        await toPlacement.GetByLabel("Work permit number").FillAsync("WP-" + tag);
        await toPlacement.GetByLabel("Work permit expiry").FillAsync(Day(45));
        await toPlacement.GetByLabel("Placement started on").FillAsync(Today);
        await MoveAsync(page, toPlacement);
        await Expect(page.Locator("#phase")).ToHaveTextAsync("placement");
        await Expect(page.Locator(".document-flag")).ToContainTextAsync("work permit expires on " + Day(45));

        var kinds = await page.Locator("#timeline tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(["registered", "journey.predeparture", "journey.cleared", "journey.travel", "journey.placement"], kinds.Select(k => k.Trim()));
        await Expect(page.Locator("#timeline tbody tr").Filter(new() { HasText = "journey.cleared" })).ToContainTextAsync(clearance);
        await Expect(page.Locator("#timeline tbody tr").Filter(new() { HasText = "journey.placement" })).ToContainTextAsync(Officer);

        // The public check now says the clearance has been used.
        await visitor.ReloadAsync();
        await Expect(visitor.Locator("#clearance")).ToContainTextAsync("used: the worker is placed");
    }

    [Fact]
    public async Task An_unknown_or_malformed_clearance_code_is_explained_beside_the_field()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/clearance?code=ZZZZ22ZZZZ");
        await Expect(page.Locator("#code-error")).ToContainTextAsync("No clearance has this code");
        await Expect(page.Locator("#clearance")).ToHaveCountAsync(0);

        await page.GetByLabel("Clearance code").FillAsync("ABC");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }));
        await Expect(page.Locator("#code-error")).ToContainTextAsync("10 letters and digits");
    }

    [Fact]
    public async Task A_demo_clearance_is_checked_in_khmer_on_the_public_page()
    {
        var page = await NewPageAsync();
        // Seeded: KH, cohort 0, the third worker (cleared): DEMQKH2422.
        await page.GotoAsync("/clearance?code=DEMQKH2422&culture=km");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "km");
        var card = page.Locator("#clearance");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator(".status.status-active")).ToBeVisibleAsync();
        await Expect(card).Not.ToContainTextAsync("Valid clearance");
        await Expect(card).Not.ToContainTextAsync("Passport");
        await Expect(card).ToContainTextAsync("ថៃ"); // Thailand, in Khmer
    }

    [Fact]
    public async Task Undocumented_through_no_fault_of_their_own_needs_a_reason_and_is_shown_dated()
    {
        var tag = NewWorker.Tag();
        var page = await SignedInPageAsync(Officer);
        await Workers.RegisterAsync(page, new NewWorker("STATUS" + tag, "CHANTHA", NewWorker.PassportNumber(), "1990-09-09"));
        await Expect(page.Locator("#documentation")).ToContainTextAsync("Documented, since " + Today);

        var form = page.Locator("#documentation-form");
        await form.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Undocumented through no fault of their own" });
        await form.GetByLabel("Since").FillAsync("2026-10-01");
        await SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Record status" }));
        await Expect(page.Locator("#gate-failures li[data-gate=Reason]")).ToContainTextAsync("Say why");
        await Expect(page.Locator("#documentation")).ToContainTextAsync("Documented, since " + Today);

        const string reason = "The employer did not renew the work permit (browser test).";
        await form.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Undocumented through no fault of their own" });
        await form.GetByLabel(new Regex("^Reason")).FillAsync(reason);
        await form.GetByLabel("Since").FillAsync("2026-10-01");
        await SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Record status" }));

        await Expect(page.Locator("#documentation")).ToHaveTextAsync($"Undocumented through no fault of their own, since 2026-10-01 — {reason}");
        var row = page.Locator("#timeline tbody tr").Filter(new() { HasText = "documentation" });
        await Expect(row).ToContainTextAsync("2026-10-01");
        await Expect(row).ToContainTextAsync(reason);
        await Expect(form.GetByLabel("Status")).ToHaveValueAsync("UndocumentedNoFault");
    }
}
