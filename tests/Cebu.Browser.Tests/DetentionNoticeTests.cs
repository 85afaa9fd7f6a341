using Cebu.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests;

/// <summary>Consular notification (Declaration art. 10): a Thai inspector records a detention, Cambodia's embassy acknowledges it.</summary>
public sealed class DetentionNoticeTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_thai_inspector_records_a_detention_and_the_cambodian_consul_acknowledges_it()
    {
        var name = $"DEMO DETAINEE {Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        var inspector = await SignedInPageAsync("inspector@th.demo");
        await inspector.GetByRole(AriaRole.Link, new() { Name = "Detention notices" }).ClickAsync();
        await Expect(inspector).ToHaveURLAsync(Path("/Detentions"));
        await inspector.GetByRole(AriaRole.Link, new() { Name = "Record a detention" }).ClickAsync();
        await Expect(inspector).ToHaveURLAsync(Path("/Detentions/Record"));

        // Sent empty first: each field says what it needs.
        await SubmitAsync(inspector, inspector.GetByRole(AriaRole.Button, new() { Name = "Record and notify the consulate" }));
        await Expect(inspector.Locator("span.field-error[data-valmsg-for=PlaceOfCustody]")).ToContainTextAsync("Give where the worker is held now");
        await Expect(inspector.Locator("span.field-error[data-valmsg-for=Nationality]")).ToContainTextAsync("two-letter country code");
        await ShotAsync(inspector, "record-errors");

        await inspector.GetByLabel("Worker's name (as on the documents)").FillAsync(name);
        await inspector.GetByLabel("Nationality (ISO code)").FillAsync("KH");
        await inspector.GetByLabel("Date of birth (if known)").FillAsync("1996-02-14");
        await inspector.GetByLabel("Passport or document number (if known)").FillAsync("N0DEMO777");
        await inspector.GetByLabel("When detained (UTC)").FillAsync(DateTime.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm"));
        await inspector.GetByLabel("Where detained").FillAsync("Example Street night market, Bangkok (demo)");
        await inspector.GetByLabel("Detaining authority").FillAsync("Immigration Division 1 (demo)");
        await inspector.GetByLabel("Grounds").FillAsync("No valid work permit (demo).");
        await inspector.GetByLabel("Place of custody").FillAsync("Immigration Detention Centre, Bangkok (demo)");
        await SubmitAsync(inspector, inspector.GetByRole(AriaRole.Button, new() { Name = "Record and notify the consulate" }));

        await Expect(inspector.Locator("#recorded")).ToContainTextAsync("Royal Embassy of Cambodia in Bangkok");
        var sent = inspector.Locator("#detentions tbody tr").Filter(new() { HasText = name });
        await Expect(sent).ToContainTextAsync("due");
        await Expect(sent.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        await ShotAsync(inspector, "sender-list");

        var consul = await SignedInPageAsync("consul-kh@th.demo");
        await consul.GetByRole(AriaRole.Link, new() { Name = "Detention notices" }).ClickAsync();
        var notice = consul.Locator("#detentions tbody tr").Filter(new() { HasText = name });
        await Expect(notice).ToContainTextAsync("Immigration Detention Centre, Bangkok (demo)");
        await Expect(notice).ToContainTextAsync("N0DEMO777");
        await ShotAsync(consul, "consul-list");
        await notice.GetByLabel("Note (optional)").FillAsync("Officer visits tomorrow (browser test).");
        await SubmitAsync(consul, notice.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }));
        var acknowledged = consul.Locator("#detentions tbody tr").Filter(new() { HasText = name });
        await Expect(acknowledged).ToContainTextAsync("acknowledged");
        await Expect(acknowledged).ToContainTextAsync("consul-kh@th.demo");
        await Expect(acknowledged.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);

        await inspector.ReloadAsync();
        await Expect(inspector.Locator("#detentions tbody tr").Filter(new() { HasText = name })).ToContainTextAsync("Officer visits tomorrow (browser test).");

        // Myanmar's embassy in Bangkok does not see it.
        var other = await SignedInPageAsync("consul-mm@th.demo");
        await other.GotoAsync("/Detentions");
        await Expect(other.Locator("#detentions tbody tr").Filter(new() { HasText = name })).ToHaveCountAsync(0);
    }
}
