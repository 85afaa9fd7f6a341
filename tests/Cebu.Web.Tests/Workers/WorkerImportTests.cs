extern alias cli;
using System.Globalization;
using System.Text;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Csv;
using Cebu.Core.Platform.Results;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CebuCommand = cli::Cebu.Cli.CebuCommand;

namespace Cebu.Web.Tests.Workers;

/// <summary>
/// The bulk import of workers (`cebu workers import`, the ImportWorkers use case): every row checked with its line
/// number reported, nothing written unless every row is valid, the whole file loaded by the database's bulk path
/// in one transaction, found by search afterwards, and one audit event per import that keeps the chain intact.
/// </summary>
public abstract class WorkerImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private static readonly string Header = string.Join(',', ImportWorkers.Columns);
    private static readonly string[] Syllables = ["ka", "lo", "mi", "nu", "pe", "ra", "so", "ti", "vu", "ya", "bo", "de"];
    private static readonly string[] Given = ["Sokha", "Bopha", "Dara", "Chenda", "Vuthy", "Sophea", "Kosal", "Mealea", "Rithy", "Sreypov"];

    /// <summary>An obviously fictional family name, different for each row of a file.</summary>
    private static string Family(string tag, int i) =>
        "Demo" + tag + string.Concat(Enumerable.Range(0, 4).Select(k => Syllables[i / (int)Math.Pow(Syllables.Length, k) % Syllables.Length]));

    private static string Row(string tag, int i, string? passport = null, string sex = "F", string dob = "") =>
        string.Join(',', Family(tag, i), Given[i % Given.Length], i % 7 == 0 ? "សុខា" : "", i % 3 == 0 ? "M" : sex,
            dob.Length > 0 ? dob : new DateOnly(1980, 1, 1).AddDays(i % 7000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "Phnom Penh", "KH", $"DEMO-NID-{tag}-{i}", passport ?? $"DEMO{tag}{i:D6}", "2031-06-30", "", "+855 10 000 000", $"w{i}@example.org",
            Csv.Escape($"{i} Example Street, Phnom Penh"), "Demo Kin", "mother", "+855 10 000 001", "km;en", i % 2 == 0 ? "TH" : "MY", "construction");

    /// <summary>A file of <paramref name="rows"/> generated rows, with some lines replaced (line 2 is the first row).</summary>
    private static string File(string tag, int rows, Dictionary<int, string>? replace = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cebu-workers-{tag}-{Guid.NewGuid():N}.csv");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write(Header + "\n");
        for (var i = 0; i < rows; i++) w.Write((replace is not null && replace.TryGetValue(i + 2, out var line) ? line : Row(tag, i)) + "\n");
        return path;
    }

    private static FixedAccessContext LabourKH => new(null, "test:workers-import", null, "KH", null, false, Roles.Grants[Roles.LabourOfficer].ToHashSet());

    private async Task<Outcome<ImportReport>> Import(string path, bool dryRun = false)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Override = LabourKH;
        return await scope.ServiceProvider.GetRequiredService<ImportWorkers>().Handle(() => new StreamReader(path), dryRun, null, CancellationToken.None);
    }

    private Task<int> Workers(string tag) => app.Db(db => db.Set<Worker>().CountAsync(w => w.FamilyName.StartsWith("Demo" + tag)));
    private Task<int> AuditEvents() => app.Db(db => db.AuditEvents.CountAsync());

    /// <summary>Runs the CLI in-process (Console.Out captured; the class shares the "Console output" collection).</summary>
    private async Task<(int Code, string Output)> Cli(params string[] args)
    {
        var original = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var code = await CebuCommand.Build().Parse([.. args, "--provider", app.Provider, "--connection", app.ConnectionString]).InvokeAsync();
            return (code, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    private static void Rejected(ImportReport report, int line, params string[] reasonParts)
    {
        var row = report.Rejected.SingleOrDefault(r => r.Line == line);
        Assert.True(row is not null, $"Line {line} should be rejected: {string.Join("; ", report.Rejected.Select(r => $"{r.Line}: {string.Join(", ", r.Reasons)}"))}");
        var reasons = string.Join(" | ", row!.Reasons);
        foreach (var part in reasonParts) Assert.True(reasons.Contains(part, StringComparison.OrdinalIgnoreCase), $"Line {line}'s reasons should mention '{part}': {reasons}");
    }

    [Fact]
    public async Task Errors_late_in_a_large_file_are_reported_with_their_line_numbers_and_nothing_is_written()
    {
        const string tag = "LATE";
        // A worker registered before: the file's line 4,990 repeats that passport.
        var before = File("PRELATE", 1);
        var first = await Import(before);
        Assert.True(first.Ok && first.Value!.Committed);
        var registered = $"DEMOPRELATE{0:D6}";

        var path = File(tag, 5000, new()
        {
            [4_900] = Row(tag, 4_898, sex: "Q"),                                  // sex not F, M or X
            [4_950] = Row(tag, 4_948, passport: $"DEMO{tag}{10:D6}"),            // same passport as line 12
            [4_990] = Row(tag, 4_988, passport: registered),                     // already registered
            [4_999] = Row(tag, 4_997, dob: "1990-02-30"),                        // no such date
            [5_001] = "DemoLATEShort,Row,,F",                                   // too few fields, and no date of birth
        });
        try
        {
            var workersBefore = await app.Db(db => db.Set<Worker>().CountAsync());
            var auditBefore = await AuditEvents();
            var outcome = await Import(path);
            Assert.True(outcome.Ok, outcome.Problem?.Detail);
            var report = outcome.Value!;
            Assert.False(report.Committed);
            Assert.Equal(0, report.Imported);
            Assert.Equal(5000, report.Rows);
            Assert.Equal(4995, report.Valid);
            Assert.Equal([4_900, 4_950, 4_990, 4_999, 5_001], report.Rejected.Select(r => r.Line));
            Rejected(report, 4_900, "sex 'Q' is not F, M or X");
            Rejected(report, 4_950, $"passport DEMO{tag}{10:D6} also appears on line 12");
            Rejected(report, 4_990, $"passport {registered} is already registered");
            Rejected(report, 4_999, "date_of_birth '1990-02-30' is not a date");
            Rejected(report, 5_001, "has 4 fields where the header has 20", "date_of_birth is empty");
            Assert.Equal(registered, report.Rejected.Single(r => r.Line == 4_990).LicenceNumber);

            Assert.Equal(workersBefore, await app.Db(db => db.Set<Worker>().CountAsync()));
            Assert.Equal(0, await Workers(tag));
            Assert.Equal(auditBefore, await AuditEvents());
        }
        finally
        {
            System.IO.File.Delete(path);
            System.IO.File.Delete(before);
        }
    }

    [Fact]
    public async Task A_dry_run_of_a_valid_file_checks_every_row_and_writes_nothing()
    {
        var path = File("DRY", 300);
        try
        {
            var auditBefore = await AuditEvents();
            var report = (await Import(path, dryRun: true)).Value!;
            Assert.Equal((300, 300, false, 0), (report.Rows, report.Valid, report.Committed, report.Imported));
            Assert.Empty(report.Rejected);
            Assert.Equal(0, await Workers("DRY"));
            Assert.Equal(auditBefore, await AuditEvents());
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public async Task The_connection_gets_its_foreign_key_checks_back_after_an_import_committed_or_not()
    {
        // On SQLite the load runs with foreign keys off (checked once before the commit); the connection, which goes
        // back to the pool, must have them on again afterwards, whether the import committed or was rolled back.
        var good = File("FKON", 50);
        var bad = File("FKOFF", 50, new() { [30] = Row("FKOFF", 28, sex: "Q") });
        try
        {
            foreach (var (path, committed) in new[] { (good, true), (bad, false) })
            {
                using var scope = app.Services.CreateScope();
                scope.ServiceProvider.GetRequiredService<AccessScope>().Override = LabourKH;
                var outcome = await scope.ServiceProvider.GetRequiredService<ImportWorkers>().Handle(() => new StreamReader(path), false, null, CancellationToken.None);
                Assert.Equal(committed, outcome.Value!.Committed);
                var db = scope.ServiceProvider.GetRequiredService<Cebu.Core.Platform.Data.CebuDbContext>();
                Assert.Null(db.Database.CurrentTransaction);
                if (db.IsPostgres) continue;
                await db.Database.OpenConnectionAsync();
                try
                {
                    await using var pragma = db.Database.GetDbConnection().CreateCommand();
                    pragma.CommandText = "PRAGMA foreign_keys";
                    Assert.Equal(1L, Convert.ToInt64(await pragma.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            Assert.Equal(50, await Workers("FKON"));
            Assert.Equal(0, await Workers("FKOFF"));
        }
        finally
        {
            System.IO.File.Delete(good);
            System.IO.File.Delete(bad);
        }
    }

    [Fact]
    public async Task A_row_the_database_refuses_during_the_load_leaves_nothing_written()
    {
        const string tag = "TXN";
        const string refused = $"DEMO{tag}003500";
        // The row passes every check; a trigger makes the database refuse it, late in the load.
        await app.Db(db => db.Database.ExecuteSqlRawAsync(db.IsPostgres
            ? $"""
               CREATE FUNCTION refuse_worker() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql;
               CREATE TRIGGER refuse_worker BEFORE INSERT ON "Worker" FOR EACH ROW WHEN (NEW."PassportNumber" = '{refused}') EXECUTE FUNCTION refuse_worker();
               """
            : $"CREATE TRIGGER refuse_worker BEFORE INSERT ON Worker WHEN NEW.PassportNumber = '{refused}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"));
        var path = File(tag, 4000);
        try
        {
            var workersBefore = await app.Db(db => db.Set<Worker>().CountAsync());
            var termsBefore = await app.Db(db => db.Set<WorkerSearchTerm>().CountAsync());
            var eventsBefore = await app.Db(db => db.Set<WorkerEvent>().CountAsync());
            var auditBefore = await AuditEvents();
            var error = await Record.ExceptionAsync(() => Import(path));
            Assert.NotNull(error);
            Assert.Contains("refused by the test", error.ToString());
            Assert.Equal(workersBefore, await app.Db(db => db.Set<Worker>().CountAsync()));
            Assert.Equal(termsBefore, await app.Db(db => db.Set<WorkerSearchTerm>().CountAsync()));
            Assert.Equal(eventsBefore, await app.Db(db => db.Set<WorkerEvent>().CountAsync()));
            Assert.Equal(auditBefore, await AuditEvents());
        }
        finally
        {
            System.IO.File.Delete(path);
            await app.Db(db => db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? """DROP TRIGGER refuse_worker ON "Worker"; DROP FUNCTION refuse_worker();"""
                : "DROP TRIGGER refuse_worker;"));
        }
    }

    [Fact]
    public async Task The_cli_imports_5000_rows_whole_search_finds_them_and_the_audit_chain_verifies()
    {
        const string tag = "BULK";
        var path = File(tag, 5000);
        try
        {
            var auditBefore = await AuditEvents();
            var (code, output) = await Cli("workers", "import", path, "--state", "KH");
            Assert.True(code == 0, $"cebu workers import exited {code}: {output}");
            Assert.Contains("Imported 5000 of 5000 rows in one transaction; 0 rejected.", output);
            Assert.Equal(5000, await Workers(tag));

            // One audit event for the import, naming the count and the SHA-256 of the file's records.
            Assert.Equal(auditBefore + 1, await AuditEvents());
            var audit = await app.Db(db => db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync());
            Assert.Equal(("worker.import", "WorkerImport"), (audit.Action, audit.RecordType));
            using (var reader = new StreamReader(path))
                Assert.Equal($"CSV import of 5000 workers; SHA-256 of the file's records: {ImportWorkers.RecordsHash(reader)}.", audit.Reason);
            var (verified, verifyOutput) = await Cli("audit", "verify");
            Assert.True(verified == 0, $"cebu audit verify exited {verified}: {verifyOutput}");
            Assert.Contains($"Audit chain intact: {auditBefore + 1} events verified.", verifyOutput);

            // Search finds imported workers by name (and by a spelling variant), by passport number and by date of birth.
            using var kh = await app.As(Demo.LabourKH);
            // (Rows 1, 2,346 and 4,999 have no local-script name: their Latin name is the whole name, and it ranks first.)
            foreach (var i in new[] { 1, 2_346, 4_999 })
            {
                var name = $"{Given[i % Given.Length]} {Family(tag, i)}";
                var byName = (await (await kh.GetAsync($"/api/v1/workers?q={Uri.EscapeDataString(name)}")).OkJson()).Items().ToList();
                Assert.True(byName.Count > 0 && byName[0]["familyName"].Str() == Family(tag, i), $"'{name}' should be found first: {string.Join(", ", byName.Select(n => n["familyName"].Str()))}");
                var byPassport = (await (await kh.GetAsync($"/api/v1/workers?q=demo{tag}{i:D6}")).OkJson()).Items().ToList();
                Assert.Equal(Family(tag, i), Assert.Single(byPassport)["familyName"].Str());
            }
            var variant = (await (await kh.GetAsync($"/api/v1/workers?q={Uri.EscapeDataString(Family(tag, 2_346).ToUpperInvariant() + " " + Given[6].ToLowerInvariant())}")).OkJson()).Items();
            Assert.Equal(Family(tag, 2_346), variant.First()["familyName"].Str());

            // The record reads back as written through the application, with its timeline.
            var id = (await (await kh.GetAsync($"/api/v1/workers?q=DEMO{tag}{7:D6}")).OkJson()).Items().Single()["id"].Str();
            var details = await (await kh.GetAsync($"/api/v1/workers/{id}")).OkJson();
            var w = details["worker"]!;
            Assert.Equal((Given[7], "សុខា", "female", "KH", "KH", $"DEMONID{tag}7", "MY", "construction", "recruitment", "documented"),
                (w["givenNames"].Str(), w["nameInLocalScript"].Str(), w["sex"].Str(), w["nationality"].Str(), w["ownerState"].Str(),
                 w["nationalIdNumber"].Str(), w["destination"].Str(), w["sector"].Str(), w["phase"].Str(), w["documentationStatus"].Str()));
            Assert.Equal(new DateOnly(1980, 1, 8).ToString("yyyy-MM-dd"), w["dateOfBirth"].Str());
            Assert.Equal("2031-06-30", w["passportExpiry"].Str());
            Assert.Equal("7 Example Street, Phnom Penh", w["contacts"]!["addressAtHome"].Str());
            Assert.Equal(["km", "en"], w["languages"]!.AsArray().Select(l => l.Str()));
            Assert.Equal("Demo Kin", w["nextOfKin"]!["name"].Str());
            var registered = Assert.Single(details["timeline"]!.AsArray());
            Assert.Equal("registered", registered!["kind"].Str());
            Assert.Contains(audit.RecordId, registered["summary"].Str());

            // An edit of a bulk-loaded worker goes through EF as any other (the row's version and JSON columns read back).
            var edited = await kh.PutJson($"/api/v1/workers/{id}?reason=test", new
            {
                familyName = Family(tag, 7), givenNames = "Renamed", sex = "female", dateOfBirth = "1980-01-08", nationality = "KH",
                passportNumber = $"DEMO{tag}{7:D6}", languages = new[] { "km" },
            });
            await edited.ShouldBe(System.Net.HttpStatusCode.OK);

            // Importing the same file again: every row is already registered, nothing is written.
            var again = (await Import(path)).Value!;
            Assert.False(again.Committed);
            Assert.Equal(5000, again.Rejected.Count);
            Assert.Equal(5000, await Workers(tag));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}

[Collection("Console output")]
public sealed class WorkerImportTests_on_Sqlite(SqliteApp app) : WorkerImportTests<SqliteApp>(app);
[Collection("Console output")]
public sealed class WorkerImportTests_on_Postgres(PostgresApp app) : WorkerImportTests<PostgresApp>(app);
