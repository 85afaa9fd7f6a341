using System.Net;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Seed;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Web.Tests.Cases;

/// <summary>
/// Complaints and cases (issue 5) through the API on both databases: public intake and status, routing, screening,
/// the workflow, notes, reads, and who may do what.
/// </summary>
public abstract class CasesApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private const string Khmer = "ថៅកែរបស់ខ្ញុំយកលិខិតឆ្លងដែនរបស់ខ្ញុំ ហើយមិនបើកប្រាក់ខែពីរខែហើយ។";

    private async Task<string> File(object body)
    {
        using var anonymous = app.Anonymous();
        var response = await anonymous.PostJson("/api/v1/public/complaints", body);
        await response.ShouldBe(HttpStatusCode.Created);
        var json = (await response.Json()).AsObject();
        Assert.Equal(["receiptCode"], json.Select(kv => kv.Key));
        var code = json["receiptCode"].Str();
        Assert.Matches("^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", code);
        return code;
    }

    private Task<Case> CaseOf(string code)
    {
        var normalised = code.Replace("-", "");
        return app.Db(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.ReceiptCode == normalised));
    }

    [Fact]
    public async Task An_anonymous_complaint_in_Khmer_gets_a_receipt_code_whose_status_reads_in_Khmer_and_says_nothing_else()
    {
        var code = await File(new { language = "km", description = Khmer, currentCountry = "MY", nationality = "KH" });
        using var anonymous = app.Anonymous();
        var status = (await (await anonymous.GetAsync($"/api/v1/public/complaints/{code}?language=km")).OkJson()).AsObject();
        Assert.Equal(["status", "title", "text", "language"], status.Select(kv => kv.Key));
        Assert.Equal(("received", "បានទទួល", "km"), (status["status"].Str(), status["title"].Str(), status["language"].Str()));
        Assert.DoesNotContain(Khmer, status.ToJsonString());

        // Accept-Language decides when no language is named; the code is read without dashes and in lower case too.
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/complaints/{code.Replace("-", "").ToLowerInvariant()}");
        request.Headers.AcceptLanguage.ParseAdd("th");
        var thai = await (await anonymous.SendAsync(request)).OkJson();
        Assert.Equal(("ได้รับแล้ว", "th"), (thai["title"].Str(), thai["language"].Str()));

        // The complaint went to the caseworkers of the state the worker is in, anonymous, in Khmer.
        var stored = await CaseOf(code);
        Assert.Equal(("my-mohr", "MY", CaseChannel.PublicForm, CaseState.New, "km"), (stored.OwnerOrganisationId, stored.OwnerState, stored.Channel, stored.State, stored.PrimaryLanguage));
        Assert.Null(stored.PersonName);
        Assert.True(stored.ScreeningFacts.OutsideCountryOfNationality);
        Assert.NotNull(stored.DueAt);
        var audit = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordType == "Case" && e.RecordId == stored.Id.ToString()).ToListAsync());
        Assert.Contains(audit, e => e.Action == "case.complaint" && e.UserName == null);
    }

    [Fact]
    public async Task A_mistyped_code_is_told_apart_from_an_unknown_one()
    {
        using var anonymous = app.Anonymous();
        var code = (await CaseOf(await File(new { language = "en", description = "The agency kept my passport." }))).ReceiptCode!;
        // One wrong character: the check character catches it.
        var wrong = code[..3] + (code[3] == 'A' ? 'B' : 'A') + code[4..];
        var mistyped = await (await anonymous.GetAsync($"/api/v1/public/complaints/{wrong}")).ShouldNameFields("receiptCode");
        Assert.Contains("typing mistake", mistyped["receiptCode"]![0].Str());
        var problem = await (await anonymous.GetAsync("/api/v1/public/complaints/ABC")).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains("mistyped", problem["title"].Str());
        // A well-formed code that no complaint has.
        var unknown = "Q" + new string('7', 13);
        unknown += ReceiptCodes.CheckCharacter(unknown);
        Assert.True(ReceiptCodes.Check(unknown).IsValid);
        await (await anonymous.GetAsync($"/api/v1/public/complaints/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_complaint_without_language_or_description_or_with_a_bad_contact_is_refused_field_by_field()
    {
        using var anonymous = app.Anonymous();
        var before = await app.Db(db => db.Set<Case>().CountAsync());
        await (await anonymous.PostJson("/api/v1/public/complaints", new { description = "short" })).ShouldNameFields("language", "description");
        await (await anonymous.PostJson("/api/v1/public/complaints", new { language = "km", description = Khmer, email = "not-an-address", phone = "call me", currentCountry = "XX" }))
            .ShouldNameFields("email", "phone", "currentCountry");
        Assert.Equal(before, await app.Db(db => db.Set<Case>().CountAsync()));
    }

    [Fact]
    public async Task Complaints_are_routed_to_the_state_the_worker_is_in_else_to_their_consulate_there_else_to_the_catch_all()
    {
        Assert.Equal("th-doe", (await CaseOf(await File(new { language = "my", description = "No pay for three months (test).", currentCountry = "TH", nationality = "MM" }))).OwnerOrganisationId);
        Assert.Equal("sg-mom", (await CaseOf(await File(new { language = "id", description = "Passport held by the employer (test).", currentCountry = "SG" }))).OwnerOrganisationId);
        var catchAll = await CaseOf(await File(new { language = "vi", description = "Không được trả lương (test)." }));
        Assert.Equal("th-doe", catchAll.OwnerOrganisationId);
        Assert.Contains("catch-all", catchAll.RoutedBecause);

        // Without a route for Malaysia, an Indonesian there goes to Indonesia's embassy in Kuala Lumpur.
        var route = await app.Db(db => db.Set<CaseIntakeRoute>().AsNoTracking().SingleAsync(r => r.Country == "MY"));
        await app.Db(async db => { db.Remove(await db.Set<CaseIntakeRoute>().SingleAsync(r => r.Id == route.Id)); await db.SaveChangesAsync(); });
        try
        {
            var consulate = await CaseOf(await File(new { language = "id", description = "Paspor saya ditahan majikan (test).", currentCountry = "MY", nationality = "ID" }));
            Assert.Equal(("id-embassy-my", "ID"), (consulate.OwnerOrganisationId, consulate.OwnerState));
        }
        finally
        {
            await app.Db(async db => { db.Add(new CaseIntakeRoute { Country = route.Country, OrganisationId = route.OrganisationId, Why = route.Why }); await db.SaveChangesAsync(); });
        }
    }

    [Fact]
    public async Task A_caseworker_screens_a_complaint_moves_it_through_the_workflow_and_the_worker_sees_the_new_status()
    {
        var code = await File(new { language = "km", description = Khmer, currentCountry = "MY", nationality = "KH", phone = "+60 12 000 0000", contactConsent = true });
        var id = (await CaseOf(code)).Id;
        using var cw = await app.As(Demo.CaseworkerMY);

        var queue = await (await cw.GetAsync("/api/v1/cases")).OkJson();
        var line = queue.Items().Single(c => c["id"].Str() == id.ToString());
        Assert.Equal(("new", false), (line["state"].Str(), line["screened"]!.GetValue<bool>()));

        // Not screened yet: the assessment is refused, naming the screening, and nothing is saved.
        var refused = await (await cw.PostJson($"/api/v1/cases/{id}/status", new { status = "assessed" })).ShouldNameFields("screening");
        Assert.NotEmpty(refused);
        Assert.Equal(CaseState.New, (await CaseOf(code)).State);
        await (await cw.PostJson($"/api/v1/cases/{id}/screening", new { answers = new { deception = "perhaps" } })).ShouldNameFields("answers.deception");

        // Confinement and violence: signs of trafficking, urgent, with referrals suggested.
        var screened = await (await cw.PostJson($"/api/v1/cases/{id}/screening", new
        {
            answers = new { restrictionOfMovement = "yes", physicalAndSexualViolence = "yes", retentionOfIdentityDocuments = "yes", deception = "no" },
            facts = new { outsideCountryOfNationality = true },
        })).OkJson();
        Assert.Equal(("urgent", true), (screened["case"]!["priority"].Str(), screened["case"]!["signsOfTrafficking"]!.GetValue<bool>()));
        var s = screened["screening"]!;
        Assert.True(s["signsOfTrafficking"]!.GetValue<bool>());
        Assert.Contains("P2", s["priorityReasons"]!.AsArray().Select(r => r!["rule"].Str()));
        var services = s["referrals"]!.AsArray().Select(r => r!["service"].Str()).ToList();
        Assert.Contains("shelter", services);
        Assert.Contains("antiTraffickingPolice", services);
        Assert.Contains("consulate", services);

        await (await cw.PostJson($"/api/v1/cases/{id}/status", new { status = "assessed" })).OkJson();
        // Work starts only with a caseworker assigned.
        await (await cw.PostJson($"/api/v1/cases/{id}/status", new { status = "inProgress" })).ShouldNameFields("assigneeId");
        var me = (await (await cw.GetAsync($"/api/v1/cases/{id}")).OkJson())["assignees"]!.AsArray().Single(a => a!["email"].Str() == Demo.CaseworkerMY)!["id"].Str();
        var moved = await (await cw.PostJson($"/api/v1/cases/{id}/status", new { status = "inProgress", assigneeId = me })).OkJson();
        Assert.Equal(("inProgress", Demo.CaseworkerMY), (moved["case"]!["state"].Str(), moved["case"]!["assigneeName"].Str()));
        Assert.Equal(["new", "assessed", "inProgress"], moved["history"]!.AsArray().Select(h => h!["to"].Str()));
        // A step the workflow does not allow is refused beside the status field.
        await (await cw.PostJson($"/api/v1/cases/{id}/status", new { status = "new" })).ShouldNameFields("status");

        // A confidential note.
        var note = await (await cw.PostJson($"/api/v1/cases/{id}/notes", new { text = "Called back; the worker is at a friend's place (test).", confidential = true })).Json();
        Assert.True(note["confidential"]!.GetValue<bool>());
        await (await cw.PostJson($"/api/v1/cases/{id}/notes", new { text = " " })).ShouldNameFields("text");

        // The worker, with the code alone, sees the new status in Khmer.
        using var anonymous = app.Anonymous();
        var status = await (await anonymous.GetAsync($"/api/v1/public/complaints/{code}?language=km")).OkJson();
        Assert.Equal(("in-progress", "កំពុងដោះស្រាយ"), (status["status"].Str(), status["title"].Str()));

        // Every write is audited under its action, and every read is logged and listed on the case.
        var details = await (await cw.GetAsync($"/api/v1/cases/{id}")).OkJson();
        Assert.Contains(details["readBy"]!.AsArray(), r => r!["userName"].Str() == Demo.CaseworkerMY);
        Assert.Contains(details["notes"]!.AsArray(), n => n!["confidential"]!.GetValue<bool>());
        var actions = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordId == id.ToString()).Select(e => e.Action).ToListAsync());
        foreach (var a in new[] { "case.complaint", "case.screen", "case.status", "read" }) Assert.Contains(a, actions);
        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.Action == "case.note" && e.RecordType == "CaseNote")));
    }

    [Fact]
    public async Task Only_the_organisation_that_holds_a_case_sees_it_and_only_case_handlers_reach_the_cases_api()
    {
        var id = (await CaseOf(await File(new { language = "en", description = "Wages unpaid since June (test).", currentCountry = "MY", firstName = "Ratna DEMO" }))).Id;
        var reads = await app.Db(db => db.AuditEvents.CountAsync(e => e.RecordId == id.ToString() && e.Action == "read"));
        foreach (var other in new[] { Demo.CaseworkerTH, Demo.CaseworkerSG, Demo.ConsulIDinMY })
        {
            using var client = await app.As(other);
            await (await client.GetAsync($"/api/v1/cases/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await client.PostJson($"/api/v1/cases/{id}/notes", new { text = "Not mine." })).ShouldBeProblem(HttpStatusCode.NotFound);
            Assert.DoesNotContain("Ratna DEMO", await (await client.GetAsync("/api/v1/cases?all=true")).Content.ReadAsStringAsync());
        }
        foreach (var noCases in new[] { Demo.InspectorMY, Demo.LabourKH, Demo.LicensingKH, Demo.Analyst })
        {
            using var client = await app.As(noCases);
            await (await client.GetAsync("/api/v1/cases")).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/v1/cases/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync($"/api/v1/cases/{id}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        // None of those attempts counts as a read: nobody read it.
        Assert.Equal(reads, await app.Db(db => db.AuditEvents.CountAsync(e => e.RecordId == id.ToString() && e.Action == "read")));
        using var owner = await app.As(Demo.CaseworkerMY);
        Assert.Equal("Ratna DEMO", (await (await owner.GetAsync($"/api/v1/cases/{id}")).OkJson())["case"]!["firstName"].Str());
    }

    [Fact]
    public async Task A_caseworker_enters_a_hotline_case_which_their_organisation_holds()
    {
        using var cw = await app.As(Demo.CaseworkerTH);
        await (await cw.PostJson("/api/v1/cases", new { complaint = new { language = "my", description = "Caller says the boat crew are not allowed ashore (test)." }, channel = "publicForm" }))
            .ShouldNameFields("channel");
        var created = await cw.PostJson("/api/v1/cases", new
        {
            complaint = new { language = "my", description = "Caller says the boat crew are not allowed ashore (test).", currentCountry = "TH", nationality = "MM", inDangerNow = true },
            channel = "hotline", contractId = "CT-DEMO-1",
        });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = Guid.Parse((await created.Json())["id"].Str());
        var stored = await app.Db(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("th-doe", CaseChannel.Hotline, Demo.CaseworkerTH, CasePriority.Urgent, "CT-DEMO-1"),
            (stored.OwnerOrganisationId, stored.Channel, stored.ReceivedBy, stored.Priority, stored.ContractId));
        Assert.Equal(stored.ReceivedAt.AddHours(24), stored.DueAt);
    }

    [Fact]
    public async Task The_demo_embassy_case_follows_by_its_receipt_code()
    {
        using var anonymous = app.Anonymous();
        var status = await (await anonymous.GetAsync($"/api/v1/public/complaints/{ReceiptCodes.Format(DemoCases.EmbassyReceipt)}")).OkJson();
        Assert.Equal("received", status["status"].Str());
    }
}

public sealed class CasesApiTests_on_Sqlite(SqliteApp app) : CasesApiTests<SqliteApp>(app);
public sealed class CasesApiTests_on_Postgres(PostgresApp app) : CasesApiTests<PostgresApp>(app);

/// <summary>The public complaint endpoints are rate-limited per client: over the limit, 429 with a problem document and Retry-After.</summary>
public abstract class ComplaintRateLimitTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    [Fact]
    public async Task Filing_and_looking_up_complaints_is_limited_per_client()
    {
        await using var limited = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Cebu:RateLimits:ComplaintsPerHour", "3");
            b.UseSetting("Cebu:RateLimits:StatusChecksPerTenMinutes", "2");
        });
        using var client = limited.CreateDefaultClient(new Uri("http://localhost"), new ProblemContract());
        for (var i = 0; i < 3; i++)
            await (await client.PostJson("/api/v1/public/complaints", new { language = "en", description = $"Complaint number {i} (test)." })).ShouldBe(HttpStatusCode.Created);
        var over = await client.PostJson("/api/v1/public/complaints", new { language = "en", description = "One too many (test)." });
        var problem = await over.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.Contains("try again", problem["detail"].Str());
        Assert.True(over.Headers.RetryAfter is not null, "A 429 says when to try again.");

        // The public form shares the limit: showing it is free, sending it is one complaint too many.
        using var browser = limited.CreateDefaultClient(new Uri("http://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        var token = await browser.AntiforgeryToken("/complain");
        var form = await browser.PostAsync("/complain", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Language"] = "en", ["Description"] = "One too many, on the form (test).", ["__RequestVerificationToken"] = token,
        }));
        await form.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many requests", await form.Content.ReadAsStringAsync());
        // A worker who reads Khmer is told in Khmer.
        using var inKhmer = new HttpRequestMessage(HttpMethod.Post, "/complain") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Language"] = "km" }) };
        inKhmer.Headers.AcceptLanguage.ParseAdd("km");
        var khmer = await browser.SendAsync(inKhmer);
        await khmer.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Contains("សំណើច្រើនពេក", await khmer.Content.ReadAsStringAsync());

        var code = ReceiptCodes.Format(DemoCases.EmbassyReceipt);
        await (await client.GetAsync($"/api/v1/public/complaints/{code}")).ShouldBe(HttpStatusCode.OK);
        await (await client.GetAsync($"/api/v1/public/complaints/{code}")).ShouldBe(HttpStatusCode.OK);
        await (await client.GetAsync($"/api/v1/public/complaints/{code}")).ShouldBeProblem(HttpStatusCode.TooManyRequests);
        // The limits are per endpoint group: the rest of the site still answers.
        await (await client.GetAsync("/health")).ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class ComplaintRateLimitTests_on_Sqlite(SqliteApp app) : ComplaintRateLimitTests<SqliteApp>(app);
public sealed class ComplaintRateLimitTests_on_Postgres(PostgresApp app) : ComplaintRateLimitTests<PostgresApp>(app);
