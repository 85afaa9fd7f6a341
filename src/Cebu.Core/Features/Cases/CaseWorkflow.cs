using Cebu.Core.Platform.Results;

namespace Cebu.Core.Features.Cases;

/// <summary>Where a case is in Cebu's workflow (issue 5). Exported as HTCDS cas_Status by <see cref="Htcds.StatusOf"/>.</summary>
public enum CaseState { New, Assessed, InProgress, Referred, Resolved, Closed, Reopened }

/// <summary>How soon a case needs attention; set by screening (<see cref="ForcedLabourScreening"/>), may be raised by a caseworker.</summary>
public enum CasePriority { Low, Normal, High, Urgent }

/// <summary>What came of a case: needed to resolve it.</summary>
public enum CaseOutcome
{
    WorkerSafe, WagesRecovered, FeesRefunded, DocumentsReturned, ContractHonoured, SettlementReached, DecisionByAuthority,
    WorkerRepatriated, ComplaintNotUpheld, WorkerWithdrew, Other,
}

/// <summary>Why a case is closed: needed to close it. Exported as HTCDS cas_ReasonForCaseClosure with the note.</summary>
public enum CaseResolution
{
    /// <summary>The case was resolved (it has an outcome) and no more follow-up is needed.</summary>
    Resolved,
    /// <summary>Another organisation took the case over (HTCDS cas_Status ClosedReferred).</summary>
    ReferredElsewhere,
    Duplicate,
    NoContactPossible,
    WithdrawnByWorker,
    OutsideMandate,
}

/// <summary>A refused step, naming the field to fix and why, in words a caseworker can act on.</summary>
public sealed record TransitionRefusal(string Field, string Message);

/// <summary>What the workflow needs to know of a case to judge a step. <c>Screened</c>: screened since it was last reopened.</summary>
public sealed record CaseSnapshot(CaseState State, bool Screened, Guid? AssigneeId, CaseOutcome? Outcome = null, int OpenReferrals = 0);

/// <summary>
/// A requested step and what it carries. Only the parts the target needs are read: an assignee (starting work),
/// the referral (referring), an outcome (resolving), a resolution (closing), a reason (reopening, going back).
/// </summary>
public sealed record CaseTransition(
    CaseState Target,
    Guid? AssigneeId = null,
    Guid? ReferralId = null,
    CaseOutcome? Outcome = null,
    CaseResolution? Resolution = null,
    string? Reason = null);

/// <summary>
/// The case workflow as explicit states and the evidence each step needs. Pure: the use case loads the case, calls
/// <see cref="Check"/>, and saves nothing when it answers refusals.
/// </summary>
public static class CaseWorkflow
{
    public const int MinimumReasonLength = 10;

    /// <summary>The states a case may move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<CaseState> Next(CaseState from) => from switch
    {
        CaseState.New => [CaseState.Assessed, CaseState.Closed],
        CaseState.Assessed => [CaseState.InProgress, CaseState.Referred, CaseState.Closed],
        CaseState.InProgress => [CaseState.Referred, CaseState.Resolved, CaseState.Closed],
        CaseState.Referred => [CaseState.InProgress, CaseState.Resolved, CaseState.Closed],
        CaseState.Resolved => [CaseState.Closed, CaseState.Reopened],
        CaseState.Closed => [CaseState.Reopened],
        CaseState.Reopened => [CaseState.Assessed, CaseState.InProgress, CaseState.Referred, CaseState.Closed],
        _ => [],
    };

