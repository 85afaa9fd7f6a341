using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Seed;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cebu.Web.Tests.Cases;

/// <summary>
/// Casework on both databases (issue 5): wage claims and their payments, attachments sniffed by their first bytes,
/// the escalation job on a clock the test moves, the dashboard's counts and the filtered queue, and another
/// organisation's 404.
/// </summary>
public abstract class CaseworkApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]} (fictional)";

    private async Task<Guid> NewCase(HttpClient client, string? employer = null, string? agency = null, bool inDanger = false, string[]? labourIssues = null)
    {
        var response = await client.PostJson("/api/v1/cases", new
        {
            channel = "hotline",
            complaint = new { language = "id", description = "Caller (fictional) says four months' wages are unpaid.", currentCountry = "MY", employer, agencyName = agency, inDangerNow = inDanger, labourIssues },
        });
        await response.ShouldBe(HttpStatusCode.Created);
        return Guid.Parse((await response.Json())["id"].Str());
    }

    private static HttpContent Body(byte[] bytes, string contentType = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    [Fact]
    public async Task A_wage_claim_records_amounts_per_currency_moves_forward_only_and_totals_its_payments()
    {
        using var cw = await app.As(Demo.CaseworkerMY);
        var id = await NewCase(cw, employer: "Example Estates Sdn. Bhd. (fictional)");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Bad input: each field named, nothing saved.
        var bad = await (await cw.PostJson($"/api/v1/cases/{id}/wage-claims", new { forum = "labourCourt", filedOn = today.AddDays(3), items = new[] { new { kind = "unpaidWages", claimed = -5, currency = "ringgit" } } }))
            .ShouldNameFields("filedOn", "items[0].claimed", "items[0].currency");
        Assert.Contains("ISO 4217", bad["items[0].currency"]![0].Str());
        Assert.False(await app.Db(db => db.Set<WageClaim>().AnyAsync(w => w.CaseId == id)));

        var created = await cw.PostJson($"/api/v1/cases/{id}/wage-claims", new
        {
            forum = "labourCourt", forumName = "Labour Court, Kuala Lumpur (fictional)", reference = "LC-DEMO-1", filedOn = today.AddDays(-40),
            items = new object[] { new { kind = "unpaidWages", claimed = 6000, currency = "myr" }, new { kind = "recruitmentFees", claimed = 700, currency = "USD" } },
        });
        await created.ShouldBe(HttpStatusCode.Created);
        var claim = await created.Json();
        var claimId = claim["claim"]!["id"].Str();
        Assert.Equal(("Example Estates Sdn. Bhd. (fictional)", "filed", "MYR"), (claim["claim"]!["respondent"].Str(), claim["claim"]!["stage"].Str(), claim["claim"]!["items"]![0]!["currency"].Str()));

        // Hearing, then the award: the award needs its date, outcome and amounts.
        await (await cw.PutJson($"/api/v1/cases/{id}/wage-claims/{claimId}", new { stage = "hearing", heardOn = today.AddDays(-20) })).ShouldBe(HttpStatusCode.OK);
        await (await cw.PutJson($"/api/v1/cases/{id}/wage-claims/{claimId}", new { stage = "award" })).ShouldNameFields("decidedOn", "outcome");
        var awarded = await (await cw.PutJson($"/api/v1/cases/{id}/wage-claims/{claimId}", new { stage = "award", outcome = "awardedInPart", decidedOn = today.AddDays(-10), awarded = new decimal?[] { 4500, 700 } })).OkJson();
        Assert.Equal("award", awarded["claim"]!["stage"].Str());

        // Back to a hearing is refused on the stage field; the claim is as it was.
        var version = await app.Db(db => db.Set<WageClaim>().Where(w => w.Id == Guid.Parse(claimId)).Select(w => w.Version).SingleAsync());
        var back = await (await cw.PutJson($"/api/v1/cases/{id}/wage-claims/{claimId}", new { stage = "hearing" })).ShouldNameFields("stage");
        Assert.Contains("cannot go back", back["stage"]![0].Str());
        var stored = await app.Db(db => db.Set<WageClaim>().AsNoTracking().SingleAsync(w => w.Id == Guid.Parse(claimId)));
        Assert.Equal((version, WageClaimStage.Award), (stored.Version, stored.Stage));

        // Payments: totals per currency, outstanding, and the warning when more is recovered than awarded.
        await (await cw.PostJson($"/api/v1/cases/{id}/wage-claims/{claimId}/payments", new { paidOn = today.AddDays(-5), amount = 3000, currency = "MYR", payer = "Example Estates" })).ShouldBe(HttpStatusCode.Created);
        await (await cw.PostJson($"/api/v1/cases/{id}/wage-claims/{claimId}/payments", new { paidOn = today, amount = (decimal?)null, currency = "MYR", payer = "" })).ShouldNameFields("amount", "payer");
        var paid = await (await cw.PostJson($"/api/v1/cases/{id}/wage-claims/{claimId}/payments", new { paidOn = today, amount = 2000, currency = "MYR", payer = "Example Estates", note = "Second instalment" })).Json();
        var myr = paid["totals"]!.AsArray().Single(t => t!["currency"].Str() == "MYR")!;
        Assert.Equal((6000m, 4500m, 5000m, 0m), (myr["claimed"]!.GetValue<decimal>(), myr["awarded"]!.GetValue<decimal>(), myr["recovered"]!.GetValue<decimal>(), myr["outstanding"]!.GetValue<decimal>()));
        Assert.Contains(paid["warnings"]!.AsArray(), w => w!["code"].Str() == "W2");

        var list = await (await cw.GetAsync($"/api/v1/cases/{id}/wage-claims")).OkJson();
        Assert.Single(list["claims"]!.AsArray());
        Assert.Equal(2, list["claims"]![0]!["payments"]!.AsArray().Count);
        var usd = list["totals"]!.AsArray().Single(t => t!["currency"].Str() == "USD")!;
        Assert.Equal((700m, 700m, 0m, 700m), (usd["claimed"]!.GetValue<decimal>(), usd["awarded"]!.GetValue<decimal>(), usd["recovered"]!.GetValue<decimal>(), usd["outstanding"]!.GetValue<decimal>()));

        var audit = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.UserName == Demo.CaseworkerMY && e.Action.StartsWith("case.wage-claim")).Select(e => e.Action).ToListAsync());
        Assert.Contains("case.wage-claim", audit);
        Assert.Contains("case.wage-claim.payment", audit);
    }

    [Fact]
    public async Task Attachments_are_typed_by_their_first_bytes_limited_to_10_MB_hashed_and_their_downloads_logged()
    {
        using var cw = await app.As(Demo.CaseworkerMY);
        var id = await NewCase(cw);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% fictional payslip\n%%EOF\n");
        var up = await cw.PostAsync($"/api/v1/cases/{id}/attachments?fileName=payslip.pdf&confidential=true", Body(pdf, "image/png"));
        await up.ShouldBe(HttpStatusCode.Created);
        var a = await up.Json();
        Assert.Equal(("application/pdf", Convert.ToHexStringLower(SHA256.HashData(pdf)), true, "payslip.pdf"), (a["contentType"].Str(), a["sha256"].Str(), a["confidential"]!.GetValue<bool>(), a["fileName"].Str()));

        // An executable named .pdf: 415 naming the file; nothing saved.
        var exe = await (await cw.PostAsync($"/api/v1/cases/{id}/attachments?fileName=contract.pdf", Body([(byte)'M', (byte)'Z', 0x90, 0, 3, 0], "application/pdf"))).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("first bytes", exe["errors"]!["file"]![0].Str());
        // Too big: 413; empty: 400.
        var big = new byte[AttachmentTypes.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var tooBig = await (await cw.PostAsync($"/api/v1/cases/{id}/attachments?fileName=scan.pdf", Body(big))).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("10 MB", tooBig["errors"]!["file"]![0].Str());
        await (await cw.PostAsync($"/api/v1/cases/{id}/attachments", Body([]))).ShouldNameFields("file");
        var text = await (await cw.PostAsync($"/api/v1/cases/{id}/attachments?fileName=statement.txt", Body(Encoding.UTF8.GetBytes("Statement (fictional): no pay since July.\n")))).Json();
        Assert.Equal("text/plain", text["contentType"].Str());

        var list = (await (await cw.GetAsync($"/api/v1/cases/{id}/attachments")).OkJson()).AsArray();
        Assert.Equal(["payslip.pdf", "statement.txt"], list.Select(x => x!["fileName"].Str()));
        var download = await cw.GetAsync($"/api/v1/cases/{id}/attachments/{a["id"].Str()}");
        await download.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var reads = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "read" && e.RecordType == nameof(CaseAttachment) && e.RecordId == a["id"].Str()).ToListAsync());
        Assert.Equal(Demo.CaseworkerMY, Assert.Single(reads).UserName);
        // The download is listed among the case's reads.
        var details = await (await cw.GetAsync($"/api/v1/cases/{id}")).OkJson();
        Assert.True(details["readBy"]!.AsArray().Count >= 2);
        Assert.Equal(2, await app.Db(db => db.Set<CaseAttachment>().CountAsync(x => x.CaseId == id)));
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_the_claims_files_and_downloads_of_a_case()
    {
        using var cw = await app.As(Demo.CaseworkerMY);
        var id = await NewCase(cw);
        var file = await (await cw.PostAsync($"/api/v1/cases/{id}/attachments?fileName=a.txt", Body("fictional"u8.ToArray()))).Json();
        var claim = await (await cw.PostJson($"/api/v1/cases/{id}/wage-claims", new { forum = "labourOffice", respondent = "X (fictional)", filedOn = DateOnly.FromDateTime(DateTime.UtcNow), items = new[] { new { kind = "unpaidWages", claimed = 10, currency = "MYR" } } })).Json();
        var claimId = claim["claim"]!["id"].Str();
        using var th = await app.As(Demo.CaseworkerTH);
        await (await th.GetAsync($"/api/v1/cases/{id}/wage-claims")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await th.GetAsync($"/api/v1/cases/{id}/attachments")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await th.GetAsync($"/api/v1/cases/{id}/attachments/{file["id"].Str()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await th.PostJson($"/api/v1/cases/{id}/wage-claims/{claimId}/payments", new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow), amount = 1, currency = "MYR", payer = "x" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await th.PutJson($"/api/v1/cases/{id}/wage-claims/{claimId}", new { stage = "closed", outcome = "withdrawn" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await th.PostAsync($"/api/v1/cases/{id}/attachments?fileName=b.txt", Body("fictional"u8.ToArray()))).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(1, await app.Db(db => db.Set<CaseAttachment>().CountAsync(x => x.CaseId == id)));
        Assert.False(await app.Db(db => db.Set<WageClaimPayment>().AnyAsync(x => x.CaseId == id)));
        // A role without cases.handle is refused outright.
        using var inspector = await app.As(Demo.InspectorMY);
        await (await inspector.GetAsync($"/api/v1/cases/{id}/wage-claims")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_job_escalates_an_overdue_case_once_and_raises_it_to_the_head_when_late_again()
    {
        using var cw = await app.As(Demo.CaseworkerMY);
        var id = await NewCase(cw, inDanger: true); // urgent: assess within 24 h
        var c = await app.Db(db => db.Set<Case>().AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((CasePriority.Urgent, c.DueAt!.Value.UtcDateTime), (c.Priority, c.DueAtUtc!.Value));
        var clock = new ManualClock(c.ReceivedAt.AddHours(23));
        var job = new CaseEscalationJob(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, app.Services.GetRequiredService<IConfiguration>(), NullLogger<CaseEscalationJob>.Instance);
        Task<List<CaseEscalation>> Rows() => app.Db(db => db.Set<CaseEscalation>().AsNoTracking().Where(e => e.CaseId == id).ToListAsync());

        await job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await Rows());

        clock.Now = c.ReceivedAt.AddHours(30);
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
        var row = Assert.Single(await Rows());
        Assert.Equal(("assess", EscalationTarget.Supervisor, c.DueAtUtc!.Value), (row.Rule, row.EscalateTo, row.DueAtUtc));
        Assert.Equal([Demo.SupervisorMY], row.Notified);
        Assert.Contains("it goes to the case supervisor", row.Reason);
        Assert.Equal(1, await app.Db(db => db.AuditEvents.CountAsync(e => e.Action == "case.escalate" && e.RecordType == nameof(CaseEscalation) && e.RecordId == row.Id.ToString())));

        // The supervisor sees it; a caseworker may not; another organisation's supervisor-less caseworker neither.
        using var supervisor = await app.As(Demo.SupervisorMY);
        var inbox = (await (await supervisor.GetAsync("/api/v1/cases/escalations")).OkJson()).AsArray();
        Assert.Contains(inbox, e => e!["caseId"].Str() == id.ToString());
        await (await cw.GetAsync("/api/v1/cases/escalations")).ShouldBe(HttpStatusCode.Forbidden);

        // Late by more than the limit again (24 h past the due date): the same row goes to the head of the organisation.
        clock.Now = c.ReceivedAt.AddHours(49);
        await job.RunOnceAsync(CancellationToken.None);
        row = Assert.Single(await Rows());
        Assert.Equal(EscalationTarget.OrganisationHead, row.EscalateTo);

        // Acknowledged with a note; twice is a conflict; no note is a field error.
        await (await supervisor.PostJson($"/api/v1/cases/escalations/{row.Id}/acknowledge", new { note = "" })).ShouldNameFields("note");
        var ack = await (await supervisor.PostJson($"/api/v1/cases/escalations/{row.Id}/acknowledge", new { note = "Assigned to a caseworker today." })).OkJson();
        Assert.Equal(Demo.SupervisorMY, ack["acknowledgedBy"].Str());
        await (await supervisor.PostJson($"/api/v1/cases/escalations/{row.Id}/acknowledge", new { note = "Again." })).ShouldBeProblem(HttpStatusCode.Conflict);

        // Screening moves the case on (assessed, a new deadline): a new deadline missed is a new escalation.
        await (await cw.PostJson($"/api/v1/cases/{id}/screening", new { answers = new { deception = "no" }, facts = new { inDangerNow = true } })).ShouldBe(HttpStatusCode.OK);
        await (await cw.PostJson($"/api/v1/cases/{id}/status", new { status = "assessed" })).ShouldBe(HttpStatusCode.OK);
        var assessed = await app.Db(db => db.Set<Case>().AsNoTracking().SingleAsync(x => x.Id == id));
        clock.Now = assessed.DueAt!.Value.AddHours(1);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(["assess", "start-work"], (await Rows()).Select(r => r.Rule).Order());
    }

    [Fact]
    public async Task The_demo_overdue_case_was_escalated_at_start()
    {
        var demo = await app.Db(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.ReceiptCode == DemoCases.OverdueReceipt));
        var row = Assert.Single(await app.Db(db => db.Set<CaseEscalation>().AsNoTracking().Where(e => e.CaseId == demo.Id).ToListAsync()));
        // (Another test's clock may since have raised it to the head of the organisation: the row is the same one.)
        Assert.Equal(("my-mohr", "assess", demo.DueAtUtc!.Value), (row.OwnerOrganisationId, row.Rule, row.DueAtUtc));
    }

    [Fact]
    public async Task The_dashboard_counts_open_cases_by_priority_type_employer_and_agency_and_links_into_the_filtered_queue()
    {
        using var cw = await app.As(Demo.CaseworkerSG);
        JsonNode Count(JsonNode d, string group, string key) => d[group]!.AsArray().SingleOrDefault(x => x!["key"].Str() == key) ?? JsonNode.Parse("""{"open":0,"overdue":0}""")!;
        int Open(JsonNode d, string group, string key) => Count(d, group, key)["open"]!.GetValue<int>();
        var before = await (await cw.GetAsync("/api/v1/cases/dashboard")).OkJson();

        var employer = Unique("Dashboard Employer");
        var agency = Unique("Dashboard Agency");
        await NewCase(cw, employer, agency, inDanger: true);
        await NewCase(cw, employer, agency, labourIssues: ["unpaidWages"]);
        var screened = await NewCase(cw, employer, null);
        await (await cw.PostJson($"/api/v1/cases/{screened}/screening", new { answers = new { deception = "yes", isolation = "yes" } })).ShouldBe(HttpStatusCode.OK);
        var closed = await NewCase(cw, employer, agency);
        await (await cw.PostJson($"/api/v1/cases/{closed}/status", new { status = "closed", resolution = "duplicate", reason = "Entered twice by mistake." })).ShouldBe(HttpStatusCode.OK);
        // Another organisation's case with the same employer is not counted.
        using var my = await app.As(Demo.CaseworkerMY);
        await NewCase(my, employer, agency);

        var after = await (await cw.GetAsync("/api/v1/cases/dashboard")).OkJson();
        Assert.Equal("sg-mom", after["organisationId"].Str());
        Assert.Equal(3, after["open"]!.GetValue<int>() - before["open"]!.GetValue<int>());
        Assert.Equal((3, 0), (Open(after, "byEmployer", employer), Count(after, "byEmployer", employer)["overdue"]!.GetValue<int>()));
        Assert.Equal(2, Open(after, "byAgency", agency));
        Assert.Equal(2, Open(after, "byPriority", "Urgent") - Open(before, "byPriority", "Urgent"));
        Assert.Equal(1, Open(after, "byPriority", "Normal") - Open(before, "byPriority", "Normal"));
        Assert.Equal(1, Open(after, "byType", "LabourIssue") - Open(before, "byType", "LabourIssue"));
        Assert.Equal(1, Open(after, "byType", "ForcedLabourIndicator") - Open(before, "byType", "ForcedLabourIndicator"));
        Assert.Equal(1, Open(after, "byType", "TraffickingFlag") - Open(before, "byType", "TraffickingFlag"));

        // The queue filtered by the dashboard's keys gives the same counts, most urgent first, paged by the database.
        var queue = await (await cw.GetAsync($"/api/v1/cases?employer={Uri.EscapeDataString(employer)}")).OkJson();
        Assert.Equal(3, queue["total"]!.GetValue<int>());
        Assert.Equal(["urgent", "urgent", "normal"], queue.Items().Select(i => i["priority"].Str()));
        var page2 = await (await cw.GetAsync($"/api/v1/cases?employer={Uri.EscapeDataString(employer)}&pageSize=2&page=2")).OkJson();
        Assert.Equal(("normal", 3), (Assert.Single(page2.Items())["priority"].Str(), page2["total"]!.GetValue<int>()));
        Assert.Equal(2, (await (await cw.GetAsync($"/api/v1/cases?agency={Uri.EscapeDataString(agency)}")).OkJson())["total"]!.GetValue<int>());
        Assert.Equal(Open(after, "byType", "TraffickingFlag"), (await (await cw.GetAsync("/api/v1/cases?type=traffickingFlag&pageSize=200")).OkJson())["total"]!.GetValue<int>());
        Assert.Equal(after["overdue"]!.GetValue<int>(), (await (await cw.GetAsync("/api/v1/cases?overdue=true")).OkJson())["total"]!.GetValue<int>());
        await (await cw.GetAsync("/api/v1/cases?type=murky")).ShouldNameFields("type");
    }
}

public sealed class CaseworkApiTests_on_Sqlite(SqliteApp app) : CaseworkApiTests<SqliteApp>(app);
public sealed class CaseworkApiTests_on_Postgres(PostgresApp app) : CaseworkApiTests<PostgresApp>(app);
