using System.Net;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Cases;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Web.Tests.Cases;

/// <summary>
/// Referrals with consent (issue 5) through the API on both databases: a Malaysian caseworker refers a Cambodian
/// worker's case across the border to Cambodia's labour ministry; the recipient sees only the fields shared, accepts,
/// reports back; decline, withdrawal, revocation and expiry remove its access at once; the export holds exactly what
/// was shared; bad input names its field and saves nothing; the worker follows it all in plain words.
/// </summary>
public abstract class ReferralsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private const string Khmer = "ថៅកែរបស់ខ្ញុំយកលិខិតឆ្លងដែនរបស់ខ្ញុំ ហើយមិនបើកប្រាក់ខែពីរខែហើយ។";

    private static object Consent(string form = "phone", int days = 90) =>
        new { givenBy = "Dara DEMO-REF", givenByRole = "person", form, givenAt = DateTimeOffset.UtcNow.AddMinutes(-10), until = DateTimeOffset.UtcNow.AddDays(days) };

    /// <summary>A complaint from a Cambodian worker in Malaysia, screened and assessed by caseworker@my.demo: ready to refer.</summary>
    private async Task<(Guid Case, string Code)> AssessedCase(string firstName = "Dara")
    {
        using var anonymous = app.Anonymous();
        var filed = await anonymous.PostJson("/api/v1/public/complaints", new
        {
            language = "km", description = Khmer, currentCountry = "MY", nationality = "KH", firstName, secondName = "DEMO-REF", phone = "+60 12 345 0000",
            employer = "Example Plantation Sdn Bhd (demo)", labourIssues = new[] { "unpaidWages" },
        });
        await filed.ShouldBe(HttpStatusCode.Created);
        var code = (await filed.Json())["receiptCode"].Str();
        var normal = code.Replace("-", "");
        var id = await app.Db(db => db.Set<Case>().Where(c => c.ReceiptCode == normal).Select(c => c.Id).SingleAsync());
        using var cw = await app.As(Demo.CaseworkerMY);
        await (await cw.PostJson($"/api/v1/cases/{id}/screening", new { answers = new { withholdingOfWages = "yes", retentionOfIdentityDocuments = "yes" } })).OkJson();
        await (await cw.PostJson($"/api/v1/cases/{id}/status", new { status = "assessed" })).OkJson();
        return (id, code);
    }

    private async Task<Guid> Refer(Guid caseId, string recipient = "kh-mlvt", string service = "wageClaim", string[]? fields = null)
    {
        using var cw = await app.As(Demo.CaseworkerMY);
        object body = fields is null
            ? new { recipient, service, reason = "additionalServicesRequired", details = "Please take up the wage claim against the agency (test).", consent = Consent() }
            : new { recipient, service, details = "Inspection please (test).", fields, consent = Consent() };
        var response = await cw.PostJson($"/api/v1/cases/{caseId}/referrals", body);
        await response.ShouldBe(HttpStatusCode.Created);
        return Guid.Parse((await response.Json())["id"].Str());
    }

    private async Task<string> PublicStatus(string code)
    {
        using var anonymous = app.Anonymous();
        var status = await (await anonymous.GetAsync($"/api/v1/public/complaints/{code}?language=km")).OkJson();
        Assert.DoesNotContain("kh-mlvt", status.ToJsonString());
        Assert.DoesNotContain("Labour", status.ToJsonString());
        return status["status"].Str();
    }

    [Fact]
    public async Task A_case_referred_across_the_border_with_consent_is_accepted_worked_on_and_completed_and_the_worker_sees_it_in_plain_words()
    {
        var (id, code) = await AssessedCase();
        var referral = await Refer(id);

        // The case is referred; the sender sees the referral with its consent.
        using var cw = await app.As(Demo.CaseworkerMY);
        Assert.Equal("referred", (await (await cw.GetAsync($"/api/v1/cases/{id}")).OkJson())["case"]!["state"].Str());
        var mine = (await (await cw.GetAsync($"/api/v1/cases/{id}/referrals")).OkJson()).AsArray().Single()!;
        Assert.Equal(("kh-mlvt", "KH", "MY", "sent", "phone", "Dara DEMO-REF"),
            (mine["recipientOrganisationId"].Str(), mine["recipientState"].Str(), mine["senderState"].Str(), mine["status"].Str(), mine["consent"]!["form"].Str(), mine["consent"]!["givenBy"].Str()));
        Assert.Equal("help-under-way", await PublicStatus(code));

        // Cambodia's labour officer has it in the inbox, with nothing about the person.
        using var kh = await app.As(Demo.LabourKH);
        var inbox = (await (await kh.GetAsync("/api/v1/referrals")).OkJson()).AsArray();
        var line = inbox.Single(r => r!["id"].Str() == referral.ToString())!;
        Assert.Equal(("my-mohr", "wageClaim"), (line["senderOrganisationId"].Str(), line["service"].Str()));
        Assert.DoesNotContain("Dara", inbox.ToJsonString());

        // Opening it shows the shared fields only (the name, for a wage claim; never the description), and is logged on the case.
        var view = await (await kh.GetAsync($"/api/v1/referrals/{referral}")).OkJson();
        var shared = view["shared"]!.AsObject();
        Assert.Equal("Dara", shared["prs_FirstName"].Str());
        Assert.Equal("Example Plantation Sdn Bhd (demo)", shared["cebu_Employer"].Str());
        Assert.DoesNotContain(Khmer, view.ToJsonString());
        Assert.Null(view["caseId"]);
        Assert.Null(view["consent"]!["givenBy"]);
        var caseView = await (await cw.GetAsync($"/api/v1/cases/{id}")).OkJson();
        Assert.Contains(caseView["readBy"]!.AsArray(), r => r!["userName"].Str() == Demo.LabourKH && r["organisationId"].Str() == "kh-mlvt");

        // Accept, then a second accept is a conflict; a report needs a note; progress, then completion.
        Assert.Equal("accepted", (await (await kh.PostAsync($"/api/v1/referrals/{referral}/accept", null)).OkJson())["status"].Str());
        await (await kh.PostAsync($"/api/v1/referrals/{referral}/accept", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await kh.PostJson($"/api/v1/referrals/{referral}/status", new { status = "inProgress" })).ShouldNameFields("note");
        await (await kh.PostJson($"/api/v1/referrals/{referral}/status", new { status = "declined", note = "Not a report." })).ShouldNameFields("status");
        await (await kh.PostJson($"/api/v1/referrals/{referral}/status", new { status = "inProgress", note = "Agency summoned to the ministry (test)." })).OkJson();
        Assert.Equal("help-under-way", await PublicStatus(code));
        await (await kh.PostJson($"/api/v1/referrals/{referral}/status", new { status = "completed", note = "Wages refunded by the agency (test)." })).OkJson();
        // A completed referral cannot be declined or withdrawn.
        await (await kh.PostJson($"/api/v1/referrals/{referral}/decline", new { reason = "Too late to decline this." })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await cw.PostJson($"/api/v1/referrals/{referral}/withdraw", new { reason = "Too late to withdraw this." })).ShouldBeProblem(HttpStatusCode.Conflict);

        // The sender sees every step reported back; the worker sees "help given" in Khmer, with no recipient named.
        var history = (await (await cw.GetAsync($"/api/v1/cases/{id}/referrals")).OkJson())[0]!["updates"]!.AsArray().Select(u => u!["event"].Str()).ToList();
        Assert.Equal(["sent", "accepted", "inprogress", "completed"], history);
        Assert.Equal("help-given", await PublicStatus(code));
        using var anonymous = app.Anonymous();
        Assert.Equal("បានផ្ដល់ជំនួយរួចហើយ", (await (await anonymous.GetAsync($"/api/v1/public/complaints/{code}?language=km")).OkJson())["title"].Str());

        // The case can now be resolved: no referral is open.
        var me = caseView["assignees"]!.AsArray().Single(a => a!["email"].Str() == Demo.CaseworkerMY)!["id"].Str();
        await (await cw.PostJson($"/api/v1/cases/{id}/status", new { status = "inProgress", assigneeId = me, reason = "Referral completed by the ministry." })).OkJson();
        await (await cw.PostJson($"/api/v1/cases/{id}/status", new { status = "resolved", outcome = "wagesRecovered" })).OkJson();

        var actions = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordId == referral.ToString()).Select(e => e.Action).ToListAsync());
        foreach (var a in new[] { "referral.send", "referral.accept", "referral.status" }) Assert.Contains(a, actions);
    }

    [Fact]
    public async Task A_decline_needs_a_reason_and_ends_the_recipients_access_at_once()
    {
        var (id, code) = await AssessedCase();
        var referral = await Refer(id);
        using var kh = await app.As(Demo.LabourKH);
        await (await kh.PostJson($"/api/v1/referrals/{referral}/decline", new { reason = "no" })).ShouldNameFields("reason");
        // Report before accepting: a conflict.
        await (await kh.PostJson($"/api/v1/referrals/{referral}/status", new { status = "completed" })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await kh.PostJson($"/api/v1/referrals/{referral}/decline", new { reason = "The agency is licensed in Viet Nam, not Cambodia (test)." })).OkJson();
        await (await kh.GetAsync($"/api/v1/referrals/{referral}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await kh.GetAsync($"/api/v1/referrals/{referral}/export")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(referral.ToString(), (await (await kh.GetAsync("/api/v1/referrals")).OkJson()).ToJsonString());
        Assert.Equal("back-with-caseworker", await PublicStatus(code));
        // The sender reads the reason.
        using var cw = await app.As(Demo.CaseworkerMY);
        var r = (await (await cw.GetAsync($"/api/v1/cases/{id}/referrals")).OkJson())[0]!;
        Assert.Equal("declined", r["status"].Str());
        Assert.Contains("Viet Nam", r["statusReason"].Str());
    }

    [Fact]
    public async Task Withdrawal_revocation_and_expiry_each_remove_the_recipients_access()
    {
        // Withdrawn by the sender.
        var (id1, _) = await AssessedCase();
        var withdrawn = await Refer(id1);
        using var cw = await app.As(Demo.CaseworkerMY);
        using var kh = await app.As(Demo.LabourKH);
        await (await kh.GetAsync($"/api/v1/referrals/{withdrawn}")).OkJson();
        await (await cw.PostJson($"/api/v1/referrals/{withdrawn}/withdraw", new { reason = "" })).ShouldNameFields("reason");
        await (await cw.PostJson($"/api/v1/referrals/{withdrawn}/withdraw", new { reason = "The worker found help elsewhere (test)." })).OkJson();
        await (await kh.GetAsync($"/api/v1/referrals/{withdrawn}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await kh.PostAsync($"/api/v1/referrals/{withdrawn}/accept", null)).ShouldBeProblem(HttpStatusCode.NotFound);

        // Consent revoked: the recipient had accepted; it loses access, the export too; a second revocation is a conflict.
        var (id2, code2) = await AssessedCase();
        var revoked = await Refer(id2);
        await (await kh.PostAsync($"/api/v1/referrals/{revoked}/accept", null)).OkJson();
        await (await kh.PostJson($"/api/v1/referrals/{revoked}/consent/revoke", new { reason = "Not mine to revoke." })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await cw.PostJson($"/api/v1/referrals/{revoked}/consent/revoke", new { reason = "x" })).ShouldNameFields("reason");
        var after = await (await cw.PostJson($"/api/v1/referrals/{revoked}/consent/revoke", new { reason = "The worker called the hotline and withdrew consent (test)." })).OkJson();
        Assert.False(after["consent"]!["active"]!.GetValue<bool>());
        await (await kh.GetAsync($"/api/v1/referrals/{revoked}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await kh.GetAsync($"/api/v1/referrals/{revoked}/export")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await kh.PostJson($"/api/v1/referrals/{revoked}/status", new { status = "completed" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await cw.PostJson($"/api/v1/referrals/{revoked}/consent/revoke", new { reason = "Revoked a second time." })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await cw.GetAsync($"/api/v1/referrals/{revoked}/export")).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal("back-with-caseworker", await PublicStatus(code2));
        Assert.Contains("referral.consent.revoke", await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordId == revoked.ToString()).Select(e => e.Action).ToListAsync()));

        // Expired: the consent's end date passes (set on the row: the clock is not ours to move); access ends on the next read.
        var (id3, code3) = await AssessedCase();
        var expiring = await Refer(id3);
        await (await kh.GetAsync($"/api/v1/referrals/{expiring}")).OkJson();
        await app.Db(async db =>
        {
            var r = await db.Set<CaseReferral>().SingleAsync(x => x.Id == expiring);
            (r.ConsentGivenAt, r.ConsentUntil) = (DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddMinutes(-1));
            await db.SaveChangesAsync();
        });
        await (await kh.GetAsync($"/api/v1/referrals/{expiring}")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(expiring.ToString(), (await (await kh.GetAsync("/api/v1/referrals")).OkJson()).ToJsonString());
        Assert.Equal("back-with-caseworker", await PublicStatus(code3));
    }

    [Fact]
    public async Task The_export_holds_exactly_the_fields_shared_under_their_HTCDS_names()
    {
        // Labour inspection in Malaysia: no name ever (ILO C81 art. 15(c)); here only the employer and the issues were ticked.
        var (id, _) = await AssessedCase("Sreymom");
        var referral = await Refer(id, "my-jtksm", "labourInspection", ["cebu_Employer", "cebu_LabourIssues"]);
        using var inspector = await app.As(Demo.InspectorMY);
        var export = (await (await inspector.GetAsync($"/api/v1/referrals/{referral}/export")).OkJson()).AsObject();
        var caseFields = export.Select(kv => kv.Key).Where(k => !ConsentRules.ReferralFields.Contains(k) && k is not "htcdsVersion" and not "attribution").Order().ToList();
        Assert.Equal(["cebu_Employer", "cebu_LabourIssues"], caseFields);
        Assert.Equal(("my-mohr", "my-jtksm", "LabourInspection", "2.0"),
            (export["cas_ReferringOrganisation"].Str(), export["cas_ReferredOrganisation"].Str(), export["cebu_ReferralService"].Str(), export["htcdsVersion"].Str()));
        Assert.Equal(["UnpaidWages"], export["cebu_LabourIssues"]!.AsArray().Select(x => x.Str()));
        Assert.DoesNotContain("Sreymom", export.ToJsonString());
        Assert.DoesNotContain("+60", export.ToJsonString());
        // The export is a read of the case, logged.
        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.RecordType == "Case" && e.RecordId == id.ToString() && e.Action == "read" && e.UserName == Demo.InspectorMY)));
        // The sender exports the same, to see what left.
        using var cw = await app.As(Demo.CaseworkerMY);
        var own = (await (await cw.GetAsync($"/api/v1/referrals/{referral}/export")).OkJson()).AsObject();
        Assert.Equal(export.Select(kv => kv.Key).Order(), own.Select(kv => kv.Key).Order());
    }

    [Fact]
    public async Task Bad_referrals_name_their_field_and_save_nothing()
    {
        var (id, _) = await AssessedCase();
        using var cw = await app.As(Demo.CaseworkerMY);
        var before = await app.Db(db => db.Set<CaseReferral>().CountAsync());
        await (await cw.PostJson($"/api/v1/cases/{id}/referrals", new { recipient = "kh-mlvt", service = "wageClaim" })).ShouldNameFields("consent");
        await (await cw.PostJson($"/api/v1/cases/{id}/referrals", new { recipient = "xx-nowhere", service = "wageClaim", consent = Consent(days: -1) }))
            .ShouldNameFields("recipient", "consent.until");
        await (await cw.PostJson($"/api/v1/cases/{id}/referrals", new { consent = new { givenBy = "Dara", until = DateTimeOffset.UtcNow.AddDays(30) } }))
            .ShouldNameFields("recipient", "service", "consent.givenByRole", "consent.form");
        await (await cw.PostJson($"/api/v1/cases/{id}/referrals", new { recipient = "my-mohr", service = "wageClaim", consent = Consent() })).ShouldNameFields("recipient");
        await (await cw.PostJson($"/api/v1/cases/{id}/referrals", new { recipient = "agency-kh-demo-001", service = "wageClaim", consent = Consent() })).ShouldNameFields("recipient");
        // More than the service needs, a year and more, no name of who consented.
        await (await cw.PostJson($"/api/v1/cases/{id}/referrals", new
        {
            recipient = "my-jtksm", service = "labourInspection", fields = new[] { "prs_FirstName", "cebu_Employer" },
            consent = new { givenBy = " ", givenByRole = "person", form = "verbal", until = DateTimeOffset.UtcNow.AddDays(400) },
        })).ShouldNameFields("fields", "consent.givenBy", "consent.until");
        Assert.Equal(before, await app.Db(db => db.Set<CaseReferral>().CountAsync()));
        Assert.Equal(CaseState.Assessed, await app.Db(db => db.Set<Case>().Where(c => c.Id == id).Select(c => c.State).SingleAsync()));

        // A new, unassessed case cannot be referred yet: a conflict.
        using var anonymous = app.Anonymous();
        var code = (await (await anonymous.PostJson("/api/v1/public/complaints", new { language = "en", description = "Unpaid for a month (test)." })).Json())["receiptCode"].Str().Replace("-", "");
        var fresh = await app.Db(db => db.Set<Case>().Where(c => c.ReceiptCode == code).Select(c => c.Id).SingleAsync());
        using var th = await app.As(Demo.CaseworkerTH);
        await (await th.PostJson($"/api/v1/cases/{fresh}/referrals", new { recipient = "kh-mlvt", service = "wageClaim", consent = Consent() })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_the_sender_and_the_recipient_see_a_referral()
    {
        var (id, _) = await AssessedCase();
        var referral = await Refer(id);
        foreach (var other in new[] { Demo.CaseworkerTH, Demo.ConsulKHinTH, Demo.InspectorTH, Demo.LabourPH })
        {
            using var client = await app.As(other);
            await (await client.GetAsync($"/api/v1/referrals/{referral}")).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/api/v1/referrals/{referral}/export")).ShouldBeProblem(HttpStatusCode.NotFound);
            Assert.DoesNotContain(referral.ToString(), await (await client.GetAsync("/api/v1/referrals")).Content.ReadAsStringAsync());
        }
        // Roles without referrals.receive have no inbox; the recipient may not send on a case it cannot see.
        using var licensing = await app.As(Demo.LicensingKH);
        await (await licensing.GetAsync("/api/v1/referrals")).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var kh = await app.As(Demo.LabourKH);
        await (await kh.GetAsync($"/api/v1/cases/{id}/referrals")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await kh.PostJson($"/api/v1/referrals/{referral}/withdraw", new { reason = "Recipient tries to withdraw." })).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync($"/api/v1/referrals/{referral}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}

public sealed class ReferralsApiTests_on_Sqlite(SqliteApp app) : ReferralsApiTests<SqliteApp>(app);
public sealed class ReferralsApiTests_on_Postgres(PostgresApp app) : ReferralsApiTests<PostgresApp>(app);
