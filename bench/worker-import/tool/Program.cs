// The worker import benchmark's helper (bench/worker-import/README.md).
//
//   worker-import-bench generate OUT.csv --total N [--seed S] [--queries QUERIES.txt --query-count 4000]
//       N fictional workers in the layout `cebu workers import` reads, and the search query mix (one URL path a line).
//   worker-import-bench raw sqlite|postgres CONNECTION FILE.csv
//       the baseline: the same rows, read from the same file, loaded the raw way into "WorkerRaw", a scratch table of
//       the same shape as "Worker" (same columns, same indexes), in one transaction: SQLite one prepared INSERT reused
//       for every row, PostgreSQL binary COPY. No checks, no name keys, no timeline, no audit. Prints a RESULT line.
//   worker-import-bench raw-all sqlite|postgres CONNECTION FILE.csv
//       the same, plus every other row the import writes, the raw way: each worker's name keys and its timeline
//       event, into "WorkerSearchTermRaw" and "WorkerEventRaw" (same shapes as their tables, foreign keys included).
//       A diagnostic: how much of the import's time is rows the raw baseline does not write.
//
// Everything is fictional: names are combinations of common Khmer syllables, every document number starts with
// DEMO, addresses are on Example Street and e-mail is at example.org. The same seed gives the same file.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cebu.Core.Platform.Csv;
using Cebu.Matching;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

var inv = CultureInfo.InvariantCulture;
string? Opt(string name) { var i = Array.IndexOf(args, name); return i > 0 && i + 1 < args.Length ? args[i + 1] : null; }

if (args.Length >= 2 && args[0] == "generate") return Generate(args[1], int.Parse(Opt("--total") ?? "1000000", inv), int.Parse(Opt("--seed") ?? "20261123", inv), Opt("--queries"), int.Parse(Opt("--query-count") ?? "4000", inv));
if (args.Length == 4 && args[0] is "raw" or "raw-all") return await Raw(args[1], args[2], args[3], all: args[0] == "raw-all");
Console.Error.WriteLine("usage: worker-import-bench generate OUT.csv --total N [--seed S] [--queries Q.txt --query-count N]\n       worker-import-bench raw sqlite|postgres CONNECTION FILE.csv");
return 2;

