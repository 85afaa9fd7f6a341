using System.Text.RegularExpressions;
using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>A sending state's labour officer registers a worker, reads the passport's MRZ into the form, and corrects the record with its history kept.</summary>
public sealed class WorkerRecordTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Officer = "labour@kh.demo";

    /// <summary>A fictional Cambodian passport, every check digit right (SAMPLE, SOPHEAP; N01234567; born 1994-03-15; F; expires 2034-03-14).</summary>
    private const string ValidMrz = "P<KHMSAMPLE<<SOPHEAP<<<<<<<<<<<<<<<<<<<<<<<<\nN012345679KHM9403154F3403141<<<<<<<<<<<<<<<4";

    [Fact]
    public async Task A_labour_officer_registers_a_worker_edits_the_record_and_sees_the_edit_in_the_timeline()
    {
        var tag = NewWorker.Tag();
        var passport = NewWorker.PassportNumber();
        var page = await SignedInPageAsync(Officer);
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Workers" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/Workers"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a worker" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/Workers/Register"));

        // The fields carry their labels.
        await page.GetByLabel("Family name").FillAsync("KEO" + tag);
        await page.GetByLabel("Given names").FillAsync("SREYMOM");
        await page.GetByLabel("Name in the local script").FillAsync("កែវ ស្រីមុំ");
        await page.GetByLabel("Sex").SelectOptionAsync("Female");
        await page.GetByLabel("Date of birth").FillAsync("1995-04-12");
        await page.GetByLabel("Place of birth").FillAsync("Example Village, Prey Veng");
        await page.GetByLabel("Nationality (ISO code)").FillAsync("KH");
        await page.GetByLabel("National ID number").FillAsync("KHID-" + tag);
        await page.GetByLabel("Passport number").FillAsync(passport);
        await page.GetByLabel("Passport expiry").FillAsync(DateTime.UtcNow.AddYears(6).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Certificate of Identity number").FillAsync("CI" + tag);
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("+855 12 000 111");
        await page.GetByLabel("Next of kin", new() { Exact = true }).FillAsync("Chanthy Example");
        await page.GetByLabel("Relationship").FillAsync("mother");
        await page.GetByLabel("Next of kin's phone").FillAsync("+855 12 000 222");
        await page.GetByLabel("Languages the worker reads").FillAsync("km, th");
        await page.GetByLabel("Destination (ISO code)").FillAsync("TH");
        await page.GetByLabel("Sector").SelectOptionAsync("manufacturing");
        await ShotAsync(page, "form");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }));

        await Expect(page).ToHaveURLAsync(new Regex("/Workers/Details/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync($"KEO{tag}, SREYMOM");
        await Expect(page.Locator("h1")).ToContainTextAsync("កែវ ស្រីមុំ");
        var facts = page.Locator("dl.facts");
        await Expect(facts).ToContainTextAsync("1995-04-12");
        await Expect(facts).ToContainTextAsync("Female");
        await Expect(facts).ToContainTextAsync(passport);
        await Expect(facts).ToContainTextAsync("KHID" + tag);
        await Expect(facts).ToContainTextAsync("CI" + tag);
        await Expect(facts).ToContainTextAsync("Chanthy Example mother +855 12 000 222");
        await Expect(facts).ToContainTextAsync("km, th");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("recruitment");
        await Expect(page.Locator("#timeline tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#timeline tbody tr").First).ToContainTextAsync("registered");

        // The officer corrects the next of kin and the given names, and says why.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the record" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Workers/Edit/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Edit the record of KEO{tag}, SREYMOM");
        await Expect(page.GetByLabel("Family name")).ToHaveValueAsync("KEO" + tag);
        await Expect(page.GetByLabel("Languages the worker reads")).ToHaveValueAsync("km, th");
        await page.GetByLabel("Given names").FillAsync("SREY MOM");
        await page.GetByLabel("Next of kin's phone").FillAsync("+855 12 000 333");
        const string reason = "Spelling corrected from the passport; mother's new phone (browser test).";
        await page.GetByLabel("Reason for the change").FillAsync(reason);
        await ShotAsync(page, "edit");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }));

        await Expect(page).ToHaveURLAsync(new Regex("/Workers/Details/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync($"KEO{tag}, SREY MOM");
        await Expect(facts).ToContainTextAsync("+855 12 000 333");
        var edit = page.Locator("#timeline tbody tr").Filter(new() { HasText = "edited" });
        await Expect(edit).ToHaveCountAsync(1);
        await Expect(edit).ToContainTextAsync("Changed: given names, next of kin.");
        // Each changed field with its old and new value.
        await Expect(edit.Locator("ul.changes li")).ToHaveCountAsync(2);
        await Expect(edit.Locator("li[data-field=givenNames] del")).ToHaveTextAsync("SREYMOM");
        await Expect(edit.Locator("li[data-field=givenNames] ins")).ToHaveTextAsync("SREY MOM");
        await Expect(edit.Locator("li[data-field=nextOfKinPhone]")).ToHaveTextAsync("next of kin phone: +855 12 000 222 → +855 12 000 333");
        await Expect(edit).Not.ToContainTextAsync("passport number");
        await Expect(edit).ToContainTextAsync(reason);
        await Expect(edit).ToContainTextAsync(Officer);
        await Expect(edit).ToContainTextAsync(Today);
        await Expect(page.Locator("#timeline tbody tr")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Pasting_a_valid_passport_MRZ_fills_the_form_with_every_field_and_the_worker_is_registered_from_it()
    {
        var page = await SignedInPageAsync(Officer);
        await page.GotoAsync("/Workers/Register");

        await page.GetByLabel("Machine-readable zone (MRZ)").FillAsync(ValidMrz);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Read the MRZ" }));

        var read = page.Locator("#mrz-read");
        await Expect(read).ToBeVisibleAsync();
        await Expect(page.Locator("#mrz-reader")).ToContainTextAsync("every check digit is right");
        await Expect(page.Locator("#mrz-family")).ToHaveTextAsync("SAMPLE");
        await Expect(page.Locator("#mrz-given")).ToHaveTextAsync("SOPHEAP");
        await Expect(page.Locator("#mrz-number")).ToHaveTextAsync("N01234567");
        await Expect(page.Locator("#mrz-birth")).ToHaveTextAsync("1994-03-15");
        await Expect(page.Locator("#mrz-expiry")).ToHaveTextAsync("2034-03-14");
        await Expect(page.Locator("#mrz-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#mrz-reader .document-flag")).ToHaveCountAsync(0);
        // The form is filled from the MRZ: the three-letter KHM becomes KH.
        await Expect(page.Locator("#FamilyName")).ToHaveValueAsync("SAMPLE");
        await Expect(page.Locator("#GivenNames")).ToHaveValueAsync("SOPHEAP");
        await Expect(page.Locator("#Sex")).ToHaveValueAsync("Female");
        await Expect(page.Locator("#DateOfBirth")).ToHaveValueAsync("1994-03-15");
        await Expect(page.Locator("#Nationality")).ToHaveValueAsync("KH");
        await Expect(page.Locator("#PassportNumber")).ToHaveValueAsync("N01234567");
        await Expect(page.Locator("#PassportExpiry")).ToHaveValueAsync("2034-03-14");
        await Expect(page.Locator("#Mrz")).ToHaveValueAsync(ValidMrz);
        await ShotAsync(page, "read");

        await page.Locator("#Languages").FillAsync("km");
        await page.Locator("#Destination").FillAsync("TH");
        await page.Locator("#Sector").SelectOptionAsync("manufacturing");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/Workers/Details/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("SAMPLE, SOPHEAP");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Passport N01234567 (until 2034-03-14)");
        await Expect(page.Locator(".document-flag")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_check_digit_in_the_MRZ_is_named_beside_the_input_and_the_form_is_not_filled()
    {
        // The date of birth's check digit is 4; a 5 is a misread.
        var bad = ValidMrz.Replace("9403154F", "9403155F");
        var page = await SignedInPageAsync(Officer);
        await page.GotoAsync("/Workers/Register");

        await page.GetByLabel("Machine-readable zone (MRZ)").FillAsync(bad);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Read the MRZ" }));

        var error = page.Locator("#mrz-reader #mrz-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error.Locator("li").Filter(new() { HasText = "Date of birth" })).ToContainTextAsync("check digit");
        await Expect(error).ToContainTextAsync("line 2");
        await Expect(page.Locator("#Mrz")).ToHaveAttributeAsync("aria-describedby", new Regex(@"\bmrz-error\b"));
        // Only the date of birth and the composite (which covers it) fail.
        await Expect(error).Not.ToContainTextAsync("Document number");
        await Expect(error).Not.ToContainTextAsync("Date of expiry");
        // The MRZ stays in the box to correct; the form is not filled from a document that fails its checks.
        await Expect(page.Locator("#Mrz")).ToHaveValueAsync(bad);
        await Expect(page.Locator("#FamilyName")).ToHaveValueAsync("");
        await Expect(page.Locator("#PassportNumber")).ToHaveValueAsync("");
        await Expect(page.Locator("#mrz-reader")).ToContainTextAsync("not to be trusted");
        await ShotAsync(page, "error");

        // Error box is beside the input: directly below the textarea, above the button.
        var box = await page.Locator("#Mrz").BoundingBoxAsync();
        var errBox = await error.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.NotNull(errBox);
        Assert.True(errBox!.Y >= box!.Y + box.Height - 1 && errBox.Y - (box.Y + box.Height) < 60,
            $"the error should sit just below the MRZ box (box ends at {box.Y + box.Height}, error starts at {errBox.Y})");
    }

    [Fact]
    public async Task Expired_and_soon_to_expire_passports_are_flagged_when_read_and_on_the_record()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var page = await SignedInPageAsync(Officer);
        await page.GotoAsync("/Workers/Register");

        var expired = Workers.Td3("OLDPASS", "DARA", "N0" + Random.Shared.Next(1_000_000, 9_999_999), new DateOnly(1990, 1, 2), 'M', today.AddDays(-20));
        await page.GetByLabel("Machine-readable zone (MRZ)").FillAsync(expired);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Read the MRZ" }));
        await Expect(page.Locator("#mrz-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#mrz-reader .document-flag.danger")).ToContainTextAsync("Expired");
        await Expect(page.Locator("#mrz-reader .document-flag.danger")).ToContainTextAsync(today.AddDays(-20).ToString("yyyy-MM-dd"));
        await ShotAsync(page, "expired");

        var soonNumber = "N0" + Random.Shared.Next(1_000_000, 9_999_999);
        var soon = Workers.Td3("SOONPASS" + NewWorker.Tag(), "VANNAK", soonNumber, new DateOnly(1991, 6, 7), 'M', today.AddDays(60));
        await page.GetByLabel("Machine-readable zone (MRZ)").FillAsync(soon);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Read the MRZ" }));
        var flag = page.Locator("#mrz-reader .document-flag");
        await Expect(flag).ToHaveCountAsync(1);
        await Expect(flag).ToHaveClassAsync(new Regex(@"\bwarning\b"));
        await Expect(flag).ToContainTextAsync("Expires soon");
        await Expect(flag).ToContainTextAsync("in 60 days");
        await Expect(page.Locator("#PassportExpiry")).ToHaveValueAsync(today.AddDays(60).ToString("yyyy-MM-dd"));

        // Registered from it, the record carries the flag too.
        await page.Locator("#Destination").FillAsync("TH");
        await page.Locator("#Sector").SelectOptionAsync("manufacturing");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/Workers/Details/[0-9a-f-]{36}$"));
        var recordFlag = page.Locator(".document-flag");
        await Expect(recordFlag).ToHaveCountAsync(1);
        await Expect(recordFlag).ToContainTextAsync("Expires soon");
        await Expect(recordFlag).ToContainTextAsync("passport");
        await Expect(recordFlag).ToContainTextAsync(today.AddDays(60).ToString("yyyy-MM-dd"));
    }
}
