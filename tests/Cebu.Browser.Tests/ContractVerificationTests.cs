using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>
/// Issue 4 end to end: the sending state's labour officer verifies a submitted contract and prints it in two languages,
/// anyone checks its code on the public page, and when a Thai inspector records a worse contract the worker was handed,
/// the substitution alert reaches the sending state.
/// </summary>
public sealed class ContractVerificationTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task An_officer_verifies_and_prints_a_contract_its_code_checks_out_and_a_worse_contract_on_arrival_alerts_the_sending_state()
    {
        // The Cambodian labour officer opens the contract the agency submitted.
        var officer = await SignedInPageAsync("labour@kh.demo");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Contracts", Exact = true }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(Path("/Contracts"));
        await officer.GetByLabel("Status").SelectOptionAsync("Submitted");
        await SubmitAsync(officer, officer.GetByRole(AriaRole.Button, new() { Name = "Show" }));
        var row = officer.Locator("#contracts tbody tr").Filter(new() { HasText = "Example Frozen Foods" });
        await Expect(row).ToHaveCountAsync(1);
        await row.Locator("a").First.ClickAsync();
        await Expect(officer.Locator("#status")).ToHaveTextAsync("Submitted");
        var workerName = (await officer.Locator("h1").InnerTextAsync()).Replace("Contract of ", "").Trim();
        var workerLink = await officer.Locator("a[href^='/Contracts?workerId=']").GetAttributeAsync("href");
        var workerId = workerLink!.Split('=')[1];

        await SubmitAsync(officer, officer.Locator("#verify"));
        await Expect(officer.Locator("#status")).ToHaveTextAsync("Verified");
        var code = (await officer.Locator("#check-code").InnerTextAsync()).Trim();
        var hash = (await officer.Locator("#content-hash").InnerTextAsync()).Trim();
        Assert.Matches("^[23456789A-HJ-NP-Z]{10}$", code);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        await Expect(officer.Locator("#hash-state")).ToContainTextAsync("unchanged");
        await Expect(officer.Locator("#verify")).ToHaveCountAsync(0);

        // Printed in the worker's language (Khmer) and the destination's (Thai), side by side, with the code.
        await officer.Locator("#print-link").ClickAsync();
        await Expect(officer.Locator("#title-first")).ToHaveTextAsync("កិច្ចសន្យាការងារដែលបានផ្ទៀងផ្ទាត់");
        await Expect(officer.Locator("#title-second")).ToHaveTextAsync("สัญญาจ้างงานที่ได้รับการรับรองแล้ว");
        var wageRow = officer.Locator("#row-wage");
        await Expect(wageRow.Locator("th[lang=km]")).ToHaveTextAsync("ប្រាក់ឈ្នួល");
        await Expect(wageRow.Locator("th[lang=th]")).ToHaveTextAsync("ค่าจ้าง");
        await Expect(wageRow.Locator("td")).ToContainTextAsync("11,000 THB");
        await Expect(officer.Locator("#row-passport td")).ToContainTextAsync("កម្មករ / แรงงาน");
        await Expect(officer.Locator("#print-check-code")).ToHaveTextAsync(code);
        await Expect(officer.Locator("#row-hash td")).ToHaveTextAsync(hash);
        await ShotAsync(officer, "print");

        // Anyone checks the code on the public page, without signing in.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/verify-contract");
        await visitor.GetByLabel("Contract check code").FillAsync(code.ToLowerInvariant());
        await SubmitAsync(visitor, visitor.GetByRole(AriaRole.Button, new() { Name = "Check" }));
        await Expect(visitor.Locator("#verdict")).ToContainTextAsync("Verified contract");
        await Expect(visitor.Locator("#employer")).ToHaveTextAsync("Example Frozen Foods (Thailand) Co., Ltd. (DEMO)");
        await Expect(visitor.Locator("#hash")).ToHaveTextAsync(hash);
        await Expect(visitor.Locator("#verified-on")).ToHaveTextAsync(Today);
        await Expect(visitor.Locator("#integrity")).ToContainTextAsync("unchanged");
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync(workerName);
        await ShotAsync(visitor, "public-check");

        // On arrival in Thailand the worker is handed a worse contract; the Thai inspector records it.
        var inspector = await SignedInPageAsync("inspector@th.demo");
        await inspector.GotoAsync($"/Contracts/Record?workerId={workerId}");
        await inspector.Locator("#Terms_Employer_Name").FillAsync("Example Frozen Foods (Thailand) Co., Ltd. (DEMO)");
        await inspector.Locator("#Terms_JobTitle").FillAsync("seafood processing worker");
        await inspector.Locator("#Terms_Sector").SelectOptionAsync("manufacturing");
        await inspector.Locator("#Terms_Workplace").FillAsync("12 Example Industrial Road, Samut Sakhon");
        await inspector.Locator("#Terms_WageAmount").FillAsync("8000");
        await inspector.Locator("#Terms_WageCurrency").FillAsync("THB");
        await inspector.Locator("#Terms_HoursPerWeek").FillAsync("60");
        await inspector.Locator("#Terms_RestDaysPerWeek").FillAsync("0");
        await inspector.Locator("#Terms_PassportKeptBy").SelectOptionAsync("employer");
        await inspector.Locator("#LanguagesText").FillAsync("th");
        // A bad line is refused beside its field, and nothing is saved.
        await inspector.Locator("#FeesText").FillAsync("five thousand baht");
        await SubmitAsync(inspector, inspector.Locator("#save"));
        await Expect(inspector.Locator("[data-valmsg-for=FeesText]")).ToContainTextAsync("Line 1");
        await inspector.Locator("#FeesText").FillAsync("5000 THB | recruitment | Example broker (fictional)");
        await SubmitAsync(inspector, inspector.Locator("#save"));
        await Expect(inspector).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Contracts/Details/"));
        var substitution = inspector.Locator("#substitution");
        await Expect(substitution).ToBeVisibleAsync();
        await Expect(substitution.Locator("tr[data-term=wage]")).ToContainTextAsync("8,000 THB a month");
        await Expect(substitution.Locator("tr[data-term=passportKeptBy]")).ToContainTextAsync("the employer");
        await Expect(substitution.Locator("tr[data-term=fees]")).ToContainTextAsync("5,000 THB (recruitment)");
        await ShotAsync(inspector, "substitution");

        // The sending state's labour office sees the alert, with both values of each term, and acknowledges it.
        await officer.GotoAsync("/Contracts");
        await Expect(officer.Locator("#open-alerts")).ToBeVisibleAsync();
        await officer.Locator("#alerts-link").ClickAsync();
        var alert = officer.Locator($"section[data-worker='{workerName}']");
        await Expect(alert).ToHaveCountAsync(1);
        await Expect(alert.Locator("tr[data-term=wage]")).ToContainTextAsync("11,000 THB a month");
        await Expect(alert.Locator("tr[data-term=wage]")).ToContainTextAsync("8,000 THB a month");
        await Expect(alert.Locator("tr[data-term=restDaysPerWeek]")).ToContainTextAsync("0 rest day(s) a week");
        await ShotAsync(officer, "alerts");
        await alert.GetByLabel("Note").FillAsync("Agency and employer summoned (browser test).");
        await SubmitAsync(officer, alert.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }));
        await Expect(officer.Locator($"section[data-worker='{workerName}'] .acknowledged")).ToContainTextAsync("labour@kh.demo");
    }
}
