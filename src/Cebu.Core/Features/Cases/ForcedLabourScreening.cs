using Cebu.Core.Platform.Results;

namespace Cebu.Core.Features.Cases;

/// <summary>
/// The eleven indicators of the ILO Special Action Programme to Combat Forced Labour, "ILO Indicators of Forced Labour"
/// (ILO, Geneva, 2012), in the booklet's order.
/// </summary>
public enum ForcedLabourIndicator
{
    AbuseOfVulnerability,
    Deception,
    RestrictionOfMovement,
    Isolation,
    PhysicalAndSexualViolence,
    IntimidationAndThreats,
    RetentionOfIdentityDocuments,
    WithholdingOfWages,
    DebtBondage,
    AbusiveWorkingAndLivingConditions,
    ExcessiveOvertime,
}

public enum Answer { Unknown, Yes, No }

/// <summary>One screening question: the indicator, its ILO name, and the keys of its title and plain-language question in <see cref="CaseText"/>.</summary>
public sealed record ScreeningQuestion(ForcedLabourIndicator Indicator, string IloName, string TitleKey, string QuestionKey)
{
    public string Title => CaseText.English[TitleKey];
    public string Question => CaseText.English[QuestionKey];
}

/// <summary>What is known besides the answers. A fact not known is false: no rule fires on it.</summary>
/// <param name="InDangerNow">The person says they are in physical danger now.</param>
/// <param name="Minor">The person is under 18.</param>
/// <param name="Detained">The person is arrested, in custody or detained (immigration detention included).</param>
/// <param name="Injured">The person is injured or ill and needs care.</param>
/// <param name="NoSafePlaceToStay">The person has nowhere safe to sleep tonight.</param>
/// <param name="OutsideCountryOfNationality">The person is abroad (their consulate can act).</param>
public sealed record ScreeningFacts(
    bool InDangerNow = false,
    bool Minor = false,
    bool Detained = false,
    bool Injured = false,
    bool NoSafePlaceToStay = false,
    bool OutsideCountryOfNationality = false,
    IReadOnlyCollection<LabourIssue>? LabourIssues = null);

/// <summary>Why a rule fired: the rule's id (see README), the key of its explanation in <see cref="CaseText"/>, and the indicators behind it.</summary>
public sealed record ScreeningReason(string Rule, string TextKey, IReadOnlyList<ForcedLabourIndicator> Indicators)
{
    public string Text => CaseText.English[TextKey];
}

/// <summary>A referral the screening suggests, with every reason for it. A caseworker decides; the worker consents.</summary>
public sealed record SuggestedReferral(ReferralService Service, IReadOnlyList<ScreeningReason> Why)
{
    public SupportType HtcdsSupportType => Htcds.SupportTypeOf(Service);
    public OrganisationType HtcdsRecipientType => Htcds.RecipientTypeOf(Service);
}

/// <summary>What the screening concludes. Suggestions only: the caseworker confirms or changes them.</summary>
public sealed record ScreeningResult(
    CasePriority Priority,
    IReadOnlyList<ScreeningReason> PriorityReasons,
    bool SignsOfTrafficking,
    IReadOnlyList<ForcedLabourIndicator> TraffickingIndicators,
    IReadOnlyList<ForcedLabourIndicator> IndicatorsPresent,
    IReadOnlyList<ForcedLabourIndicator> IndicatorsUnknown,
    IReadOnlyList<SuggestedReferral> Referrals,
    IReadOnlyList<MethodOfControl> SuggestedMethodsOfControl);

/// <summary>
/// Forced-labour screening with the ILO's eleven indicators. Pure: the same answers and facts always give the same
/// result. The rules, their ids and sources are listed in Features/Cases/README.md; each has a test.
/// </summary>
public static class ForcedLabourScreening
{
    public const string Source = "ILO Special Action Programme to Combat Forced Labour (SAP-FL), \"ILO Indicators of Forced Labour\", International Labour Office, Geneva, 2012";

    /// <summary>The indicators that alone raise the flag (rule T2): they describe coercion itself, not only poor conditions.</summary>
    public static readonly IReadOnlySet<ForcedLabourIndicator> CoercionIndicators = new HashSet<ForcedLabourIndicator>
    {
        ForcedLabourIndicator.PhysicalAndSexualViolence, ForcedLabourIndicator.RestrictionOfMovement, ForcedLabourIndicator.DebtBondage,
    };

    /// <summary>More unknown answers than this and the screening counts as incomplete (rule P7).</summary>
    public const int IncompleteAbove = 5;

    public static IReadOnlyList<ScreeningQuestion> Questions { get; } = Enum.GetValues<ForcedLabourIndicator>()
        .Select(i => new ScreeningQuestion(i, IloName(i), $"Cases.Screening.{i}.Title", $"Cases.Screening.{i}.Question")).ToList();

