using System.Text;
using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>
/// Issue 6, done when: a verification batch runs end to end between two demo states in the browser. A Thai inspector
/// uploads a batch to Cambodia; Cambodia's labour officer reviews a possible match side by side and confirms it; the
/// Thai inspector then sees it matched with the Certificate of Identity number.
/// </summary>
public sealed class NationalityVerificationTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Header = "local_reference,family_name,given_names,date_of_birth,place_of_birth,father_name,mother_name,old_document_numbers";

    [Fact]
    public async Task A_thai_inspector_sends_a_batch_cambodia_confirms_a_possible_match_and_thailand_sees_the_certificate()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var reference = $"TH-BATCH-{tag}";
        var inspector = await SignedInPageAsync("inspector@th.demo");
        await inspector.GetByRole(AriaRole.Link, new() { Name = "Nationality verification" }).ClickAsync();
        await Expect(inspector).ToHaveURLAsync(Path("/Verification"));
        await inspector.GetByRole(AriaRole.Link, new() { Name = "Send a batch" }).ClickAsync();
        await Expect(inspector).ToHaveURLAsync(Path("/Verification/Send"));

        // A file with bad rows is rejected whole, each bad row listed with its line and column.
        await inspector.GetByLabel("Sending state asked to verify").SelectOptionAsync("KH");
        await inspector.GetByLabel("Your batch reference (optional)").FillAsync(reference);
        await inspector.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"{Header}\n{tag}-1,Mias,Sophia Kuntea,1993-09-04,Kampot,,,\n{tag}-2,Sok,Dara,31/31/1990,,,,\n") });
        await SubmitAsync(inspector, inspector.GetByRole(AriaRole.Button, new() { Name = "Send the batch" }));
        await Expect(inspector.Locator("#batch-errors")).ToContainTextAsync("1 row(s) need correcting");
        var badRow = inspector.Locator("#row-errors tbody tr").Filter(new() { HasText = "date_of_birth" });
        await Expect(badRow.Locator("td").First).ToHaveTextAsync("3");
        await Expect(badRow).ToContainTextAsync("yyyy-MM-dd");
        await ShotAsync(inspector, "bad-rows");

        // Corrected: the identity a worker declared (a spelling variant, day and month swapped) and someone Cambodia does not know.
        await inspector.GetByLabel("Sending state asked to verify").SelectOptionAsync("KH");
        await inspector.GetByLabel("Your batch reference (optional)").FillAsync(reference);
        await inspector.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload { Name = "batch.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"{Header}\n{tag}-1,Mias,Sophia Kuntea,1993-09-04,Kampot,,,\n{tag}-2,Nobody,Fictional Person,1971-06-30,Nowhere,Nobody Senior,,\n") });
        await SubmitAsync(inspector, inspector.GetByRole(AriaRole.Button, new() { Name = "Send the batch" }));
        await Expect(inspector).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Verification/Batch/[0-9a-f-]{36}$"));
        var batchUrl = inspector.Url;
        // The page reloads itself while the matcher works.
        await Expect(inspector.Locator("#batch-status")).ToHaveTextAsync("AwaitingDecisions", new() { Timeout = 60_000 });
        await Expect(inspector.Locator($"tr[data-reference='{tag}-1'] td.result")).ToHaveTextAsync("Under review");
        await Expect(inspector.Locator($"tr[data-reference='{tag}-2'] td.result")).ToHaveTextAsync("Not found");
        await Expect(inspector.Locator("#requests")).Not.ToContainTextAsync("KH-CR-DEMO");
        await ShotAsync(inspector, "sent-batch");

        // Cambodia's labour officer: the batch, the review side by side, the decision.
        var officer = await SignedInPageAsync("labour@kh.demo");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Nationality verification" }).ClickAsync();
        await officer.Locator("#batches").GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(officer.Locator($"tr[data-reference='{tag}-1'] td.outcome")).ToHaveTextAsync("Possible");
        await officer.Locator($"tr[data-reference='{tag}-1']").GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Expect(officer.Locator("#side-by-side thead")).ToContainTextAsync("Registry record KH-CR-DEMO-0000000");
        await Expect(officer.Locator("#side-by-side tr[data-field=name] td.declared")).ToHaveTextAsync("Sophia Kuntea Mias");
        await Expect(officer.Locator("#side-by-side tr[data-field=name] td.found")).ToHaveTextAsync("Sophea Kunthea Meas");
        await Expect(officer.Locator("#side-by-side tr[data-field=dateOfBirth] td.level")).ToHaveTextAsync("day-month swapped");
        await ShotAsync(officer, "review");

        // A decision needs a reason.
        await SubmitAsync(officer, officer.GetByRole(AriaRole.Button, new() { Name = "Confirm: issue a Certificate of Identity" }));
        await Expect(officer.Locator("span.field-error[data-valmsg-for=Reason]")).ToContainTextAsync("Give the reason");
        await officer.GetByLabel("Reason for the decision").FillAsync("Registry entry, place of birth and date agree; the spelling is a romanisation variant (browser test).");
        await SubmitAsync(officer, officer.GetByRole(AriaRole.Button, new() { Name = "Confirm: issue a Certificate of Identity" }));
        await Expect(officer.Locator("#certificate")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^KH-CI-{DateTime.UtcNow.Year}-[23456789A-Z]{{8}}$"));
        var certificate = await officer.Locator("#certificate").InnerTextAsync();
        await ShotAsync(officer, "confirmed");

        // Thailand sees the request matched, with the certificate number.
        await inspector.GotoAsync(batchUrl);
        await Expect(inspector.Locator($"tr[data-reference='{tag}-1'] td.result")).ToHaveTextAsync("Matched");
        await Expect(inspector.Locator($"tr[data-reference='{tag}-1'] td.certificate")).ToContainTextAsync(certificate);
        await ShotAsync(inspector, "matched-with-certificate");
    }
}