static int Generate(string path, int total, int seed, string? queriesPath, int queryCount)
{
    var rng = new Random(seed);
    string[] syl = ["so", "kha", "bo", "pha", "da", "ra", "chen", "vu", "thy", "phea", "ko", "sal", "mea", "lea", "ri", "srey", "pov", "nea", "ang", "vann",
        "sam", "bath", "chan", "tha", "ly", "na", "ry", "vi", "set", "mony", "pis", "ey", "kim", "heng", "sok", "nak", "dy", "rath", "va", "nith"];
    string[] family = ["Sok", "Chan", "Kim", "Heng", "Ly", "Nget", "Phan", "Prak", "Seng", "Touch", "Vong", "Yim", "Chea", "Keo", "Mao", "Meas", "Ouk", "Pen",
        "Sam", "Sao", "Tep", "Thach", "Un", "Chhim", "Hem", "Hun", "Khim", "Kong", "Long", "Mey", "Nhem", "Oum", "Pich", "Ros", "Sar", "Sim", "Tan", "Uch", "Yos", "Nuon"];
    string[] khmer = ["សុខា", "បុប្ផា", "ដារា", "ចិន្តា", "វុទ្ធី", "សុភា", "កុសល", "មាលា", "ឫទ្ធី", "ស្រីពៅ"];
    string[] places = ["Phnom Penh", "Battambang", "Siem Reap", "Kampong Cham", "Prey Veng", "Takeo", "Kampot", "Svay Rieng"];
    string[] dest = ["TH", "TH", "TH", "MY", "MY", "KR", "JP", "SG"];
    string[] sectors = ["construction", "manufacturing", "agriculture", "fishing", "domestic-work", "hospitality"];
    string[] kin = ["mother", "father", "spouse", "sister", "brother"];
    string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
    string Given() => Cap(syl[rng.Next(syl.Length)] + syl[rng.Next(syl.Length)]);
    // A family name: a common surname, or (one in two) a two-syllable one, so that names spread as in a real registry.
    string Family() => rng.Next(2) == 0 ? family[rng.Next(family.Length)] : Cap(syl[rng.Next(syl.Length)] + syl[rng.Next(syl.Length)]);

    var sectorsKnown = Cebu.Core.Platform.Reference.Sectors.All;
    foreach (var s in sectors) if (!sectorsKnown.Contains(s)) throw new InvalidOperationException($"sector {s} is not one Cebu knows: {string.Join(", ", sectorsKnown)}");

    var queries = new List<string>();
    var qrng = new Random(seed + 1); // its own stream: the rows do not depend on the number of queries
    var sampleEvery = Math.Max(1, total / Math.Max(1, queryCount));
    using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
    w.Write(string.Join(',', Cebu.Core.Features.Workers.ImportWorkers.Columns) + "\n");
    for (var i = 0; i < total; i++)
    {
        var fam = Family();
        var given = rng.Next(3) == 0 ? Given() + " " + Given() : Given();
        var local = rng.Next(5) == 0 ? khmer[rng.Next(khmer.Length)] : "";
        var sex = rng.Next(100) switch { < 52 => "F", < 99 => "M", _ => "X" };
        var dob = new DateOnly(1966, 1, 1).AddDays(rng.Next(365 * 40));
        var passport = $"DEMO{i:D8}";
        var row = new[]
        {
            fam, given, local, sex, dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), places[rng.Next(places.Length)], "KH",
            $"DEMO-NID-{i:D9}", passport, new DateOnly(2027, 1, 1).AddDays(rng.Next(3650)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            rng.Next(10) == 0 ? $"DEMO-CI-{i:D8}" : "", $"+855 10 {i % 1000:D3} {i / 1000 % 1000:D3}", rng.Next(3) == 0 ? $"worker{i}@example.org" : "",
            $"{1 + rng.Next(300)} Example Street, {places[rng.Next(places.Length)]}", $"{given.Split(' ')[0]} {fam} (kin)", kin[rng.Next(kin.Length)],
            $"+855 11 {i % 1000:D3} {i / 1000 % 1000:D3}", rng.Next(4) == 0 ? "km;en" : "km", dest[rng.Next(dest.Length)], sectors[rng.Next(sectors.Length)],
        };
        Csv.WriteRow(w, row);
        if (queriesPath is not null && i % sampleEvery == 0 && queries.Count < queryCount)
        {
            // The query mix: whole names as typed (60 %), in capitals with the words in another order (15 %), with a
            // spelling variant (a doubled or dropped h, 10 %), passport numbers (15 %).
            var roll = qrng.Next(100);
            var q = roll switch
            {
                < 60 => $"{given} {fam}",
                < 75 => $"{fam.ToUpperInvariant()} {given.ToUpperInvariant()}",
                < 85 => $"{given} {fam}".Contains('h') ? $"{given} {fam}".Replace("h", "", StringComparison.Ordinal) : $"{given}h {fam}",
                _ => passport,
            };
            queries.Add("/api/v1/workers?q=" + Uri.EscapeDataString(q));
        }
    }
    if (queriesPath is not null) File.WriteAllLines(queriesPath, queries);
    Console.WriteLine($"{total} workers in {path}{(queriesPath is null ? "" : $", {queries.Count} queries in {queriesPath}")}");
    return 0;
}

// ---- The raw baseline -------------------------------------------------------------------------------------------

static async Task<int> Raw(string provider, string connection, string file, bool all)
{
    var sw = Stopwatch.StartNew();
    var rows = provider.ToLowerInvariant() switch
    {
        "sqlite" => RawSqlite(connection, file, all),
        "postgres" => await RawPostgres(connection, file, all),
        _ => throw new ArgumentException($"provider {provider}: sqlite or postgres"),
    };
    var s = sw.Elapsed.TotalSeconds;
    Console.WriteLine(FormattableString.Invariant($"RESULT rows={rows} seconds={s:F3} rps={rows / s:F1}"));
    return 0;
}

