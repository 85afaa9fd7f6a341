using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Csv;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Web.Tests;

/// <summary>The registry as CSV through the API: dry runs that write nothing, imports that write every valid row at once, exports that re-import.</summary>
public abstract class ImportExportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private static readonly string Header = string.Join(',', AgencyCsv.Columns);

    private static StringContent Csv(params string[] lines) => new(string.Join('\n', lines) + "\n", Encoding.UTF8, "text/csv");

    private async Task<int> KhAgencies() => await app.Db(db => db.Set<Agency>().CountAsync(a => a.LicensingState == "KH"));

    private static List<CsvRecord> Parse(string csv) => Cebu.Core.Platform.Csv.Csv.Read(new StringReader(csv)).ToList();

    /// <summary>Two valid rows (one with a quoted, two-line address) among rows that are each wrong in one way.</summary>
    private static StringContent MixedFile(string tag) => Csv(
        Header,
        $"KH-{tag}-001,Siem Reap Temple Careers Co. Ltd,ក្រុមហ៊ុន សៀមរាប; Temple Careers,12 Pub Street,+855 63 000 001,jobs@temple.example.org,,Sophea Importer (owner); Vuthy Importer (manager),2026-01-01,2029-01-01,TH:hospitality; JP:care,,,,",
        $"KH-{tag}-002,,,12 Nameless Street,,,,Dara Importer (owner),2026-01-01,2029-01-01,TH:construction,,,,",                                  // line 3: no legal name
        $"KH-{tag}-003,Bad Date Co. Ltd,,3 Calendar Road,,,,Dara Importer (owner),2026-13-01,2029-01-01,TH:construction,,,,",                      // line 4: month 13
        $"{Demo.GoldenLotus},Golden Lotus Again,,4 Copy Street,,,,Dara Importer (owner),2026-01-01,2029-01-01,TH:construction,,,,",                // line 5: already registered
        $"KH-{tag}-005,\"Battambang Rice, Fish and Jobs Co. Ltd\",,\"5 River Road,\nBattambang\",,,,Chan Importer (director),2026-01-01,2029-01-01,MY:agriculture,suspended,2026-06-01,Fees above the ceiling,Sub-Decree No. 190 art. 30", // lines 6-7: valid, suspended
        $"KH-{tag}-006,Blacklisted Without Reason Co. Ltd,,8 Quiet Street,,,,Dara Importer (owner),2026-01-01,2029-01-01,TH:construction,blacklisted,,,", // line 8
        $"KH-{tag}-001,Duplicate In File Co. Ltd,,9 Echo Street,,,,Dara Importer (owner),2026-01-01,2029-01-01,TH:construction,,,,",             // line 9: same licence as line 2
        $"KH-{tag}-010,Nowhere Destinations Co. Ltd,,10 Atlas Road,,,,Dara Importer (boss),2026-01-01,2029-01-01,XX:knitting,,,,",               // line 10: destination, sector, role
        $"KH-{tag}-011,Too Few Fields Co. Ltd,,11 Short Road");                                                                                   // line 11

    private static void Rejected(JsonNode report, int line, string licence, params string[] reasonParts)
    {
        var row = report["rejected"]!.AsArray().SingleOrDefault(r => r!["line"]!.GetValue<int>() == line);
        Assert.True(row is not null, $"Line {line} should be rejected: {report["rejected"]!.ToJsonString()}");
        if (licence.Length > 0) Assert.Equal(licence, row!["licenceNumber"]?.GetValue<string>());
        var reasons = string.Join(" | ", row!["reasons"]!.AsArray().Select(r => r.Str()));
        foreach (var part in reasonParts) Assert.True(reasons.Contains(part, StringComparison.OrdinalIgnoreCase), $"Line {line}'s reasons should mention '{part}': {reasons}");
    }

    [Fact]
    public async Task A_dry_run_reports_each_rejected_row_with_its_line_and_reason_and_writes_nothing()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var before = await KhAgencies();
        var auditBefore = await app.Db(db => db.AuditEvents.CountAsync());

        var report = await (await kh.PostAsync("/api/v1/agencies/import?dryRun=true", MixedFile("DRY"))).OkJson();
        Assert.Equal(9, report["rows"]!.GetValue<int>()); // records, not lines: the quoted address spans two
        Assert.Equal(2, report["valid"]!.GetValue<int>());
        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Equal(0, report["imported"]!.GetValue<int>());
        Assert.Equal([3, 4, 5, 8, 9, 10, 11], report["rejected"]!.AsArray().Select(r => r!["line"]!.GetValue<int>()));
        Rejected(report, 3, "KH-DRY-002", "legalName");
        Rejected(report, 4, "KH-DRY-003", "valid_from", "YYYY-MM-DD");
        Rejected(report, 5, Demo.GoldenLotus, "already in the registry");
        Rejected(report, 8, "KH-DRY-006", "status_reason", "status_legal_reference");
        Rejected(report, 9, "KH-DRY-001", "also appears on line 2");
        Rejected(report, 10, "KH-DRY-010", "destination", "sector", "role");
        Rejected(report, 11, "KH-DRY-011", "fields");

        Assert.Equal(before, await KhAgencies());
        Assert.Equal(auditBefore, await app.Db(db => db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task Committing_imports_every_valid_row_and_reports_the_rejected_ones()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var before = await KhAgencies();
        var report = await (await kh.PostAsync("/api/v1/agencies/import?dryRun=false", MixedFile("IMP"))).OkJson();
        Assert.True(report["committed"]!.GetValue<bool>());
        Assert.Equal(2, report["imported"]!.GetValue<int>());
        Assert.Equal(7, report["rejected"]!.AsArray().Count);
        Assert.Equal(before + 2, await KhAgencies());

        var temple = await app.Agency("KH-IMP-001");
        Assert.Equal("KH", temple.LicensingState);
        Assert.Equal(["ក្រុមហ៊ុន សៀមរាប", "Temple Careers"], temple.OtherNames.Select(n => n.Name));
        Assert.Equal(AgencyNameKind.LocalScript, temple.OtherNames[0].Kind);
        Assert.Equal(["Sophea Importer:owner", "Vuthy Importer:manager"], temple.Principals.Select(p => $"{p.Name}:{p.Role}"));
        Assert.Equal(["TH:hospitality", "JP:care"], temple.Accreditations.Select(a => $"{a.Destination}:{a.Sector}"));
        var import = Assert.Single(temple.History);
        Assert.Equal("import", import.Action);
        Assert.Equal(Demo.LicensingKH, import.DecidedBy);

        var rice = await app.Agency("KH-IMP-005");
        Assert.Equal("Battambang Rice, Fish and Jobs Co. Ltd", rice.LegalName);
        Assert.Equal("5 River Road,\nBattambang", rice.Address);
        Assert.Equal(LicenceStatus.Suspended, rice.Status);
        Assert.Equal(new DateOnly(2026, 6, 1), rice.StatusSince);
        Assert.Equal("Fees above the ceiling", rice.StatusReason);

        // Imported agencies are in the public check at once.
        using var anyone = app.Anonymous();
        var found = (await (await anyone.GetAsync("/api/v1/public/agencies?q=temple%20careers")).OkJson()).Items();
        Assert.Contains(found, a => a["licenceNumber"].Str() == "KH-IMP-001");
    }

    [Fact]
    public async Task An_import_is_one_transaction_a_row_the_database_refuses_leaves_nothing_written()
    {
        using var kh = await app.As(Demo.LicensingKH);
        // A trigger makes the database refuse one row that passes every check of the application.
        await app.Db(db => db.Database.ExecuteSqlRawAsync(db.IsPostgres
            ? """
              CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER refuse_boom BEFORE INSERT ON "Agency" FOR EACH ROW WHEN (NEW."LicenceNumber" = 'KH-TX-002') EXECUTE FUNCTION refuse_boom();
              """
            : "CREATE TRIGGER refuse_boom BEFORE INSERT ON Agency WHEN NEW.LicenceNumber = 'KH-TX-002' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"));
        try
        {
            var before = await KhAgencies();
            var auditBefore = await app.Db(db => db.AuditEvents.CountAsync());
            var response = await kh.PostAsync("/api/v1/agencies/import?dryRun=false", Csv(Header,
                "KH-TX-001,Transaction One Co. Ltd,,1 Atomic Street,,,,Kosal Txn (owner),2026-01-01,2029-01-01,TH:construction,,,,",
                "KH-TX-002,Transaction Two Co. Ltd,,2 Atomic Street,,,,Kosal Txn (owner),2026-01-01,2029-01-01,TH:construction,,,,",
                "KH-TX-003,Transaction Three Co. Ltd,,3 Atomic Street,,,,Kosal Txn (owner),2026-01-01,2029-01-01,TH:construction,,,,"));
            await response.ShouldBeProblem(HttpStatusCode.InternalServerError);
            Assert.Equal(before, await KhAgencies());
            Assert.Equal(auditBefore, await app.Db(db => db.AuditEvents.CountAsync()));
            Assert.False(await app.Db(db => db.Set<AgencySearchTerm>().AnyAsync(t => t.Term.StartsWith("transaction"))));
        }
        finally
        {
            await app.Db(db => db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? "DROP TRIGGER refuse_boom ON \"Agency\"; DROP FUNCTION refuse_boom();"
                : "DROP TRIGGER refuse_boom;"));
        }
    }

    [Fact]
    public async Task An_export_reimported_under_new_licence_numbers_gives_the_same_registry()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var response = await kh.GetAsync("/api/v1/agencies/export");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var exported = Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(AgencyCsv.Columns, exported[0].Fields);
        var rows = exported.Skip(1).ToList();
        Assert.Equal(await KhAgencies(), rows.Count);
        Assert.Contains(rows, r => r.Fields[0] == Demo.GoldenLotus && r.Fields[1] == Demo.GoldenLotusName && r.Fields[2] == "ក្រុមហ៊ុន ផ្កាឈូកមាស");

        // The same file with every licence number changed imports completely.
        var tag = $"RT{Guid.NewGuid().ToString("N")[..4].ToUpperInvariant()}-";
        var again = new StringWriter();
        Cebu.Core.Platform.Csv.Csv.WriteRow(again, AgencyCsv.Columns);
        foreach (var r in rows) Cebu.Core.Platform.Csv.Csv.WriteRow(again, r.Fields.Select((f, i) => i == 0 ? tag + f : f));
        var report = await (await kh.PostAsync("/api/v1/agencies/import?dryRun=false", new StringContent(again.ToString(), Encoding.UTF8, "text/csv"))).OkJson();
        Assert.Empty(report["rejected"]!.AsArray());
        Assert.Equal(rows.Count, report["imported"]!.GetValue<int>());

        // Exported again, the copies equal the originals in every column but the licence number.
        var second = Parse(await (await kh.GetAsync("/api/v1/agencies/export")).Content.ReadAsStringAsync()).Skip(1).ToDictionary(r => r.Fields[0]);
        foreach (var original in rows)
            Assert.Equal(original.Fields.Skip(1), second[tag + original.Fields[0]].Fields.Skip(1));
    }

    [Fact]
    public async Task A_file_without_the_columns_or_without_rows_is_a_400_naming_file()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var errors = await (await kh.PostAsync("/api/v1/agencies/import?dryRun=true", Csv("licence_number,name", "KH-X-1,Some Name"))).ShouldNameFields("file");
        Assert.Contains("legal_name", errors["file"]![0].Str());
        await (await kh.PostAsync("/api/v1/agencies/import?dryRun=true", new StringContent("", Encoding.UTF8, "text/csv"))).ShouldNameFields("file");
    }

    [Fact]
    public async Task Only_licensing_officers_import_and_only_officials_with_the_registry_export()
    {
        using var consul = await app.As(Demo.ConsulKHinTH);
        await (await consul.PostAsync("/api/v1/agencies/import?dryRun=true", MixedFile("NO"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        // The embassy reads its state's registry, so it may export it.
        var rows = Parse(await (await consul.GetAsync("/api/v1/agencies/export")).Content.ReadAsStringAsync()).Skip(1).ToList();
        Assert.NotEmpty(rows);
        var kh = await app.Db(db => db.Set<Agency>().Where(a => a.LicensingState == "KH").Select(a => a.LicenceNumber).ToListAsync());
        Assert.Equal(kh.Order(StringComparer.Ordinal), rows.Select(r => r.Fields[0]).Order(StringComparer.Ordinal));
        using var inspector = await app.As(Demo.InspectorTH);
        await (await inspector.GetAsync("/api/v1/agencies/export")).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var anyone = app.Anonymous();
        await (await anyone.GetAsync("/api/v1/agencies/export")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}

public sealed class ImportExportTests_on_Sqlite(SqliteApp app) : ImportExportTests<SqliteApp>(app);
public sealed class ImportExportTests_on_Postgres(PostgresApp app) : ImportExportTests<PostgresApp>(app);
