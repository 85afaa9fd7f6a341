using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Contracts;
using Cebu.Core.Features.Workers;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Web.Tests.Contracts;

/// <summary>
/// Contracts on record through the API, on both databases: an agency records and submits, the sending state verifies
/// (frozen under its hash), the receiving state attests, anyone checks the code, and a worse contract recorded on arrival
/// raises alerts to the three offices.
/// </summary>
public abstract class ContractRecordsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% a signed contract (test)\n%%EOF\n");

    private static object Terms(decimal wage = 11_000, decimal hours = 48, int rest = 1, string passport = "worker", object[]? fees = null, string employer = "Example Test Foods (DEMO)") => new
    {
        employer = new { name = employer, registrationNumber = "TH-TEST-1", address = "1 Example Street" },
        jobTitle = "packer", sector = "manufacturing", workplace = "1 Example Street, Samut Sakhon", region = "Samut Sakhon",
        startDate = Samples.Today.AddMonths(1), durationMonths = 24, wageAmount = wage, wageCurrency = "THB", wagePer = "month", hoursPerDay = 8, hoursPerWeek = hours,
        restDaysPerWeek = rest, overtimeRate = 1.5, annualLeaveDays = 6,
        accommodation = new { provided = true, costToWorker = 0 }, food = new { provided = false },
        deductions = new[] { new { amount = 550, currency = "THB", purpose = "social security" } },
        fees = fees ?? [], passportKeptBy = passport, languages = new[] { "km", "th" }, terminationNoticeDays = 30,
    };

    /// <summary>A Cambodian worker travelling to Thailand, with no contract on record yet.</summary>
    private Task<Worker> FreshWorker(JourneyPhase phase = JourneyPhase.Travel, int skip = 0) => app.Db(async db =>
    {
        var withContract = await db.Set<EmploymentContract>().Select(c => c.WorkerId).ToListAsync();
        return (await db.Set<Worker>().AsNoTracking().Where(w => w.OwnerState == "KH" && w.Phase == phase && w.Destination == "TH").OrderBy(w => w.PassportNumber).ToListAsync())
            .Where(w => !withContract.Contains(w.Id)).Skip(skip).First();
    });

    private static async Task<HttpResponseMessage> PutDocument(HttpClient client, Guid id, byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return await client.PutAsync($"/api/v1/contracts/{id}/document?fileName=signed.pdf", content);
    }

    [Fact]
    public async Task An_agency_submits_the_labour_office_verifies_the_receiving_state_attests_and_anyone_checks_the_code()
    {
        var worker = await FreshWorker();
        using var agency = await app.As(Demo.AgencyKH);
        // A placement fee charged to the worker: a violation of the ILO baseline and Thai law.
        var recorded = await (await agency.PostJson("/api/v1/contracts", new { workerId = worker.Id, terms = Terms(fees: [new { amount = 300, currency = "USD", purpose = "placement", paidTo = "KH-DEMO-001" }]) }))
            .ShouldBeJson(HttpStatusCode.Created);
        var id = Guid.Parse(recorded["id"].Str());
        Assert.Equal(("recorded", "KH", "TH"), (recorded["status"].Str(), recorded["ownerState"].Str(), recorded["workplaceState"].Str()));
        Assert.Contains(recorded["findings"]!.AsArray(), f => f!["severity"].Str() == "violation" && f["kind"].Str() == "workerFeesAllowed");

        // Not without the signed document; not with a file that is not a PDF, PNG or JPEG.
        Assert.Contains("Attach", (await (await agency.PostAsync($"/api/v1/contracts/{id}/submit", null)).ShouldNameFields("document"))["document"]![0].Str());
        await (await PutDocument(agency, id, Encoding.ASCII.GetBytes("plain text"), "application/pdf")).ShouldNameFields("document");
        await (await PutDocument(agency, id, Pdf, "text/plain")).ShouldNameFields("document");
        var attached = await (await PutDocument(agency, id, Pdf, "application/pdf")).OkJson();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), attached["documentSha256"].Str());
        Assert.Equal("submitted", (await (await agency.PostAsync($"/api/v1/contracts/{id}/submit", null)).OkJson())["status"].Str());

        // The agency does not decide; the labour office does, and needs reasons to reject and an override to verify a violation.
        await (await agency.PostJson($"/api/v1/contracts/{id}/verify", new { })).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var labour = await app.As(Demo.LabourKH);
        await (await labour.PostJson($"/api/v1/contracts/{id}/reject", new { reasons = " " })).ShouldNameFields("reasons");
        var refused = await (await labour.PostJson($"/api/v1/contracts/{id}/verify", new { })).ShouldNameFields("overrideReason");
        Assert.Contains("violation", refused["overrideReason"]![0].Str());
        var verified = await (await labour.PostJson($"/api/v1/contracts/{id}/verify", new { overrideReason = "The agency refunded the fee in writing (test)." })).OkJson();
        Assert.Equal("verified", verified["status"].Str());
        var hash = verified["contentHash"].Str();
        var code = verified["checkCode"].Str();
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Matches("^[23456789A-HJ-NP-Z]{10}$", code);

        // Frozen: any change is refused with 409, and the hash, recomputed from what is stored, proves it unchanged.
        var frozen = await (await agency.PutJson($"/api/v1/contracts/{id}", new { terms = Terms(wage: 9_000) })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal(hash, frozen["contentHash"].Str());
        await (await PutDocument(agency, id, Pdf, "application/pdf")).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await labour.PutJson($"/api/v1/contracts/{id}", new { terms = Terms() })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await labour.PostJson($"/api/v1/contracts/{id}/reject", new { reasons = "Too late." })).ShouldBeProblem(HttpStatusCode.Conflict);
        var integrity = await (await labour.GetAsync($"/api/v1/contracts/{id}/integrity")).OkJson();
        Assert.True(integrity["unchanged"]!.GetValue<bool>());
        Assert.Equal(hash, integrity["computed"].Str());
        Assert.Equal(hash, ContractHash.Compute(await app.Db(db => db.Set<EmploymentContract>().AsNoTracking().SingleAsync(c => c.Id == id))));

        // The receiving state attests, once; the sending state may not.
        await (await labour.PostJson($"/api/v1/contracts/{id}/attest", new { note = "x" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var thai = await app.As(Demo.InspectorTH);
        Assert.NotNull((await (await thai.PostJson($"/api/v1/contracts/{id}/attest", new { note = "Workplace inspected (test)." })).OkJson())["attestedAt"]);
        await (await thai.PostJson($"/api/v1/contracts/{id}/attest", new { note = "again" })).ShouldBeProblem(HttpStatusCode.Conflict);

        // Anyone checks the code, and sees only what a worker compares.
        using var anonymous = app.Anonymous();
        var response = await anonymous.GetAsync($"/api/v1/public/contracts/{code.ToLowerInvariant()}");
        var text = await response.Content.ReadAsStringAsync();
        var pub = await response.OkJson();
        Assert.Equal((true, "Example Test Foods (DEMO)", hash, true, true), (pub["verified"]!.GetValue<bool>(), pub["employer"].Str(), pub["contentHash"].Str(), pub["hashIntact"]!.GetValue<bool>(), pub["attested"]!.GetValue<bool>()));
        Assert.Equal((11000m, 48m, 1, "worker"), (pub["wageAmount"]!.GetValue<decimal>(), pub["hoursPerWeek"]!.GetValue<decimal>(), pub["restDaysPerWeek"]!.GetValue<int>(), pub["passportKeptBy"].Str()));
        Assert.Equal("Ministry of Labour and Vocational Training", pub["verifiedBy"].Str());
        foreach (var hidden in new[] { worker.PassportNumber!, worker.FamilyName, "TH-TEST-1", "refunded", id.ToString() }) Assert.DoesNotContain(hidden, text);
        await (await anonymous.GetAsync("/api/v1/public/contracts/ABC")).ShouldNameFields("code");
        await (await anonymous.GetAsync("/api/v1/public/contracts/ZZZZZZZZZZ")).ShouldBeProblem(HttpStatusCode.NotFound);

        // The public page says the same.
        var page = await (await anonymous.SendAsync(Http.Page($"/verify-contract?code={code}"))).Content.ReadAsStringAsync();
        Assert.Contains("Verified contract", page);
        Assert.Contains(hash, page);
        // A worker who reads Khmer reads the verifying office's name in Khmer too.
        var khmer = await (await anonymous.SendAsync(Http.Page($"/verify-contract?code={code}&culture=km"))).Content.ReadAsStringAsync();
        Assert.Contains("ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ", khmer);

        // Audited: the decision with its reason, and the reads of the record.
        var events = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordType == nameof(EmploymentContract) && e.RecordId == id.ToString()).ToListAsync());
        Assert.Contains(events, e => e.Action == "contract.verify" && e.UserName == Demo.LabourKH && e.Reason!.Contains("refunded"));
        Assert.Contains(events, e => e.Action == "contract.record" && e.UserName == Demo.AgencyKH);
        Assert.DoesNotContain(events, e => e.Action == "read");
        await (await labour.GetAsync($"/api/v1/contracts/{id}")).OkJson();
        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.RecordType == nameof(EmploymentContract) && e.RecordId == id.ToString() && e.Action == "read" && e.UserName == Demo.LabourKH)));
    }

    [Fact]
    public async Task A_worse_contract_recorded_on_arrival_alerts_the_sending_state_the_receiving_state_and_the_consulate()
    {
        var worker = await FreshWorker(skip: 1);
        using var labour = await app.As(Demo.LabourKH);
        var id = Guid.Parse((await (await labour.PostJson("/api/v1/contracts", new { workerId = worker.Id, terms = Terms() })).ShouldBeJson(HttpStatusCode.Created))["id"].Str());
        await (await PutDocument(labour, id, Pdf, "application/pdf")).OkJson();
        await (await labour.PostAsync($"/api/v1/contracts/{id}/submit", null)).OkJson();
        var verified = await (await labour.PostJson($"/api/v1/contracts/{id}/verify", new { })).OkJson();
        Assert.Equal("verified", verified["status"].Str());

        // Thailand's inspector records the contract the worker was handed on arrival: same employer, worse terms.
        using var thai = await app.As(Demo.InspectorTH);
        var arrival = await (await thai.PostJson("/api/v1/contracts", new { workerId = worker.Id, terms = Terms(wage: 8_000, hours: 60, rest: 0, passport: "employer") }))
            .ShouldBeJson(HttpStatusCode.Created);
        var arrivalId = arrival["id"].Str();
        Assert.Equal((id.ToString(), "TH"), (arrival["comparedWithContractId"].Str(), arrival["recordedByState"].Str()));
        var terms = arrival["differences"]!.AsArray().Select(d => d!["term"].Str()).ToList();
        Assert.Equal(["wage", "hoursPerWeek", "restDaysPerWeek", "passportKeptBy"], terms);
        // What the worker was handed abroad is evidence, not an offer: it is not submitted for verification.
        await (await thai.PostAsync($"/api/v1/contracts/{arrivalId}/submit", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        var wage = arrival["differences"]![0]!;
        Assert.Equal(("11,000 THB a month", "8,000 THB a month"), (wage["verified"].Str(), wage["now"].Str()));

        // One alert for each office, each seeing only its own.
        async Task<List<JsonNode>> Alerts(string who)
        {
            using var client = await app.As(who);
            return (await (await client.GetAsync("/api/v1/contract-alerts")).OkJson()).AsArray().Select(a => a!).Where(a => a["contractId"].Str() == arrivalId).ToList();
        }
        Assert.Equal("sendingState", Assert.Single(await Alerts(Demo.LabourKH))["audience"].Str());
        Assert.Equal("receivingState", Assert.Single(await Alerts(Demo.InspectorTH))["audience"].Str());
        Assert.Equal("receivingState", Assert.Single(await Alerts(Demo.CaseworkerTH))["audience"].Str());
        Assert.Equal("consulate", Assert.Single(await Alerts(Demo.ConsulKHinTH))["audience"].Str());
        Assert.Empty(await Alerts(Demo.ConsulMMinTH));
        Assert.Empty(await Alerts(Demo.LabourPH));
        Assert.Empty(await Alerts(Demo.InspectorMY));
        using (var agency = await app.As(Demo.AgencyKH)) await (await agency.GetAsync("/api/v1/contract-alerts")).ShouldBeProblem(HttpStatusCode.Forbidden);

        // Each office acknowledges its own alert, once.
        var mine = (await Alerts(Demo.LabourKH))[0]["id"].Str();
        await (await thai.PostJson($"/api/v1/contract-alerts/{mine}/acknowledge", new { note = "not ours" })).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(Demo.LabourKH, (await (await labour.PostJson($"/api/v1/contract-alerts/{mine}/acknowledge", new { note = "Agency summoned (test)." })).OkJson())["acknowledgedBy"].Str());
        await (await labour.PostJson($"/api/v1/contract-alerts/{mine}/acknowledge", new { note = "again" })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Null((await Alerts(Demo.InspectorTH))[0]["acknowledgedAt"]);

        // The worker's timeline tells the story.
        var timeline = (await (await labour.GetAsync($"/api/v1/workers/{worker.Id}")).OkJson())["timeline"]!.AsArray().Select(e => e!["kind"].Str()).ToList();
        Assert.Contains("contract.recorded", timeline);
        Assert.Contains("contract.verified", timeline);
        Assert.Contains("contract.substituted", timeline);

        // A contract for the same worker and job that is no worse raises nothing.
        var same = await (await thai.PostJson("/api/v1/contracts", new { workerId = worker.Id, terms = Terms(wage: 11_500) })).ShouldBeJson(HttpStatusCode.Created);
        Assert.Empty(same["differences"]!.AsArray());
        Assert.Equal(id.ToString(), same["comparedWithContractId"].Str());
        Assert.False(await app.Db(db => db.Set<ContractAlert>().AnyAsync(a => a.ContractId == Guid.Parse(same["id"].Str()))));
    }

    [Fact]
    public async Task A_change_made_behind_the_applications_back_shows_in_the_integrity_check_and_on_the_public_answer()
    {
        var id = await app.Db(db => db.Set<EmploymentContract>().Where(c => c.CheckCode == Demo.VerifiedContractCode).Select(c => c.Id).SingleAsync());
        using var labour = await app.As(Demo.LabourKH);
        Assert.True((await (await labour.GetAsync($"/api/v1/contracts/{id}/integrity")).OkJson())["unchanged"]!.GetValue<bool>());
        try
        {
            await app.Db(async db =>
            {
                var c = await db.Set<EmploymentContract>().SingleAsync(x => x.Id == id);
                c.Terms = new ContractTermsRecord
                {
                    Employer = c.Terms.Employer, JobTitle = c.Terms.JobTitle, Sector = c.Terms.Sector, Workplace = c.Terms.Workplace, Region = c.Terms.Region, StartDate = c.Terms.StartDate,
                    DurationMonths = c.Terms.DurationMonths, WageAmount = c.Terms.WageAmount - 1, WageCurrency = c.Terms.WageCurrency, WagePer = c.Terms.WagePer, HoursPerDay = c.Terms.HoursPerDay,
                    HoursPerWeek = c.Terms.HoursPerWeek, RestDaysPerWeek = c.Terms.RestDaysPerWeek, OvertimeRate = c.Terms.OvertimeRate, AnnualLeaveDays = c.Terms.AnnualLeaveDays,
                    Accommodation = c.Terms.Accommodation, Food = c.Terms.Food, Deductions = c.Terms.Deductions, Fees = c.Terms.Fees, PassportKeptBy = c.Terms.PassportKeptBy,
                    Languages = c.Terms.Languages, TerminationNoticeDays = c.Terms.TerminationNoticeDays, TerminationTerms = c.Terms.TerminationTerms,
                };
                await db.SaveChangesAsync();
            });
            var integrity = await (await labour.GetAsync($"/api/v1/contracts/{id}/integrity")).OkJson();
            Assert.False(integrity["unchanged"]!.GetValue<bool>());
            Assert.NotEqual(integrity["recorded"].Str(), integrity["computed"].Str());
            using var anonymous = app.Anonymous();
            Assert.False((await (await anonymous.GetAsync($"/api/v1/public/contracts/{Demo.VerifiedContractCode}")).OkJson())["hashIntact"]!.GetValue<bool>());
        }
        finally
        {
            await app.Db(async db =>
            {
                var c = await db.Set<EmploymentContract>().SingleAsync(x => x.Id == id);
                c.Terms = new ContractTermsRecord
                {
                    Employer = c.Terms.Employer, JobTitle = c.Terms.JobTitle, Sector = c.Terms.Sector, Workplace = c.Terms.Workplace, Region = c.Terms.Region, StartDate = c.Terms.StartDate,
                    DurationMonths = c.Terms.DurationMonths, WageAmount = c.Terms.WageAmount + 1, WageCurrency = c.Terms.WageCurrency, WagePer = c.Terms.WagePer, HoursPerDay = c.Terms.HoursPerDay,
                    HoursPerWeek = c.Terms.HoursPerWeek, RestDaysPerWeek = c.Terms.RestDaysPerWeek, OvertimeRate = c.Terms.OvertimeRate, AnnualLeaveDays = c.Terms.AnnualLeaveDays,
                    Accommodation = c.Terms.Accommodation, Food = c.Terms.Food, Deductions = c.Terms.Deductions, Fees = c.Terms.Fees, PassportKeptBy = c.Terms.PassportKeptBy,
                    Languages = c.Terms.Languages, TerminationNoticeDays = c.Terms.TerminationNoticeDays, TerminationTerms = c.Terms.TerminationTerms,
                };
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task Bad_terms_are_refused_naming_each_field_and_nothing_is_saved()
    {
        var worker = await FreshWorker(skip: 2);
        using var labour = await app.As(Demo.LabourKH);
        var before = await app.Db(db => db.Set<EmploymentContract>().CountAsync());
        var problem = await (await labour.PostJson("/api/v1/contracts", new
        {
            workerId = worker.Id,
            terms = new
            {
                employer = new { name = "" }, jobTitle = "packer", sector = "space", workplace = "x", wageAmount = 0, wageCurrency = "baht", wagePer = "week", hoursPerWeek = 200,
                restDaysPerWeek = 8, overtimeRate = 0.5, accommodation = new { provided = true, costToWorker = 100 }, food = new { provided = false },
                deductions = Array.Empty<object>(), fees = new[] { new { amount = -1, currency = "THB", purpose = "" } }, passportKeptBy = "broker", languages = new[] { "Khmer" },
            },
        })).ShouldNameFields("terms.employer.name", "terms.sector", "terms.wageAmount", "terms.wageCurrency", "terms.wagePer", "terms.hoursPerWeek", "terms.restDaysPerWeek",
            "terms.overtimeRate", "terms.accommodation.currency", "terms.fees[0].amount", "terms.fees[0].purpose", "terms.passportKeptBy", "terms.languages[0]");
        Assert.Contains("ISO 4217", problem["terms.wageCurrency"]![0].Str());
        await (await labour.PostJson("/api/v1/contracts", new { terms = Terms() })).ShouldNameFields("workerId");
        await (await labour.PostJson("/api/v1/contracts", new { workerId = worker.Id })).ShouldNameFields("terms");
        await (await labour.PostJson("/api/v1/contracts", new { workerId = worker.Id, workplaceState = "KH", terms = Terms() })).ShouldNameFields("workplaceState");
        await (await labour.PostJson("/api/v1/contracts", new { workerId = Guid.NewGuid(), terms = Terms() })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await labour.GetAsync("/api/v1/contracts?status=signed")).ShouldNameFields("status");
        Assert.Equal(before, await app.Db(db => db.Set<EmploymentContract>().CountAsync()));
    }

    [Fact]
    public async Task Each_role_sees_and_does_only_what_its_office_may()
    {
        var worker = await FreshWorker(skip: 3);
        var all = await app.Db(db => db.Set<EmploymentContract>().AsNoTracking().ToListAsync());
        var myContract = all.Single(c => c.WorkplaceState == "MY" && c.OwnerState == "KH");
        var thContract = all.First(c => c.WorkplaceState == "TH" && c.OwnerState == "KH");

        async Task<HashSet<string>> Visible(string who)
        {
            using var client = await app.As(who);
            return (await (await client.GetAsync("/api/v1/contracts?pageSize=200")).OkJson()).Items().Select(c => c["id"].Str()).ToHashSet();
        }
        // The sending state sees all of its own; the agency its own agency's; the receiving state and the consulate those for workplaces there.
        Assert.Superset(all.Where(c => c.OwnerState == "KH").Select(c => c.Id.ToString()).ToHashSet(), await Visible(Demo.LabourKH));
        Assert.Equal(all.Where(c => c.OwnerState == "KH").Select(c => c.Id.ToString()).ToHashSet(), await Visible(Demo.LabourKH));
        Assert.Contains(myContract.Id.ToString(), await Visible(Demo.AgencyKH));
        Assert.Empty(await Visible(Demo.AgencyMM));
        var thai = await Visible(Demo.InspectorTH);
        Assert.Contains(thContract.Id.ToString(), thai);
        Assert.DoesNotContain(myContract.Id.ToString(), thai);
        var consul = await Visible(Demo.ConsulKHinTH);
        Assert.Contains(thContract.Id.ToString(), consul);
        Assert.DoesNotContain(myContract.Id.ToString(), consul);
        Assert.Equal([myContract.Id.ToString()], await Visible(Demo.InspectorMY));
        Assert.Empty(await Visible(Demo.ConsulMMinTH));
        Assert.Empty(await Visible(Demo.LabourPH));
        using (var analyst = await app.As(Demo.Analyst)) await (await analyst.GetAsync("/api/v1/contracts")).ShouldBeProblem(HttpStatusCode.Forbidden);
        using (var licensing = await app.As(Demo.LicensingKH)) await (await licensing.GetAsync("/api/v1/contracts")).ShouldBeProblem(HttpStatusCode.Forbidden);

        // Who may record for this worker: the sending state, its agency, and the receiving state of the destination; nobody else.
        using var consulClient = await app.As(Demo.ConsulKHinTH);
        await (await consulClient.PostJson("/api/v1/contracts", new { workerId = worker.Id, terms = Terms() })).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var caseworker = await app.As(Demo.CaseworkerTH);
        await (await caseworker.PostJson("/api/v1/contracts", new { workerId = worker.Id, terms = Terms() })).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var malaysia = await app.As(Demo.InspectorMY);
        await (await malaysia.PostJson("/api/v1/contracts", new { workerId = worker.Id, terms = Terms() })).ShouldBeProblem(HttpStatusCode.NotFound);
        using var mmAgency = await app.As(Demo.AgencyMM);
        await (await mmAgency.PostJson("/api/v1/contracts", new { workerId = worker.Id, terms = Terms() })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await mmAgency.GetAsync($"/api/v1/contracts/{thContract.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);

        // Decisions: the inspector does not verify, the consul does not attest, the receiving state does not edit the sending state's record.
        var submitted = all.Single(c => c.Status == ContractStatus.Submitted);
        using var inspector = await app.As(Demo.InspectorTH);
        await (await inspector.PostJson($"/api/v1/contracts/{submitted.Id}/verify", new { })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await inspector.PutJson($"/api/v1/contracts/{submitted.Id}", new { terms = Terms() })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await consulClient.PostJson($"/api/v1/contracts/{thContract.Id}/attest", new { })).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(ContractStatus.Submitted, await app.Db(db => db.Set<EmploymentContract>().Where(c => c.Id == submitted.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_demo_has_a_substitution_with_its_three_alerts_and_the_pages_show_it()
    {
        var alerts = await app.Db(db => db.Set<ContractAlert>().AsNoTracking().ToListAsync());
        Assert.Equal(3, alerts.Count(a => a.OwnerState == "KH" && a.ReceivingState == "TH"));
        Assert.Equal(Enum.GetValues<AlertAudience>().Order(), alerts.Where(a => a.ReceivingState == "TH").Select(a => a.Audience).Order());
        using var labour = await app.As(Demo.LabourKH);
        var page = await (await labour.SendAsync(Http.Page("/Contracts/Alerts"))).Content.ReadAsStringAsync();
        Assert.Contains("8,000 THB a month", page);
        Assert.Contains("11,000 THB a month", page);
        var verified = await app.Db(db => db.Set<EmploymentContract>().AsNoTracking().SingleAsync(c => c.CheckCode == Demo.VerifiedContractCode));
        var print = await (await labour.SendAsync(Http.Page($"/Contracts/Print/{verified.Id}"))).Content.ReadAsStringAsync();
        // Khmer (the worker's) and Thai (the destination's) labels side by side, with the check code and the hash.
        Assert.Contains("ប្រាក់ឈ្នួល", print);
        Assert.Contains("ค่าจ้าง", print);
        Assert.Contains(Demo.VerifiedContractCode, print);
        Assert.Contains(verified.ContentHash!, print);
    }
}

internal static class ContractHttp
{
    public static async Task<JsonNode> ShouldBeJson(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        return await response.Json();
    }
}

public sealed class ContractRecordsTests_on_Sqlite(SqliteApp app) : ContractRecordsTests<SqliteApp>(app);
public sealed class ContractRecordsTests_on_Postgres(PostgresApp app) : ContractRecordsTests<PostgresApp>(app);