// The columns of "Worker" in the order the scratch table is written, and each row's values from the CSV: what the
// import stores, computed the plain way (documents as in the file; the folded name lower-cased).
static string[] RawColumns() =>
[
    "Id", "OwnerState", "OwnerOrganisationId", "FamilyName", "GivenNames", "NameInLocalScript", "Sex", "DateOfBirth", "PlaceOfBirth", "Nationality",
    "NationalIdNumber", "PassportNumber", "PassportExpiry", "CertificateOfIdentityNumber", "WorkPermitNumber", "WorkPermitExpiry", "Contacts",
    "NextOfKin", "Languages", "SearchName", "DocumentationStatus", "DocumentationStatusSince", "DocumentationStatusReason", "Phase", "AgencyId",
    "Destination", "Sector", "JobOrder", "PreDeparture", "ClearanceCode", "ClearanceIssuedOn", "DepartedOn", "BorderCrossingPoint", "PlacementState",
    "Employer", "Workplace", "PlacementRegion", "PlacedOn", "ReturnedOn", "ReturnReason", "Reintegration", "CreatedAt", "UpdatedAt", "Version",
];

static IEnumerable<object?[]> RawRows(string file)
{
    var now = DateTimeOffset.UtcNow;
    var today = DateOnly.FromDateTime(now.UtcDateTime);
    var jobOrder = JsonSerializer.Serialize(new { number = (string?)null, employer = (string?)null, jobTitle = (string?)null }, JsonSerializerOptions.Web);
    var preDeparture = JsonSerializer.Serialize(new Dictionary<string, object?> { ["contractReference"] = null, ["contractSignedOn"] = null, ["orientationAttendedOn"] = null, ["orientationProvider"] = null, ["healthCheckOn"] = null, ["healthCheckFit"] = null, ["insurancePolicy"] = null, ["insurer"] = null, ["insuranceValidUntil"] = null, ["fees"] = Array.Empty<object>() }, JsonSerializerOptions.Web);
    using var reader = new StreamReader(file, Encoding.UTF8, true, new FileStreamOptions { BufferSize = 1 << 16 });
    var first = true;
    foreach (var rec in Csv.Read(reader))
    {
        if (first) { first = false; continue; }
        var f = rec.Fields;
        string? N(int k) => f[k].Length == 0 ? null : f[k];
        var sex = f[3] switch { "F" => "Female", "M" => "Male", _ => "Unspecified" };
        yield return
        [
            Guid.CreateVersion7(), "KH", null, f[0], f[1], N(2), sex, DateOnly.ParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture), N(5), f[6],
            N(7), N(8), f[9].Length == 0 ? null : DateOnly.ParseExact(f[9], "yyyy-MM-dd", CultureInfo.InvariantCulture), N(10), null, null,
            JsonSerializer.Serialize(new { phone = N(11), email = N(12), addressAtHome = N(13), addressAbroad = (string?)null }, JsonSerializerOptions.Web),
            JsonSerializer.Serialize(new { name = N(14), relationship = N(15), phone = N(16), address = (string?)null }, JsonSerializerOptions.Web),
            JsonSerializer.Serialize(f[17].Split(';', StringSplitOptions.RemoveEmptyEntries), JsonSerializerOptions.Web),
            $"{f[1]} {f[0]} {f[2]}".ToLowerInvariant(), "Documented", today, null, "Recruitment", null,
            f[18], f[19], jobOrder, preDeparture, null, null, null, null, null, null, null, null, null, null, null, "[]", now, now, 0,
        ];
    }
}

// The name keys of a row (as WorkerRules.Index makes them) and its timeline event's columns.
static string[] Keys(object?[] row) =>
    NameKeys.For($"{row[4]} {row[3]} {row[5]}").Select(k => NameFolding.Cut(k)).Distinct().ToArray();
static string[] EventColumns() => ["Id", "WorkerId", "OwnerState", "On", "Kind", "Summary", "RecordedBy", "RecordedAt"];
static object?[] Event(object?[] row) => [Guid.CreateVersion7(), row[0], "KH", row[21], "registered", "Registered by CSV import (raw baseline).", "raw", row[41]];

