using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Cases;

/// <summary>The dashboard's kinds of case (a case may be of several): a labour issue, a forced-labour indicator, the trafficking flag.</summary>
public enum CaseType { LabourIssue, ForcedLabourIndicator, TraffickingFlag }

/// <summary>A count of open cases under a key (a priority, an employer, ...), and how many of them are overdue.</summary>
public sealed record DashboardCount(string Key, int Open, int Overdue);

/// <summary>The open cases of the caller's organisation, counted by the database (GROUP BY) at <see cref="At"/>.</summary>
public sealed record CaseDashboard(string OrganisationId, DateTimeOffset At, int Open, int Overdue, int Unassigned,
    IReadOnlyList<DashboardCount> ByPriority, IReadOnlyList<DashboardCount> ByState, IReadOnlyList<DashboardCount> ByType,
    IReadOnlyList<DashboardCount> ByEmployer, IReadOnlyList<DashboardCount> ByAgency);

/// <summary>
/// Counts the organisation's open cases by priority, state, type, employer and agency, with the overdue ones in each,
/// each count one SQL GROUP BY over the case rows (both databases); the top 20 employers and agencies.
/// </summary>
public sealed class GetCaseDashboard(CebuDbContext db)
{
    public const int Top = 20;

    public async Task<Outcome<CaseDashboard>> Handle(CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var now = db.Clock.GetUtcNow();
        var cutoff = now.UtcDateTime;
        // The row filter keeps the caller's organisation's cases; closed ones are not open.
        var open = db.Set<Case>().AsNoTracking().Where(c => c.State != CaseState.Closed);

        var byPriority = await open.GroupBy(c => c.Priority)
            .Select(g => new { g.Key, Open = g.Count(), Overdue = g.Sum(c => c.DueAtUtc != null && c.DueAtUtc < cutoff ? 1 : 0) }).ToListAsync(ct);
        var byState = await open.GroupBy(c => c.State)
            .Select(g => new { g.Key, Open = g.Count(), Overdue = g.Sum(c => c.DueAtUtc != null && c.DueAtUtc < cutoff ? 1 : 0) }).ToListAsync(ct);
        var types = await open.GroupBy(c => 1).Select(g => new
        {
            Labour = g.Sum(c => c.HasLabourIssues ? 1 : 0), LabourLate = g.Sum(c => c.HasLabourIssues && c.DueAtUtc != null && c.DueAtUtc < cutoff ? 1 : 0),
            Forced = g.Sum(c => c.HasForcedLabourIndicators ? 1 : 0), ForcedLate = g.Sum(c => c.HasForcedLabourIndicators && c.DueAtUtc != null && c.DueAtUtc < cutoff ? 1 : 0),
            Flag = g.Sum(c => c.SignsOfTrafficking ? 1 : 0), FlagLate = g.Sum(c => c.SignsOfTrafficking && c.DueAtUtc != null && c.DueAtUtc < cutoff ? 1 : 0),
            Unassigned = g.Sum(c => c.AssigneeId == null ? 1 : 0),
        }).FirstOrDefaultAsync(ct);
        var byEmployer = await open.Where(c => c.Employer != null).GroupBy(c => c.Employer!)
            .Select(g => new { g.Key, Open = g.Count(), Overdue = g.Sum(c => c.DueAtUtc != null && c.DueAtUtc < cutoff ? 1 : 0) })
            .OrderByDescending(x => x.Open).ThenBy(x => x.Key).Take(Top).ToListAsync(ct);
        var byAgency = await open.Where(c => c.AgencyName != null).GroupBy(c => c.AgencyName!)
            .Select(g => new { g.Key, Open = g.Count(), Overdue = g.Sum(c => c.DueAtUtc != null && c.DueAtUtc < cutoff ? 1 : 0) })
            .OrderByDescending(x => x.Open).ThenBy(x => x.Key).Take(Top).ToListAsync(ct);

        return new CaseDashboard(db.Access.OrganisationId ?? "", now, byPriority.Sum(p => p.Open), byPriority.Sum(p => p.Overdue), types?.Unassigned ?? 0,
            Enum.GetValues<CasePriority>().Reverse().Select(p => byPriority.FirstOrDefault(x => x.Key == p) is { } x ? new DashboardCount(p.ToString(), x.Open, x.Overdue) : new DashboardCount(p.ToString(), 0, 0)).ToList(),
            Enum.GetValues<CaseState>().Where(s => s != CaseState.Closed).Select(s => byState.FirstOrDefault(x => x.Key == s) is { } x ? new DashboardCount(s.ToString(), x.Open, x.Overdue) : new DashboardCount(s.ToString(), 0, 0)).ToList(),
            [
                new(nameof(CaseType.LabourIssue), types?.Labour ?? 0, types?.LabourLate ?? 0),
                new(nameof(CaseType.ForcedLabourIndicator), types?.Forced ?? 0, types?.ForcedLate ?? 0),
                new(nameof(CaseType.TraffickingFlag), types?.Flag ?? 0, types?.FlagLate ?? 0),
            ],
            byEmployer.Select(x => new DashboardCount(x.Key, x.Open, x.Overdue)).ToList(),
            byAgency.Select(x => new DashboardCount(x.Key, x.Open, x.Overdue)).ToList());
    }
}
