using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

public sealed record ErrantReportDto(
    Guid Id, Guid AgencyId, string AgencyName, string LicenceNumber, string LicensingState, string ReportingState,
    string? ReportingOrganisationId, string ReportedBy, string WhatHappened, DateOnly OccurredOn, string Place, string? Evidence,
    DateTimeOffset ReportedAt, string? ActionTaken, DateTimeOffset? ActionRecordedAt, string? ActionRecordedBy, bool Overdue)
{
    public static ErrantReportDto From(ErrantAgencyReport r, Agency a, DateTimeOffset now) => new(
        r.Id, r.AgencyId, a.LegalName, a.LicenceNumber, r.LicensingState, r.ReportingState, r.ReportingOrganisationId, r.ReportedBy,
        r.WhatHappened, r.OccurredOn, r.Place, r.Evidence, r.ReportedAt, r.ActionTaken, r.ActionRecordedAt, r.ActionRecordedBy, r.IsOverdue(now));
}

/// <summary>
/// Any receiving state's official reports an agency as errant (what happened, when, where, evidence). The agency
/// is named by licensing state and licence number, as the public sees it, since officials of other states do not
/// read the licensing state's registry.
/// </summary>
public sealed class ReportErrantAgency(CebuDbContext db)
{
    public sealed record Request(string? LicensingState, string? LicenceNumber, string? WhatHappened, DateOnly? OccurredOn, string? Place, string? Evidence);

    public async Task<Outcome<ErrantReportDto>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.AgenciesReport) || who.State is null)
            return Problem.Forbidden("Reporting an errant agency needs the agencies.report permission (inspectors, caseworkers, consular officers).");
        var now = db.Clock.GetUtcNow();
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(r.LicensingState), "licensingState", "Name the state that licensed the agency (ISO code, e.g. KH).");
        v.Require(!string.IsNullOrWhiteSpace(r.LicenceNumber), "licenceNumber", "Give the agency's licence number, as the public check shows it.");
        v.Require(!string.IsNullOrWhiteSpace(r.WhatHappened), "whatHappened", "Describe what the agency did.");
        v.Require(r.OccurredOn is not null, "occurredOn", "Give the date it happened (YYYY-MM-DD).");
        v.Require(r.OccurredOn is null || r.OccurredOn <= DateOnly.FromDateTime(now.UtcDateTime), "occurredOn", "The date cannot be in the future.");
        v.Require(!string.IsNullOrWhiteSpace(r.Place), "place", "Say where it happened.");
        v.Require(r.WhatHappened is null || r.WhatHappened.Trim().Length <= 4000, "whatHappened", "A description has at most 4000 characters; put documents in the evidence.");
        v.Require(r.Place is null || r.Place.Trim().Length <= 300, "place", "A place has at most 300 characters.");
        v.Require(r.Evidence is null || r.Evidence.Trim().Length <= 4000, "evidence", "Evidence has at most 4000 characters.");
        if (v.HasErrors) return v.ToProblem();
        var state = r.LicensingState!.Trim().ToUpperInvariant();
        var licence = r.LicenceNumber!.Trim();
        // The agency's identity is public; the report itself belongs to the licensing state and is shared with the reporter.
        var agency = await db.Set<Agency>().IgnoreQueryFilters().FirstOrDefaultAsync(a => a.LicensingState == state && a.LicenceNumber == licence, ct);
        if (agency is null) return Problem.Invalid("licenceNumber", $"No agency with licence {licence} is registered in {state}. Check the number with the public agency check.");

        var report = new ErrantAgencyReport
        {
            AgencyId = agency.Id, LicensingState = agency.LicensingState, ReportingState = who.State, ReportingOrganisationId = who.OrganisationId,
            ReportedBy = who.UserName ?? "", WhatHappened = r.WhatHappened!.Trim(), OccurredOn = r.OccurredOn!.Value, Place = r.Place!.Trim(),
            Evidence = string.IsNullOrWhiteSpace(r.Evidence) ? null : r.Evidence.Trim(), ReportedAt = now,
        };
        db.Add(report);
        db.AuditAction = "agency.report-errant";
        db.AuditReason = $"Errant agency reported by {who.State} to {agency.LicensingState}.";
        await db.SaveChangesAsync(ct);
        return ErrantReportDto.From(report, agency, now);
    }
}

/// <summary>The licensing state records what it did about a report (warning, suspension, investigation...).</summary>
public sealed class RecordErrantReportAction(CebuDbContext db)
{
    public sealed record Request(Guid ReportId, string? ActionTaken);

    public async Task<Outcome<ErrantReportDto>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        var report = await db.Set<ErrantAgencyReport>().Include(x => x.Agency).FirstOrDefaultAsync(x => x.Id == r.ReportId, ct);
        if (report is null) return Problem.NotFound("The report");
        if (!who.Has(Permissions.AgenciesManage) || who.State != report.LicensingState)
            return Problem.Forbidden("Only licensing officers of the licensing state record the action taken on a report.");
        if (string.IsNullOrWhiteSpace(r.ActionTaken)) return Problem.Invalid("actionTaken", "Describe the action taken (for example: licence suspended on 2026-11-20, investigation opened).");
        if (r.ActionTaken.Trim().Length > 4000) return Problem.Invalid("actionTaken", "A description of the action has at most 4000 characters.");
        var now = db.Clock.GetUtcNow();
        report.ActionTaken = r.ActionTaken.Trim();
        report.ActionRecordedAt = now;
        report.ActionRecordedBy = who.UserName;
        db.AuditAction = "agency.report-action";
        db.AuditReason = report.ActionTaken;
        await db.SaveChangesAsync(ct);
        return ErrantReportDto.From(report, report.Agency!, now);
    }
}

/// <summary>Reports the caller's state filed or must act on; overdue ones (no action after 30 days) first.</summary>
public sealed class ListErrantReports(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<ErrantReportDto>>> Handle(Guid? agencyId, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.AgenciesView) && !who.Has(Permissions.AgenciesReport) && !who.Has(Permissions.AgenciesManage))
            return Problem.Forbidden("Errant-agency reports are for licensing officers, embassies and the officials who report.");
        var query = db.Set<ErrantAgencyReport>().AsNoTracking().Include(r => r.Agency).IgnoreQueryFilters()
            .Where(r => r.LicensingState == who.State || r.ReportingState == who.State);
        if (agencyId is { } id) query = query.Where(r => r.AgencyId == id);
        var rows = await query.ToListAsync(ct);
        var now = db.Clock.GetUtcNow();
        return rows.Select(r => ErrantReportDto.From(r, r.Agency!, now))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.ReportedAt).ToList();
    }
}
