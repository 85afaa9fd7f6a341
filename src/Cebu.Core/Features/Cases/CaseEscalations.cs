using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cebu.Core.Features.Cases;

/// <summary>
/// An overdue case escalated by <see cref="CaseEscalationJob"/> (rule and due date of <see cref="CaseDeadlines"/>):
/// recorded once per case, rule and due date, and the notice to the organisation's case supervisors (cases.supervise),
/// who see it on /Cases/Escalations until one of them acknowledges it. A case late by more than its limit a second time
/// is raised to the head of the organisation on the same row.
/// </summary>
public sealed class CaseEscalation : IOwnedByOrganisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    [OwnerOrganisation] public string OwnerOrganisationId { get; set; } = "";
    public string Rule { get; set; } = "";
    /// <summary>The deadline missed, in UTC (with <see cref="CaseId"/> and <see cref="Rule"/>, the unique key).</summary>
    public DateTime DueAtUtc { get; set; }
    public EscalationTarget EscalateTo { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset EscalatedAt { get; set; }
    public DateTimeOffset? RaisedToHeadAt { get; set; }
    /// <summary>The supervisors told (user e-mails), at the time of the escalation.</summary>
    public List<string> Notified { get; set; } = [];
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgementNote { get; set; }
}

public sealed record CaseEscalationView(Guid Id, Guid CaseId, string Rule, DateTimeOffset DueAt, EscalationTarget EscalateTo, string Reason, DateTimeOffset EscalatedAt,
    IReadOnlyList<string> Notified, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgementNote,
    CasePriority CasePriority, CaseState CaseState, string? AssigneeName, string ReceiptCode);

/// <summary>What one run of the job did.</summary>
public sealed record EscalationRun(DateTimeOffset At, int Overdue, int Escalated, int RaisedToHead);

/// <summary>
/// Escalates every overdue case of every organisation at <c>now</c> (run by <see cref="CaseEscalationJob"/> as the
/// system). A case escalated for the same rule and due date before is not escalated again; a second-level escalation
/// (late by more than the limit again) raises the same row to the head of the organisation. Each write is audited
/// as case.escalate.
/// </summary>
public sealed class EscalateOverdueCases(CebuDbContext db)
{
    public async Task<Outcome<EscalationRun>> Handle(DateTimeOffset now, CancellationToken ct)
    {
        if (!db.Access.IsSystem) return Problem.Forbidden("Escalations are made by the background job.");
        var cutoff = now.UtcDateTime;
        var late = await db.Set<Case>().AsNoTracking().Where(c => c.State != CaseState.Closed && c.DueAtUtc != null && c.DueAtUtc < cutoff).ToListAsync(ct);
        var byId = late.ToDictionary(c => c.Id);
        var overdue = CaseDeadlines.Overdue(late.Select(c => c.Clock()), now);
        var ids = overdue.Select(e => e.CaseId).ToList();
        var known = await db.Set<CaseEscalation>().Where(e => ids.Contains(e.CaseId)).ToListAsync(ct);
        var orgs = late.Select(c => c.OwnerOrganisationId).Distinct().ToList();
        var supervisors = await Supervisors(db, orgs, ct);
        int escalated = 0, raised = 0;
        foreach (var e in overdue)
        {
            var c = byId[e.CaseId];
            var due = e.DueAt.UtcDateTime;
            var row = known.FirstOrDefault(k => k.CaseId == e.CaseId && k.Rule == e.Rule && Same(k.DueAtUtc, due));
            if (row is null)
            {
                db.Add(new CaseEscalation
                {
                    CaseId = c.Id, OwnerOrganisationId = c.OwnerOrganisationId, Rule = e.Rule, DueAtUtc = due, EscalateTo = e.EscalateTo, Reason = e.Reason,
                    EscalatedAt = now, RaisedToHeadAt = e.EscalateTo == EscalationTarget.OrganisationHead ? now : null,
                    Notified = supervisors.TryGetValue(c.OwnerOrganisationId, out var s) ? s : [],
                });
                escalated++;
            }
            else if (row.EscalateTo == EscalationTarget.Supervisor && e.EscalateTo == EscalationTarget.OrganisationHead)
            {
                (row.EscalateTo, row.RaisedToHeadAt, row.Reason) = (EscalationTarget.OrganisationHead, now, e.Reason);
                (row.AcknowledgedAt, row.AcknowledgedBy, row.AcknowledgementNote) = (null, null, null);
                raised++;
            }
        }
        if (escalated + raised > 0)
        {
            db.AuditAction = "case.escalate";
            db.AuditReason = $"Overdue cases escalated by the job at {now.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {escalated} new, {raised} raised to the head of the organisation.";
            await db.SaveChangesAsync(ct);
        }
        return new EscalationRun(now, overdue.Count, escalated, raised);
    }

