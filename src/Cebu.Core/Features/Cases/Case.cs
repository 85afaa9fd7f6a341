using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;

namespace Cebu.Core.Features.Cases;

/// <summary>How a case came in.</summary>
public enum CaseChannel { PublicForm, PartnerApi, Hotline, WalkIn }

/// <summary>
/// A complaint or case (issue 5), held by one organisation (<see cref="OwnerOrganisationId"/>): only that
/// organisation's officials see it (the row filter of <see cref="IOwnedByOrganisation"/>); referral recipients will
/// see what a consent allows, later. Property names follow HTCDS 2.0 where it has the field (the HTCDS name is in each
/// comment); Cebu's own fields are the <c>cebu_</c> extensions of <see cref="HtcdsFields"/>.
/// </summary>
public sealed class Case : IOwnedByOrganisation, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>cas_CaseOwner: the organisation that holds the case.</summary>
    [OwnerOrganisation] public string OwnerOrganisationId { get; set; } = "";
    /// <summary>The home state of the owning organisation (for reports; access is by organisation).</summary>
    public string OwnerState { get; set; } = "";
    /// <summary>Why the case went to this organisation (the intake route), in words.</summary>
    public string RoutedBecause { get; set; } = "";
    /// <summary>The public receipt code, normalised (<see cref="ReceiptCodes"/>); null for cases with no public follow-up.</summary>
    public string? ReceiptCode { get; set; }
    public CaseChannel Channel { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? ReceivedBy { get; set; }

    // The person (prs_). Empty for an anonymous complaint.
    /// <summary>prs_FirstName.</summary>
    public string? FirstName { get; set; }
    /// <summary>prs_SecondName.</summary>
    public string? SecondName { get; set; }
    /// <summary>prs_Citizenship (ISO 3166-1 alpha-2).</summary>
    public string? Citizenship { get; set; }
    /// <summary>prs_PrimaryLanguage: the language the person wrote in and reads the status in (ISO 639-1).</summary>
    public string PrimaryLanguage { get; set; } = "en";
    /// <summary>prs_MobilePhone.</summary>
    public string? MobilePhone { get; set; }
    /// <summary>prs_Email.</summary>
    public string? Email { get; set; }
    /// <summary>The person agreed to be contacted (con_Consent for contact only; referral consent is separate).</summary>
    public bool ContactConsent { get; set; }
    /// <summary>The country the person says they are in now (ISO 3166-1 alpha-2).</summary>
    public string? CurrentCountry { get; set; }

    // What happened.
    /// <summary>The complaint in the person's own words.</summary>
    public string Description { get; set; } = "";
    /// <summary>vic_LocationOfExploitation: town or place.</summary>
    public string? LocationOfExploitation { get; set; }
    /// <summary>cebu_Employer: the employer's name as given.</summary>
    public string? Employer { get; set; }
    /// <summary>cebu_AgencyLicence, or the agency's name as given.</summary>
    public string? AgencyName { get; set; }
    public Guid? WorkerId { get; set; }
    public Guid? AgencyId { get; set; }
    /// <summary>The contract's reference (as in the worker's pre-departure record) when known.</summary>
    public string? ContractId { get; set; }
    /// <summary>cebu_LabourIssues.</summary>
    public List<LabourIssue> LabourIssues { get; set; } = [];
    /// <summary>vic_MethodsOfControl, confirmed by the caseworker.</summary>
    public List<MethodOfControl> MethodsOfControl { get; set; } = [];
    /// <summary>vic_TraffickingStatus, decided by <see cref="TraffickingStatusDecisionMakingOrg"/>; not the screening's flag.</summary>
    public TraffickingStatus? TraffickingStatus { get; set; }
    public TraffickingStatusDecisionMaker? TraffickingStatusDecisionMakingOrg { get; set; }

    // Screening (ILO indicators) and priority.
    /// <summary>Answers by indicator name (camelCase: yes, no, unknown).</summary>
    public Dictionary<string, string> ScreeningAnswers { get; set; } = [];
    public CaseScreeningFacts ScreeningFacts { get; set; } = new();
    /// <summary>Screened since the case was last reopened (what <see cref="CaseWorkflow"/> calls Screened).</summary>
    public bool Screened { get; set; }
    public DateTimeOffset? ScreenedAt { get; set; }
    public string? ScreenedBy { get; set; }
    /// <summary>The screening's flag (rules T1-T3): signs of trafficking, a suggestion for the caseworker.</summary>
    public bool SignsOfTrafficking { get; set; }
    /// <summary>cebu_ForcedLabourIndicators: the indicators answered yes.</summary>
    public List<ForcedLabourIndicator> ForcedLabourIndicators { get; set; } = [];
    /// <summary>The rule ids that set the priority and the flag (P2, T1, ...).</summary>
    public List<string> ScreeningRules { get; set; } = [];
    /// <summary>cebu_Priority.</summary>
    public CasePriority Priority { get; set; } = CasePriority.Normal;

    // Workflow.
    public CaseState State { get; set; } = CaseState.New;
    public DateTimeOffset StateSince { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    /// <summary>The caseworker assigned (an official of the owning organisation), by user id.</summary>
    public string? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }
    /// <summary>When the current step is due (<see cref="CaseDeadlines"/>), and which rule set it.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary><see cref="DueAt"/> as a UTC date and time, which both databases sort and compare (the queue and the dashboard sort and count by it).</summary>
    public DateTime? DueAtUtc { get; set; }
    public string? DueRule { get; set; }
    /// <summary>At least one labour issue is recorded (the dashboard's "labour issue" type; set with the due date).</summary>
    public bool HasLabourIssues { get; set; }
    /// <summary>At least one forced-labour indicator was answered yes (the dashboard's "forced-labour indicator" type).</summary>
    public bool HasForcedLabourIndicators { get; set; }
    public CaseOutcome? Outcome { get; set; }
    /// <summary>cas_ReasonForCaseClosure (with the closing note in the status history).</summary>
    public CaseResolution? Resolution { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The name the person gave, or null when anonymous.</summary>
    public string? PersonName => string.Join(' ', new[] { FirstName, SecondName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } n ? n : null;

    /// <summary>What the deadline rules need of the case.</summary>
    public CaseClock Clock() => new(Id, Priority, State, ReceivedAt, StateSince, LastActivityAt, AssigneeGuid);

    public Guid? AssigneeGuid => Guid.TryParse(AssigneeId, out var g) ? g : null;

    /// <summary>Sets <see cref="DueAt"/> (and <see cref="DueAtUtc"/>) from the deadline policy after a change, and the dashboard's type flags.</summary>
    public void Reschedule()
    {
        var d = CaseDeadlines.DeadlineOf(Clock());
        DueAt = d?.DueAt;
        DueAtUtc = d?.DueAt.UtcDateTime;
        DueRule = d?.Rule;
        HasLabourIssues = LabourIssues.Count > 0;
        HasForcedLabourIndicators = ForcedLabourIndicators.Count > 0;
    }
}

/// <summary>The facts beside the screening answers (<see cref="Cases.ScreeningFacts"/>), stored with the case.</summary>
public sealed class CaseScreeningFacts
{
    public bool InDangerNow { get; set; }
    public bool Minor { get; set; }
    public bool Detained { get; set; }
    public bool Injured { get; set; }
    public bool NoSafePlaceToStay { get; set; }
    public bool OutsideCountryOfNationality { get; set; }
}

/// <summary>
/// A note on a case (HTCDS cco_CaseComment). A confidential note stays with the owning organisation: it will never be
/// shared with a referral recipient or exported, whatever a consent says.
/// </summary>
public sealed class CaseNote : IOwnedByOrganisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    [OwnerOrganisation] public string OwnerOrganisationId { get; set; } = "";
    public string Text { get; set; } = "";
    public bool Confidential { get; set; }
    public string WrittenBy { get; set; } = "";
    public DateTimeOffset WrittenAt { get; set; }
}

/// <summary>One step of a case's workflow: from, to, why, who, when (the status history).</summary>
public sealed class CaseStatusChange : IOwnedByOrganisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    [OwnerOrganisation] public string OwnerOrganisationId { get; set; } = "";
    public CaseState? From { get; set; }
    public CaseState To { get; set; }
    public string? Reason { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>
/// Where a public complaint goes (see <see cref="CaseIntakeRouting"/>): complaints from a country (and, optionally, from
/// nationals of a state) go to an organisation. A row with no country is the catch-all.
/// </summary>
public sealed class CaseIntakeRoute
{
    public int Id { get; set; }
    public string? Country { get; set; }
    public string? Nationality { get; set; }
    public string OrganisationId { get; set; } = "";
    public string Why { get; set; } = "";
}
