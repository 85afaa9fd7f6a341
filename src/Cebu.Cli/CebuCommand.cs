using System.CommandLine;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Audit;
using Cebu.Core.Platform.Seed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Cebu.Cli;

/// <summary>The `cebu` command: bulk work on the same use cases as the pages and the API.</summary>
public static class CebuCommand
{
    private static readonly Option<string?> Provider = new("--provider") { Description = "Sqlite (default) or Postgres; or set Database__Provider.", Recursive = true };
    private static readonly Option<string?> Connection = new("--connection") { Description = "Connection string; or set ConnectionStrings__Cebu. Default: Data Source=cebu.db", Recursive = true };

    public static RootCommand Build()
    {
        var root = new RootCommand("cebu: imports, exports and checks for the Cebu platform.");
        root.Options.Add(Provider);
        root.Options.Add(Connection);
        root.Subcommands.Add(Db());
        root.Subcommands.Add(Audit());
        root.Subcommands.Add(Agencies());
        root.Subcommands.Add(Workers());
        root.Subcommands.Add(Match());
        root.Subcommands.Add(Registry());
        root.Subcommands.Add(Verify());
        return root;
    }

    private static Command Db()
    {
        var demo = new Option<bool>("--demo") { Description = "Also seed the demo data when the database is empty." };
        var migrate = new Command("migrate", "Create or upgrade the database and load reference data.") { demo };
        migrate.SetAction(async (parse, ct) =>
        {
            await using var sp = Services(parse);
            using var scope = sp.CreateScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.Cli(Who("db"));
            var seeder = scope.ServiceProvider.GetRequiredService<DatabaseSeeder>();
            await seeder.MigrateAsync(ct);
            await seeder.SeedReferenceAsync(ct);
            var seeded = parse.GetValue(demo) && await seeder.SeedDemoAsync(ct);
            AnsiConsole.MarkupLine(seeded ? "[green]Database ready, demo data seeded.[/]" : "[green]Database ready.[/]");
            return 0;
        });
        return new Command("db", "Database set-up.") { migrate };
    }