    // SQLite keeps ticks; PostgreSQL microseconds: compare at the microsecond.
    private static bool Same(DateTime a, DateTime b) => Math.Abs((a - b).Ticks) < 10;

    private static async Task<Dictionary<string, List<string>>> Supervisors(CebuDbContext db, List<string> orgs, CancellationToken ct)
    {
        var roles = Roles.Grants.Where(g => g.Value.Contains(Permissions.CasesSupervise)).Select(g => g.Key).ToList();
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          where u.OrganisationId != null && orgs.Contains(u.OrganisationId) && roleIds.Contains(ur.RoleId)
                          select new { u.OrganisationId, u.Email }).ToListAsync(ct);
        return rows.GroupBy(r => r.OrganisationId!).ToDictionary(g => g.Key, g => g.Select(r => r.Email!).Distinct().Order(StringComparer.Ordinal).ToList());
    }
}

/// <summary>The escalations of the supervisor's organisation: those not yet acknowledged first, then the newest.</summary>
public sealed class ListCaseEscalations(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<CaseEscalationView>>> Handle(bool includeAcknowledged, CancellationToken ct)
    {
        if (!db.Access.Has(Permissions.CasesSupervise) || db.Access.OrganisationId is null)
            return Problem.Forbidden("Escalations go to case supervisors (the cases.supervise permission).");
        var q = from e in db.Set<CaseEscalation>().AsNoTracking()
                join c in db.Set<Case>().AsNoTracking() on e.CaseId equals c.Id
                select new { e, c.Priority, c.State, c.AssigneeName, c.ReceiptCode };
        if (!includeAcknowledged) q = q.Where(x => x.e.AcknowledgedAt == null);
        var rows = await q.OrderByDescending(x => x.e.DueAtUtc).Take(500).ToListAsync(ct);
        return rows.OrderBy(x => x.e.AcknowledgedAt is not null).ThenByDescending(x => x.Priority).ThenBy(x => x.e.DueAtUtc)
            .Select(x => View(x.e, x.Priority, x.State, x.AssigneeName, x.ReceiptCode)).ToList();
    }

    internal static CaseEscalationView View(CaseEscalation e, CasePriority priority, CaseState state, string? assignee, string? receipt) =>
        new(e.Id, e.CaseId, e.Rule, new DateTimeOffset(DateTime.SpecifyKind(e.DueAtUtc, DateTimeKind.Utc)), e.EscalateTo, e.Reason, e.EscalatedAt, e.Notified,
            e.AcknowledgedAt, e.AcknowledgedBy, e.AcknowledgementNote, priority, state, assignee, ReceiptCodes.Format(receipt ?? ""));
}

