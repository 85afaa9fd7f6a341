using Cebu.Core.Features.Cases;

namespace Cebu.Core.Tests.Cases;

public class CaseDeadlinesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Caseworker = Guid.Parse("00000000-0000-0000-0000-00000000c001");

    private static CaseClock Case(CasePriority priority, CaseState state, TimeSpan receivedAgo, TimeSpan? stateAgo = null, TimeSpan? activityAgo = null, Guid? assignee = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), priority, state, Now - receivedAgo, Now - (stateAgo ?? receivedAgo), Now - (activityAgo ?? stateAgo ?? receivedAgo), assignee);

    [Fact]
    public void An_urgent_case_must_be_assessed_within_24_hours()
    {
        Assert.Empty(CaseDeadlines.Overdue([Case(CasePriority.Urgent, CaseState.New, TimeSpan.FromHours(24))], Now));
        var e = Assert.Single(CaseDeadlines.Overdue([Case(CasePriority.Urgent, CaseState.New, TimeSpan.FromHours(25))], Now));
        Assert.Equal("assess", e.Rule);
        Assert.Equal(Now - TimeSpan.FromHours(1), e.DueAt);
        Assert.Equal(TimeSpan.FromHours(1), e.OverdueBy);
        Assert.Equal(EscalationTarget.Supervisor, e.EscalateTo);
        Assert.Equal("An urgent case must be assessed (screened and given a priority) within 24 h; it was due 2026-11-23 11:00 UTC and is 1 h late: it goes to the case supervisor. Nobody is assigned to it.", e.Reason);
    }

    [Theory]
    [InlineData(CasePriority.High, 72)]
    [InlineData(CasePriority.Normal, 7 * 24)]
    [InlineData(CasePriority.Low, 14 * 24)]
    public void Lower_priorities_have_longer_to_be_assessed(CasePriority priority, int hours)
    {
        Assert.Empty(CaseDeadlines.Overdue([Case(priority, CaseState.New, TimeSpan.FromHours(hours))], Now));
        Assert.Single(CaseDeadlines.Overdue([Case(priority, CaseState.New, TimeSpan.FromHours(hours + 1))], Now));
    }

    [Fact]
    public void A_case_late_by_more_than_its_limit_again_goes_to_the_head_of_the_organisation()
    {
        var e = Assert.Single(CaseDeadlines.Overdue([Case(CasePriority.Urgent, CaseState.New, TimeSpan.FromHours(49), assignee: Caseworker)], Now));
        Assert.Equal(EscalationTarget.OrganisationHead, e.EscalateTo);
        Assert.Equal(Caseworker, e.AssigneeId);
        Assert.DoesNotContain("Nobody is assigned", e.Reason);
        Assert.Contains("head of the organisation", e.Reason);
    }

    [Fact]
    public void An_assessed_case_must_be_taken_up_or_referred_in_time_counted_from_the_assessment()
    {
        var assessed = Case(CasePriority.High, CaseState.Assessed, receivedAgo: TimeSpan.FromDays(10), stateAgo: TimeSpan.FromHours(71));
        Assert.Empty(CaseDeadlines.Overdue([assessed], Now));
        Assert.Equal("start-work", Assert.Single(CaseDeadlines.Overdue([assessed with { StateSince = Now - TimeSpan.FromHours(73) }], Now)).Rule);
    }

    [Fact]
    public void A_case_in_progress_is_overdue_only_after_its_last_activity_is_too_old()
    {
        var busy = Case(CasePriority.Normal, CaseState.InProgress, TimeSpan.FromDays(60), stateAgo: TimeSpan.FromDays(40), activityAgo: TimeSpan.FromDays(2), assignee: Caseworker);
        Assert.Empty(CaseDeadlines.Overdue([busy], Now));
        var quiet = busy with { LastActivityAt = Now - TimeSpan.FromDays(15) };
        var e = Assert.Single(CaseDeadlines.Overdue([quiet], Now));
        Assert.Equal("activity", e.Rule);
        Assert.Equal(TimeSpan.FromDays(1), e.OverdueBy);
    }

    [Fact]
    public void A_referral_without_an_answer_is_chased()
    {
        var referred = Case(CasePriority.Urgent, CaseState.Referred, TimeSpan.FromDays(5), stateAgo: TimeSpan.FromHours(50), assignee: Caseworker);
        var e = Assert.Single(CaseDeadlines.Overdue([referred], Now));
        Assert.Equal("referral-answer", e.Rule);
        Assert.Contains("recipient's answer", e.Reason);
    }

    [Fact]
    public void A_resolved_case_is_closed_within_30_days_and_a_closed_case_is_never_overdue()
    {
        Assert.Equal("close", Assert.Single(CaseDeadlines.Overdue([Case(CasePriority.Low, CaseState.Resolved, TimeSpan.FromDays(100), stateAgo: TimeSpan.FromDays(31))], Now)).Rule);
        Assert.Empty(CaseDeadlines.Overdue([Case(CasePriority.Urgent, CaseState.Closed, TimeSpan.FromDays(1000))], Now));
        Assert.Null(CaseDeadlines.DeadlineOf(Case(CasePriority.Urgent, CaseState.Closed, TimeSpan.FromDays(1))));
    }

    [Fact]
    public void A_reopened_case_is_assessed_again_counted_from_the_reopening()
    {
        var reopened = Case(CasePriority.Urgent, CaseState.Reopened, receivedAgo: TimeSpan.FromDays(200), stateAgo: TimeSpan.FromHours(2));
        Assert.Empty(CaseDeadlines.Overdue([reopened], Now));
        Assert.Equal("assess", Assert.Single(CaseDeadlines.Overdue([reopened with { StateSince = Now - TimeSpan.FromHours(30) }], Now)).Rule);
    }

    [Fact]
    public void Overdue_cases_come_most_urgent_first_then_latest_first()
    {
        Guid low = Guid.NewGuid(), urgentSlightly = Guid.NewGuid(), urgentVery = Guid.NewGuid(), onTime = Guid.NewGuid();
        var list = CaseDeadlines.Overdue([
            Case(CasePriority.Low, CaseState.New, TimeSpan.FromDays(40), id: low),
            Case(CasePriority.Urgent, CaseState.New, TimeSpan.FromHours(26), id: urgentSlightly),
            Case(CasePriority.Urgent, CaseState.Assessed, TimeSpan.FromDays(3), stateAgo: TimeSpan.FromHours(40), id: urgentVery),
            Case(CasePriority.Normal, CaseState.New, TimeSpan.FromDays(1), id: onTime),
        ], Now);
        Assert.Equal([urgentVery, urgentSlightly, low], list.Select(e => e.CaseId));
    }

    [Fact]
    public void An_organisation_may_set_its_own_limits()
    {
        var strict = DeadlinePolicy.Default with
        {
            Assess = new Dictionary<CasePriority, TimeSpan> { [CasePriority.Urgent] = TimeSpan.FromHours(4), [CasePriority.High] = TimeSpan.FromHours(24), [CasePriority.Normal] = TimeSpan.FromDays(2), [CasePriority.Low] = TimeSpan.FromDays(5) },
        };
        var c = Case(CasePriority.Urgent, CaseState.New, TimeSpan.FromHours(5));
        Assert.Empty(CaseDeadlines.Overdue([c], Now));
        Assert.Single(CaseDeadlines.Overdue([c], Now, strict));
    }
}