    /// <summary>Every reason the step is refused; empty when it is allowed.</summary>
    public static IReadOnlyList<TransitionRefusal> Check(CaseSnapshot current, CaseTransition step)
    {
        var refusals = new List<TransitionRefusal>();
        if (!Next(current.State).Contains(step.Target))
        {
            var next = Next(current.State);
            refusals.Add(new("status", current.State == step.Target
                ? $"The case is already {Words(current.State)}."
                : $"A case that is {Words(current.State)} cannot become {Words(step.Target)}; it can become {string.Join(" or ", next.Select(Words))}."));
            return refusals;
        }
        switch (step.Target)
        {
            case CaseState.Assessed:
                if (!current.Screened)
                    refusals.Add(new("screening", "Answer the forced-labour screening questions first: the assessment sets the priority from them."));
                break;
            case CaseState.InProgress:
                if ((step.AssigneeId ?? current.AssigneeId) is null)
                    refusals.Add(new("assigneeId", "Assign the case to a caseworker before work starts."));
                if (current.State == CaseState.Referred && !HasReason(step.Reason))
                    refusals.Add(new("reason", $"Say why the case comes back from the referral (declined, returned, finished): at least {MinimumReasonLength} characters."));
                if (current.State == CaseState.Reopened && !current.Screened)
                    refusals.Add(new("screening", "Answer the forced-labour screening questions first."));
                break;
            case CaseState.Referred:
                if (step.ReferralId is null)
                    refusals.Add(new("referralId", "Create the referral first (recipient, purpose, the fields shared and the worker's consent), then mark the case referred."));
                if (current.State == CaseState.Reopened && !current.Screened)
                    refusals.Add(new("screening", "Answer the forced-labour screening questions first."));
                break;
            case CaseState.Resolved:
                if ((step.Outcome ?? current.Outcome) is null)
                    refusals.Add(new("outcome", "Record the outcome: what came of the case (for example wages recovered, documents returned, worker safe)."));
                if (current.OpenReferrals > 0)
                    refusals.Add(new("referrals", $"{current.OpenReferrals} referral(s) are still open: wait for the recipient's answer or withdraw them first."));
                break;
            case CaseState.Closed:
                if (step.Resolution is not { } resolution)
                    refusals.Add(new("resolution", "Record why the case is closed: resolved, referred elsewhere, duplicate, no contact possible, withdrawn by the worker or outside the mandate."));
                else
                {
                    if (resolution == CaseResolution.Resolved && current.State != CaseState.Resolved)
                        refusals.Add(new("resolution", "Only a resolved case closes as resolved: resolve it first with its outcome, or choose another resolution."));
                    if (resolution != CaseResolution.Resolved && !HasReason(step.Reason))
                        refusals.Add(new("reason", $"Explain the closure in a note (HTCDS cas_ReasonForCaseClosure): at least {MinimumReasonLength} characters."));
                }
                if (current.OpenReferrals > 0 && step.Resolution != CaseResolution.ReferredElsewhere)
                    refusals.Add(new("referrals", $"{current.OpenReferrals} referral(s) are still open: wait for the recipient's answer or withdraw them first."));
                break;
            case CaseState.Reopened:
                if (!HasReason(step.Reason))
                    refusals.Add(new("reason", $"Say why the case is reopened: at least {MinimumReasonLength} characters."));
                break;
        }
        return refusals;
    }

    /// <summary>The refusals as one validation problem (RFC 9457 errors keyed by field), as the journey does; null when there are none.</summary>
    public static Problem? ToProblem(CaseState target, IReadOnlyList<TransitionRefusal> refusals) => refusals.Count == 0 ? null
        : new Problem(ProblemKind.Validation, $"The case cannot become {Words(target)} yet.", "Correct the fields listed in 'errors' and send the request again.",
            refusals.GroupBy(r => r.Field).ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray()));

    private static bool HasReason(string? reason) => reason is not null && reason.Trim().Length >= MinimumReasonLength;

    public static string Words(CaseState state) => state switch
    {
        CaseState.New => "new",
        CaseState.Assessed => "assessed",
        CaseState.InProgress => "in progress",
        CaseState.Referred => "referred",
        CaseState.Resolved => "resolved",
        CaseState.Closed => "closed",
        _ => "reopened",
    };
}