    public static string IloName(ForcedLabourIndicator i) => i switch
    {
        ForcedLabourIndicator.AbuseOfVulnerability => "Abuse of vulnerability",
        ForcedLabourIndicator.Deception => "Deception",
        ForcedLabourIndicator.RestrictionOfMovement => "Restriction of movement",
        ForcedLabourIndicator.Isolation => "Isolation",
        ForcedLabourIndicator.PhysicalAndSexualViolence => "Physical and sexual violence",
        ForcedLabourIndicator.IntimidationAndThreats => "Intimidation and threats",
        ForcedLabourIndicator.RetentionOfIdentityDocuments => "Retention of identity documents",
        ForcedLabourIndicator.WithholdingOfWages => "Withholding of wages",
        ForcedLabourIndicator.DebtBondage => "Debt bondage",
        ForcedLabourIndicator.AbusiveWorkingAndLivingConditions => "Abusive working and living conditions",
        _ => "Excessive overtime",
    };

    /// <summary>The HTCDS method of control an indicator corresponds to, where there is one clear match.</summary>
    public static MethodOfControl? MethodOfControlFor(ForcedLabourIndicator i) => i switch
    {
        ForcedLabourIndicator.Deception => MethodOfControl.FalsePromises,
        ForcedLabourIndicator.RetentionOfIdentityDocuments => MethodOfControl.WithholdsDocuments,
        ForcedLabourIndicator.WithholdingOfWages => MethodOfControl.TakesEarnings,
        ForcedLabourIndicator.DebtBondage => MethodOfControl.DebtBondage,
        ForcedLabourIndicator.ExcessiveOvertime => MethodOfControl.ExcessiveWorkingHours,
        _ => null,
    };

    /// <summary>The JSON name of an indicator's answer: the enum name in camelCase (abuseOfVulnerability, ..., excessiveOvertime).</summary>
    public static string JsonName(ForcedLabourIndicator i) => char.ToLowerInvariant(i.ToString()[0]) + i.ToString()[1..];

    /// <summary>
    /// Reads answers as the API receives them ({"deception": "yes", ...}; values yes, no or unknown, any case). An unknown
    /// question or value is a field error named <c>answers.&lt;name&gt;</c>; a question left out counts as unknown.
    /// </summary>
    public static Dictionary<ForcedLabourIndicator, Answer> ReadAnswers(IReadOnlyDictionary<string, string?>? json, Validation errors)
    {
        var byName = Enum.GetValues<ForcedLabourIndicator>().ToDictionary(JsonName, i => i, StringComparer.OrdinalIgnoreCase);
        var answers = new Dictionary<ForcedLabourIndicator, Answer>();
        foreach (var (name, value) in json ?? new Dictionary<string, string?>())
        {
            if (!byName.TryGetValue(name, out var indicator))
            {
                errors.Add($"answers.{name}", $"There is no screening question '{name}'. The questions are: {string.Join(", ", byName.Keys)}.");
                continue;
            }
            if (Enum.TryParse<Answer>(value, ignoreCase: true, out var answer) && Enum.IsDefined(answer) && !int.TryParse(value, out _)) answers[indicator] = answer;
            else errors.Add($"answers.{JsonName(indicator)}", "Answer yes, no or unknown.");
        }
        return answers;
    }

