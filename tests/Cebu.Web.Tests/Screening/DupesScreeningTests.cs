using System.Net;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Cases;
using Cebu.Core.Features.Screening;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Seed;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Web.Tests.Screening;

/// <summary>
/// Issue 6 through the API on both databases: the duplicate warning on worker registration (409 with evidence, then the
/// confirmation), duplicate flags on cases, the employer registry and who may use it, and the screening of new licences
/// and employer registrations with its review queue.
/// </summary>
public abstract class DupesScreeningTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static object Worker(string family, string given, string dob, string passport, bool confirmedNotDuplicate = false) => new
    {
        worker = new { familyName = family, givenNames = given, sex = "male", dateOfBirth = dob, nationality = "KH", passportNumber = passport, passportExpiry = Today.AddYears(5), languages = new[] { "km" } },
        destination = "TH", sector = "construction", confirmedNotDuplicate,
    };

    [Fact]
    public async Task A_probable_duplicate_worker_is_answered_409_with_evidence_and_registered_once_confirmed_as_a_different_person()
    {
        using var kh = await app.As(Demo.LabourKH);
        var first = await kh.PostJson("/api/v1/workers", Worker("HTUN", "AUNG KYAW", "1990-08-12", "DX4827163"));
        await first.ShouldBe(HttpStatusCode.Created);
        var firstId = (await first.Json())["id"].Str();

        // The same man written "Kyaw Htun, Aung"-wise with the day and month swapped and another passport: warned, nothing saved.
        var before = await app.Db(db => db.Set<Worker>().CountAsync());
        var conflict = await kh.PostJson("/api/v1/workers", Worker("TUN", "KYAW AUNG", "1990-12-08", "KQ9051370"));
        var problem = await conflict.ShouldBeProblem(HttpStatusCode.Conflict);
        var duplicate = problem["duplicates"]!.AsArray().Single()!;
        Assert.Equal((firstId, "HTUN", "AUNG KYAW", "1990-08-12"), (duplicate["id"].Str(), duplicate["familyName"].Str(), duplicate["givenNames"].Str(), duplicate["dateOfBirth"].Str()));
        Assert.True(duplicate["score"]!.GetValue<double>() >= 0.5);
        var evidence = duplicate["evidence"]!.AsArray().Select(e => e!).ToList();
        var name = evidence.Single(e => e["field"].Str() == "name");
        Assert.Equal(("same name", "KYAW AUNG TUN", "AUNG KYAW HTUN"), (name["level"].Str(), name["value"].Str(), name["other"].Str()));
        Assert.True(name["weight"]!.GetValue<double>() > 0);
        Assert.Equal("day and month swapped", evidence.Single(e => e["field"].Str() == "dateOfBirth")["level"].Str());
        Assert.Equal(before, await app.Db(db => db.Set<Worker>().CountAsync()));

        // Confirmed a different person: registered, the decision on the timeline and in the audit.
        var confirmed = await kh.PostJson("/api/v1/workers", Worker("TUN", "KYAW AUNG", "1990-12-08", "KQ9051370", confirmedNotDuplicate: true));
        await confirmed.ShouldBe(HttpStatusCode.Created);
        var id = Guid.Parse((await confirmed.Json())["id"].Str());
        var events = await app.Db(db => db.Set<WorkerEvent>().AsNoTracking().Where(e => e.WorkerId == id).ToListAsync());
        Assert.Contains(events, e => e.Kind == "not-a-duplicate" && e.Summary.Contains(firstId) && e.RecordedBy == Demo.LabourKH);
        var audit = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordType == "Worker" && e.RecordId == id.ToString()).ToListAsync());
        Assert.Contains(audit, e => e.Action == "worker.register" && e.Reason!.Contains("confirmed not a duplicate") && e.Reason.Contains(firstId));

        // A namesake born on another day is no duplicate; another state's registry is not searched.
        await (await kh.PostJson("/api/v1/workers", Worker("HTUN", "AUNG KYAW", "1971-03-30", "MB3318640"))).ShouldBe(HttpStatusCode.Created);
        using var ph = await app.As(Demo.LabourPH);
        var other = await ph.PostJson("/api/v1/workers", new
        {
            worker = new { familyName = "HTUN", givenNames = "AUNG KYAW", sex = "male", dateOfBirth = "1990-08-12", nationality = "PH", passportNumber = "DUPP0001", passportExpiry = Today.AddYears(5), languages = new[] { "en" } },
            destination = "TH", sector = "construction",
        });
        await other.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_case_about_someone_who_already_has_one_is_flagged_with_evidence_and_the_caseworker_decides()
    {
        using var my = await app.As(Demo.CaseworkerMY);
        async Task<Guid> Enter(string first, string second, string phone)
        {
            var r = await my.PostJson("/api/v1/cases", new
            {
                channel = "hotline",
                complaint = new { language = "id", description = "My employer has not paid me for two months (test).", firstName = first, secondName = second, phone, employer = "Fictional Gloves Manufacturing" },
            });
            await r.ShouldBe(HttpStatusCode.Created);
            return Guid.Parse((await r.Json())["id"].Str());
        }
        var earlier = await Enter("Siti", "Rahayu Testcase", "+60 12 000 3030");
        Assert.Empty((await (await my.GetAsync($"/api/v1/cases/{earlier}/duplicates")).OkJson()).AsArray());
        var later = await Enter("SITI", "RAHAYU TESTCASE", "012-000 3030");
        var flags = (await (await my.GetAsync($"/api/v1/cases/{later}/duplicates")).OkJson()).AsArray().Select(f => f!).ToList();
        var flag = Assert.Single(flags);
        Assert.Equal(earlier.ToString(), flag["otherCaseId"].Str());
        Assert.Equal("Siti Rahayu Testcase", flag["otherPersonName"].Str());
        Assert.Contains(flag["evidence"]!.AsArray(), e => e!["field"].Str() == "phone" && e["level"].Str() == "same number");
        Assert.Contains(flag["evidence"]!.AsArray(), e => e!["field"].Str() == "name" && e["level"].Str() == "same name");

        // The public form flags silently: the complainant gets the receipt code and nothing else.
        using var anonymous = app.Anonymous();
        var filed = await anonymous.PostJson("/api/v1/public/complaints", new
        {
            language = "en", description = "I have not been paid for two months (test).", currentCountry = "MY", nationality = "KH", firstName = "Siti", secondName = "Rahayu Testcase", phone = "+60120003030",
        });
        await filed.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(["receiptCode"], (await filed.Json()).AsObject().Select(kv => kv.Key));
        var code = (await filed.Json())["receiptCode"].Str().Replace("-", "");
        var publicCase = await app.Db(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.ReceiptCode == code));
        Assert.Equal("my-mohr", publicCase.OwnerOrganisationId);
        Assert.Equal(2, (await (await my.GetAsync($"/api/v1/cases/{publicCase.Id}/duplicates")).OkJson()).AsArray().Count);

        // The decision, audited; a bad one names the field; another organisation sees neither the flags nor the case.
        await (await my.PostJson($"/api/v1/cases/{later}/duplicates/{flag["id"].Str()}/decision", new { })).ShouldNameFields("decision");
        var decided = await (await my.PostJson($"/api/v1/cases/{later}/duplicates/{flag["id"].Str()}/decision", new { decision = "samePerson" })).OkJson();
        Assert.Equal(("samePerson", Demo.CaseworkerMY), (decided[0]!["decision"].Str(), decided[0]!["decidedBy"].Str()));
        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.Action == "case.duplicate" && e.RecordType == nameof(CaseDuplicateFlag))));
        using var sg = await app.As(Demo.CaseworkerSG);
        await (await sg.GetAsync($"/api/v1/cases/{later}/duplicates")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await sg.PostJson($"/api/v1/cases/{later}/duplicates/{flag["id"].Str()}/decision", new { decision = "differentPeople" })).ShouldBeProblem(HttpStatusCode.NotFound);

        // The case page shows the flag with its evidence.
        using var browser = app.Anonymous();
        await (await browser.SignInOnPage(Demo.CaseworkerMY, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        var page = await (await browser.SendAsync(Http.Page($"/Cases/Details/{publicCase.Id}"))).Content.ReadAsStringAsync();
        Assert.Contains("id=\"duplicates\"", page);
        Assert.Contains("Siti Rahayu Testcase", page);
    }

    private static object Employer(string number, string name, string director, string address = "77 Test Avenue, Penang") => new
    {
        registrationNumber = number, name, tradingNames = Array.Empty<string>(), principals = new[] { new { name = director, role = "director" } },
        addresses = new[] { address }, phone = "+60 4 000 " + number[^3..] + "7", sector = "manufacturing",
    };

    [Fact]
    public async Task Employers_are_registered_read_corrected_and_marked_errant_by_their_own_state_only()
    {
        using var my = await app.As(Demo.InspectorMY);
        var created = await my.PostJson("/api/v1/employers", Employer("MY-TEST-EMP-100", "Test Rubber Works Sdn. Bhd.", "Lim Testperson"));
        await created.ShouldBe(HttpStatusCode.Created);
        var body = await created.Json();
        Assert.Empty(body["screeningHits"]!.AsArray());
        var id = body["employer"]!["id"].Str();

        // Invalid input names the field; the same number twice is refused.
        await (await my.PostJson("/api/v1/employers", new { registrationNumber = "", name = "X", sector = "nowhere", addresses = Array.Empty<string>() }))
            .ShouldNameFields("registrationNumber", "sector", "addresses");
        await (await my.PostJson("/api/v1/employers", Employer("MY-TEST-EMP-100", "Another", "Someone"))).ShouldNameFields("registrationNumber");

        var listed = (await (await my.GetAsync("/api/v1/employers?q=rubber")).OkJson()).AsArray();
        Assert.Equal("MY-TEST-EMP-100", Assert.Single(listed)!["registrationNumber"].Str());
        Assert.Contains((await (await my.GetAsync("/api/v1/employers?status=errant")).OkJson()).AsArray(), e => e!["registrationNumber"].Str() == DemoEmployers.Errant);

        var updated = await (await my.PutJson($"/api/v1/employers/{id}", Employer("MY-TEST-EMP-100", "Test Rubber Works Sdn. Bhd.", "Lim Testperson", "78 Test Avenue, Penang"))).OkJson();
        Assert.Equal("78 Test Avenue, Penang", updated["addresses"]![0].Str());
        await (await my.PostJson($"/api/v1/employers/{id}/status", new { status = "errant", reason = "Unpaid overtime (test)." })).ShouldNameFields("source");
        var errant = await (await my.PostJson($"/api/v1/employers/{id}/status", new { status = "errant", reason = "Unpaid overtime (test).", source = "Test inspection 1/2026" })).OkJson();
        Assert.Equal(("errant", "Test inspection 1/2026"), (errant["status"].Str(), errant["statusSource"].Str()));
        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.Action == "employer.status" && e.RecordId == id)));

        // Another state's official: not found; roles without employers.manage: forbidden.
        using var th = await app.As(Demo.InspectorTH);
        await (await th.GetAsync($"/api/v1/employers/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await th.PostJson($"/api/v1/employers/{id}/status", new { status = "active", reason = "x" })).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await th.GetAsync("/api/v1/employers")).OkJson()).AsArray(), e => e!["registeringState"].Str() != "TH");
        foreach (var email in new[] { Demo.CaseworkerMY, Demo.ConsulIDinMY, Demo.LicensingKH, Demo.Analyst })
        {
            using var client = await app.As(email);
            await (await client.GetAsync("/api/v1/employers")).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await client.PostJson("/api/v1/employers", Employer("MY-TEST-EMP-999", "Nope", "Nobody"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_look_alike_of_a_blacklisted_agency_and_an_errant_employers_director_become_screening_hits_that_are_reviewed()
    {
        // A licence whose name is the blacklisted KH-DEMO-004's written differently: flagged (409), granted after review, hit queued.
        using var licensing = await app.As(Demo.LicensingKH);
        var licence = Samples.Agency("KH-TEST-SCR-1", "Tonle-Sap Work Force Co., Ltd.", principal: "Dara Testperson", address: "9 Other Road, Siem Reap");
        var flagged = await (await licensing.PostJson("/api/v1/agencies", new { agency = licence })).ShouldBeProblem(HttpStatusCode.Conflict);
        var resemblance = flagged["resemblances"]![0]!;
        Assert.Equal((Demo.KhBlacklisted, "agency"), (resemblance["reference"].Str(), resemblance["kind"].Str()));
        Assert.Contains(resemblance["evidence"]!.AsArray(), e => e!["field"].Str() == "name" && e["level"].Str() == "same name");
        var granted = await licensing.PostJson("/api/v1/agencies", new { agency = licence, resemblanceReviewed = true, justification = "Checked with the registrar (test)." });
        await granted.ShouldBe(HttpStatusCode.Created);
        var queue = (await (await licensing.GetAsync("/api/v1/screening-hits?status=open")).OkJson()).AsArray().Select(h => h!).ToList();
        var agencyHit = queue.Single(h => h["subjectReference"].Str() == "KH-TEST-SCR-1");
        Assert.Equal((Demo.KhBlacklisted, "blacklisted", "open"), (agencyHit["matchedReference"].Str(), agencyHit["matchedStatus"].Str(), agencyHit["status"].Str()));

        // An employer whose director is the errant MY-DEMO-EMP-002's: registered, with a hit for review.
        using var my = await app.As(Demo.InspectorMY);
        var registered = await (await my.PostJson("/api/v1/employers", Employer("MY-TEST-EMP-200", "Brand New Latex Sdn. Bhd.", "Encik " + DemoEmployers.ErrantDirector))).Json();
        var employerHit = registered["screeningHits"]!.AsArray().Single()!;
        Assert.Equal((DemoEmployers.Errant, "employer", "errant"), (employerHit["reference"].Str(), employerHit["kind"].Str(), employerHit["status"].Str()));
        var principal = employerHit["evidence"]!.AsArray().Single(e => e!["field"].Str() == "principal")!;
        Assert.Equal(("same name", "Encik " + DemoEmployers.ErrantDirector, DemoEmployers.ErrantDirector), (principal["level"].Str(), principal["value"].Str(), principal["other"].Str()));
        var myHits = (await (await my.GetAsync("/api/v1/screening-hits")).OkJson()).AsArray().Select(h => h!).ToList();
        var hitId = myHits.Single(h => h["subjectReference"].Str() == "MY-TEST-EMP-200")["id"].Str();
        // Each state sees its own queue only.
        Assert.DoesNotContain(myHits, h => h["subjectReference"].Str() == "KH-TEST-SCR-1");
        await (await licensing.GetAsync($"/api/v1/screening-hits/{hitId}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await licensing.PostJson($"/api/v1/screening-hits/{hitId}/review", new { decision = "dismissed", reason = "x" })).ShouldBeProblem(HttpStatusCode.NotFound);

        // Review: the reason is required; a decision is final and audited; a second one is a conflict.
        await (await my.PostJson($"/api/v1/screening-hits/{hitId}/review", new { decision = "confirmed" })).ShouldNameFields("reason");
        var reviewed = await (await my.PostJson($"/api/v1/screening-hits/{hitId}/review", new { decision = "confirmed", reason = "Same director, confirmed by company search (test)." })).OkJson();
        Assert.Equal(("confirmed", Demo.InspectorMY), (reviewed["status"].Str(), reviewed["reviewedBy"].Str()));
        await (await my.PostJson($"/api/v1/screening-hits/{hitId}/review", new { decision = "dismissed", reason = "Changed my mind." })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.Action == "screening.confirm" && e.RecordId == hitId)));
        var stored = await app.Db(db => db.Set<ScreeningHit>().AsNoTracking().SingleAsync(h => h.Id == Guid.Parse(hitId)));
        Assert.Equal(ScreeningHitStatus.Confirmed, stored.Status);

        // Callers without screening.review are refused.
        using var caseworker = await app.As(Demo.CaseworkerMY);
        await (await caseworker.GetAsync("/api/v1/screening-hits")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}

public sealed class DupesScreeningTests_on_Sqlite(SqliteApp app) : DupesScreeningTests<SqliteApp>(app);
public sealed class DupesScreeningTests_on_Postgres(PostgresApp app) : DupesScreeningTests<PostgresApp>(app);
