using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Cases;

/// <summary>One line of the queue. The person's name only for the owning organisation (the only one that lists cases today).</summary>
public sealed record CaseSummary(Guid Id, string ReceiptCode, CaseChannel Channel, DateTimeOffset ReceivedAt, CaseState State, CasePriority Priority,
    bool SignsOfTrafficking, bool Screened, string? AssigneeName, DateTimeOffset? DueAt, bool Overdue, string? PersonName, string? CurrentCountry,
    string PrimaryLanguage, string Excerpt);

public sealed record CaseNoteView(Guid Id, string Text, bool Confidential, string WrittenBy, DateTimeOffset WrittenAt);
public sealed record CaseStatusView(CaseState? From, CaseState To, string? Reason, string ChangedBy, DateTimeOffset ChangedAt);
/// <summary>Who read the case, and when (every read is in the audit chain; the newest 100 are listed).</summary>
public sealed record CaseRead(DateTimeOffset At, string? UserName, string? OrganisationId);
/// <summary>A caseworker the case can be assigned to: an official of the owning organisation who handles cases.</summary>
public sealed record CaseAssignee(string Id, string Name, string Email);

/// <summary>A case as the owning organisation sees it, with the screening re-read from its stored answers.</summary>
public sealed record CaseDetails(Case Case, ScreeningResult? Screening, IReadOnlyList<CaseNoteView> Notes, IReadOnlyList<CaseStatusView> History,
    IReadOnlyList<CaseRead> ReadBy, IReadOnlyList<CaseState> NextStates, IReadOnlyList<CaseAssignee> Assignees);

internal static class CaseAccess
{
    public static Problem? Check(IAccessContext who) =>
        who.Has(Permissions.CasesHandle) && (who.OrganisationId is not null || who.IsSystem) ? null
            : Problem.Forbidden("Cases are handled by caseworkers and consular officers (the cases.handle permission).");

    /// <summary>The case, if the caller's organisation holds it (the row filter decides; a missing one and another organisation's look the same).</summary>
    public static Task<Case?> Find(CebuDbContext db, Guid id, CancellationToken ct) => db.Set<Case>().FirstOrDefaultAsync(c => c.Id == id, ct);

    public static ScreeningResult Screen(Case c)
    {
        var errors = new Validation();
        var answers = ForcedLabourScreening.ReadAnswers(c.ScreeningAnswers.ToDictionary(kv => kv.Key, kv => (string?)kv.Value), errors);
        var f = c.ScreeningFacts;
        return ForcedLabourScreening.Screen(answers, new ScreeningFacts(f.InDangerNow, f.Minor, f.Detained, f.Injured, f.NoSafePlaceToStay, f.OutsideCountryOfNationality, c.LabourIssues));
    }

    public static async Task<List<CaseAssignee>> Assignees(CebuDbContext db, string organisationId, CancellationToken ct)
    {
        var roles = Roles.Grants.Where(g => g.Value.Contains(Permissions.CasesHandle)).Select(g => g.Key).ToList();
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      where u.OrganisationId == organisationId && roleIds.Contains(ur.RoleId)
                      orderby u.Email
                      select new CaseAssignee(u.Id, u.DisplayName, u.Email!)).Distinct().ToListAsync(ct);
    }
}

/// <summary>
/// The caller's organisation's cases: the queue (open cases, most urgent and soonest due first) or any state, filtered
/// by the dashboard's keys (overdue, type, employer, agency). Sorted and paged by the database.
/// </summary>
public sealed class ListCases(CebuDbContext db)
{
    public sealed record Request(CaseState? State = null, CasePriority? Priority = null, bool OpenOnly = true, bool MineOnly = false, int Page = 1, int PageSize = 50,
        bool OverdueOnly = false, CaseType? Type = null, string? Employer = null, string? Agency = null);