/// <summary>A supervisor acknowledges an escalation (with what they did about it); another organisation's is 404.</summary>
public sealed class AcknowledgeCaseEscalation(CebuDbContext db)
{
    public async Task<Outcome<CaseEscalationView>> Handle(Guid id, string? note, CancellationToken ct)
    {
        if (!db.Access.Has(Permissions.CasesSupervise) || db.Access.OrganisationId is null)
            return Problem.Forbidden("Escalations are acknowledged by case supervisors (the cases.supervise permission).");
        var e = await db.Set<CaseEscalation>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Problem.NotFound("The escalation");
        var text = CaseRules.Clean(note);
        if (text is null) return Problem.Invalid("note", "Say what you did about it (reassigned, chased the recipient, ...).");
        if (text.Length > 1000) return Problem.Invalid("note", "At most 1000 characters.");
        if (e.AcknowledgedAt is not null) return Problem.Conflict("The escalation is already acknowledged.", $"{e.AcknowledgedBy} acknowledged it at {e.AcknowledgedAt:yyyy-MM-dd HH:mm} UTC.");
        (e.AcknowledgedAt, e.AcknowledgedBy, e.AcknowledgementNote) = (db.Clock.GetUtcNow(), db.Access.UserName, text);
        db.AuditAction = "case.escalation.acknowledge";
        db.AuditReason = text;
        await db.SaveChangesAsync(ct);
        var c = await db.Set<Case>().AsNoTracking().FirstAsync(x => x.Id == e.CaseId, ct);
        return ListCaseEscalations.View(e, c.Priority, c.State, c.AssigneeName, c.ReceiptCode);
    }
}

/// <summary>
/// The background job that escalates overdue cases: every <c>Cebu:Escalation:IntervalMinutes</c> (default 15; 0
/// turns it off) it runs <see cref="EscalateOverdueCases"/> as the system at the <see cref="TimeProvider"/>'s time.
/// The first run is at start, before the app serves requests (unless <c>Cebu:Escalation:RunAtStart</c> is false), then
/// one every interval. Several nodes may run it: the unique index keeps one row per escalation.
/// </summary>
public sealed class CaseEscalationJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<CaseEscalationJob> log) : BackgroundService
{
    public TimeSpan Interval { get; } = TimeSpan.FromMinutes(config.GetValue<double?>("Cebu:Escalation:IntervalMinutes") ?? 15);
    public bool RunAtStart { get; } = config.GetValue<bool?>("Cebu:Escalation:RunAtStart") ?? true;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interval > TimeSpan.Zero && RunAtStart)
        {
            try { await RunOnceAsync(cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The case escalation job failed at start; it runs again in {Interval}.", Interval);
            }
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The case escalation job failed; it runs again in {Interval}.", Interval);
            }
        }
    }

    /// <summary>One run, now by the job's clock.</summary>
    public async Task<EscalationRun> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.System with { UserName = "system:escalation-job" };
        var db = scope.ServiceProvider.GetRequiredService<CebuDbContext>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var run = (await scope.ServiceProvider.GetRequiredService<EscalateOverdueCases>().Handle(clock.GetUtcNow(), ct)).Value!;
                if (run.Escalated + run.RaisedToHead > 0)
                    log.LogInformation("Escalated {Escalated} overdue case(s), raised {Raised} to the head of the organisation.", run.Escalated, run.RaisedToHead);
                return run;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another node recorded the same escalation first (the unique index): read again and skip it.
                db.ChangeTracker.Clear();
            }
        }
    }
}

internal sealed class CaseEscalationConfiguration : IEntityTypeConfiguration<CaseEscalation>
{
    public void Configure(EntityTypeBuilder<CaseEscalation> e)
    {
        e.Property(x => x.OwnerOrganisationId).HasMaxLength(64);
        e.Property(x => x.Rule).HasMaxLength(20);
        e.Property(x => x.EscalateTo).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.AcknowledgedBy).HasMaxLength(256);
        e.Property(x => x.AcknowledgementNote).HasMaxLength(1000);
        CebuDbContext.JsonColumn(e.Property(x => x.Notified));
        e.HasIndex(x => new { x.CaseId, x.Rule, x.DueAtUtc }).IsUnique();
        e.HasIndex(x => new { x.OwnerOrganisationId, x.AcknowledgedAt });
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
