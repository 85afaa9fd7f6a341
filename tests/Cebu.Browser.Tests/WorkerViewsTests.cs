using System.Globalization;
using System.Text.RegularExpressions;
using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>Who sees which workers: the sending state's lists, the receiving state's placed workers, a consul's nationals; search; crisis lists.</summary>
public sealed class WorkerViewsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Officer = "labour@kh.demo";

    private static ILocator Rows(IPage page) => page.Locator("#workers tbody tr");

    private static async Task ShowAsync(IPage page) =>
        await SubmitAsync(page, page.Locator("form[role=search]").GetByRole(AriaRole.Button, new() { Name = "Show" }));

    [Fact]
    public async Task The_sending_state_lists_its_own_workers_by_phase_and_destination()
    {
        var page = await SignedInPageAsync(Officer);
        await page.GotoAsync("/Workers");
        await Expect(page.GetByLabel("List")).ToHaveValueAsync("Own");
        await Expect(Rows(page).First).ToBeVisibleAsync();
        var owners = await page.Locator("#workers .owner").AllInnerTextsAsync();
        Assert.True(owners.Count >= 60, $"expected the 72 Cambodian demo workers, saw {owners.Count}");
        Assert.All(owners, o => Assert.Equal("(KH)", o.Trim()));

        await page.GetByLabel("Phase").SelectOptionAsync(new SelectOptionValue { Label = "placement" });
        await page.GetByLabel("Destination (ISO code)").FillAsync("TH");
        await ShowAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex(@"phase=Placement.*destination=TH"));
        await Expect(Rows(page).First).ToBeVisibleAsync();
        var phases = await page.Locator("#workers td.phase").AllInnerTextsAsync();
        var destinations = await page.Locator("#workers td.destination").AllInnerTextsAsync();
        Assert.True(phases.Count >= 20, $"expected the placed Cambodian demo workers, saw {phases.Count}");
        Assert.All(phases, p => Assert.Equal("placement", p.Trim()));
        Assert.All(destinations, d => Assert.Equal("TH", d.Trim()));

        // Another destination: Cambodia's demo workers all go to Thailand, so none is in Japan.
        await page.GetByLabel("Destination (ISO code)").FillAsync("JP");
        await ShowAsync(page);
        await Expect(Rows(page)).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).ToContainTextAsync("0 workers.");
    }

    [Fact]
    public async Task A_thai_official_sees_the_workers_placed_in_thailand_with_permits_expiring_within_30_60_or_90_days()
    {
        var page = await SignedInPageAsync("caseworker@th.demo");
        await page.GotoAsync("/Workers");
        await Expect(page.GetByLabel("List")).ToHaveValueAsync("PlacedHere");
        await Expect(Rows(page).First).ToBeVisibleAsync();
        var owners = (await page.Locator("#workers .owner").AllInnerTextsAsync()).Select(o => o.Trim()).ToHashSet();
        Assert.Subset(new HashSet<string> { "(KH)", "(MM)" }, owners);
        Assert.Contains("(KH)", owners);
        Assert.Contains("(MM)", owners);
        var all = await Rows(page).CountAsync();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var counts = new Dictionary<int, int>();
        foreach (var days in new[] { 30, 60, 90 })
        {
            await page.GetByLabel("Work permit expires within").SelectOptionAsync(new SelectOptionValue { Label = $"{days} days" });
            await ShowAsync(page);
            await Expect(page).ToHaveURLAsync(new Regex($"expiring={days}"));
            await Expect(Rows(page).First).ToBeVisibleAsync();
            var expiries = await page.Locator("#workers time.permit-expiry").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
            Assert.Equal(await Rows(page).CountAsync(), expiries.Length);
            Assert.All(expiries, e => Assert.True(DateOnly.ParseExact(e, "yyyy-MM-dd", CultureInfo.InvariantCulture) <= today.AddDays(days), $"{e} is not within {days} days"));
            Assert.Equal(expiries.Order(StringComparer.Ordinal), expiries); // the soonest first
            counts[days] = expiries.Length;
            await ShotAsync(page, $"within-{days}");
        }
        Assert.True(counts[30] < counts[60], $"the 60-day list ({counts[60]}) should hold more than the 30-day list ({counts[30]})");
        Assert.True(counts[60] <= counts[90] && counts[90] < all, $"30: {counts[30]}, 60: {counts[60]}, 90: {counts[90]}, all placed: {all}");

        // Thailand sees what it needs of a placed worker, not the sending state's family contacts or timeline.
        await Rows(page).First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Workers/Details/[0-9a-f-]{36}$"));
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Work permit");
        await Expect(page.Locator("dl.facts")).Not.ToContainTextAsync("Parent Example");
        await Expect(page.Locator("#timeline")).ToHaveCountAsync(0);
        await Expect(page.Locator("#edit")).ToHaveCountAsync(0);
        await Expect(page.Locator("form.journey-step")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_cambodian_consul_in_bangkok_sees_cambodian_nationals_in_thailand()
    {
        var page = await SignedInPageAsync("consul-kh@th.demo");
        await page.GotoAsync("/Workers");
        await Expect(page.GetByLabel("List")).ToHaveValueAsync("Nationals");
        await Expect(page.Locator("#view option:checked")).ToHaveTextAsync("Nationals of KH in TH");
        await Expect(Rows(page).First).ToBeVisibleAsync();
        var owners = await page.Locator("#workers .owner").AllInnerTextsAsync();
        var destinations = await page.Locator("#workers td.destination").AllInnerTextsAsync();
        Assert.NotEmpty(owners);
        Assert.All(owners, o => Assert.Equal("(KH)", o.Trim()));
        Assert.All(destinations, d => Assert.Equal("TH", d.Trim()));
        // Workers who have come home are no longer the embassy's to look after.
        await Expect(page.Locator("#workers td.phase").Filter(new() { HasText = "return" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Search_finds_a_worker_by_name_despite_accents_and_spelling_and_by_document_number_and_date_of_birth()
    {
        var tag = NewWorker.Tag();
        var passport = NewWorker.PassportNumber();
        var page = await SignedInPageAsync(Officer);
        var id = await Workers.RegisterAsync(page, new NewWorker("SREYNEANG", "PHALLA" + tag, passport, "1996-05-04") { NationalId = "KH-NID-" + tag });

        await page.GotoAsync("/Workers");
        var search = page.GetByLabel("Name or document number");
        foreach (var q in new[] { $"Sréynéang Phalla{tag}", $"phalla{tag.ToLowerInvariant()}  sreyneang", $"SREYNEAN PHALLA{tag}", $"Phala{tag} Sreyneang" })
        {
            await search.FillAsync(q);
            await ShowAsync(page);
            await Expect(page.Locator($"#workers a[href='/Workers/Details/{id}']")).ToHaveCountAsync(1);
        }

        // The passport number, typed with spaces and a dash, and the national ID.
        await search.FillAsync($"{passport[..1]} {passport[1..4]}-{passport[4..]}".ToLowerInvariant());
        await ShowAsync(page);
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page).First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/Workers/Details/{id}");
        await search.FillAsync("KH-NID-" + tag);
        await ShowAsync(page);
        await Expect(Rows(page)).ToHaveCountAsync(1);

        // The date of birth narrows a name search; a different date finds no one.
        await search.FillAsync("Sreyneang Phalla" + tag);
        await page.GetByLabel("Date of birth").FillAsync("1996-05-04");
        await ShowAsync(page);
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await page.GetByLabel("Date of birth").FillAsync("1996-05-05");
        await ShowAsync(page);
        await Expect(Rows(page)).ToHaveCountAsync(0);

        // By date of birth alone.
        await search.FillAsync("");
        await page.GetByLabel("Date of birth").FillAsync("1996-05-04");
        await ShowAsync(page);
        await Expect(page.Locator($"#workers a[href='/Workers/Details/{id}']")).ToHaveCountAsync(1);
        var births = await page.Locator("#workers tbody td:nth-child(2)").AllInnerTextsAsync();
        Assert.All(births, b => Assert.Equal("1996-05-04", b.Trim()));
    }

    [Fact]
    public async Task An_official_of_another_state_cannot_open_a_cambodian_workers_page()
    {
        var kh = await SignedInPageAsync(Officer);
        var id = await Workers.RegisterAsync(kh, new NewWorker("PRIVATE" + NewWorker.Tag(), "SOKUNTHEA", NewWorker.PassportNumber(), "1992-12-01"));

        foreach (var other in new[] { "labour@ph.demo", "caseworker@th.demo" })
        {
            var page = await SignedInPageAsync(other);
            var response = await page.GotoAsync($"/Workers/Details/{id}");
            Assert.Equal(404, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("404: This page does not exist.");
            await Expect(page.Locator("body")).Not.ToContainTextAsync("SOKUNTHEA");

            // Nor find the worker by name.
            await page.GotoAsync("/Workers?view=Own&q=SOKUNTHEA");
            await Expect(page.Locator("#workers a[href='/Workers/Details/" + id + "']")).ToHaveCountAsync(0);
        }

        // The Philippine labour officer may edit Philippine workers, but not open the Cambodian worker's edit page.
        var ph = await SignedInPageAsync("labour@ph.demo");
        var edit = await ph.GotoAsync($"/Workers/Edit/{id}");
        Assert.Equal(404, edit!.Status);
    }

    [Fact]
    public async Task The_crisis_list_for_a_region_records_each_persons_status_and_exports_csv()
    {
        var page = await SignedInPageAsync(Officer);
        await page.GotoAsync("/Workers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Crisis list" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/Workers/Crisis"));

        await page.GetByLabel("Country").SelectOptionAsync("TH");
        await page.GetByLabel("Region, city or district").FillAsync("North");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Show" }));
        var rows = page.Locator("#crisis tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var count = await rows.CountAsync();
        Assert.True(count >= 5, $"expected the Cambodian demo workers placed in northern Thailand, saw {count}");
        await Expect(page.Locator("main")).ToContainTextAsync($"{count} people.");
        var where = await page.Locator("#crisis tbody td:nth-child(3)").AllInnerTextsAsync();
        Assert.All(where, w => Assert.Contains("North", w));

        // One person's status: needs help, with a note.
        var first = rows.First;
        var name = (await first.Locator("td").First.InnerTextAsync()).Trim();
        await first.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Needs help" });
        const string note = "Called at 09:00; injured hand, needs transport (browser test).";
        await first.GetByLabel("Note").FillAsync(note);
        await SubmitAsync(page, first.GetByRole(AriaRole.Button, new() { Name = "Save" }));

        await Expect(page).ToHaveURLAsync(new Regex(@"/Workers/Crisis\?country=TH&region=North$"));
        var saved = rows.Filter(new() { Has = page.Locator($"input[name=Note][value='{note}']") });
        await Expect(saved).ToHaveCountAsync(1);
        await Expect(saved.Locator("td").First).ToHaveTextAsync(name);
        await Expect(saved.GetByLabel("Status")).ToHaveValueAsync("NeedsHelp");
        await Expect(rows).ToHaveCountAsync(count);
        await ShotAsync(page, "saved");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        Assert.Equal("crisis-TH-North.csv", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        await File.WriteAllTextAsync(System.IO.Path.Combine(BrowserFixture.OutputDirectory, "crisis.csv"), text);
        var lines = text.Trim().Split('\n');
        Assert.StartsWith("family_name,given_names,phone,address_abroad", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(count + 1, lines.Length);
        var line = Assert.Single(lines, l => l.Contains("injured hand"));
        Assert.Contains("NeedsHelp", line);
        Assert.Contains(name.Split(',')[0].Trim(), line);
    }
}
