using System.Net;
using System.Text.Json.Nodes;
using Cebu.Web.Tests.Infrastructure;

namespace Cebu.Web.Tests;

/// <summary>A receiving state reports an errant agency to the state that licensed it, which must act within 30 days.</summary>
public abstract class ErrantReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private const string Reports = "/api/v1/errant-reports";

    private static object Report(string state, string licence, string what) => new
    {
        licensingState = state, licenceNumber = licence, whatHappened = what,
        occurredOn = Samples.Today.AddDays(-3), place = "Rayong, Thailand", evidence = "Statements of four workers.",
    };

    private async Task<List<JsonNode>> ListAs(string email)
    {
        using var client = await app.As(email);
        return (await (await client.GetAsync(Reports)).OkJson()).AsArray().Select(r => r!).ToList();
    }

    [Fact]
    public async Task A_report_reaches_the_licensing_state_and_its_embassy_and_no_other_state()
    {
        using var inspector = await app.As(Demo.InspectorTH);
        var what = $"Workers charged for uniforms and housing beyond the contract ({Guid.NewGuid():N}).";
        var response = await inspector.PostJson(Reports, Report("kh", " " + Demo.KhCancelled + " ", what));
        await response.ShouldBe(HttpStatusCode.Created);
        var report = await response.Json();
        var id = report["id"].Str();
        Assert.Equal($"{Reports}/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("KH", report["licensingState"].Str());
        Assert.Equal("TH", report["reportingState"].Str());
        Assert.Equal("th-dlpw", report["reportingOrganisationId"].Str());
        Assert.Equal(Demo.InspectorTH, report["reportedBy"].Str());
        Assert.Equal(Demo.KhCancelled, report["licenceNumber"].Str());
        Assert.False(report["overdue"]!.GetValue<bool>());
        Assert.Null(report["actionTaken"]);

        Assert.Contains(await ListAs(Demo.LicensingKH), r => r["id"].Str() == id);      // the licensing state
        Assert.Contains(await ListAs(Demo.ConsulKHinTH), r => r["id"].Str() == id);     // its embassy in Bangkok
        Assert.Contains(await ListAs(Demo.LabourKH), r => r["id"].Str() == id);         // its labour office reads the registry
        Assert.Contains(await ListAs(Demo.InspectorTH), r => r["id"].Str() == id);      // the state that filed it
        Assert.DoesNotContain(await ListAs(Demo.LicensingPH), r => r["id"].Str() == id);
        Assert.DoesNotContain(await ListAs(Demo.InspectorMY), r => r["id"].Str() == id);
        Assert.DoesNotContain(await ListAs(Demo.ConsulMMinTH), r => r["id"].Str() == id); // another state's embassy in the same city
    }

    [Fact]
    public async Task Each_official_sees_only_the_reports_their_state_filed_or_must_act_on()
    {
        foreach (var email in new[] { Demo.LicensingKH, Demo.ConsulKHinTH, Demo.LicensingPH, Demo.LicensingMM, Demo.InspectorTH, Demo.InspectorMY, Demo.CaseworkerSG, Demo.ConsulPHinSG })
        {
            var state = email switch { Demo.ConsulKHinTH => "KH", Demo.ConsulPHinSG => "PH", _ => email.Split('@')[1][..2].ToUpperInvariant() };
            var reports = await ListAs(email);
            Assert.All(reports, r => Assert.True(r["licensingState"].Str() == state || r["reportingState"].Str() == state,
                $"{email} ({state}) sees a report of {r["reportingState"].Str()} on {r["licenceNumber"].Str()}"));
        }
        // The seeded reports land where they belong.
        var kh = await ListAs(Demo.LicensingKH);
        Assert.Contains(kh, r => r["licenceNumber"].Str() == Demo.GoldenLotus && r["reportingState"].Str() == "MY");
        Assert.Contains(kh, r => r["licenceNumber"].Str() == Demo.KhSuspended && r["reportingState"].Str() == "TH");
        Assert.Empty(await ListAs(Demo.LicensingPH));
        Assert.Single(await ListAs(Demo.LicensingMM), r => r["licenceNumber"].Str() == "MM-DEMO-002");
    }

    [Fact]
    public async Task A_report_without_action_after_30_days_is_overdue_until_the_licensing_state_acts()
    {
        var seeded = (await ListAs(Demo.LicensingKH)).Single(r => r["licenceNumber"].Str() == Demo.KhSuspended && r["reportingState"].Str() == "TH");
        Assert.True(seeded["overdue"]!.GetValue<bool>());
        Assert.True(DateTimeOffset.Parse(seeded["reportedAt"].Str()) < DateTimeOffset.UtcNow.AddDays(-44));
        // Overdue reports come first.
        Assert.True((await ListAs(Demo.LicensingKH))[0]["overdue"]!.GetValue<bool>());
        // The report Malaysia filed 10 days ago is not overdue yet.
        Assert.False((await ListAs(Demo.LicensingKH)).Single(r => r["licenceNumber"].Str() == Demo.GoldenLotus && r["reportingState"].Str() == "MY")["overdue"]!.GetValue<bool>());

        using var kh = await app.As(Demo.LicensingKH);
        var url = $"{Reports}/{seeded["id"].Str()}/action";
        await (await kh.PostJson(url, new { actionTaken = "  " })).ShouldNameFields("actionTaken");
        var acted = await (await kh.PostJson(url, new { actionTaken = "Licence suspended; investigation opened with the Thai labour inspectorate." })).OkJson();
        Assert.False(acted["overdue"]!.GetValue<bool>());
        Assert.Equal("Licence suspended; investigation opened with the Thai labour inspectorate.", acted["actionTaken"].Str());
        Assert.Equal(Demo.LicensingKH, acted["actionRecordedBy"].Str());

        // The reporting state sees what was done.
        var asFiled = (await ListAs(Demo.InspectorTH)).Single(r => r["id"].Str() == seeded["id"].Str());
        Assert.False(asFiled["overdue"]!.GetValue<bool>());
        Assert.Equal(acted["actionTaken"].Str(), asFiled["actionTaken"].Str());
    }

    [Fact]
    public async Task Only_licensing_officers_of_the_licensing_state_record_the_action()
    {
        var myReport = (await ListAs(Demo.LicensingKH)).Single(r => r["licenceNumber"].Str() == Demo.GoldenLotus && r["reportingState"].Str() == "MY");
        var url = $"{Reports}/{myReport["id"].Str()}/action";
        var body = new { actionTaken = "Nothing to see here." };

        // Another state's licensing officer does not even see the report.
        using var ph = await app.As(Demo.LicensingPH);
        await (await ph.PostJson(url, body)).ShouldBeProblem(HttpStatusCode.NotFound);
        // The licensing state's embassy and the reporting inspector see it, but may not act for the licensing authority.
        using var consul = await app.As(Demo.ConsulKHinTH);
        await (await consul.PostJson(url, body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var inspector = await app.As(Demo.InspectorMY);
        await (await inspector.PostJson(url, body)).ShouldBeProblem(HttpStatusCode.Forbidden);

        Assert.Null((await ListAs(Demo.LicensingKH)).Single(r => r["id"].Str() == myReport["id"].Str())["actionTaken"]);
    }

    [Fact]
    public async Task A_report_names_each_missing_or_wrong_field()
    {
        using var inspector = await app.As(Demo.InspectorTH);
        await (await inspector.PostJson(Reports, new { })).ShouldNameFields("licensingState", "licenceNumber", "whatHappened", "occurredOn", "place");
        await (await inspector.PostJson(Reports, new { licensingState = "KH", licenceNumber = "KH-NOPE-999", whatHappened = "x", occurredOn = Samples.Today, place = "Bangkok" }))
            .ShouldNameFields("licenceNumber");
        await (await inspector.PostJson(Reports, new { licensingState = "KH", licenceNumber = Demo.GoldenLotus, whatHappened = "x", occurredOn = Samples.Today.AddDays(2), place = "Bangkok" }))
            .ShouldNameFields("occurredOn");
    }

    [Fact]
    public async Task Licensing_officers_and_analysts_do_not_file_reports()
    {
        using var kh = await app.As(Demo.LicensingKH);
        await (await kh.PostJson(Reports, Report("KH", Demo.GoldenLotus, "x"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var analyst = await app.As(Demo.Analyst);
        await (await analyst.PostJson(Reports, Report("KH", Demo.GoldenLotus, "x"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await analyst.GetAsync(Reports)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}

public sealed class ErrantReportTests_on_Sqlite(SqliteApp app) : ErrantReportTests<SqliteApp>(app);
public sealed class ErrantReportTests_on_Postgres(PostgresApp app) : ErrantReportTests<PostgresApp>(app);