    private static Command Audit()
    {
        var verify = new Command("verify", "Check the audit chain and report the first broken link.");
        verify.SetAction(async (parse, ct) =>
        {
            await using var sp = Services(parse);
            using var scope = sp.CreateScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.Cli(Who("audit"));
            var use = scope.ServiceProvider.GetRequiredService<VerifyAuditChain>();
            var total = await use.CountAsync(ct);
            AuditVerification? result = null;
            await Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Verifying audit events", maxValue: Math.Max(1, total));
                result = await use.Handle(new SyncProgress<long>(n => task.Value = n), ct);
                task.Value = task.MaxValue;
            });
            if (result!.Intact)
            {
                Console.WriteLine($"Audit chain intact: {result.EventsChecked} events verified.");
                return 0;
            }
            Console.WriteLine($"Audit chain BROKEN at event {result.BrokenAt}: {result.Problem}. {result.EventsChecked} events before it are intact.");
            return 2;
        });
        return new Command("audit", "The append-only audit log.") { verify };
    }

    private static Command Agencies()
    {
        var state = new Option<string>("--state") { Description = "The licensing state (ISO code, e.g. KH) whose registry is read or written.", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "The CSV file." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report rejected ones; write nothing." };
        var import = new Command("import", "Import agencies from CSV: every valid row in one transaction, or none.") { file, state, dryRun };
        import.SetAction(async (parse, ct) =>
            await RunImport(parse, parse.GetValue(file)!, Officer(parse.GetValue(state)!), parse.GetValue(dryRun),
                async (sp, path, progress, c) =>
                {
                    using var reader = path.OpenText();
                    var stage = parse.GetValue(dryRun) ? "Checking rows" : "Importing rows";
                    return await sp.GetRequiredService<ImportAgencies>().Handle(reader, parse.GetValue(dryRun),
                        new SyncProgress<(int done, int total)>(p => progress.Report(new ImportProgress(stage, p.done, p.total))), c);
                }, ct));

        var output = new Argument<FileInfo>("file") { Description = "Where to write the CSV." };
        var export = new Command("export", "Export a state's registry to CSV.") { output, state };
        export.SetAction(async (parse, ct) =>
        {
            await using var sp = Services(parse);
            using var scope = sp.CreateScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Override = Officer(parse.GetValue(state)!);
            var path = parse.GetValue(output)!;
            await using (var writer = new StreamWriter(path.FullName))
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<ExportAgencies>().Handle(writer, ct);
                if (!outcome.Ok) { Console.Error.WriteLine(outcome.Problem!.Title); return 1; }
                Console.WriteLine($"Exported {outcome.Value} agencies to {path.FullName}.");
            }
            return 0;
        });
        return new Command("agencies", "The recruitment-agency registry.") { import, export };
    }

    private static Command Workers()
    {
        var state = new Option<string>("--state") { Description = "The sending state (ISO code, e.g. KH) whose labour office registers the workers.", Required = true };
        var file = new Argument<FileInfo>("file") { Description = $"The CSV file, with the columns {string.Join(",", ImportWorkers.Columns)}." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report rejected ones; write nothing." };
        var import = new Command("import", "Register workers from CSV: the whole batch in one transaction, only when every row is valid.") { file, state, dryRun };
        import.SetAction(async (parse, ct) =>
        {
            var access = new FixedAccessContext(null, Who("workers"), null, parse.GetValue(state)!.ToUpperInvariant(), null, false, Roles.Grants[Roles.LabourOfficer].ToHashSet());
            // The file is read twice (check every row, then load): the use case opens it afresh for each pass.
            return await RunImport(parse, parse.GetValue(file)!, access, parse.GetValue(dryRun),
                (sp, path, progress, c) => sp.GetRequiredService<ImportWorkers>().Handle(
                    () => new StreamReader(path.FullName, System.Text.Encoding.UTF8, true, new FileStreamOptions { BufferSize = 1 << 16 }),
                    parse.GetValue(dryRun), progress, c), ct);
        });
        return new Command("workers", "Migrant workers' records.") { import };
    }

    private static Command Match()
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV file in the FEBRL layout (rec_id, given_name, surname, ..., soc_sec_id)." };
        var other = new Argument<FileInfo?>("file2") { Description = "A second file to link the first to; without it, duplicates are sought within the first.", Arity = ArgumentArity.ZeroOrOne };
        var evaluate = new Command("evaluate", "Train the matching model on the file(s) without their truth, match, then score the matches against rec_id: the last line gives precision, recall, F1 and pairs scored per second.") { file, other };
        evaluate.SetAction(parse =>
        {
            var paths = new[] { parse.GetValue(file)!, parse.GetValue(other) }.OfType<FileInfo>().ToArray();
            foreach (var path in paths)
                if (!path.Exists) { Console.Error.WriteLine($"No file at {path.FullName}."); return 1; }
            var left = Cebu.Matching.Linkage.Febrl.Read(paths[0].FullName);
            var right = paths.Length > 1 ? Cebu.Matching.Linkage.Febrl.Read(paths[1].FullName) : null;
            Console.Error.WriteLine(right is null ? $"Deduplicating {left.Count:N0} records of {paths[0].Name}." : $"Linking {left.Count:N0} records of {paths[0].Name} to {right.Count:N0} of {paths[1].Name}.");
            var result = Cebu.Matching.Linkage.MatchEvaluation.Run(left, right, Console.Error.WriteLine);
            Console.WriteLine(result.Line());
            return 0;
        });
        return new Command("match", "Record matching: duplicates and links between registries.") { evaluate };
    }

    private static FixedAccessContext Official(string state, string role, string command)
    {
        var code = state.Trim().ToUpperInvariant();
        if (!Cebu.Core.Platform.Reference.ReferenceData.Shared.IsCountry(code))
            throw new ArgumentException($"{state} is not a state Cebu knows; use an ISO code such as KH.");
        return new FixedAccessContext(null, Who(command), null, code, code, false, Roles.Grants[role].ToHashSet());
    }

    private static Command Registry()
    {
        var state = new Option<string>("--state") { Description = "The sending state (ISO code, e.g. KH) whose civil registry extract this is.", Required = true };
        var file = new Argument<FileInfo>("file") { Description = $"The CSV extract, with the columns {string.Join(",", Cebu.Core.Features.Verification.ImportRegistry.Columns)}." };
        var import = new Command("import", "Replace a state's civil registry extract (for nationality verification) with a CSV file, in one transaction; any bad row rejects the file.") { file, state };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) { Console.Error.WriteLine($"No file at {path.FullName}."); return 1; }
            await using var sp = Services(parse);
            using var scope = sp.CreateScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Override = Official(parse.GetValue(state)!, Roles.LabourOfficer, "registry");
            Cebu.Core.Platform.Results.Outcome<Cebu.Core.Features.Verification.RegistryImportReport> outcome = default;
            var started = System.Diagnostics.Stopwatch.StartNew();
            await Progress().StartAsync(async ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                outcome = await scope.ServiceProvider.GetRequiredService<Cebu.Core.Features.Verification.ImportRegistry>().Handle(
                    () => new StreamReader(path.FullName, System.Text.Encoding.UTF8, true, new FileStreamOptions { BufferSize = 1 << 16 }),
                    new SyncProgress<(string Stage, int Done, int Total)>(p =>
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task)) tasks[p.Stage] = task = ctx.AddTask(p.Stage);
                        task.MaxValue = Math.Max(1, p.Total == 0 ? p.Done : p.Total);
                        task.Value = p.Done;
                    }), ct);
                foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
            if (!outcome.Ok) return PrintProblem(outcome.Problem!);
            Console.WriteLine($"Imported {outcome.Value!.Imported} registry records (replacing {outcome.Value.Replaced}) in {started.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        return new Command("registry", "A sending state's civil registry extract.") { import };
    }

    private static Command Verify()
    {
        var file = new Argument<FileInfo>("file") { Description = $"The CSV batch, with the columns {string.Join(",", Cebu.Core.Features.Verification.VerificationInput.Columns)}." };
        var from = new Option<string>("--from") { Description = "The receiving state sending the batch (e.g. TH).", Required = true };
        var to = new Option<string>("--to") { Description = "The sending state asked to verify (e.g. KH).", Required = true };
        var deadline = new Option<DateOnly?>("--deadline") { Description = "Answers needed by (yyyy-MM-dd); default 30 days from today." };
        var reference = new Option<string?>("--reference") { Description = "The sender's batch reference." };
        var batch = new Command("batch", "Send a batch of nationality verification requests (all rows checked first; any bad row rejects the batch). Prints the batch id.") { file, from, to, deadline, reference };
        batch.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) { Console.Error.WriteLine($"No file at {path.FullName}."); return 1; }
            await using var sp = Services(parse);
            using var scope = sp.CreateScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Override = Official(parse.GetValue(from)!, Roles.Inspector, "verify");
            using var reader = path.OpenText();
            var (rows, errors) = Cebu.Core.Features.Verification.VerificationInput.ReadCsv(reader);
            var outcome = await scope.ServiceProvider.GetRequiredService<Cebu.Core.Features.Verification.SubmitBatch>().Handle(parse.GetValue(to), parse.GetValue(deadline) ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
                parse.GetValue(reference), rows, errors, csv: true, ct);
            if (!outcome.Ok) return PrintProblem(outcome.Problem!);
            Console.Error.WriteLine($"Batch of {outcome.Value!.Total} requests from {outcome.Value.FromState} to {outcome.Value.ToState} accepted; match it with: cebu verify run --batch {outcome.Value.Id}");
            Console.WriteLine(outcome.Value.Id);
            return 0;
        });

        var batchId = new Option<Guid?>("--batch") { Description = "The batch to match; without it, every batch with blocks left." };
        var run = new Command("run", "Match the blocks of a batch left to match (under leases, like the web app's background matcher), with a progress bar.") { batchId };
        run.SetAction(async (parse, ct) =>
        {
            await using var sp = Services(parse);
            using var scope = sp.CreateScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.Cli(Who("verify"));
            var started = System.Diagnostics.Stopwatch.StartNew();
            Cebu.Core.Platform.Results.Outcome<int> outcome = default;
            var requests = 0;
            await Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Matching blocks");
                outcome = await scope.ServiceProvider.GetRequiredService<Cebu.Core.Features.Verification.RunVerification>().Handle($"cli:{Environment.MachineName}:{Environment.ProcessId}",
                    parse.GetValue(batchId), new SyncProgress<Cebu.Core.Features.Verification.MatchProgress>(p => { task.MaxValue = Math.Max(1, p.TotalBlocks); task.Value = p.Blocks; requests = p.Requests; }), ct);
                task.Value = task.MaxValue;
            });
            if (!outcome.Ok) return PrintProblem(outcome.Problem!);
            var seconds = started.Elapsed.TotalSeconds;
            Console.WriteLine(System.FormattableString.Invariant($"Matched {outcome.Value} block(s), {requests} request(s) in {seconds:0.0} s ({(seconds > 0 ? requests / seconds : 0):0} requests/s)."));
            return 0;
        });

        var exportBatch = new Option<Guid>("--batch") { Description = "The batch.", Required = true };
        var output = new Argument<FileInfo>("file") { Description = "Where to write the CSV (local_reference,outcome,decision,score,candidate_source,registry_number,certificate_number)." };
        var export = new Command("export", "Write a batch's outcomes to CSV (the sending state's view: with the candidate's registry number).") { output, exportBatch };
        export.SetAction(async (parse, ct) =>
        {
            await using var sp = Services(parse);
            using var scope = sp.CreateScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.Cli(Who("verify"));
            var db = scope.ServiceProvider.GetRequiredService<Cebu.Core.Platform.Data.CebuDbContext>();
            var id = parse.GetValue(exportBatch);
            var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                from r in db.Set<Cebu.Core.Features.Verification.VerificationRequest>()
                where r.BatchId == id
                join c in db.Set<Cebu.Core.Features.Verification.CivilRegistryRecord>() on r.CandidateId equals c.Id into cs
                from c in cs.DefaultIfEmpty()
                orderby r.Line
                select new { r.LocalReference, r.Outcome, r.Decision, r.Score, r.CandidateSource, RegistryNumber = c == null ? null : c.RegistryNumber, r.CertificateNumber }, ct);
            await using var w = new StreamWriter(parse.GetValue(output)!.FullName);
            await w.WriteLineAsync("local_reference,outcome,decision,score,candidate_source,registry_number,certificate_number");
            foreach (var r in rows)
                await w.WriteLineAsync(System.FormattableString.Invariant($"{r.LocalReference},{r.Outcome},{r.Decision},{r.Score:0.####},{r.CandidateSource},{r.RegistryNumber},{r.CertificateNumber}"));
            Console.WriteLine($"Wrote {rows.Count} outcomes.");
            return 0;
        });

        var dir = new Argument<DirectoryInfo>("directory") { Description = "Where to write registry.csv, requests.csv and truth.csv." };
        var genState = new Option<string>("--state") { Description = "The state whose fictional registry is generated (KH or MM).", DefaultValueFactory = _ => "KH" };
        var records = new Option<int>("--records") { Description = "Registry records.", DefaultValueFactory = _ => 1_000_000 };
        var requestCount = new Option<int>("--requests") { Description = "Requests.", DefaultValueFactory = _ => 10_000 };
        var share = new Option<double>("--in-registry") { Description = "Share of requests whose person is in the registry (the rest are strangers).", DefaultValueFactory = _ => 0.8 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 2026 };
        var generate = new Command("generate", "Generate a fictional registry extract, requests with realistic errors, and the truth (for the benchmark).") { dir, genState, records, requestCount, share, seed };
        generate.SetAction(parse =>
        {
            var n = parse.GetValue(records);
            Progress().Start(ctx =>
            {
                var task = ctx.AddTask("Generating registry", maxValue: n);
                Cebu.Core.Features.Verification.SyntheticRegistry.WriteBenchmark(parse.GetValue(dir)!.FullName, parse.GetValue(genState)!.ToUpperInvariant(), n, parse.GetValue(requestCount),
                    parse.GetValue(share), parse.GetValue(seed), new SyncProgress<int>(d => task.Value = d));
                task.Value = n;
            });
            return 0;
        });
        return new Command("verify", "Nationality verification between states.") { batch, run, export, generate };
    }

    private static int PrintProblem(Cebu.Core.Platform.Results.Problem p)
    {
        Console.Error.WriteLine($"{p.Title} {p.Detail}");
        foreach (var (field, messages) in p.Errors ?? new Dictionary<string, string[]>())
            foreach (var m in messages) Console.Error.WriteLine($"  {field}: {m}");
        return 1;
    }

    /// <summary>Runs an import use case with a progress bar and prints each rejected row with its line number.</summary>
    private static async Task<int> RunImport(ParseResult parse, FileInfo path, IAccessContext access, bool dryRun,
        Func<IServiceProvider, FileInfo, IProgress<ImportProgress>, CancellationToken, Task<Cebu.Core.Platform.Results.Outcome<ImportReport>>> run, CancellationToken ct)
    {
        if (!path.Exists)
        {
            Console.Error.WriteLine($"No file at {path.FullName}.");
            return 1;
        }
        await using var sp = Services(parse);
        using var scope = sp.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Override = access;
        Cebu.Core.Platform.Results.Outcome<ImportReport> outcome = default;
        await Progress().StartAsync(async ctx =>
        {
            // One bar per stage (checking, then loading), each created when its stage first reports.
            var tasks = new Dictionary<string, ProgressTask>();
            outcome = await run(scope.ServiceProvider, path, new SyncProgress<ImportProgress>(p =>
            {
                if (!tasks.TryGetValue(p.Stage, out var task)) tasks[p.Stage] = task = ctx.AddTask(p.Stage);
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            }), ct);
            foreach (var task in tasks.Values) task.Value = task.MaxValue;
        });
        if (!outcome.Ok) return PrintProblem(outcome.Problem!);
        var report = outcome.Value!;
        foreach (var r in report.Rejected)
            Console.WriteLine($"line {r.Line}{(r.LicenceNumber is null ? "" : $" ({r.LicenceNumber})")}: {string.Join("; ", r.Reasons)}");
        Console.WriteLine(report.Committed
            ? $"Imported {report.Imported} of {report.Rows} rows in one transaction; {report.Rejected.Count} rejected."
            : $"{(dryRun ? "Dry run" : "Nothing imported")}: {report.Valid} of {report.Rows} rows are valid, {report.Rejected.Count} rejected. Nothing was written.");
        return report.Rejected.Count == 0 ? 0 : 3;
    }

    private static Spectre.Console.Progress Progress() =>
        AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn());

    private static string Who(string command) => $"cli:{Environment.UserName}:{command}";

    /// <summary>The CLI acts as the licensing authority of the state it names, with the rights of its licensing officers.</summary>
    private static FixedAccessContext Officer(string state)
    {
        var code = state.Trim().ToUpperInvariant();
        if (!Cebu.Core.Platform.Reference.ReferenceData.Shared.IsCountry(code))
            throw new ArgumentException($"--state {state} is not a state Cebu knows; use an ISO code such as KH.");
        return new FixedAccessContext(null, Who("agencies"), null, code, code, false, Roles.Grants[Roles.Licensing].ToHashSet());
    }

    private static ServiceProvider Services(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } p) overrides["Database:Provider"] = p;
        if (parse.GetValue(Connection) is { } c) overrides["ConnectionStrings:Cebu"] = c;
        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddCebuCore(config);
        return services.BuildServiceProvider();
    }
}

/// <summary>Reports progress on the caller's thread (System.Progress posts to the thread pool, so the bar lags and can end short).</summary>
internal sealed class SyncProgress<T>(Action<T> update) : IProgress<T>
{
    public void Report(T value) => update(value);
}
