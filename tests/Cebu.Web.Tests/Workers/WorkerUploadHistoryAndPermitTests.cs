using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Workers;
using Cebu.Web.Platform;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Web.Tests.Workers;

/// <summary>
/// The worker import through the API (`POST /api/v1/workers/import`: counts, 422 with every rejected row, 413 for a
/// file too large), the edit history with each field's old and new value, and the receiving state recording the work
/// permit and placement of the workers placed on its territory, within the access rules.
/// </summary>
public abstract class WorkerUploadHistoryAndPermitTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private static readonly string Header = string.Join(',', ImportWorkers.Columns);
    private static DateOnly Today => Samples.Today;

    /// <summary>One CSV row of a fictional Cambodian worker, in the order of <see cref="ImportWorkers.Columns"/>.</summary>
    private static string Row(string family, string passport, string sex = "F", string dob = "1994-03-15", string destination = "TH") =>
        string.Join(',', family, "SOKHA", "", sex, dob, "Example Village", "KH", "", passport, "2032-06-30", "", "+855 12 000 000", "", "1 Example Street",
            "Example Kin", "mother", "", "km;th", destination, "manufacturing");

    private static string File(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static StringContent CsvBody(string csv) => new(csv, Encoding.UTF8, "text/csv");

    private Task<int> Named(string family) => app.Db(db => db.Set<Worker>().CountAsync(w => w.FamilyName == family));
    private Task<long> AuditCount() => app.Db(db => db.AuditEvents.LongCountAsync());

    // ---------------------------------------------------------------------------------------------------------------
    // Import

    [Fact]
    public async Task A_labour_officer_checks_then_imports_a_csv_through_the_api_and_the_workers_are_found()
    {
        var tag = "APIIMP" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var csv = File(Row(tag + "A", $"D{tag}1"), Row(tag + "B", $"D{tag}2", sex: "M"), Row(tag + "C", $"D{tag}3"));
        using var kh = await app.As(Demo.LabourKH);

        var auditBefore = await AuditCount();
        var dry = await (await kh.PostAsync("/api/v1/workers/import?dryRun=true", CsvBody(csv))).OkJson();
        Assert.Equal((3, 3, 0, false, true), (dry["rows"]!.GetValue<int>(), dry["valid"]!.GetValue<int>(), dry["imported"]!.GetValue<int>(), dry["committed"]!.GetValue<bool>(), dry["dryRun"]!.GetValue<bool>()));
        Assert.Equal(0, await Named(tag + "A"));
        Assert.Equal(auditBefore, await AuditCount());

        var done = await (await kh.PostAsync("/api/v1/workers/import", CsvBody(csv))).OkJson();
        Assert.Equal((3, 3, 3, true), (done["rows"]!.GetValue<int>(), done["valid"]!.GetValue<int>(), done["imported"]!.GetValue<int>(), done["committed"]!.GetValue<bool>()));
        // One audit event for the import, as from the command line.
        Assert.Equal(auditBefore + 1, await AuditCount());
        var audit = await app.Db(db => db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("worker.import", "WorkerImport", Demo.LabourKH), (audit.Action, audit.RecordType, audit.UserName));
        Assert.StartsWith("CSV import of 3 workers", audit.Reason);

        var found = (await (await kh.GetAsync($"/api/v1/workers?q=D{tag}2")).OkJson()).Items().Single();
        Assert.Equal((tag + "B", "recruitment", "TH"), (found["familyName"].Str(), found["phase"].Str(), found["destination"].Str()));
    }

    [Fact]
    public async Task A_multipart_upload_is_imported_like_a_csv_body()
    {
        var tag = "MULTI" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using var kh = await app.As(Demo.LabourKH);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(File(Row(tag, $"D{tag}1"))));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "workers.csv");
        var done = await (await kh.PostAsync("/api/v1/workers/import", form)).OkJson();
        Assert.Equal(1, done["imported"]!.GetValue<int>());
        Assert.Equal(1, await Named(tag));
    }

    [Fact]
    public async Task Bad_rows_are_a_422_listing_each_rejected_row_with_its_line_field_and_how_to_fix_it_and_nothing_is_written()
    {
        var tag = "BADROW" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var csv = File(
            Row(tag + "A", $"D{tag}1"),                        // line 2: good
            Row(tag + "B", $"D{tag}2", sex: "Q"),              // line 3: sex
            Row(tag + "C", $"D{tag}3", dob: "1994-02-30"),     // line 4: no such date
            Row(tag + "D", $"D{tag}1"),                        // line 5: passport of line 2 again
            Row(tag + "E", $"D{tag}5", destination: "ZZ"),     // line 6: unknown destination
            Row("", $"D{tag}6"));                              // line 7: no family name
        using var kh = await app.As(Demo.LabourKH);
        var auditBefore = await AuditCount();
        foreach (var dryRun in new[] { false, true })
        {
            var problem = await (await kh.PostAsync($"/api/v1/workers/import?dryRun={dryRun}", CsvBody(csv))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("5 of 6 rows were rejected; nothing was imported", problem["title"].Str());
            Assert.Equal((6, 1, 5), (problem["rows"]!.GetValue<int>(), problem["valid"]!.GetValue<int>(), problem["rejectedRows"]!.GetValue<int>()));
            var rejected = problem["rejected"]!.AsArray().Select(r => (Line: r!["line"]!.GetValue<int>(), Field: r["field"].Str(), Message: r["message"].Str())).ToList();
            void Has(int line, string field, string text) => Assert.True(rejected.Any(r => r.Line == line && r.Field == field && r.Message.Contains(text, StringComparison.Ordinal)),
                $"expected line {line}, {field}: '{text}' among {string.Join(" | ", rejected)}");
            Has(3, "sex", "sex 'Q' is not F, M or X: write F (female), M (male) or X (unspecified)");
            Has(4, "date_of_birth", "date_of_birth '1994-02-30' is not a date: write it as YYYY-MM-DD");
            Has(5, "passport_number", $"passport D{tag}1 also appears on line 2: keep one of the two rows");
            Has(6, "destination", "destination 'ZZ' is not an ISO country code Cebu knows: write two letters such as TH or MY");
            Has(7, "family_name", "Enter the family name as written in the passport.");
            Assert.DoesNotContain(rejected, r => r.Line == 2);
            Assert.Equal([3, 4, 5, 6, 7], rejected.Select(r => r.Line).Distinct());
        }
        Assert.Equal(0, await Named(tag + "A"));
        Assert.Equal(auditBefore, await AuditCount());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_a_413_that_says_what_to_do_and_nothing_is_written()
    {
        using var kh = await app.As(Demo.LabourKH);
        var auditBefore = await AuditCount();
        // A valid header and then more than the limit: refused for its size, not read as rows.
        var big = new byte[CsvUpload.MaxBytes + 1];
        Array.Fill(big, (byte)'a');
        Encoding.ASCII.GetBytes(Header + "\n").CopyTo(big, 0);

        var declared = await (await kh.PostAsync("/api/v1/workers/import", new ByteArrayContent(big) { Headers = { ContentType = new("text/csv") } }))
            .ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The file is larger than 20 MB.", declared["title"].Str());
        Assert.Contains("cebu workers import", declared["detail"].Str());
        Assert.Equal(CsvUpload.MaxBytes, declared["maxBytes"]!.GetValue<long>());

        // Sent without a length (chunked), it is counted as it arrives.
        var chunked = new StreamContent(new MemoryStream(big)) { Headers = { ContentType = new("text/csv") } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/workers/import") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await (await kh.SendAsync(request)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);

        // Exactly at the limit is read (and here rejected for its content, not its size).
        var atLimit = await kh.PostAsync("/api/v1/workers/import?dryRun=true", new ByteArrayContent(big, 0, (int)CsvUpload.MaxBytes) { Headers = { ContentType = new("text/csv") } });
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, atLimit.StatusCode);
        Assert.Equal(auditBefore, await AuditCount());
    }

    [Fact]
    public async Task An_empty_body_or_a_file_without_the_header_is_a_400_naming_the_file()
    {
        using var kh = await app.As(Demo.LabourKH);
        var empty = await (await kh.PostAsync("/api/v1/workers/import", CsvBody(""))).ShouldNameFields("file");
        Assert.Contains("Content-Type: text/csv", empty["file"]![0].Str());
        var noHeader = await (await kh.PostAsync("/api/v1/workers/import", CsvBody(Row("NOHEADER", "DNOHEADER1") + "\n"))).ShouldNameFields("file");
        Assert.Contains("Line 1 lacks the column(s)", noHeader["file"]![0].Str());
        using var form = new MultipartFormDataContent { { new StringContent("x"), "notes" } };
        await (await kh.PostAsync("/api/v1/workers/import", form)).ShouldNameFields("file");
    }

    [Fact]
    public async Task Only_a_sending_states_labour_officer_may_import_workers()
    {
        var csv = File(Row("NOTMINE", "DNOTMINE1"));
        foreach (var email in new[] { Demo.InspectorTH, Demo.ConsulKHinTH, Demo.LicensingKH, Demo.Analyst })
        {
            using var client = await app.As(email);
            await (await client.PostAsync("/api/v1/workers/import", CsvBody(csv))).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
        using var anonymous = app.Anonymous();
        await (await anonymous.PostAsync("/api/v1/workers/import", CsvBody(csv))).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await Named("NOTMINE"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Edit history

    private async Task<string> Register(HttpClient kh, string family, string passport)
    {
        var r = await kh.PostJson("/api/v1/workers", new
        {
            worker = new { familyName = family, givenNames = "SREYMOM", sex = "female", dateOfBirth = "1995-04-12", nationality = "KH", passportNumber = passport,
                passportExpiry = Today.AddYears(5), phone = "+855 12 000 111", nextOfKinName = "Chanthy Example", nextOfKinPhone = "+855 12 000 222", languages = new[] { "km" } },
            destination = "TH", sector = "manufacturing",
        });
        await r.ShouldBe(HttpStatusCode.Created);
        return (await r.Json())["id"].Str();
    }

    [Fact]
    public async Task An_edit_records_each_changed_field_with_its_old_and_new_value_for_the_owning_state()
    {
        using var kh = await app.As(Demo.LabourKH);
        var passport = "DHIST" + Random.Shared.Next(100_000, 999_999);
        var id = await Register(kh, "HISTORY", passport);
        var edit = await kh.PutJson($"/api/v1/workers/{id}?reason={Uri.EscapeDataString("Corrected from the passport.")}", new
        {
            familyName = "HISTORY", givenNames = "SREY MOM", sex = "female", dateOfBirth = "1995-04-21", nationality = "KH", passportNumber = passport,
            passportExpiry = Today.AddYears(5), phone = "+855 12 000 111", nextOfKinName = "Chanthy Example", nextOfKinPhone = "+855 12 000 333", email = "srey@example.org",
            languages = new[] { "km" },
        });
        await edit.ShouldBe(HttpStatusCode.OK);

        var details = await (await kh.GetAsync($"/api/v1/workers/{id}")).OkJson();
        var edited = details["timeline"]!.AsArray().Single(e => e!["kind"].Str() == "edited")!;
        Assert.Equal(Demo.LabourKH, edited["recordedBy"].Str());
        Assert.Contains("Corrected from the passport.", edited["summary"].Str());
        var changes = edited["changes"]!.AsArray().Select(c => (c!["field"].Str(), c["old"]?.GetValue<string>(), c["new"]?.GetValue<string>())).ToList();
        Assert.Equal(
        [
            ("givenNames", "SREYMOM", "SREY MOM"),
            ("dateOfBirth", "1995-04-12", "1995-04-21"),
            ("email", null, "srey@example.org"),
            ("nextOfKinPhone", "+855 12 000 222", "+855 12 000 333"),
        ], changes);
        // The registration carries no changes.
        Assert.Empty(details["timeline"]!.AsArray().Single(e => e!["kind"].Str() == "registered")!["changes"]!.AsArray());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The receiving state's permits

    /// <summary>A demo worker of <paramref name="owner"/> placed in <paramref name="placed"/> whose permit runs for more than 90 days (so in no expiry list yet), not yet touched by another test.</summary>
    private async Task<Worker> PlacedWorker(string owner, string placed)
    {
        var limit = Today.AddDays(91);
        var candidates = await app.Db(db => db.Set<Worker>().AsNoTracking()
            .Where(w => w.OwnerState == owner && w.PlacementState == placed && w.Phase == JourneyPhase.Placement && w.WorkPermitExpiry > limit)
            .OrderBy(w => w.PassportNumber).ToListAsync());
        lock (Taken)
        {
            var w = candidates.First(c => Taken.Add(c.Id));
            return w;
        }
    }

    private static readonly HashSet<Guid> Taken = [];

    private static async Task<List<string>> Ids(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).OkJson()).Items().Select(i => i["id"].Str()).ToList();

    [Fact]
    public async Task The_receiving_states_inspector_records_a_permit_and_renews_it_and_the_expiry_list_and_the_owners_timeline_follow()
    {
        var w = await PlacedWorker("KH", "TH");
        using var th = await app.As(Demo.InspectorTH);
        var thirty = "/api/v1/workers?view=placedHere&permitExpiresWithinDays=30&pageSize=500";
        Assert.DoesNotContain(w.Id.ToString(), await Ids(th, thirty));

        var auditBefore = await AuditCount();
        var permit = await th.PostJson($"/api/v1/workers/{w.Id}/placement", new { workPermitNumber = "th-wp 2026/0042", workPermitExpiry = Today.AddDays(20), reason = "Permit issued after nationality verification." });
        var after = (await permit.OkJson());
        Assert.Equal(("THWP20260042", Today.AddDays(20).ToString("yyyy-MM-dd")), (after["workPermitNumber"].Str(), after["workPermitExpiry"].Str()));
        Assert.Contains(w.Id.ToString(), await Ids(th, thirty));
        // Audited as a named action, by the inspector.
        var audit = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Sequence > auditBefore && e.RecordType == nameof(Worker)).SingleAsync());
        Assert.Equal(("worker.placement", Demo.InspectorTH, w.Id.ToString()), (audit.Action, audit.UserName, audit.RecordId));

        // The renewal: a new expiry only. The worker leaves the 30-day list.
        var renewed = await (await th.PostJson($"/api/v1/workers/{w.Id}/placement", new { workPermitExpiry = Today.AddYears(2) })).OkJson();
        Assert.Equal(("THWP20260042", Today.AddYears(2).ToString("yyyy-MM-dd")), (renewed["workPermitNumber"].Str(), renewed["workPermitExpiry"].Str()));
        Assert.DoesNotContain(w.Id.ToString(), await Ids(th, thirty));
        // A new employer and workplace.
        await (await th.PostJson($"/api/v1/workers/{w.Id}/placement", new { employer = "Example Garments (fictional)", workplace = "7 Example Street, Bangkok" })).ShouldBe(HttpStatusCode.OK);

        // The inspector does not see the sending state's timeline...
        var seen = await (await th.GetAsync($"/api/v1/workers/{w.Id}")).OkJson();
        Assert.Empty(seen["timeline"]!.AsArray());
        Assert.Equal("Example Garments (fictional)", seen["worker"]!["employer"].Str());
        // ...the owning state does, with who did what, old and new.
        using var kh = await app.As(Demo.LabourKH);
        var timeline = (await (await kh.GetAsync($"/api/v1/workers/{w.Id}")).OkJson())["timeline"]!.AsArray().Select(e => e!).ToList();
        var recorded = timeline.Single(e => e["kind"].Str() == "permit.recorded");
        Assert.Equal(Demo.InspectorTH, recorded["recordedBy"].Str());
        Assert.Contains("by the receiving state (TH)", recorded["summary"].Str());
        Assert.Contains("Permit issued after nationality verification.", recorded["summary"].Str());
        var changes = recorded["changes"]!.AsArray().Select(c => (c!["field"].Str(), c["old"]?.GetValue<string>(), c["new"]?.GetValue<string>())).ToList();
        Assert.Equal([("workPermitNumber", w.WorkPermitNumber, "THWP20260042"), ("workPermitExpiry", w.WorkPermitExpiry!.Value.ToString("yyyy-MM-dd"), Today.AddDays(20).ToString("yyyy-MM-dd"))], changes);
        var renewal = timeline.Single(e => e["kind"].Str() == "permit.renewed");
        Assert.Equal([("workPermitExpiry", Today.AddDays(20).ToString("yyyy-MM-dd"), Today.AddYears(2).ToString("yyyy-MM-dd"))],
            renewal["changes"]!.AsArray().Select(c => (c!["field"].Str(), c["old"]?.GetValue<string>(), c["new"]?.GetValue<string>())));
        var moved = timeline.Single(e => e["kind"].Str() == "placement.changed");
        Assert.Equal(["employer", "workplace"], moved["changes"]!.AsArray().Select(c => c!["field"].Str()));

        // The record stays Cambodia's.
        var stored = await app.Db(db => db.Set<Worker>().AsNoTracking().SingleAsync(x => x.Id == w.Id));
        Assert.Equal(("KH", "TH", w.FamilyName, w.PassportNumber), (stored.OwnerState, stored.PlacementState, stored.FamilyName, stored.PassportNumber));
    }

    [Fact]
    public async Task A_permit_needs_a_future_expiry_a_new_permit_its_own_expiry_and_a_change()
    {
        var w = await PlacedWorker("MM", "TH");
        using var th = await app.As(Demo.InspectorTH);
        var url = $"/api/v1/workers/{w.Id}/placement";
        var past = await (await th.PostJson(url, new { workPermitExpiry = Today.AddDays(-1) })).ShouldNameFields("workPermitExpiry");
        Assert.Contains("is in the past", past["workPermitExpiry"]![0].Str());
        var noExpiry = await (await th.PostJson(url, new { workPermitNumber = "NEW-PERMIT-1" })).ShouldNameFields("workPermitExpiry");
        Assert.Contains("expiry date of the new work permit", noExpiry["workPermitExpiry"]![0].Str());
        await (await th.PostJson(url, new { workPermitNumber = new string('9', 31), workPermitExpiry = Today.AddYears(1), employer = " " })).ShouldNameFields("workPermitNumber", "employer");
        var nothing = await (await th.PostJson(url, new { workPermitNumber = w.WorkPermitNumber, workPermitExpiry = w.WorkPermitExpiry })).ShouldNameFields("placement");
        Assert.Contains("Nothing changed", nothing["placement"]![0].Str());
        var stored = await app.Db(db => db.Set<Worker>().AsNoTracking().SingleAsync(x => x.Id == w.Id));
        Assert.Equal((w.Version, w.WorkPermitNumber, w.WorkPermitExpiry), (stored.Version, stored.WorkPermitNumber, stored.WorkPermitExpiry));

        // A worker not placed has no permit to record: the owner is told to record the placement as a journey step.
        using var kh = await app.As(Demo.LabourKH);
        var recruit = await Register(kh, "NOTPLACED", "DNOTPL" + Random.Shared.Next(100_000, 999_999));
        var notPlaced = await (await kh.PostJson($"/api/v1/workers/{recruit}/placement", new { workPermitNumber = "X1", workPermitExpiry = Today.AddYears(1) })).ShouldNameFields("phase");
        Assert.Contains("not placed", notPlaced["phase"]![0].Str());
    }

    [Fact]
    public async Task Only_the_inspectorate_where_the_worker_is_placed_or_the_owner_records_the_permit()
    {
        var placedInTh = await PlacedWorker("KH", "TH");
        var kh = await app.Db(db => db.Set<Worker>().AsNoTracking().Where(w => w.OwnerState == "KH" && w.Phase == JourneyPhase.Recruitment).OrderBy(w => w.PassportNumber).FirstAsync());
        var body = new { workPermitNumber = "HIJACK-1", workPermitExpiry = Today.AddDays(200) };

        // Out of sight: another receiving state, a worker not placed in the inspector's state, another sending state.
        using (var my = await app.As(Demo.InspectorMY)) await (await my.PostJson($"/api/v1/workers/{placedInTh.Id}/placement", body)).ShouldBeProblem(HttpStatusCode.NotFound);
        using (var th = await app.As(Demo.InspectorTH)) await (await th.PostJson($"/api/v1/workers/{kh.Id}/placement", body)).ShouldBeProblem(HttpStatusCode.NotFound);
        using (var ph = await app.As(Demo.LabourPH)) await (await ph.PostJson($"/api/v1/workers/{placedInTh.Id}/placement", body)).ShouldBeProblem(HttpStatusCode.NotFound);
        // In sight, but not theirs to write: a Thai caseworker, the Cambodian consul in Bangkok.
        foreach (var email in new[] { "caseworker@th.demo", Demo.ConsulKHinTH })
        {
            using var client = await app.As(email);
            var refused = await (await client.PostJson($"/api/v1/workers/{placedInTh.Id}/placement", body)).ShouldBeProblem(HttpStatusCode.Forbidden);
            Assert.Contains("labour inspectorate", refused["detail"].Str());
        }
        var stored = await app.Db(db => db.Set<Worker>().AsNoTracking().SingleAsync(x => x.Id == placedInTh.Id));
        Assert.Equal((placedInTh.Version, placedInTh.WorkPermitNumber), (stored.Version, stored.WorkPermitNumber));

        // The owning state may correct it too.
        using var labour = await app.As(Demo.LabourKH);
        var corrected = await (await labour.PostJson($"/api/v1/workers/{placedInTh.Id}/placement", new { workplace = "9 Example Street, Bangkok" })).OkJson();
        Assert.Equal("9 Example Street, Bangkok", corrected["workplace"].Str());
        var e = (await (await labour.GetAsync($"/api/v1/workers/{placedInTh.Id}")).OkJson())["timeline"]!.AsArray().Single(x => x!["kind"].Str() == "placement.changed")!;
        Assert.Contains("by the sending state (KH)", e["summary"].Str());
    }

    [Fact]
    public async Task On_the_page_a_caseworker_who_may_not_record_permits_is_told_so_and_nothing_changes()
    {
        var w = await PlacedWorker("MM", "TH");
        using var caseworker = await app.As("caseworker@th.demo");
        var page = await (await caseworker.SendAsync(Http.Page($"/Workers/Details/{w.Id}"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"placement\"", page); // the form is not offered
        var token = await caseworker.AntiforgeryToken("/Account/Logout");
        var posted = await caseworker.PostAsync($"/Workers/Details/{w.Id}?handler=Placement", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["workPermitNumber"] = "CASEWORKER-1", ["workPermitExpiry"] = Today.AddDays(100).ToString("yyyy-MM-dd"),
        }));
        await posted.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Contains("You may not do this.", html);
        Assert.Contains("labour inspectorate of the state where the worker is placed", html);
        var stored = await app.Db(db => db.Set<Worker>().AsNoTracking().SingleAsync(x => x.Id == w.Id));
        Assert.Equal((w.Version, w.WorkPermitNumber), (stored.Version, stored.WorkPermitNumber));
    }

    [Fact]
    public void The_import_pages_column_help_covers_every_column_the_import_reads()
    {
        Assert.Equal(ImportWorkers.Columns, Cebu.Web.Pages.Workers.ImportModel.ColumnHelp.Select(c => c.Column));
    }
}

public sealed class WorkerUploadHistoryAndPermitTests_on_Sqlite(SqliteApp app) : WorkerUploadHistoryAndPermitTests<SqliteApp>(app);
public sealed class WorkerUploadHistoryAndPermitTests_on_Postgres(PostgresApp app) : WorkerUploadHistoryAndPermitTests<PostgresApp>(app);
