extern alias cli;
using System.Net;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Audit;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using CebuCommand = cli::Cebu.Cli.CebuCommand;

namespace Cebu.Web.Tests;

/// <summary>
/// Every write appends to a hash chain; `cebu audit verify` finds an altered or removed event. The CLI runs in-process
/// with Console.Out captured, so these classes share one collection and never run at the same time.
/// </summary>
public abstract class AuditTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private async Task<(int Code, string Output)> Verify()
    {
        var original = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var code = await CebuCommand.Build().Parse(["audit", "verify", "--provider", app.Provider, "--connection", app.ConnectionString]).InvokeAsync();
            return (code, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    private async Task AssertIntact()
    {
        var (code, output) = await Verify();
        Assert.True(code == 0, $"cebu audit verify exited {code}: {output}");
        var count = await app.Db(db => db.AuditEvents.CountAsync());
        Assert.Contains($"Audit chain intact: {count} events verified.", output);
    }

    private Task<AuditVerification> VerifyUseCase() => app.WithService<VerifyAuditChain, AuditVerification>(v => v.Handle(null, CancellationToken.None));

    /// <summary>Some writes of different kinds, so that the chain has something of everything.</summary>
    private async Task<Guid> SomeWrites()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var created = await kh.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency($"KH-AUD-{Guid.NewGuid().ToString("N")[..6]}", "Audit Trail Manpower Co., Ltd.", "Pisey Auditperson", "1 Ledger Street, Kampot")));
        await created.ShouldBe(HttpStatusCode.Created);
        var id = Guid.Parse((await created.Json())["id"].Str());
        await (await kh.PostJson($"/api/v1/agencies/{id}/status", new { action = "suspend", reason = "Audit test suspension.", legalReference = "Sub-Decree No. 190, art. 30" })).ShouldBe(HttpStatusCode.OK);
        using var inspector = await app.As(Demo.InspectorTH);
        await (await inspector.PostJson("/api/v1/errant-reports", new { licensingState = "KH", licenceNumber = Demo.GoldenLotus, whatHappened = "Audit test report.", occurredOn = Samples.Today, place = "Chon Buri" })).ShouldBe(HttpStatusCode.Created);
        return id;
    }

    [Fact]
    public async Task Writes_are_audited_with_who_what_and_why()
    {
        var id = await SomeWrites();
        var events = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordId == id.ToString()).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["agency.grant", "agency.suspend"], events.Where(e => e.RecordType == nameof(Agency)).Select(e => e.Action));
        var suspend = events.Single(e => e.Action == "agency.suspend" && e.RecordType == nameof(Agency));
        Assert.Equal(Demo.LicensingKH, suspend.UserName);
        Assert.Equal("kh-mlvt", suspend.OrganisationId);
        Assert.False(string.IsNullOrEmpty(suspend.UserId));
        Assert.Equal("Audit test suspension.", suspend.Reason);
        Assert.Contains("Status", suspend.ChangedFields!.Split(','));
        Assert.InRange(suspend.At, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
        // Values are not copied into the log, only the names of the fields written.
        Assert.DoesNotContain(await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.ChangedFields != null).Select(e => e.ChangedFields!).ToListAsync()),
            f => f.Contains("Audit Trail Manpower"));
        // The decision itself is a record too, audited under the same action.
        var change = await app.Db(db => db.Set<AgencyStatusChange>().AsNoTracking().SingleAsync(c => c.AgencyId == id && c.Action == "suspend"));
        Assert.Contains(await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordId == change.Id.ToString()).ToListAsync()),
            e => e.Action == "agency.suspend" && e.RecordType == nameof(AgencyStatusChange));
    }

    [Fact]
    public async Task After_writes_the_chain_is_intact_for_the_use_case_and_the_cli()
    {
        await SomeWrites();
        var result = await VerifyUseCase();
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(await app.Db(db => db.AuditEvents.LongCountAsync()), result.EventsChecked);
        // Sequences run from 1 with no gaps, each event pointing at the hash of the one before.
        var chain = await app.Db(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, chain.Count).Select(i => (long)i), chain.Select(e => e.Sequence));
        Assert.Equal(AuditEvent.Genesis, chain[0].PreviousHash);
        await AssertIntact();
    }

    [Fact]
    public async Task Altering_an_event_in_the_database_is_found_and_its_sequence_named()
    {
        await SomeWrites();
        await AssertIntact();
        var target = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "agency.suspend").OrderBy(e => e.Sequence).FirstAsync());
        await app.Db(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Reason" = {"Nothing happened here."} WHERE "Sequence" = {target.Sequence}"""));
        try
        {
            var (code, output) = await Verify();
            Assert.Equal(2, code);
            Assert.Contains($"Audit chain BROKEN at event {target.Sequence}:", output);
            Assert.Contains("altered", output);
            Assert.Contains($"{target.Sequence - 1} events before it are intact", output);
            var result = await VerifyUseCase();
            Assert.Equal(target.Sequence, result.BrokenAt);
        }
        finally
        {
            await app.Db(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Reason" = {target.Reason} WHERE "Sequence" = {target.Sequence}"""));
        }
        await AssertIntact();
    }

    [Fact]
    public async Task Rewriting_an_event_with_a_fresh_hash_is_found_at_the_next_event()
    {
        await SomeWrites();
        var target = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "agency.grant").OrderBy(e => e.Sequence).FirstAsync());
        var forged = new AuditEvent
        {
            Sequence = target.Sequence, At = target.At, UserId = target.UserId, UserName = "someone-else@kh.demo", OrganisationId = target.OrganisationId,
            Action = target.Action, RecordType = target.RecordType, RecordId = target.RecordId, ChangedFields = target.ChangedFields, Reason = target.Reason, PreviousHash = target.PreviousHash,
        };
        var forgedHash = forged.ComputeHash();
        await app.Db(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "UserName" = {forged.UserName}, "Hash" = {forgedHash} WHERE "Sequence" = {target.Sequence}"""));
        try
        {
            var (code, output) = await Verify();
            Assert.Equal(2, code);
            Assert.Contains($"Audit chain BROKEN at event {target.Sequence + 1}:", output);
            Assert.Contains("does not point to the hash", output);
        }
        finally
        {
            await app.Db(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "UserName" = {target.UserName}, "Hash" = {target.Hash} WHERE "Sequence" = {target.Sequence}"""));
        }
        await AssertIntact();
    }

    [Fact]
    public async Task Deleting_an_event_is_found_and_the_missing_sequence_named()
    {
        await SomeWrites();
        var count = await app.Db(db => db.AuditEvents.LongCountAsync());
        var removed = await app.Db(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == count / 2));
        await app.Db(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Sequence" = {removed.Sequence}"""));
        try
        {
            var (code, output) = await Verify();
            Assert.Equal(2, code);
            Assert.Contains($"Audit chain BROKEN at event {removed.Sequence}: event {removed.Sequence} is missing", output);
            Assert.Equal(removed.Sequence, (await VerifyUseCase()).BrokenAt);
        }
        finally
        {
            await app.Db(async db =>
            {
                db.AuditEvents.Add(removed);
                await db.SaveChangesAsync();
            });
        }
        await AssertIntact();
    }
}

[Collection("Console output")]
public sealed class AuditTests_on_Sqlite(SqliteApp app) : AuditTests<SqliteApp>(app);
[Collection("Console output")]
public sealed class AuditTests_on_Postgres(PostgresApp app) : AuditTests<PostgresApp>(app);
