using System.Net;
using Cebu.Web.Tests.Infrastructure;

namespace Cebu.Web.Tests;

/// <summary>Text longer than its column is the caller's error (400 naming the field) on both databases, never a 500.</summary>
public abstract class LengthTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    [Fact]
    public async Task An_overlong_address_is_a_400_naming_address()
    {
        using var kh = await app.As(Demo.LicensingKH);
        await (await kh.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency("KH-LONG-001", "Long Address Co., Ltd.").With("address", new string('a', 501))))).ShouldNameFields("address");
        await (await kh.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency("KH-LONG-002", "Long Address Co., Ltd.").With("address", new string('a', 500))))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_overlong_reason_or_legal_reference_is_a_400_naming_it()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var id = await app.AgencyId("KH-DEMO-006");
        await (await kh.PostJson($"/api/v1/agencies/{id}/status", new { action = "suspend", reason = new string('r', 1001), legalReference = new string('l', 301) })).ShouldNameFields("reason", "legalReference");
    }

    [Fact]
    public async Task Overlong_report_fields_are_a_400_naming_each()
    {
        using var inspector = await app.As(Demo.InspectorTH);
        await (await inspector.PostJson("/api/v1/errant-reports", new { licensingState = "KH", licenceNumber = Demo.GoldenLotus, whatHappened = new string('w', 4001), occurredOn = Samples.Today, place = new string('p', 301), evidence = new string('e', 4001) }))
            .ShouldNameFields("whatHappened", "place", "evidence");
    }

    [Fact]
    public async Task An_overlong_action_or_justification_is_a_400_naming_it()
    {
        var report = await app.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<Cebu.Core.Features.Agencies.ErrantAgencyReport>(), r => r.LicensingState == "KH"));
        using var kh = await app.As(Demo.LicensingKH);
        await (await kh.PostJson($"/api/v1/errant-reports/{report.Id}/action", new { actionTaken = new string('a', 4001) })).ShouldNameFields("actionTaken");
        await (await kh.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency("KH-LONG-003", "Long Justification Co., Ltd.", principal: "Chenda Fictional"), reviewed: true, justification: new string('j', 901))))
            .ShouldNameFields("justification");
    }

    [Fact]
    public async Task An_import_row_with_overlong_text_is_rejected_with_its_line_not_a_500()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var csv = "licence_number,legal_name,other_names,address,phone,email,website,principals,valid_from,valid_until,accreditations,status,status_since,status_reason,status_legal_reference\n" +
                  $"KH-LONG-010,Long Import Co. Ltd,,{new string('a', 501)},,,,Sreymom Longrow (owner),2026-01-01,2029-01-01,TH:construction,,,,\n" +
                  $"KH-LONG-011,Long Import Two Co. Ltd,,1 Short Street,,,,Sreymom Longrow (owner),2026-01-01,2029-01-01,TH:construction,suspended,2026-02-01,{new string('r', 1001)},{new string('l', 301)}\n";
        var report = await (await kh.PostAsync("/api/v1/agencies/import?dryRun=false", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))).OkJson();
        var rejected = report["rejected"]!.AsArray();
        Assert.Equal([2, 3], rejected.Select(r => r!["line"]!.GetValue<int>()));
        Assert.Contains(rejected[0]!["reasons"]!.AsArray(), m => m!.Str().StartsWith("address:"));
        Assert.Contains(rejected[1]!["reasons"]!.AsArray(), m => m!.Str().Contains("status_reason"));
        Assert.Contains(rejected[1]!["reasons"]!.AsArray(), m => m!.Str().Contains("status_legal_reference"));
    }
}

public sealed class LengthTests_on_Sqlite(SqliteApp app) : LengthTests<SqliteApp>(app);
public sealed class LengthTests_on_Postgres(PostgresApp app) : LengthTests<PostgresApp>(app);