static int RawSqlite(string connection, string file, bool all)
{
    using var db = new SqliteConnection(connection);
    db.Open();
    using (var ddl = db.CreateCommand())
    {
        // Same shape as "Worker": its CREATE TABLE and CREATE INDEX statements, renamed.
        ddl.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name IN ('Worker', 'WorkerEvent', 'WorkerSearchTerm') AND sql IS NOT NULL ORDER BY tbl_name = 'Worker' DESC, type DESC";
        var statements = new List<string>();
        using (var r = ddl.ExecuteReader()) while (r.Read()) statements.Add(r.GetString(0));
        if (!all) statements = statements.Where(x => !x.Contains("\"WorkerEvent") && !x.Contains("\"WorkerSearchTerm")).ToList();
        // Rename every table, index and key to its Raw twin (foreign keys then point at "WorkerRaw").
        string Rename(string sql) => System.Text.RegularExpressions.Regex.Replace(sql, "\"(PK_|IX_|FK_)?(Worker|WorkerEvent|WorkerSearchTerm)(\"|_)", m => $"\"{m.Groups[1].Value}{m.Groups[2].Value}Raw{m.Groups[3].Value}");
        ddl.CommandText = "PRAGMA foreign_keys = ON; DROP TABLE IF EXISTS \"WorkerSearchTermRaw\"; DROP TABLE IF EXISTS \"WorkerEventRaw\"; DROP TABLE IF EXISTS \"WorkerRaw\";" + string.Join(";\n", statements.Select(Rename)) + ";";
        ddl.ExecuteNonQuery();
    }
    // The same page cache as the import's load (ImportWorkers.SqliteLoader.SqliteCachePages): 64 MiB.
    using (var pragma = db.CreateCommand()) { pragma.CommandText = "PRAGMA cache_size = -65536"; pragma.ExecuteNonQuery(); }
    var columns = RawColumns();
    using var tx = db.BeginTransaction();
    using var insert = db.CreateCommand();
    insert.Transaction = tx;
    insert.CommandText = $"INSERT INTO \"WorkerRaw\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
    var parameters = columns.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
    parameters[^1].SqliteType = SqliteType.Integer;
    insert.Prepare();
    using var insertEvent = db.CreateCommand();
    insertEvent.Transaction = tx;
    insertEvent.CommandText = $"INSERT INTO \"WorkerEventRaw\" ({string.Join(", ", EventColumns().Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", EventColumns().Select((_, i) => "$e" + i))})";
    var eventParameters = EventColumns().Select((_, i) => insertEvent.Parameters.Add("$e" + i, SqliteType.Text)).ToArray();
    using var insertKey = db.CreateCommand();
    insertKey.Transaction = tx;
    insertKey.CommandText = "INSERT INTO \"WorkerSearchTermRaw\" (\"WorkerId\", \"Key\") VALUES ($w, $k)";
    var keyWorker = insertKey.Parameters.Add("$w", SqliteType.Text);
    var keyKey = insertKey.Parameters.Add("$k", SqliteType.Text);
    if (all) { insertEvent.Prepare(); insertKey.Prepare(); }
    static object Text(object? v) => v switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        _ => v,
    };
    var n = 0;
    foreach (var row in RawRows(file))
    {
        for (var i = 0; i < row.Length; i++) parameters[i].Value = Text(row[i]);
        insert.ExecuteNonQuery();
        if (all)
        {
            var e = Event(row);
            for (var i = 0; i < e.Length; i++) eventParameters[i].Value = Text(e[i]);
            insertEvent.ExecuteNonQuery();
            keyWorker.Value = Text(row[0]);
            foreach (var k in Keys(row)) { keyKey.Value = k; insertKey.ExecuteNonQuery(); }
        }
        n++;
    }
    tx.Commit();
    return n;
}

