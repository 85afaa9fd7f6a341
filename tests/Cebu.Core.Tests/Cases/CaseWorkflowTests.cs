using Cebu.Core.Features.Cases;

namespace Cebu.Core.Tests.Cases;

public class CaseWorkflowTests
{
    private static readonly Guid Worker = Guid.Parse("00000000-0000-0000-0000-00000000d001");
    private const string GoodReason = "The worker called again: the employer still has her passport.";

    private static CaseSnapshot At(CaseState state, bool screened = true, Guid? assignee = null, CaseOutcome? outcome = null, int openReferrals = 0) =>
        new(state, screened, assignee, outcome, openReferrals);

    [Fact]
    public void The_allowed_steps_are_the_documented_ones()
    {
        Assert.Equal([CaseState.Assessed, CaseState.Closed], CaseWorkflow.Next(CaseState.New));
        Assert.Equal([CaseState.InProgress, CaseState.Referred, CaseState.Closed], CaseWorkflow.Next(CaseState.Assessed));
        Assert.Equal([CaseState.Referred, CaseState.Resolved, CaseState.Closed], CaseWorkflow.Next(CaseState.InProgress));
        Assert.Equal([CaseState.InProgress, CaseState.Resolved, CaseState.Closed], CaseWorkflow.Next(CaseState.Referred));
        Assert.Equal([CaseState.Closed, CaseState.Reopened], CaseWorkflow.Next(CaseState.Resolved));
        Assert.Equal([CaseState.Reopened], CaseWorkflow.Next(CaseState.Closed));
        Assert.Equal([CaseState.Assessed, CaseState.InProgress, CaseState.Referred, CaseState.Closed], CaseWorkflow.Next(CaseState.Reopened));
    }

    [Fact]
    public void A_step_outside_the_workflow_is_refused_naming_the_possible_ones()
    {
        var refusal = Assert.Single(CaseWorkflow.Check(At(CaseState.New), new CaseTransition(CaseState.Resolved, Outcome: CaseOutcome.WorkerSafe)));
        Assert.Equal("status", refusal.Field);
        Assert.Equal("A case that is new cannot become resolved; it can become assessed or closed.", refusal.Message);
        Assert.Equal("The case is already closed.", Assert.Single(CaseWorkflow.Check(At(CaseState.Closed), new CaseTransition(CaseState.Closed, Resolution: CaseResolution.Duplicate, Reason: GoodReason))).Message);
    }

    [Fact]
    public void Assessing_needs_the_screening()
    {
        Assert.Equal("screening", Assert.Single(CaseWorkflow.Check(At(CaseState.New, screened: false), new CaseTransition(CaseState.Assessed))).Field);
        Assert.Empty(CaseWorkflow.Check(At(CaseState.New), new CaseTransition(CaseState.Assessed)));
    }

    [Fact]
    public void Starting_work_needs_an_assignee_given_now_or_before()
    {
        Assert.Equal("assigneeId", Assert.Single(CaseWorkflow.Check(At(CaseState.Assessed), new CaseTransition(CaseState.InProgress))).Field);
        Assert.Empty(CaseWorkflow.Check(At(CaseState.Assessed), new CaseTransition(CaseState.InProgress, AssigneeId: Worker)));
        Assert.Empty(CaseWorkflow.Check(At(CaseState.Assessed, assignee: Worker), new CaseTransition(CaseState.InProgress)));
    }

    [Fact]
    public void Taking_a_case_back_from_a_referral_needs_a_reason()
    {
        var refused = CaseWorkflow.Check(At(CaseState.Referred, assignee: Worker), new CaseTransition(CaseState.InProgress, Reason: "declined"));
        Assert.Equal("reason", Assert.Single(refused).Field);
        Assert.Empty(CaseWorkflow.Check(At(CaseState.Referred, assignee: Worker), new CaseTransition(CaseState.InProgress, Reason: "The shelter declined: it is full this month.")));
    }

    [Fact]
    public void Referring_needs_the_referral_record()
    {
        Assert.Equal("referralId", Assert.Single(CaseWorkflow.Check(At(CaseState.InProgress, assignee: Worker), new CaseTransition(CaseState.Referred))).Field);
        Assert.Empty(CaseWorkflow.Check(At(CaseState.InProgress, assignee: Worker), new CaseTransition(CaseState.Referred, ReferralId: Guid.NewGuid())));
    }

    [Fact]
    public void Resolving_needs_an_outcome_and_no_open_referral()
    {
        var refused = CaseWorkflow.Check(At(CaseState.InProgress, assignee: Worker, openReferrals: 1), new CaseTransition(CaseState.Resolved));
        Assert.Equal(["outcome", "referrals"], refused.Select(r => r.Field));
        Assert.Empty(CaseWorkflow.Check(At(CaseState.InProgress, assignee: Worker), new CaseTransition(CaseState.Resolved, Outcome: CaseOutcome.WagesRecovered)));
        Assert.Empty(CaseWorkflow.Check(At(CaseState.Referred, outcome: CaseOutcome.DocumentsReturned), new CaseTransition(CaseState.Resolved)));
    }