    public async Task<Outcome<Paged<CaseSummary>>> Handle(Request r, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var page = Math.Max(1, r.Page);
        var size = Math.Clamp(r.PageSize, 1, 200);
        var now = db.Clock.GetUtcNow();
        var cutoff = now.UtcDateTime;
        var q = db.Set<Case>().AsNoTracking();
        if (r.State is { } s) q = q.Where(c => c.State == s);
        else if (r.OpenOnly) q = q.Where(c => c.State != CaseState.Closed);
        if (r.Priority is { } p) q = q.Where(c => c.Priority == p);
        if (r.MineOnly) { var me = db.Access.UserId; q = q.Where(c => c.AssigneeId == me); }
        if (r.OverdueOnly) q = q.Where(c => c.DueAtUtc != null && c.DueAtUtc < cutoff);
        q = r.Type switch
        {
            CaseType.LabourIssue => q.Where(c => c.HasLabourIssues),
            CaseType.ForcedLabourIndicator => q.Where(c => c.HasForcedLabourIndicators),
            CaseType.TraffickingFlag => q.Where(c => c.SignsOfTrafficking),
            _ => q,
        };
        if (!string.IsNullOrWhiteSpace(r.Employer)) q = q.Where(c => c.Employer == r.Employer);
        if (!string.IsNullOrWhiteSpace(r.Agency)) q = q.Where(c => c.AgencyName == r.Agency);
        var total = await q.CountAsync(ct);
        // Priority is stored as its name: the database ranks it with a CASE; then the soonest due (none last).
        var rows = await q
            .OrderBy(c => c.Priority == CasePriority.Urgent ? 0 : c.Priority == CasePriority.High ? 1 : c.Priority == CasePriority.Normal ? 2 : 3)
            .ThenBy(c => c.DueAtUtc == null ? 1 : 0).ThenBy(c => c.DueAtUtc).ThenBy(c => c.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(c => new
            {
                c.Id, c.ReceiptCode, c.Channel, c.ReceivedAt, c.State, c.Priority, c.SignsOfTrafficking, c.Screened, c.AssigneeName, c.DueAt,
                c.FirstName, c.SecondName, c.CurrentCountry, c.PrimaryLanguage, Excerpt = c.Description.Substring(0, 121),
            }).ToListAsync(ct);
        var items = rows
            .Select(c => new CaseSummary(c.Id, ReceiptCodes.Format(c.ReceiptCode ?? ""), c.Channel, c.ReceivedAt, c.State, c.Priority, c.SignsOfTrafficking, c.Screened,
                c.AssigneeName, c.DueAt, c.DueAt is { } d && d < now,
                string.Join(' ', new[] { c.FirstName, c.SecondName }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } n ? n : null,
                c.CurrentCountry, c.PrimaryLanguage, c.Excerpt.Length > 120 ? c.Excerpt[..120] + "…" : c.Excerpt))
            .ToList();
        return new Paged<CaseSummary>(items, page, size, total);
    }
}

/// <summary>A case for the organisation that holds it. Every read is recorded in the audit chain and listed on the case.</summary>
public sealed class GetCase(CebuDbContext db)
{
    public async Task<Outcome<CaseDetails>> Handle(Guid id, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var c = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Problem.NotFound("The case");
        db.RecordRead(nameof(Case), id.ToString());
        await db.SaveChangesAsync(ct);
        return await Details(db, c, ct);
    }

    internal static async Task<CaseDetails> Details(CebuDbContext db, Case c, CancellationToken ct)
    {
        var notes = await db.Set<CaseNote>().AsNoTracking().Where(n => n.CaseId == c.Id).ToListAsync(ct);
        var history = await db.Set<CaseStatusChange>().AsNoTracking().Where(s => s.CaseId == c.Id).ToListAsync(ct);
        var key = c.Id.ToString();
        var reads = await db.AuditEvents.AsNoTracking().Where(a => a.RecordType == nameof(Case) && a.RecordId == key && a.Action == "read")
            .OrderByDescending(a => a.Sequence).Take(100).Select(a => new CaseRead(a.At, a.UserName, a.OrganisationId)).ToListAsync(ct);
        var assignees = await CaseAccess.Assignees(db, c.OwnerOrganisationId, ct);
        return new CaseDetails(c, c.ScreenedAt is null ? null : CaseAccess.Screen(c),
            notes.OrderBy(n => n.WrittenAt).ThenBy(n => n.Id).Select(n => new CaseNoteView(n.Id, n.Text, n.Confidential, n.WrittenBy, n.WrittenAt)).ToList(),
            history.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).Select(h => new CaseStatusView(h.From, h.To, h.Reason, h.ChangedBy, h.ChangedAt)).ToList(),
            reads, CaseWorkflow.Next(c.State), assignees);
    }
}
