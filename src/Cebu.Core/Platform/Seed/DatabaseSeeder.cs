using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cebu.Core.Platform.Seed;

/// <summary>A demo official: e-mail, role, organisation.</summary>
/// <summary>A demo official or agency account: e-mail, role, organisation (for an agency account, the licence of the agency it acts for).</summary>
public sealed record DemoAccount(string Email, string Role, string OrganisationId, string Description, string? AgencyLicence = null);

/// <summary>Creates and migrates the database, loads reference data, and seeds demo data into an empty database.</summary>
public sealed class DatabaseSeeder(CebuDbContext db, UserManager<CebuUser> users, RoleManager<IdentityRole> roles, ILogger<DatabaseSeeder> log)
{
    public const string DemoPassword = "Demo-Cebu-2026!";

    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("licensing@kh.demo", Roles.Licensing, "kh-mlvt", "Licensing officer, Cambodia"),
        new("licensing@ph.demo", Roles.Licensing, "ph-dmw", "Licensing officer, Philippines"),
        new("licensing@id.demo", Roles.Licensing, "id-kemnaker", "Licensing officer, Indonesia"),
        new("licensing@mm.demo", Roles.Licensing, "mm-mol", "Licensing officer, Myanmar"),
        new("licensing@vn.demo", Roles.Licensing, "vn-dolab", "Licensing officer, Viet Nam"),
        new("licensing@la.demo", Roles.Licensing, "la-mlsw", "Licensing officer, Lao PDR"),
        new("labour@kh.demo", Roles.LabourOfficer, "kh-mlvt", "Labour officer, Cambodia"),
        new("labour@ph.demo", Roles.LabourOfficer, "ph-dmw", "Labour officer, Philippines"),
        new("labour@id.demo", Roles.LabourOfficer, "id-kemnaker", "Labour officer, Indonesia"),
        new("labour@mm.demo", Roles.LabourOfficer, "mm-mol", "Labour officer, Myanmar"),
        new("inspector@th.demo", Roles.Inspector, "th-dlpw", "Labour inspector, Thailand"),
        new("inspector@my.demo", Roles.Inspector, "my-jtksm", "Labour inspector, Malaysia"),
        new("inspector@sg.demo", Roles.Inspector, "sg-mom", "Labour inspector, Singapore"),
        new("caseworker@th.demo", Roles.Caseworker, "th-doe", "Caseworker, Thailand"),
        new("caseworker@my.demo", Roles.Caseworker, "my-mohr", "Caseworker, Malaysia"),
        new("caseworker@sg.demo", Roles.Caseworker, "sg-mom", "Caseworker, Singapore"),
        new("supervisor@my.demo", Roles.Supervisor, "my-mohr", "Case supervisor, Malaysia (receives the escalations of overdue cases)"),
        new("consul-kh@th.demo", Roles.Consul, "kh-embassy-th", "Consular officer of Cambodia in Bangkok"),
        new("consul-mm@th.demo", Roles.Consul, "mm-embassy-th", "Consular officer of Myanmar in Bangkok"),
        new("consul-id@my.demo", Roles.Consul, "id-embassy-my", "Consular officer of Indonesia in Kuala Lumpur"),
        new("consul-ph@sg.demo", Roles.Consul, "ph-embassy-sg", "Consular officer of the Philippines in Singapore"),
        new("analyst@asean.demo", Roles.Analyst, "asean-secretariat", "Analyst, ASEAN Secretariat"),
        new("admin@cebu.demo", Roles.Admin, "cebu-operations", "System administrator (two-factor sign-in required)"),
        new("agency@kh.demo", Roles.Agency, "agency-kh-demo-001", "Staff of Golden Lotus Manpower Co., Ltd. (fictional agency, KH-DEMO-001)", "KH-DEMO-001"),
        new("agency@mm.demo", Roles.Agency, "agency-mm-demo-001", "Staff of a fictional Myanmar agency (MM-DEMO-001)", "MM-DEMO-001"),
    ];

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            // SQLite never gathers statistics by itself; a database written before this start may lack them.
            await DatabaseStatistics.RefreshWorkersAsync(db, ct);
        }
    }

    public async Task SeedReferenceAsync(CancellationToken ct = default)
    {
        var known = await db.Organisations.ToDictionaryAsync(o => o.Id, ct);
        foreach (var o in ReferenceData.Shared.Organisations)
        {
            if (!known.TryGetValue(o.Id, out var row)) db.Organisations.Add(row = new Organisation { Id = o.Id });
            row.Name = o.Name;
            row.Kind = o.Kind;
            row.HomeState = o.HomeState;
            row.LocatedIn = o.LocatedIn;
            row.Source = o.Source;
        }
        db.AuditReason = "Reference data loaded from organisations.json.";
        await db.SaveChangesAsync(ct);
        if (!await db.Set<Features.Cases.CaseIntakeRoute>().AnyAsync(ct))
        {
            db.AddRange(Features.Cases.CaseIntakeRouting.Defaults.Select(r => new Features.Cases.CaseIntakeRoute { Country = r.Country, Nationality = r.Nationality, OrganisationId = r.OrganisationId, Why = r.Why }));
            db.AuditReason = "Intake routes for public complaints (Features/Cases/CaseIntakeRouting.cs).";
            await db.SaveChangesAsync(ct);
        }
        foreach (var role in Roles.Grants.Keys)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Seeds the demo agencies, officials and reports, once, into a database that has no agencies.</summary>
    public async Task<bool> SeedDemoAsync(CancellationToken ct = default)
    {
        if (await db.Set<Agency>().IgnoreQueryFilters().AnyAsync(ct)) return false;
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var agencies = DemoAgencies.Build(today, now).ToList();
        foreach (var a in agencies)
        {
            db.Add(a);
            AgencySearchIndex.Index(db, a);
        }
        db.AuditAction = "demo.seed";
        db.AuditReason = "Demo data: fictional agencies.";
        await db.SaveChangesAsync(ct);

        // An agency account belongs to its agency, an organisation of the agency's licensing state (not reference data: demo only).
        foreach (var account in DemoAccounts.Where(a => a.AgencyLicence is not null))
        {
            var agency = agencies.Single(a => a.LicenceNumber == account.AgencyLicence);
            if (await db.Organisations.AnyAsync(o => o.Id == account.OrganisationId, ct)) continue;
            db.Organisations.Add(new Organisation
            {
                Id = account.OrganisationId, Name = agency.LegalName, Kind = OrganisationKind.RecruitmentAgency, HomeState = agency.LicensingState,
                LocatedIn = agency.LicensingState, Source = "Demo data: a fictional licensed agency.",
            });
        }
        await db.SaveChangesAsync(ct);

        foreach (var account in DemoAccounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null) continue;
            var user = new CebuUser
            {
                UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Description, OrganisationId = account.OrganisationId,
                AgencyId = account.AgencyLicence is { } licence ? agencies.Single(a => a.LicenceNumber == licence).Id : null,
            };
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, account.Role);
        }

        var byLicence = agencies.ToDictionary(a => a.LicenceNumber);
        db.AddRange(
            new ErrantAgencyReport
            {
                AgencyId = byLicence["KH-DEMO-002"].Id, LicensingState = "KH", ReportingState = "TH", ReportingOrganisationId = "th-dlpw", ReportedBy = "inspector@th.demo",
                WhatHappened = "Eleven workers placed at a fictional seafood plant said the agency's broker took three months' wages as a placement fee.",
                OccurredOn = today.AddDays(-60), Place = "Samut Sakhon, Thailand", Evidence = "Statements of the workers (demo).", ReportedAt = now.AddDays(-45),
            },
            new ErrantAgencyReport
            {
                AgencyId = byLicence["KH-DEMO-001"].Id, LicensingState = "KH", ReportingState = "MY", ReportingOrganisationId = "my-jtksm", ReportedBy = "inspector@my.demo",
                WhatHappened = "Workers' passports held by the agency's local partner (demo).", OccurredOn = today.AddDays(-12), Place = "Johor Bahru, Malaysia",
                ReportedAt = now.AddDays(-10),
            },
            new ErrantAgencyReport
            {
                AgencyId = byLicence["MM-DEMO-002"].Id, LicensingState = "MM", ReportingState = "TH", ReportingOrganisationId = "th-dlpw", ReportedBy = "inspector@th.demo",
                WhatHappened = "Contract substitution on arrival: lower wage than the contract signed in Yangon (demo).", OccurredOn = today.AddDays(-90), Place = "Mae Sot, Thailand",
                ReportedAt = now.AddDays(-80), ActionTaken = "Licence suspended pending investigation (demo).", ActionRecordedAt = now.AddDays(-40), ActionRecordedBy = "licensing@mm.demo",
            });
        var workers = DemoWorkers.Build(byLicence, today, now).ToList();
        db.AddRange(workers);
        db.AddRange(workers.Select(w => new Cebu.Core.Features.Workers.WorkerEvent
        {
            WorkerId = w.Id, OwnerState = w.OwnerState, On = today.AddMonths(-15), Kind = "registered", Summary = "Registered at recruitment (demo).",
            RecordedBy = $"labour@{w.OwnerState.ToLowerInvariant()}.demo", RecordedAt = now,
        }));
        db.AuditAction = "demo.seed";
        db.AuditReason = "Demo data: errant-agency reports and workers.";
        await db.SaveChangesAsync(ct);
        db.AddRange(DemoCases.Build(now));
        db.AuditAction = "demo.seed";
        db.AuditReason = "Demo data: cases.";
        await db.SaveChangesAsync(ct);

        var contracts = DemoContracts.Build(workers, byLicence, today, now);
        db.AddRange(contracts.Contracts);
        db.AddRange(contracts.Documents);
        db.AddRange(contracts.Alerts);
        db.AddRange(contracts.Events);
        db.AuditAction = "demo.seed";
        db.AuditReason = "Demo data: employment contracts, one substitution and its alerts.";
        await db.SaveChangesAsync(ct);

        db.AddRange(DemoEmployers.Build(today, now));
        db.AuditAction = "demo.seed";
        db.AuditReason = "Demo data: fictional employers, one errant.";
        await db.SaveChangesAsync(ct);

        // Nationality verification (issue 6): fictional civil registry extracts of Cambodia and Myanmar.
        db.AddRange(DemoRegistry.Build(now));
        db.AuditAction = "demo.seed";
        db.AuditReason = "Demo data: civil registry extracts of KH and MM for nationality verification.";
        await db.SaveChangesAsync(ct);
        log.LogInformation("Seeded demo data: {Agencies} agencies, {Accounts} accounts", agencies.Count, DemoAccounts.Count);
        return true;
    }
}
