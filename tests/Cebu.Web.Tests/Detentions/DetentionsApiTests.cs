using System.Net;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Detentions;
using Cebu.Core.Features.Workers;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Web.Tests.Detentions;

/// <summary>
/// Consular notification (issue 5, Declaration art. 10) on both databases: the detaining state records a detention, the
/// consulate of the worker's state there sees it at once and acknowledges it; nobody else sees it; overdue after 24 hours.
/// </summary>
public abstract class DetentionsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private static object Body(string name, string nationality = "KH", string grounds = "Overstay of visa (demo).") => new
    {
        workerName = name, nationality, dateOfBirth = "1995-04-01", documentNumber = "N0DEMO123",
        detainedAt = DateTimeOffset.UtcNow.AddHours(-3), placeDetained = "Example Street market, Bangkok (demo)", authority = "Immigration Division 1 (demo)",
        grounds, placeOfCustody = "Immigration Detention Centre, Bangkok (demo)",
    };

    private static JsonNode? Find(JsonNode list, string id) => list.AsArray().FirstOrDefault(n => n!["id"].Str() == id);

    [Fact]
    public async Task A_detention_recorded_by_Thailand_reaches_Cambodias_embassy_at_once_and_no_other_consulate()
    {
        using var inspector = await app.As(Demo.InspectorTH);
        var created = await inspector.PostJson("/api/v1/detentions", Body("DEMO SOKHA ARREST"));
        await created.ShouldBe(HttpStatusCode.Created);
        var notice = await created.Json();
        var id = notice["id"].Str();
        Assert.Equal(("TH", "kh-embassy-th", false, false), (notice["detainingState"].Str(), notice["consulateId"].Str(), notice["noConsulateOnRecord"]!.GetValue<bool>(), notice["overdue"]!.GetValue<bool>()));
        Assert.Equal($"/api/v1/detentions/{id}", created.Headers.Location!.OriginalString);

        using var consul = await app.As(Demo.ConsulKHinTH);
        var seen = Find(await (await consul.GetAsync("/api/v1/detentions")).OkJson(), id);
        Assert.NotNull(seen);
        Assert.Equal(("DEMO SOKHA ARREST", "Immigration Detention Centre, Bangkok (demo)", "N0DEMO123"), (seen!["workerName"].Str(), seen["placeOfCustody"].Str(), seen["documentNumber"].Str()));

        // Myanmar's embassy in the same city, another state's consul, sees nothing and may not acknowledge it.
        using var myanmar = await app.As(Demo.ConsulMMinTH);
        Assert.Null(Find(await (await myanmar.GetAsync("/api/v1/detentions")).OkJson(), id));
        await (await myanmar.PostJson($"/api/v1/detentions/{id}/acknowledge", new { note = "Not ours." })).ShouldBeProblem(HttpStatusCode.NotFound);
        using var otherState = await app.As(Demo.CaseworkerSG);
        Assert.Null(Find(await (await otherState.GetAsync("/api/v1/detentions")).OkJson(), id));
        await (await otherState.PostJson($"/api/v1/detentions/{id}/acknowledge", new { note = "x" })).ShouldBeProblem(HttpStatusCode.NotFound);

        // The sender sees it but does not acknowledge it for the consulate.
        await (await inspector.PostJson($"/api/v1/detentions/{id}/acknowledge", new { note = "x" })).ShouldBeProblem(HttpStatusCode.Forbidden);

        var audit = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordType == nameof(DetentionNotice) && e.RecordId == id).ToListAsync());
        Assert.Contains(audit, e => e.Action == "detention.notify" && e.UserName == Demo.InspectorTH);
        Assert.Contains(audit, e => e.Action == "read" && e.UserName == Demo.ConsulKHinTH);
    }

    [Fact]
    public async Task The_consulate_acknowledges_once_with_who_when_and_a_note_and_the_sender_sees_it()
    {
        using var inspector = await app.As(Demo.InspectorTH);
        var id = (await (await inspector.PostJson("/api/v1/detentions", Body("DEMO DARA ACK"))).Json())["id"].Str();
        using var consul = await app.As(Demo.ConsulKHinTH);
        var ack = await (await consul.PostJson($"/api/v1/detentions/{id}/acknowledge", new { note = "Consular officer visits tomorrow 09:00." })).OkJson();
        Assert.Equal((Demo.ConsulKHinTH, "Consular officer visits tomorrow 09:00."), (ack["acknowledgedBy"].Str(), ack["acknowledgementNote"].Str()));
        Assert.NotNull(ack["acknowledgedAt"]?.GetValue<DateTimeOffset>());

        var again = await consul.PostJson($"/api/v1/detentions/{id}/acknowledge", new { note = "Twice." });
        await again.ShouldBeProblem(HttpStatusCode.Conflict);

        var sender = Find(await (await inspector.GetAsync("/api/v1/detentions")).OkJson(), id)!;
        Assert.Equal(Demo.ConsulKHinTH, sender["acknowledgedBy"].Str());
        var stored = await app.Db(db => db.Set<DetentionNotice>().AsNoTracking().SingleAsync(d => d.Id == Guid.Parse(id)));
        Assert.Equal("Consular officer visits tomorrow 09:00.", stored.AcknowledgementNote);
        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.Action == "detention.acknowledge" && e.RecordId == id && e.UserName == Demo.ConsulKHinTH)));
    }

    [Fact]
    public async Task A_notice_not_acknowledged_within_24_hours_is_overdue_and_listed_first_for_both_sides()
    {
        using var inspector = await app.As(Demo.InspectorTH);
        var late = (await (await inspector.PostJson("/api/v1/detentions", Body("DEMO LATE ONE"))).Json())["id"].Str();
        var recent = (await (await inspector.PostJson("/api/v1/detentions", Body("DEMO RECENT ONE"))).Json())["id"].Str();
        // Recorded 25 hours ago (the clock the application reads is the real one; the record's time moves instead).
        await app.Db(async db =>
        {
            var n = await db.Set<DetentionNotice>().SingleAsync(d => d.Id == Guid.Parse(late));
            n.RecordedAt = DateTimeOffset.UtcNow.AddHours(-25);
            await db.SaveChangesAsync();
        });
        using var consul = await app.As(Demo.ConsulKHinTH);
        foreach (var client in new[] { inspector, consul })
        {
            var list = (await (await client.GetAsync("/api/v1/detentions")).OkJson()).AsArray().Select(n => n!).ToList();
            Assert.Equal(late, list[0]["id"].Str());
            Assert.True(list[0]["overdue"]!.GetValue<bool>());
            Assert.False(list.Single(n => n["id"].Str() == recent)["overdue"]!.GetValue<bool>());
        }
        // The page marks it and shows it first, for the consulate too.
        using var browser = app.Anonymous();
        await (await browser.SignInOnPage(Demo.ConsulKHinTH, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        var page = await (await browser.SendAsync(Http.Page("/Detentions"))).Content.ReadAsStringAsync();
        var firstRow = System.Text.RegularExpressions.Regex.Match(page, "<tr data-notice=\"([^\"]+)\" data-overdue=\"(true|false)\"");
        Assert.Equal((late, "true"), (firstRow.Groups[1].Value, firstRow.Groups[2].Value));
        Assert.Contains($"<tr data-notice=\"{recent}\" data-overdue=\"false\"", page);
        Assert.Contains("OVERDUE", page);

        // Acknowledged, it is no longer overdue.
        var ack = await (await consul.PostJson($"/api/v1/detentions/{late}/acknowledge", new { })).OkJson();
        Assert.False(ack["overdue"]!.GetValue<bool>());
    }

    [Fact]
    public void The_overdue_rule_turns_at_24_hours_and_needs_a_consulate()
    {
        var recorded = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var n = new DetentionNotice { RecordedAt = recorded, ConsulateId = "kh-embassy-th" };
        Assert.False(DetentionRules.Overdue(n, recorded.AddHours(24)));
        Assert.True(DetentionRules.Overdue(n, recorded.AddHours(24).AddSeconds(1)));
        Assert.False(DetentionRules.Overdue(new DetentionNotice { RecordedAt = recorded }, recorded.AddDays(3)));
        n.AcknowledgedAt = recorded.AddHours(30);
        Assert.False(DetentionRules.Overdue(n, recorded.AddDays(3)));
    }

    [Fact]
    public async Task With_no_consulate_of_the_workers_state_on_record_the_notice_says_so()
    {
        // No Vietnamese consulate in Thailand is on record in the demo.
        using var caseworker = await app.As(Demo.CaseworkerTH);
        var created = await caseworker.PostJson("/api/v1/detentions", Body("DEMO VAN NOCONSUL", "VN"));
        await created.ShouldBe(HttpStatusCode.Created);
        var notice = await created.Json();
        Assert.True(notice["noConsulateOnRecord"]!.GetValue<bool>());
        Assert.Null(notice["consulateId"]);
        Assert.False(notice["overdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_worker_on_record_is_named_by_id_and_the_notice_copies_the_record()
    {
        var worker = await app.Db(db => db.Set<Worker>().AsNoTracking().Where(w => w.OwnerState == "KH" && w.PlacementState == "TH").OrderBy(w => w.PassportNumber).FirstAsync());
        using var inspector = await app.As(Demo.InspectorTH);
        var notice = await (await inspector.PostJson("/api/v1/detentions", new
        {
            workerId = worker.Id, detainedAt = DateTimeOffset.UtcNow.AddHours(-1), placeDetained = "Example Street, Chon Buri (demo)", authority = "Provincial police (demo)",
            grounds = "Working outside the permitted area (demo).", placeOfCustody = "Chon Buri police station (demo)",
        })).Json();
        Assert.Equal((worker.Id.ToString(), worker.Nationality, worker.PassportNumber, "kh-embassy-th"),
            (notice["workerId"].Str(), notice["nationality"].Str(), notice["documentNumber"].Str(), notice["consulateId"].Str()));
        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.Action == "read" && e.RecordType == nameof(Worker) && e.RecordId == worker.Id.ToString() && e.UserName == Demo.InspectorTH)));
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_each_field_and_nothing_is_saved()
    {
        var before = await app.Db(db => db.Set<DetentionNotice>().CountAsync());
        using var inspector = await app.As(Demo.InspectorTH);
        await (await inspector.PostJson("/api/v1/detentions", new { nationality = "Cambodia", detainedAt = DateTimeOffset.UtcNow.AddDays(2), grounds = "" }))
            .ShouldNameFields("workerName", "nationality", "detainedAt", "placeDetained", "authority", "grounds", "placeOfCustody");
        await (await inspector.PostJson("/api/v1/detentions", Body("DEMO OWN NATIONAL", "TH"))).ShouldNameFields("nationality");
        await (await inspector.PostJson("/api/v1/detentions", new { workerId = Guid.NewGuid(), detainedAt = DateTimeOffset.UtcNow, placeDetained = "x", authority = "x", grounds = "x", placeOfCustody = "x" }))
            .ShouldNameFields("workerId");
        Assert.Equal(before, await app.Db(db => db.Set<DetentionNotice>().CountAsync()));
    }

    [Fact]
    public async Task A_case_owner_who_records_detentions_finds_the_form_from_the_case_prefilled()
    {
        // Malaysia's hotline case: an Indonesian caller, no worker record.
        var @case = await app.Db(db => db.Set<Cebu.Core.Features.Cases.Case>().AsNoTracking().SingleAsync(c => c.OwnerOrganisationId == "my-mohr" && c.ReceivedBy == Demo.CaseworkerMY));
        using var caseworker = app.Anonymous();
        await (await caseworker.SignInOnPage(Demo.CaseworkerMY, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await (await caseworker.SendAsync(Http.Page($"/Cases/Details/{@case.Id}"))).Content.ReadAsStringAsync());
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/Detentions/Record\\?[^\"]*)\" id=\"record-detention\"");
        Assert.True(link.Success, "The case page links to the detention form.");
        Assert.Contains("nationality=ID", link.Groups[1].Value);
        var form = await (await caseworker.SendAsync(Http.Page(link.Groups[1].Value))).Content.ReadAsStringAsync();
        Assert.Contains("id=\"Nationality\" name=\"Nationality\" value=\"ID\"", form);

        // The embassy that holds a case does not record detentions: no link.
        var embassyCase = await app.Db(db => db.Set<Cebu.Core.Features.Cases.Case>().AsNoTracking().SingleAsync(c => c.OwnerOrganisationId == "kh-embassy-th"));
        using var consul = app.Anonymous();
        await (await consul.SignInOnPage(Demo.ConsulKHinTH, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        Assert.DoesNotContain("record-detention", await (await consul.SendAsync(Http.Page($"/Cases/Details/{embassyCase.Id}"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_inspectors_and_caseworkers_record_and_other_roles_see_nothing()
    {
        foreach (var email in new[] { Demo.ConsulKHinTH, Demo.LabourKH, Demo.LicensingKH, Demo.Analyst, Demo.AgencyKH })
        {
            using var client = await app.As(email);
            await (await client.PostJson("/api/v1/detentions", Body("DEMO NOT ALLOWED"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
        foreach (var email in new[] { Demo.LabourKH, Demo.LicensingKH, Demo.Analyst, Demo.AgencyKH })
        {
            using var client = await app.As(email);
            await (await client.GetAsync("/api/v1/detentions")).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync("/api/v1/detentions")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.False(await app.Db(db => db.Set<DetentionNotice>().AnyAsync(d => d.WorkerName == "DEMO NOT ALLOWED")));
    }

    [Fact]
    public async Task The_pages_record_list_and_acknowledge_with_errors_beside_the_fields()
    {
        using var inspector = app.Anonymous();
        await (await inspector.SignInOnPage(Demo.InspectorTH, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        var token = await inspector.AntiforgeryToken("/Detentions/Record");
        var bad = await inspector.PostAsync("/Detentions/Record", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["WorkerName"] = "DEMO PAGE" }));
        await bad.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Give where the worker is held now", html);
        Assert.Contains("two-letter country code", html);
        // A date of birth the form cannot read is an error beside it, and nothing is recorded (a second submit would record it twice).
        var badBirth = await inspector.PostAsync("/Detentions/Record", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["WorkerName"] = "DEMO PAGE BAD BIRTH", ["Nationality"] = "KH", ["DateOfBirth"] = "31/12/1990",
            ["DetainedAt"] = DateTime.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm"),
            ["PlaceDetained"] = "Example Street, Bangkok (demo)", ["Authority"] = "Immigration (demo)", ["Grounds"] = "No work permit (demo).", ["PlaceOfCustody"] = "Demo detention centre",
        }));
        await badBirth.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Give the date of birth as yyyy-MM-dd", WebUtility.HtmlDecode(await badBirth.Content.ReadAsStringAsync()));
        Assert.False(await app.Db(db => db.Set<DetentionNotice>().AsNoTracking().AnyAsync(d => d.WorkerName == "DEMO PAGE BAD BIRTH")));
        var good = await inspector.PostAsync("/Detentions/Record", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["WorkerName"] = "DEMO PAGE RECORD", ["Nationality"] = "kh", ["DetainedAt"] = DateTime.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm"),
            ["PlaceDetained"] = "Example Street, Bangkok (demo)", ["Authority"] = "Immigration (demo)", ["Grounds"] = "No work permit (demo).", ["PlaceOfCustody"] = "Demo detention centre",
        }));
        await good.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.Db(db => db.Set<DetentionNotice>().AsNoTracking().SingleAsync(d => d.WorkerName == "DEMO PAGE RECORD"));
        Assert.Equal(("KH", "kh-embassy-th"), (stored.Nationality, stored.ConsulateId));

        using var consul = app.Anonymous();
        await (await consul.SignInOnPage(Demo.ConsulKHinTH, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        var list = await (await consul.SendAsync(Http.Page("/Detentions"))).Content.ReadAsStringAsync();
        Assert.Contains("DEMO PAGE RECORD", list);
        var consulToken = await consul.AntiforgeryToken("/Detentions");
        var acked = await consul.PostAsync("/Detentions?handler=Acknowledge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = consulToken, ["id"] = stored.Id.ToString(), ["note"] = "Seen by the page test.",
        }));
        await acked.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal(Demo.ConsulKHinTH, (await app.Db(db => db.Set<DetentionNotice>().AsNoTracking().SingleAsync(d => d.Id == stored.Id))).AcknowledgedBy);

        // Myanmar's consul does not see it on the page either.
        using var myanmar = app.Anonymous();
        await (await myanmar.SignInOnPage(Demo.ConsulMMinTH, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        Assert.DoesNotContain("DEMO PAGE RECORD", await (await myanmar.SendAsync(Http.Page("/Detentions"))).Content.ReadAsStringAsync());
    }
}

public sealed class DetentionsApiTests_on_Sqlite(SqliteApp app) : DetentionsApiTests<SqliteApp>(app);
public sealed class DetentionsApiTests_on_Postgres(PostgresApp app) : DetentionsApiTests<PostgresApp>(app);
