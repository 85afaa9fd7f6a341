using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>
/// A sending state's labour officer imports workers from a CSV file on the page; a receiving state's labour inspector
/// records the work permit of a worker placed on its territory, and the sending state sees who changed what.
/// </summary>
public sealed class WorkerImportAndPermitTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Header = "family_name,given_names,name_local,sex,date_of_birth,place_of_birth,nationality,national_id,passport_number,passport_expiry,ci_number,phone,email,address_home,next_of_kin,next_of_kin_relationship,next_of_kin_phone,languages,destination,sector";

    private static string Row(string family, string given, string passport, string sex = "F") =>
        $"{family},{given},,{sex},1994-03-15,Example Village,KH,,{passport},2032-06-30,,+855 12 000 000,,1 Example Street,Example Kin,mother,,km;th,TH,manufacturing";

    [Fact]
    public async Task A_labour_officer_uploads_a_csv_sees_the_bad_row_with_its_line_then_imports_the_corrected_file_and_finds_the_workers()
    {
        var tag = NewWorker.Tag();
        var family = "IMPORT" + tag;
        string[] given = ["SOKHA", "DARA", "VANNAK"];
        string File(string badSex) => new StringBuilder().Append(Header).Append('\n')
            .Append(Row(family, given[0], $"D{tag}1")).Append('\n')
            .Append(Row(family, given[1], $"D{tag}2", sex: badSex)).Append('\n')
            .Append(Row(family, given[2], $"D{tag}3")).Append('\n').ToString();

        var page = await SignedInPageAsync("labour@kh.demo");
        await page.GotoAsync("/Workers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import workers from CSV" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/Workers/Import"));
        // The page says which columns the file needs, and offers a template.
        await Expect(page.Locator("#column-help tbody tr")).ToHaveCountAsync(20);
        await Expect(page.Locator("#column-help")).ToContainTextAsync("F (female), M (male) or X (unspecified).");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#template").ClickAsync());
        Assert.Equal("workers-template.csv", download.SuggestedFilename);
        using (var template = new StreamReader(await download.CreateReadStreamAsync()))
            Assert.Equal(Header, await template.ReadLineAsync());

        // A file whose second row (line 3) has a sex that is not F, M or X.
        await page.Locator("input[type=file][name=Upload]").SetInputFilesAsync(new FilePayload { Name = "kh-workers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(File("Q")) });
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Check file" }));
        var rejected = page.Locator("#rejected-rows tbody tr");
        await Expect(rejected).ToHaveCountAsync(1);
        await Expect(rejected.Locator("td.line")).ToHaveTextAsync("3");
        await Expect(rejected).ToContainTextAsync($"D{tag}2");
        await Expect(rejected.Locator("code.column")).ToHaveTextAsync("sex");
        await Expect(rejected).ToContainTextAsync("sex 'Q' is not F, M or X: write F (female), M (male) or X (unspecified)");
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Checked 3 rows: 2 valid, 1 rejected.");
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Nothing was written");
        // All or nothing: a file with a rejected row offers no import.
        await Expect(page.Locator("#import-checked")).ToHaveCountAsync(0);
        await ShotAsync(page, "rejected");

        // Importing it anyway writes nothing either.
        await page.Locator("input[type=file][name=Upload]").SetInputFilesAsync(new FilePayload { Name = "kh-workers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(File("Q")) });
        await SubmitAsync(page, page.Locator("#upload-form").GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }));
        await Expect(page.Locator("#rejected-rows tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#import-result")).Not.ToContainTextAsync("Imported");

        // The corrected file: checked, then imported without a second upload.
        await page.Locator("input[type=file][name=Upload]").SetInputFilesAsync(new FilePayload { Name = "kh-workers-fixed.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(File("M")) });
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Check file" }));
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Checked 3 rows: all valid.");
        await Expect(page.Locator("#rejected-rows")).ToHaveCountAsync(0);
        await ShotAsync(page, "checked");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Import the 3 workers of kh-workers-fixed.csv" }));
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Imported 3 workers from kh-workers-fixed.csv.");
        await Expect(page.Locator("#import-checked")).ToHaveCountAsync(0);
        await ShotAsync(page, "imported");

        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the list of workers" }).ClickAsync();
        await page.GetByLabel("Name or document number").FillAsync(family);
        await SubmitAsync(page, page.Locator("form[role=search]").GetByRole(AriaRole.Button, new() { Name = "Show" }));
        var rows = page.Locator("#workers tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        foreach (var g in given) await Expect(rows.Filter(new() { HasText = $"{family}, {g}" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#workers td.phase").First).ToHaveTextAsync("recruitment");
    }

    [Fact]
    public async Task A_malaysian_inspector_records_a_permit_expiring_in_20_days_and_finds_the_worker_in_the_30_day_list()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var page = await SignedInPageAsync("inspector@my.demo");
        await page.GotoAsync("/Workers");
        await Expect(page.GetByLabel("List")).ToHaveValueAsync("PlacedHere");
        await Expect(page.Locator("#workers tbody tr").First).ToBeVisibleAsync();

        // A worker whose permit runs for more than 90 days: in none of the expiry lists yet.
        var expiries = await page.Locator("#workers tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.querySelector('a').getAttribute('href'), r.querySelector('time.permit-expiry')?.getAttribute('datetime') ?? ''])");
        var chosen = expiries.FirstOrDefault(e => e[1].Length > 0 && DateOnly.ParseExact(e[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) > today.AddDays(90));
        Assert.True(chosen is not null, "expected a worker placed in Malaysia whose permit runs for more than 90 days");
        var href = chosen![0];
        var oldExpiry = chosen[1];
        await page.GotoAsync(href);
        var form = page.Locator("#placement");
        await Expect(form).ToBeVisibleAsync();
        // Malaysia sees the permit, and may record a new one; not the sending state's journey forms or timeline.
        await Expect(page.Locator("form.journey-step")).ToHaveCountAsync(0);
        await Expect(page.Locator("#timeline")).ToHaveCountAsync(0);
        await Expect(form.GetByLabel("Work permit expires on")).ToHaveValueAsync(oldExpiry);

        // A date in the past is refused beside the field, and nothing changes.
        var permit = "MY-WP-" + NewWorker.Tag();
        await form.GetByLabel("Work permit number").FillAsync(permit);
        await form.GetByLabel("Work permit expires on").FillAsync(today.AddDays(-3).ToString("yyyy-MM-dd"));
        await SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Record permit and placement" }));
        await Expect(page.Locator("#PermitExpiry-error")).ToContainTextAsync("is in the past");
        await Expect(form.GetByLabel("Work permit number")).ToHaveValueAsync(permit);
        await Expect(page.Locator("#documents")).Not.ToContainTextAsync(permit.Replace("-", ""));
        await ShotAsync(page, "refused");

        var expiry = today.AddDays(20).ToString("yyyy-MM-dd");
        await form.GetByLabel("Work permit expires on").FillAsync(expiry);
        await form.GetByLabel("Note (optional)").FillAsync("Permit issued by the labour department (browser test).");
        await SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Record permit and placement" }));
        await Expect(page.Locator("#documents")).ToContainTextAsync($"Work permit {permit.Replace("-", "")} (until {expiry})");
        await Expect(page.Locator("#PermitExpiry-error")).ToBeEmptyAsync();
        await ShotAsync(page, "recorded");

        // The 30-day list now holds the worker, with the new expiry.
        await page.GotoAsync("/Workers");
        await page.GetByLabel("Work permit expires within").SelectOptionAsync(new SelectOptionValue { Label = "30 days" });
        await SubmitAsync(page, page.Locator("form[role=search]").GetByRole(AriaRole.Button, new() { Name = "Show" }));
        await Expect(page).ToHaveURLAsync(new Regex("expiring=30"));
        var row = page.Locator("#workers tbody tr").Filter(new() { Has = page.Locator($"a[href='{href}']") });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("time.permit-expiry")).ToHaveAttributeAsync("datetime", expiry);
        await Expect(row).ToContainTextAsync(permit.Replace("-", ""));

        // The sending state (Indonesia) sees on its timeline who recorded what, the old value and the new.
        var owner = await SignedInPageAsync("labour@id.demo");
        await owner.GotoAsync(href);
        var recorded = owner.Locator("#timeline tbody tr").Filter(new() { HasText = "permit.recorded" });
        await Expect(recorded).ToHaveCountAsync(1);
        await Expect(recorded).ToContainTextAsync("inspector@my.demo");
        await Expect(recorded).ToContainTextAsync("by the receiving state (MY)");
        await Expect(recorded.Locator("li[data-field=workPermitExpiry] del")).ToHaveTextAsync(oldExpiry);
        await Expect(recorded.Locator("li[data-field=workPermitExpiry] ins")).ToHaveTextAsync(expiry);
        await Expect(recorded.Locator("li[data-field=workPermitNumber] ins")).ToHaveTextAsync(permit.Replace("-", ""));
    }
}
