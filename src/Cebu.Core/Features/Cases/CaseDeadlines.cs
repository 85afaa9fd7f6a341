namespace Cebu.Core.Features.Cases;

/// <summary>Who an overdue case is escalated to: first the organisation's case supervisor, then its head.</summary>
public enum EscalationTarget { Supervisor, OrganisationHead }

/// <summary>What the deadline check needs of a case (the storage layer projects this from its rows).</summary>
/// <param name="ReceivedAt">When the complaint was received.</param>
/// <param name="StateSince">When the case entered its current state (for a reopened case, the reopening).</param>
/// <param name="LastActivityAt">The last note, referral answer or state change by a caseworker.</param>
public sealed record CaseClock(Guid CaseId, CasePriority Priority, CaseState State, DateTimeOffset ReceivedAt, DateTimeOffset StateSince,
    DateTimeOffset LastActivityAt, Guid? AssigneeId);

/// <summary>A case past a deadline: which rule, when it was due, by how much it is late, to whom it goes and why.</summary>
public sealed record Escalation(Guid CaseId, string Rule, DateTimeOffset DueAt, TimeSpan OverdueBy, EscalationTarget EscalateTo, Guid? AssigneeId, string Reason);

/// <summary>
/// Cebu's default time limits per priority (a service policy, not a law: an organisation may set its own). Each limit
/// is measured from the moment named in <see cref="CaseDeadlines"/>; a case late by more than the limit a second time
/// goes to the organisation's head.
/// </summary>
public sealed record DeadlinePolicy(
    IReadOnlyDictionary<CasePriority, TimeSpan> Assess,
    IReadOnlyDictionary<CasePriority, TimeSpan> StartWork,
    IReadOnlyDictionary<CasePriority, TimeSpan> ReferralAnswer,
    IReadOnlyDictionary<CasePriority, TimeSpan> Activity,
    IReadOnlyDictionary<CasePriority, TimeSpan> CloseAfterResolved)
{
    private static Dictionary<CasePriority, TimeSpan> Hours(double urgent, double high, double normal, double low) => new()
    {
        [CasePriority.Urgent] = TimeSpan.FromHours(urgent),
        [CasePriority.High] = TimeSpan.FromHours(high),
        [CasePriority.Normal] = TimeSpan.FromHours(normal),
        [CasePriority.Low] = TimeSpan.FromHours(low),
    };

    /// <summary>
    /// Assess: urgent 24 h, high 72 h, normal 7 days, low 14 days from receipt. Start work (in progress or referred):
    /// urgent 24 h, high 3 days, normal 14 days, low 30 days after the assessment. Referral answer: urgent 48 h, high
    /// 3 days, others 7 days. Activity while in progress: urgent 3 days, high 7, normal 14, low 30 without a note or
    /// step. Close a resolved case: 30 days whatever the priority.
    /// </summary>
    public static DeadlinePolicy Default { get; } = new(
        Assess: Hours(24, 72, 7 * 24, 14 * 24),
        StartWork: Hours(24, 72, 14 * 24, 30 * 24),
        ReferralAnswer: Hours(48, 72, 7 * 24, 7 * 24),
        Activity: Hours(3 * 24, 7 * 24, 14 * 24, 30 * 24),
        CloseAfterResolved: Hours(30 * 24, 30 * 24, 30 * 24, 30 * 24));
}

/// <summary>
/// Which cases are overdue now and to whom they escalate. Pure: the background job loads the open cases, calls
/// <see cref="Overdue"/> with the clock's time, and notifies (and audits) what it answers.
/// </summary>
public static class CaseDeadlines
{
    /// <summary>The deadline the case is measured against now, or null when its state has none (closed).</summary>
    public static (string Rule, DateTimeOffset DueAt, TimeSpan Limit, string What)? DeadlineOf(CaseClock c, DeadlinePolicy? policy = null)
    {
        var p = policy ?? DeadlinePolicy.Default;
        return c.State switch
        {
            CaseState.New => ("assess", c.ReceivedAt + p.Assess[c.Priority], p.Assess[c.Priority], "be assessed (screened and given a priority)"),
            CaseState.Reopened => ("assess", c.StateSince + p.Assess[c.Priority], p.Assess[c.Priority], "be assessed again after reopening"),
            CaseState.Assessed => ("start-work", c.StateSince + p.StartWork[c.Priority], p.StartWork[c.Priority], "be taken up by a caseworker or referred"),
            CaseState.Referred => ("referral-answer", c.StateSince + p.ReferralAnswer[c.Priority], p.ReferralAnswer[c.Priority], "have the recipient's answer to the referral (chase it, or take the case back)"),
            CaseState.InProgress => ("activity", Later(c.StateSince, c.LastActivityAt) + p.Activity[c.Priority], p.Activity[c.Priority], "have a note or a step"),
            CaseState.Resolved => ("close", c.StateSince + p.CloseAfterResolved[c.Priority], p.CloseAfterResolved[c.Priority], "be closed after its follow-up"),
            _ => null,
        };
    }

    /// <summary>Every case past its deadline at <paramref name="now"/>, most urgent and latest first.</summary>
    public static IReadOnlyList<Escalation> Overdue(IEnumerable<CaseClock> cases, DateTimeOffset now, DeadlinePolicy? policy = null)
    {
        var result = new List<(CasePriority Priority, Escalation Escalation)>();
        foreach (var c in cases)
        {
            if (DeadlineOf(c, policy) is not { } d || now <= d.DueAt) continue;
            var late = now - d.DueAt;
            var target = late > d.Limit ? EscalationTarget.OrganisationHead : EscalationTarget.Supervisor;
            var reason = $"{(c.Priority == CasePriority.Urgent ? "An" : "A")} {Words(c.Priority)} case must {d.What} within {Span(d.Limit)}; it was due {d.DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC and is {Span(late)} late"
                + (target == EscalationTarget.OrganisationHead ? $", more than {Span(d.Limit)} past the deadline: it goes to the head of the organisation." : ": it goes to the case supervisor.")
                + (c.AssigneeId is null ? " Nobody is assigned to it." : "");
            result.Add((c.Priority, new(c.CaseId, d.Rule, d.DueAt.ToUniversalTime(), late, target, c.AssigneeId, reason)));
        }
        return result.OrderByDescending(r => r.Priority).ThenByDescending(r => r.Escalation.OverdueBy).Select(r => r.Escalation).ToList();
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public static string Words(CasePriority p) => p switch
    {
        CasePriority.Urgent => "urgent",
        CasePriority.High => "high-priority",
        CasePriority.Normal => "normal-priority",
        _ => "low-priority",
    };

    internal static string Span(TimeSpan t) => t.TotalHours < 48 ? $"{Math.Floor(t.TotalHours):0} h" : $"{Math.Floor(t.TotalDays):0} days";
}