    /// <summary>Screens the answers (a missing indicator counts as unknown) and the facts.</summary>
    public static ScreeningResult Screen(IReadOnlyDictionary<ForcedLabourIndicator, Answer> answers, ScreeningFacts? facts = null)
    {
        facts ??= new ScreeningFacts();
        var issues = facts.LabourIssues ?? [];
        Answer A(ForcedLabourIndicator i) => answers.TryGetValue(i, out var a) ? a : Answer.Unknown;
        bool Yes(ForcedLabourIndicator i) => A(i) == Answer.Yes;
        var all = Enum.GetValues<ForcedLabourIndicator>();
        var present = all.Where(Yes).ToList();
        var unknown = all.Where(i => A(i) == Answer.Unknown).ToList();

        // Signs of trafficking (rules T1-T3).
        var flagReasons = new List<ScreeningReason>();
        if (present.Count >= 2) flagReasons.Add(new("T1", "Cases.Rule.T1", present));
        var coercion = present.Where(CoercionIndicators.Contains).ToList();
        if (coercion.Count > 0) flagReasons.Add(new("T2", "Cases.Rule.T2", coercion));
        if (facts.Minor && present.Count > 0) flagReasons.Add(new("T3", "Cases.Rule.T3", present));
        var signs = flagReasons.Count > 0;

        // Priority (rules P1-P7): the highest level any rule gives; every rule that fired is a reason.
        var reasons = new List<(CasePriority Level, ScreeningReason Reason)>();
        if (facts.InDangerNow) reasons.Add((CasePriority.Urgent, new("P1", "Cases.Rule.P1", [])));
        if (signs) reasons.Add((CasePriority.Urgent, new("P2", "Cases.Rule.P2", present)));
        if (facts.Detained) reasons.Add((CasePriority.Urgent, new("P3", "Cases.Rule.P3", [])));
        if (facts.Minor) reasons.Add((CasePriority.High, new("P4", "Cases.Rule.P4", [])));
        if (present.Count > 0 && !signs) reasons.Add((CasePriority.High, new("P5", "Cases.Rule.P5", present)));
        if (issues.Count > 0) reasons.Add((CasePriority.Normal, new("P6", "Cases.Rule.P6", [])));
        if (unknown.Count > IncompleteAbove) reasons.Add((CasePriority.Normal, new("P7", "Cases.Rule.P7", unknown)));
        var priority = reasons.Count == 0 ? CasePriority.Low : reasons.Max(r => r.Level);
        var priorityReasons = reasons.Count == 0
            ? [new ScreeningReason("P0", "Cases.Rule.P0", [])]
            : reasons.OrderByDescending(r => r.Level).Select(r => r.Reason).Concat(flagReasons).ToList();

        // Referrals (rules R1-R7).
        var referrals = new Dictionary<ReferralService, List<ScreeningReason>>();
        void Suggest(ReferralService s, string rule, IReadOnlyList<ForcedLabourIndicator> behind)
        {
            if (!referrals.TryGetValue(s, out var list)) referrals[s] = list = [];
            list.Add(new(rule, $"Cases.Rule.{rule}", behind));
        }
        List<ForcedLabourIndicator> Of(params ForcedLabourIndicator[] ids) => ids.Where(Yes).ToList();

        if (facts.InDangerNow) Suggest(ReferralService.Shelter, "R1a", []);
        if (facts.NoSafePlaceToStay) Suggest(ReferralService.Shelter, "R1b", []);
        if (signs && Yes(ForcedLabourIndicator.RestrictionOfMovement)) Suggest(ReferralService.Shelter, "R1c", [ForcedLabourIndicator.RestrictionOfMovement]);

        if (facts.Injured) Suggest(ReferralService.Medical, "R2a", []);
        if (Yes(ForcedLabourIndicator.PhysicalAndSexualViolence)) Suggest(ReferralService.Medical, "R2b", [ForcedLabourIndicator.PhysicalAndSexualViolence]);

        if (signs) Suggest(ReferralService.LegalAid, "R3a", present);
        if (facts.Detained) Suggest(ReferralService.LegalAid, "R3b", []);
        if (issues.Contains(LabourIssue.ContractViolation) || Yes(ForcedLabourIndicator.Deception))
            Suggest(ReferralService.LegalAid, "R3c", Of(ForcedLabourIndicator.Deception));

        var conditions = Of(ForcedLabourIndicator.ExcessiveOvertime, ForcedLabourIndicator.AbusiveWorkingAndLivingConditions, ForcedLabourIndicator.WithholdingOfWages);
        if (conditions.Count > 0) Suggest(ReferralService.LabourInspection, "R4a", conditions);
        if (issues.Contains(LabourIssue.UnpaidWages) || issues.Contains(LabourIssue.ContractViolation)) Suggest(ReferralService.LabourInspection, "R4b", []);

        if (signs) Suggest(ReferralService.AntiTraffickingPolice, "R5", present);

        if (facts.OutsideCountryOfNationality)
        {
            if (facts.Detained) Suggest(ReferralService.Consulate, "R6a", []);
            if (Yes(ForcedLabourIndicator.RetentionOfIdentityDocuments) || issues.Contains(LabourIssue.WithheldDocuments))
                Suggest(ReferralService.Consulate, "R6b", Of(ForcedLabourIndicator.RetentionOfIdentityDocuments));
            if (signs) Suggest(ReferralService.Consulate, "R6c", present);
        }

        if (Yes(ForcedLabourIndicator.WithholdingOfWages) || issues.Contains(LabourIssue.UnpaidWages))
            Suggest(ReferralService.WageClaim, "R7a", Of(ForcedLabourIndicator.WithholdingOfWages));
        if (issues.Contains(LabourIssue.RecruitmentFees) || Yes(ForcedLabourIndicator.DebtBondage))
            Suggest(ReferralService.WageClaim, "R7b", Of(ForcedLabourIndicator.DebtBondage));

        var methods = present.Select(MethodOfControlFor).OfType<MethodOfControl>().Distinct().ToList();
        return new ScreeningResult(priority, priorityReasons, signs, flagReasons.SelectMany(r => r.Indicators).Distinct().Order().ToList(), present, unknown,
            referrals.OrderBy(r => r.Key).Select(r => new SuggestedReferral(r.Key, r.Value)).ToList(), methods);
    }
}