static async Task<int> RawPostgres(string connection, string file, bool all)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    await using (var ddl = new NpgsqlCommand("""
        DROP TABLE IF EXISTS "WorkerSearchTermRaw"; DROP TABLE IF EXISTS "WorkerEventRaw"; DROP TABLE IF EXISTS "WorkerRaw";
        CREATE TABLE "WorkerRaw" (LIKE "Worker" INCLUDING ALL);
        CREATE TABLE "WorkerEventRaw" (LIKE "WorkerEvent" INCLUDING ALL, FOREIGN KEY ("WorkerId") REFERENCES "WorkerRaw" ("Id") ON DELETE CASCADE);
        CREATE TABLE "WorkerSearchTermRaw" (LIKE "WorkerSearchTerm" INCLUDING ALL, FOREIGN KEY ("WorkerId") REFERENCES "WorkerRaw" ("Id") ON DELETE CASCADE);
        """, db))
        await ddl.ExecuteNonQueryAsync();
    var columns = RawColumns();
    await using var tx = await db.BeginTransactionAsync();
    var n = 0;
    await using (var copy = await db.BeginBinaryImportAsync($"COPY \"WorkerRaw\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
    {
        foreach (var row in RawRows(file))
        {
            await copy.StartRowAsync();
            foreach (var v in row)
            {
                switch (v)
                {
                    case null: await copy.WriteNullAsync(); break;
                    case string s: await copy.WriteAsync(s, NpgsqlDbType.Text); break;
                    case Guid g: await copy.WriteAsync(g, NpgsqlDbType.Uuid); break;
                    case DateOnly d: await copy.WriteAsync(d, NpgsqlDbType.Date); break;
                    case DateTimeOffset t: await copy.WriteAsync(t, NpgsqlDbType.TimestampTz); break;
                    case int k: await copy.WriteAsync(k, NpgsqlDbType.Integer); break;
                    default: throw new InvalidOperationException($"no raw writer for {v.GetType()}");
                }
            }
            n++;
        }
        await copy.CompleteAsync();
    }
    if (all)
    {
        // One COPY at a time on a connection: the timeline events and the name keys each take a pass of their own
        // over the file (reading it again costs the client, not the database).
        var ids = await WorkerIds(db);
        await using (var copy = await db.BeginBinaryImportAsync($"COPY \"WorkerEventRaw\" ({string.Join(", ", EventColumns().Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            var k = 0;
            foreach (var row in RawRows(file))
            {
                row[0] = ids[k++];
                var e = Event(row);
                await copy.StartRowAsync();
                await copy.WriteAsync((Guid)e[0]!, NpgsqlDbType.Uuid); await copy.WriteAsync((Guid)e[1]!, NpgsqlDbType.Uuid);
                await copy.WriteAsync((string)e[2]!, NpgsqlDbType.Text); await copy.WriteAsync((DateOnly)e[3]!, NpgsqlDbType.Date);
                await copy.WriteAsync((string)e[4]!, NpgsqlDbType.Text); await copy.WriteAsync((string)e[5]!, NpgsqlDbType.Text);
                await copy.WriteAsync((string)e[6]!, NpgsqlDbType.Text); await copy.WriteAsync((DateTimeOffset)e[7]!, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await db.BeginBinaryImportAsync("COPY \"WorkerSearchTermRaw\" (\"WorkerId\", \"Key\") FROM STDIN (FORMAT BINARY)"))
        {
            var k = 0;
            foreach (var row in RawRows(file))
            {
                var id = ids[k++];
                foreach (var key in Keys(row))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(key, NpgsqlDbType.Text);
                }
            }
            await copy.CompleteAsync();
        }
    }
    await tx.CommitAsync();
    return n;
}

// The ids given to the rows, in file order (version 7: time-ordered, so ORDER BY "Id" is the order of the file).
static async Task<List<Guid>> WorkerIds(NpgsqlConnection db)
{
    var ids = new List<Guid>();
    await using var cmd = new NpgsqlCommand("""SELECT "Id" FROM "WorkerRaw" ORDER BY "Id" """, db);
    await using var r = await cmd.ExecuteReaderAsync();
    while (await r.ReadAsync()) ids.Add(r.GetGuid(0));
    return ids;
}