    [Fact]
    public void Closing_needs_a_resolution()
    {
        var refusal = Assert.Single(CaseWorkflow.Check(At(CaseState.Resolved), new CaseTransition(CaseState.Closed)));
        Assert.Equal("resolution", refusal.Field);
        Assert.Empty(CaseWorkflow.Check(At(CaseState.Resolved, outcome: CaseOutcome.WorkerSafe), new CaseTransition(CaseState.Closed, Resolution: CaseResolution.Resolved)));
    }

    [Fact]
    public void Closing_as_resolved_needs_a_resolved_case_and_other_closures_need_a_note()
    {
        Assert.Equal("resolution", Assert.Single(CaseWorkflow.Check(At(CaseState.InProgress), new CaseTransition(CaseState.Closed, Resolution: CaseResolution.Resolved))).Field);
        Assert.Equal("reason", Assert.Single(CaseWorkflow.Check(At(CaseState.New), new CaseTransition(CaseState.Closed, Resolution: CaseResolution.Duplicate))).Field);
        Assert.Empty(CaseWorkflow.Check(At(CaseState.New), new CaseTransition(CaseState.Closed, Resolution: CaseResolution.Duplicate, Reason: "Same complaint as the one filed yesterday by phone.")));
    }

    [Fact]
    public void Closing_with_an_open_referral_is_refused_unless_the_case_went_to_the_recipient()
    {
        var referred = At(CaseState.Referred, openReferrals: 1);
        Assert.Equal("referrals", Assert.Single(CaseWorkflow.Check(referred, new CaseTransition(CaseState.Closed, Resolution: CaseResolution.NoContactPossible, Reason: GoodReason))).Field);
        Assert.Empty(CaseWorkflow.Check(referred, new CaseTransition(CaseState.Closed, Resolution: CaseResolution.ReferredElsewhere, Reason: "The consulate in Bangkok has taken the case over.")));
    }

    [Fact]
    public void Reopening_needs_a_reason_of_some_substance()
    {
        Assert.Equal("reason", Assert.Single(CaseWorkflow.Check(At(CaseState.Closed), new CaseTransition(CaseState.Reopened, Reason: "   again   "))).Field);
        Assert.Empty(CaseWorkflow.Check(At(CaseState.Closed), new CaseTransition(CaseState.Reopened, Reason: GoodReason)));
        Assert.Empty(CaseWorkflow.Check(At(CaseState.Resolved), new CaseTransition(CaseState.Reopened, Reason: GoodReason)));
    }

    [Fact]
    public void A_reopened_case_is_screened_again_before_work_or_a_referral()
    {
        var reopened = At(CaseState.Reopened, screened: false, assignee: Worker);
        Assert.Equal("screening", Assert.Single(CaseWorkflow.Check(reopened, new CaseTransition(CaseState.InProgress))).Field);
        Assert.Equal("screening", Assert.Single(CaseWorkflow.Check(reopened, new CaseTransition(CaseState.Referred, ReferralId: Guid.NewGuid()))).Field);
        Assert.Empty(CaseWorkflow.Check(reopened with { Screened = true }, new CaseTransition(CaseState.InProgress)));
    }

    [Fact]
    public void Every_refusal_of_every_state_pair_names_a_field_and_a_sentence()
    {
        foreach (var from in Enum.GetValues<CaseState>())
            foreach (var to in Enum.GetValues<CaseState>())
                foreach (var refusal in CaseWorkflow.Check(At(from, screened: false), new CaseTransition(to)))
                {
                    Assert.False(string.IsNullOrWhiteSpace(refusal.Field));
                    Assert.EndsWith(".", refusal.Message);
                }
        // With nothing supplied, every allowed step except assessing a screened case asks for something.
        Assert.All(Enum.GetValues<CaseState>().SelectMany(f => CaseWorkflow.Next(f).Select(t => (f, t))).Where(p => p.t != CaseState.Assessed),
            p => Assert.NotEmpty(CaseWorkflow.Check(At(p.f), new CaseTransition(p.t))));
    }

    [Fact]
    public void Refusals_become_one_validation_problem_keyed_by_field()
    {
        var refusals = CaseWorkflow.Check(At(CaseState.InProgress, openReferrals: 2), new CaseTransition(CaseState.Resolved));
        var problem = CaseWorkflow.ToProblem(CaseState.Resolved, refusals)!;
        Assert.Equal(Cebu.Core.Platform.Results.ProblemKind.Validation, problem.Kind);
        Assert.Equal("The case cannot become resolved yet.", problem.Title);
        Assert.Equal(["outcome", "referrals"], problem.Errors!.Keys.Order());
        Assert.Contains("2 referral(s) are still open", problem.Errors["referrals"].Single());
        Assert.Null(CaseWorkflow.ToProblem(CaseState.Assessed, CaseWorkflow.Check(At(CaseState.New), new CaseTransition(CaseState.Assessed))));
    }
}
