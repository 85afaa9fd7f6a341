using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Verification;
using Cebu.Core.Platform.Seed;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Web.Tests.Verification;

/// <summary>
/// Nationality verification (issue 6) through the API on both databases: Thailand sends a batch to Cambodia (202), the
/// background matcher classifies each request, Cambodia's labour officer reviews and confirms, Thailand sees the result
/// and the Certificate of Identity but never Cambodia's registry records.
/// </summary>
public abstract class VerificationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private static string Deadline => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd");

    /// <summary>Three declared identities: the known Cambodian (matched), a variant of them (possible), and a stranger (not found).</summary>
    private static object Batch(string reference) => new
    {
        toState = "KH", deadline = Deadline, reference,
        requests = new object[]
        {
            new { localReference = $"{reference}-1", familyName = "Meas", givenNames = "Sophea Kunthea", dateOfBirth = "1993-04-09", fatherName = "Meas Vuthy", oldDocumentNumbers = "K52O81736" },
            new { localReference = $"{reference}-2", familyName = "Mias", givenNames = "Sophia Kuntea", dateOfBirth = "1993-09-04", placeOfBirth = "Kampot" },
            new { localReference = $"{reference}-3", familyName = "Nobody", givenNames = "Fictional Person", dateOfBirth = "1971-06-30", placeOfBirth = "Nowhere", fatherName = "Nobody Senior" },
        },
    };

    private async Task<JsonNode> Processed(HttpClient client, string id)
    {
        // The matcher runs in the background: read the batch until it has matched every request (bounded, not timed).
        for (var i = 0; i < 600; i++)
        {
            var batch = await (await client.GetAsync($"/api/v1/verification/batches/{id}")).OkJson();
            if (batch["batch"]!["status"].Str() is not ("queued" or "matching")) return batch;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("The batch was not matched.");
    }

    private static JsonNode Request(JsonNode batch, string reference) => batch["requests"]!.AsArray().Single(r => r!["localReference"].Str() == reference)!;

    [Fact]
    public async Task A_batch_is_accepted_with_202_matched_in_the_background_and_each_request_classified()
    {
        using var th = await app.As(Demo.InspectorTH);
        var response = await th.PostJson("/api/v1/verification/batches", Batch("TH-A"));
        await response.ShouldBe(HttpStatusCode.Accepted);
        var id = (await response.Json())["id"].Str();
        Assert.Equal($"/api/v1/verification/batches/{id}", response.Headers.Location!.OriginalString);

        var seenByTh = await Processed(th, id);
        Assert.Equal(("TH", "KH", 3, 3, "awaitingDecisions"), (seenByTh["batch"]!["fromState"].Str(), seenByTh["batch"]!["toState"].Str(),
            seenByTh["batch"]!["total"]!.GetValue<int>(), seenByTh["batch"]!["processed"]!.GetValue<int>(), seenByTh["batch"]!["status"].Str()));
        Assert.Equal(["underReview", "underReview", "notFound"], seenByTh["requests"]!.AsArray().Select(r => r!["result"].Str()));
        // The requesting state sees results only: no score, candidate, or anything of the registry record.
        var text = seenByTh.ToJsonString();
        Assert.DoesNotContain("KH-CR-DEMO", text);
        Assert.DoesNotContain("Keo Thida", text);
        Assert.All(seenByTh["requests"]!.AsArray(), r => Assert.Null(r!["score"]));

        using var kh = await app.As(Demo.LabourKH);
        var seenByKh = await (await kh.GetAsync($"/api/v1/verification/batches/{id}")).OkJson();
        Assert.Equal(["matched", "possible", "notFound"], seenByKh["requests"]!.AsArray().Select(r => r!["outcome"].Str()));
        Assert.True(Request(seenByKh, "TH-A-1")["score"]!.GetValue<double>() >= 0.99);
        Assert.Equal("civilRegistry", Request(seenByKh, "TH-A-2")["candidateSource"].Str());

        // Listed for both states, not for a third.
        Assert.Contains((await (await th.GetAsync("/api/v1/verification/batches")).OkJson()).AsArray(), b => b!["id"].Str() == id);
        Assert.Contains((await (await kh.GetAsync("/api/v1/verification/batches")).OkJson()).AsArray(), b => b!["id"].Str() == id);
        using var mm = await app.As(Demo.LabourMM);
        Assert.DoesNotContain((await (await mm.GetAsync("/api/v1/verification/batches")).OkJson()).AsArray(), b => b!["id"].Str() == id);
        await (await mm.GetAsync($"/api/v1/verification/batches/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.Action == "verification.submit" && e.RecordId == id && e.UserName == Demo.InspectorTH)));
        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.Action == "verification.match" && e.RecordType == nameof(VerificationRequest))));
    }

    [Fact]
    public async Task Cambodia_reviews_side_by_side_and_confirms_and_Thailand_sees_matched_with_the_Certificate_of_Identity()
    {
        using var th = await app.As(Demo.InspectorTH);
        var id = (await (await th.PostJson("/api/v1/verification/batches", Batch("TH-B"))).Json())["id"].Str();
        await Processed(th, id);
        using var kh = await app.As(Demo.LabourKH);
        var possible = Request(await (await kh.GetAsync($"/api/v1/verification/batches/{id}")).OkJson(), "TH-B-2")["id"].Str();

        var review = await (await kh.GetAsync($"/api/v1/verification/requests/{possible}/review")).OkJson();
        Assert.Equal(("KH-CR-DEMO-0000000", "Meas", "Mias"), (review["candidate"]!["registryNumber"].Str(), review["candidate"]!["identity"]!["familyName"].Str(), review["declared"]!["familyName"].Str()));
        Assert.Equal("day-month swapped", review["evidence"]!.AsArray().Single(e => e!["field"].Str() == "dateOfBirth")!["level"].Str());

        // Thailand may not read the review or decide: the request is hidden from it (404) or the decision refused.
        await (await th.GetAsync($"/api/v1/verification/requests/{possible}/review")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await th.PostJson($"/api/v1/verification/requests/{possible}/decision", new { decision = "confirm", reason = "x" })).ShouldBeProblem(HttpStatusCode.Forbidden);

        await (await kh.PostJson($"/api/v1/verification/requests/{possible}/decision", new { decision = "confirm" })).ShouldNameFields("reason");
        var decided = await (await kh.PostJson($"/api/v1/verification/requests/{possible}/decision", new { decision = "confirm", reason = "Registry entry and place of birth agree; spelling is a romanisation variant." })).OkJson();
        var ci = decided["certificateNumber"].Str();
        Assert.Matches($"^KH-CI-{DateTime.UtcNow.Year}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{{8}}$", ci);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2).AddDays(-1), DateOnly.Parse(decided["certificateValidUntil"].Str(), System.Globalization.CultureInfo.InvariantCulture));
        await (await kh.PostJson($"/api/v1/verification/requests/{possible}/decision", new { decision = "reject", reason = "Twice." })).ShouldBeProblem(HttpStatusCode.Conflict);

        var seenByTh = Request(await (await th.GetAsync($"/api/v1/verification/batches/{id}")).OkJson(), "TH-B-2");
        Assert.Equal(("matched", ci), (seenByTh["result"].Str(), seenByTh["certificateNumber"].Str()));
        Assert.True(await app.Db(db => db.AuditEvents.AnyAsync(e => e.Action == "verification.confirm" && e.RecordId == possible && e.UserName == Demo.LabourKH)));

        // Rejecting the stranger completes nothing yet (the matched one is undecided); deciding it completes the batch.
        var seenByKh = await (await kh.GetAsync($"/api/v1/verification/batches/{id}")).OkJson();
        await (await kh.PostJson($"/api/v1/verification/requests/{Request(seenByKh, "TH-B-3")["id"].Str()}/decision", new { decision = "confirm", reason = "x" })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await kh.PostJson($"/api/v1/verification/requests/{Request(seenByKh, "TH-B-1")["id"].Str()}/decision", new { decision = "reject", reason = "The worker withdrew the request." })).OkJson();
        var done = await (await th.GetAsync($"/api/v1/verification/batches/{id}")).OkJson();
        Assert.Equal(("completed", "notFound"), (done["batch"]!["status"].Str(), Request(done, "TH-B-1")["result"].Str()));
    }

    [Fact]
    public async Task The_receiving_state_cannot_see_the_sending_states_registry_records()
    {
        var known = await app.Db(db => db.Set<CivilRegistryRecord>().AsNoTracking().SingleAsync(c => c.RegistryNumber == DemoRegistry.KnownKh().RegistryNumber));
        using var kh = await app.As(Demo.LabourKH);
        Assert.Equal("Keo Thida", (await (await kh.GetAsync($"/api/v1/verification/registry/{known.Id}")).OkJson())["motherName"].Str());
        Assert.Equal(240, (await (await kh.GetAsync("/api/v1/verification/registry")).OkJson())["total"]!.GetValue<int>());

        using var th = await app.As(Demo.InspectorTH);
        await (await th.GetAsync($"/api/v1/verification/registry/{known.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await th.GetAsync("/api/v1/verification/registry")).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var mm = await app.As(Demo.LabourMM);
        await (await mm.GetAsync($"/api/v1/verification/registry/{known.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain("KH-CR-DEMO", (await (await mm.GetAsync("/api/v1/verification/registry")).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_bad_csv_is_rejected_whole_naming_every_bad_row_and_nothing_is_saved()
    {
        using var th = await app.As(Demo.InspectorTH);
        var before = await app.Db(db => db.Set<VerificationBatch>().CountAsync());
        var csv = string.Join(',', VerificationInput.Columns) + "\nTH-C-1,Meas,Sophea,1993-04-09,,,,\nTH-C-2,Meas,Dara,09.04.1993,,,,\n,Sok,Dara,1990-01-01,,,,\nTH-C-1,Sok,Vanna,1991-02-03,,,,\n";
        var response = await th.PostAsync($"/api/v1/verification/batches?toState=KH&deadline={Deadline}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var errors = await response.ShouldNameFields("line 3: date_of_birth", "line 4: local_reference", "line 5: local_reference");
        Assert.DoesNotContain(errors, e => e.Key.StartsWith("line 2", StringComparison.Ordinal));
        Assert.Equal(before, await app.Db(db => db.Set<VerificationBatch>().CountAsync()));

        // The same file corrected is accepted.
        var good = string.Join(',', VerificationInput.Columns) + "\nTH-C-1,Meas,Sophea,1993-04-09,,,,\nTH-C-2,Meas,Dara,1993-04-09,,,,\n";
        await (await th.PostAsync($"/api/v1/verification/batches?toState=KH&deadline={Deadline}", new StringContent(good, Encoding.UTF8, "text/csv"))).ShouldBe(HttpStatusCode.Accepted);
        // A labour officer of a sending state may not send batches.
        using var kh = await app.As(Demo.LabourKH);
        await (await kh.PostJson("/api/v1/verification/batches", Batch("KH-X"))).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_block_whose_lease_ran_out_is_taken_again_and_a_leased_one_is_left_alone()
    {
        // Two blocks of one batch, written directly: one leased by a node that died (lease over), one leased by a live node.
        var batch = await app.Db(async db =>
        {
            var b = new VerificationBatch { ToState = "MM", FromState = "TH", SubmittedBy = "test", SubmittedAt = DateTimeOffset.UtcNow, Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5), Total = 2 };
            db.Add(b);
            var known = DemoRegistry.KnownMm();
            db.Add(new VerificationRequest { BatchId = b.Id, ToState = "MM", FromState = "TH", Line = 1, Block = 0, LocalReference = "L-1", FamilyName = "Tun", GivenNames = "Kyaw Aung", DateOfBirth = known.DateOfBirth, FatherName = known.FatherName, MotherName = known.MotherName });
            db.Add(new VerificationRequest { BatchId = b.Id, ToState = "MM", FromState = "TH", Line = 2, Block = 1, LocalReference = "L-2", FamilyName = "X", GivenNames = "Y", DateOfBirth = new DateOnly(1980, 1, 1) });
            db.Add(new VerificationBlock { BatchId = b.Id, Number = 0, LeaseOwner = "dead-node", LeaseUntilMs = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds() });
            db.Add(new VerificationBlock { BatchId = b.Id, Number = 1, LeaseOwner = "live-node", LeaseUntilMs = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds() });
            await db.SaveChangesAsync();
            return b;
        });
        Cebu.Core.Features.Verification.VerificationSignal.Raise();
        for (var i = 0; i < 600 && await app.Db(db => db.Set<VerificationBlock>().AnyAsync(x => x.BatchId == batch.Id && x.Number == 0 && x.DoneAt == null)); i++) await Task.Delay(100);
        var blocks = await app.Db(db => db.Set<VerificationBlock>().AsNoTracking().Where(x => x.BatchId == batch.Id).OrderBy(x => x.Number).ToListAsync());
        Assert.NotNull(blocks[0].DoneAt);
        Assert.NotEqual("dead-node", blocks[0].LeaseOwner);
        Assert.Equal(("live-node", null), (blocks[1].LeaseOwner, blocks[1].DoneAt));
        var stored = await app.Db(db => db.Set<VerificationBatch>().AsNoTracking().SingleAsync(x => x.Id == batch.Id));
        Assert.Equal((1, 1, BatchStatus.Matching), (stored.Processed, stored.Matched, stored.Status));
    }
}

public sealed class VerificationApiTests_on_Sqlite(SqliteApp app) : VerificationApiTests<SqliteApp>(app);
public sealed class VerificationApiTests_on_Postgres(PostgresApp app) : VerificationApiTests<PostgresApp>(app);
