using Cebu.Core.Features.Cases;
using static Cebu.Core.Features.Cases.ForcedLabourIndicator;

namespace Cebu.Core.Tests.Cases;

/// <summary>One test per rule of Features/Cases/README.md (P0-P7, T1-T3, R1a-R7b), and the questions themselves.</summary>
public class ForcedLabourScreeningTests
{
    /// <summary>Every indicator answered no, except those named yes.</summary>
    private static Dictionary<ForcedLabourIndicator, Answer> No(params ForcedLabourIndicator[] yes) =>
        Enum.GetValues<ForcedLabourIndicator>().ToDictionary(i => i, i => yes.Contains(i) ? Answer.Yes : Answer.No);

    private static ScreeningResult Screen(ScreeningFacts? facts = null, params ForcedLabourIndicator[] yes) => ForcedLabourScreening.Screen(No(yes), facts);

    private static IEnumerable<string> Rules(ScreeningResult r) => r.PriorityReasons.Select(x => x.Rule);
    private static IEnumerable<string> RulesFor(ScreeningResult r, ReferralService s) => r.Referrals.Where(x => x.Service == s).SelectMany(x => x.Why).Select(x => x.Rule);

    [Fact]
    public void There_are_the_ilo_eleven_indicators_each_with_a_plain_question()
    {
        var q = ForcedLabourScreening.Questions;
        Assert.Equal(11, q.Count);
        Assert.Equal(["Abuse of vulnerability", "Deception", "Restriction of movement", "Isolation", "Physical and sexual violence",
            "Intimidation and threats", "Retention of identity documents", "Withholding of wages", "Debt bondage",
            "Abusive working and living conditions", "Excessive overtime"], q.Select(x => x.IloName));
        Assert.All(q, x =>
        {
            Assert.Equal(x.IloName, x.Title);
            Assert.EndsWith("?", x.Question);
            Assert.Contains("you", x.Question, StringComparison.OrdinalIgnoreCase);
            Assert.True(x.Question.Length <= 200, $"{x.Indicator}: a question for a phone screen should stay short.");
        });
        Assert.Equal(11, q.Select(x => x.Question).Distinct().Count());
    }

    [Fact]
    public void P0_nothing_reported_is_low_priority_with_a_reason()
    {
        var r = Screen();
        Assert.Equal(CasePriority.Low, r.Priority);
        Assert.Equal(["P0"], Rules(r));
        Assert.False(r.SignsOfTrafficking);
        Assert.Empty(r.Referrals);
    }

    [Fact]
    public void P1_danger_now_is_urgent_even_without_any_indicator()
    {
        var r = Screen(new ScreeningFacts(InDangerNow: true));
        Assert.Equal(CasePriority.Urgent, r.Priority);
        Assert.Contains("P1", Rules(r));
        Assert.False(r.SignsOfTrafficking);
    }

    [Fact]
    public void P2_signs_of_trafficking_make_a_case_urgent()
    {
        var r = Screen(null, Deception, RetentionOfIdentityDocuments);
        Assert.Equal(CasePriority.Urgent, r.Priority);
        Assert.Contains("P2", Rules(r));
        Assert.Equal([Deception, RetentionOfIdentityDocuments], r.PriorityReasons.Single(x => x.Rule == "P2").Indicators);
    }

    [Fact]
    public void P3_detention_is_urgent()
    {
        var r = Screen(new ScreeningFacts(Detained: true));
        Assert.Equal(CasePriority.Urgent, r.Priority);
        Assert.Contains("P3", Rules(r));
    }

    [Fact]
    public void P4_a_child_is_at_least_high_priority()
    {
        var r = Screen(new ScreeningFacts(Minor: true));
        Assert.Equal(CasePriority.High, r.Priority);
        Assert.Contains("P4", Rules(r));
    }

    [Fact]
    public void P5_one_indicator_short_of_the_flag_is_high_priority()
    {
        var r = Screen(null, ExcessiveOvertime);
        Assert.Equal(CasePriority.High, r.Priority);
        Assert.Equal(["P5"], Rules(r));
        Assert.False(r.SignsOfTrafficking);
        Assert.Equal([ExcessiveOvertime], r.IndicatorsPresent);
        Assert.Empty(r.TraffickingIndicators);
    }

    [Fact]
    public void P6_a_labour_issue_alone_is_normal_priority()
    {
        var r = Screen(new ScreeningFacts(LabourIssues: [LabourIssue.RecruitmentFees]));
        Assert.Equal(CasePriority.Normal, r.Priority);
        Assert.Equal(["P6"], Rules(r));
    }

    [Fact]
    public void P7_more_than_five_unknown_answers_make_the_screening_incomplete()
    {
        var answers = No();
        foreach (var i in new[] { AbuseOfVulnerability, Deception, Isolation, IntimidationAndThreats, DebtBondage }) answers[i] = Answer.Unknown;
        Assert.Equal(CasePriority.Low, ForcedLabourScreening.Screen(answers).Priority); // five unknown: still complete
        answers.Remove(ExcessiveOvertime); // a missing answer counts as unknown: six
        var r = ForcedLabourScreening.Screen(answers);
        Assert.Equal(CasePriority.Normal, r.Priority);
        Assert.Equal(6, r.IndicatorsUnknown.Count);
        Assert.Equal(r.IndicatorsUnknown, r.PriorityReasons.Single(x => x.Rule == "P7").Indicators);
    }

    [Fact]
    public void T1_two_indicators_together_raise_the_flag()
    {
        Assert.False(Screen(null, Isolation).SignsOfTrafficking);
        var r = Screen(null, Isolation, ExcessiveOvertime);
        Assert.True(r.SignsOfTrafficking);
        Assert.Equal([Isolation, ExcessiveOvertime], r.TraffickingIndicators);
        Assert.Contains("T1", Rules(r));
    }

    [Theory]
    [InlineData(PhysicalAndSexualViolence)]
    [InlineData(RestrictionOfMovement)]
    [InlineData(DebtBondage)]
    public void T2_violence_confinement_or_debt_bondage_alone_raise_the_flag(ForcedLabourIndicator indicator)
    {
        var r = Screen(null, indicator);
        Assert.True(r.SignsOfTrafficking);
        Assert.Equal([indicator], r.TraffickingIndicators);
        Assert.Equal(["P2", "T2"], Rules(r));
        Assert.Equal(CasePriority.Urgent, r.Priority);
    }

    [Fact]
    public void T3_a_child_with_any_indicator_raises_the_flag()
    {
        Assert.False(Screen(null, WithholdingOfWages).SignsOfTrafficking);
        var r = Screen(new ScreeningFacts(Minor: true), WithholdingOfWages);
        Assert.True(r.SignsOfTrafficking);
        Assert.Contains("T3", Rules(r));
        Assert.Equal(CasePriority.Urgent, r.Priority);
    }

    [Fact]
    public void R1a_danger_now_suggests_a_shelter() =>
        Assert.Equal(["R1a"], RulesFor(Screen(new ScreeningFacts(InDangerNow: true)), ReferralService.Shelter));

    [Fact]
    public void R1b_no_safe_place_to_sleep_suggests_a_shelter()
    {
        var r = Screen(new ScreeningFacts(NoSafePlaceToStay: true));
        Assert.Equal(["R1b"], RulesFor(r, ReferralService.Shelter));
        Assert.Equal(SupportType.SocialCare, r.Referrals.Single().HtcdsSupportType);
    }

    [Fact]
    public void R1c_confinement_with_signs_of_trafficking_suggests_a_shelter() =>
        Assert.Equal(["R1c"], RulesFor(Screen(null, RestrictionOfMovement), ReferralService.Shelter));

    [Fact]
    public void R2a_an_injured_person_is_referred_for_medical_care() =>
        Assert.Equal(["R2a"], RulesFor(Screen(new ScreeningFacts(Injured: true)), ReferralService.Medical));

    [Fact]
    public void R2b_violence_suggests_medical_care_naming_the_indicator()
    {
        var why = Screen(null, PhysicalAndSexualViolence).Referrals.Single(x => x.Service == ReferralService.Medical).Why.Single();
        Assert.Equal("R2b", why.Rule);
        Assert.Equal([PhysicalAndSexualViolence], why.Indicators);
    }

    [Fact]
    public void R3a_signs_of_trafficking_suggest_legal_aid() =>
        Assert.Contains("R3a", RulesFor(Screen(null, DebtBondage), ReferralService.LegalAid));

    [Fact]
    public void R3b_detention_suggests_legal_aid() =>
        Assert.Equal(["R3b"], RulesFor(Screen(new ScreeningFacts(Detained: true)), ReferralService.LegalAid));

    [Fact]
    public void R3c_a_broken_contract_or_deception_suggests_legal_aid()
    {
        Assert.Equal(["R3c"], RulesFor(Screen(new ScreeningFacts(LabourIssues: [LabourIssue.ContractViolation])), ReferralService.LegalAid));
        Assert.Equal(["R3c"], RulesFor(Screen(null, Deception), ReferralService.LegalAid));
    }

    [Fact]
    public void R4a_hours_conditions_or_withheld_pay_suggest_labour_inspection()
    {
        var why = Screen(null, ExcessiveOvertime).Referrals.Single(x => x.Service == ReferralService.LabourInspection).Why.Single();
        Assert.Equal("R4a", why.Rule);
        Assert.Equal([ExcessiveOvertime], why.Indicators);
        Assert.Empty(RulesFor(Screen(null, Isolation), ReferralService.LabourInspection));
    }

    [Fact]
    public void R4b_unpaid_wages_suggest_labour_inspection() =>
        Assert.Equal(["R4b"], RulesFor(Screen(new ScreeningFacts(LabourIssues: [LabourIssue.UnpaidWages])), ReferralService.LabourInspection));

    [Fact]
    public void R5_only_signs_of_trafficking_suggest_the_anti_trafficking_police()
    {
        Assert.Empty(RulesFor(Screen(null, Deception), ReferralService.AntiTraffickingPolice));
        var r = Screen(null, Deception, Isolation);
        Assert.Equal(["R5"], RulesFor(r, ReferralService.AntiTraffickingPolice));
        Assert.Equal(OrganisationType.LawEnforcement, r.Referrals.Single(x => x.Service == ReferralService.AntiTraffickingPolice).HtcdsRecipientType);
    }

    [Fact]
    public void R6a_detention_abroad_suggests_the_consulate_and_at_home_does_not()
    {
        Assert.Equal(["R6a"], RulesFor(Screen(new ScreeningFacts(Detained: true, OutsideCountryOfNationality: true)), ReferralService.Consulate));
        Assert.Empty(RulesFor(Screen(new ScreeningFacts(Detained: true)), ReferralService.Consulate));
    }

    [Fact]
    public void R6b_documents_withheld_abroad_suggest_the_consulate()
    {
        Assert.Equal(["R6b"], RulesFor(Screen(new ScreeningFacts(OutsideCountryOfNationality: true), RetentionOfIdentityDocuments), ReferralService.Consulate));
        Assert.Equal(["R6b"], RulesFor(Screen(new ScreeningFacts(OutsideCountryOfNationality: true, LabourIssues: [LabourIssue.WithheldDocuments])), ReferralService.Consulate));
    }

    [Fact]
    public void R6c_signs_of_trafficking_abroad_suggest_the_consulate() =>
        Assert.Equal(["R6c"], RulesFor(Screen(new ScreeningFacts(OutsideCountryOfNationality: true), Deception, Isolation), ReferralService.Consulate));

    [Fact]
    public void R7a_withheld_or_unpaid_wages_suggest_a_wage_claim()
    {
        Assert.Equal(["R7a"], RulesFor(Screen(null, WithholdingOfWages), ReferralService.WageClaim));
        Assert.Equal(["R7a"], RulesFor(Screen(new ScreeningFacts(LabourIssues: [LabourIssue.UnpaidWages])), ReferralService.WageClaim));
    }

    [Fact]
    public void R7b_recruitment_fees_or_debt_bondage_suggest_a_claim()
    {
        Assert.Equal(["R7b"], RulesFor(Screen(new ScreeningFacts(LabourIssues: [LabourIssue.RecruitmentFees])), ReferralService.WageClaim));
        Assert.Equal(["R7b"], RulesFor(Screen(null, DebtBondage), ReferralService.WageClaim));
    }

    [Fact]
    public void The_highest_priority_wins_and_every_fired_rule_is_listed_most_urgent_first()
    {
        var r = Screen(new ScreeningFacts(Minor: true, LabourIssues: [LabourIssue.UnpaidWages]), Deception);
        Assert.Equal(CasePriority.Urgent, r.Priority);
        Assert.Equal(["P2", "P4", "P6", "T3"], Rules(r));
    }

    [Fact]
    public void Referral_reasons_gather_under_one_suggestion_per_service()
    {
        var r = Screen(new ScreeningFacts(InDangerNow: true, NoSafePlaceToStay: true), RestrictionOfMovement);
        var shelter = Assert.Single(r.Referrals, x => x.Service == ReferralService.Shelter);
        Assert.Equal(["R1a", "R1b", "R1c"], shelter.Why.Select(w => w.Rule));
        Assert.Equal(r.Referrals.Count, r.Referrals.Select(x => x.Service).Distinct().Count());
    }

    [Fact]
    public void Indicators_with_one_clear_htcds_method_of_control_are_suggested_for_the_case_record()
    {
        var r = Screen(null, Deception, RetentionOfIdentityDocuments, Isolation);
        Assert.Equal([MethodOfControl.FalsePromises, MethodOfControl.WithholdsDocuments], r.SuggestedMethodsOfControl);
    }
}

public class ScreeningAnswerReadingTests
{
    [Fact]
    public void Answers_are_read_from_camel_case_names_and_yes_no_unknown_in_any_case()
    {
        var errors = new Cebu.Core.Platform.Results.Validation();
        var answers = ForcedLabourScreening.ReadAnswers(new Dictionary<string, string?> { ["deception"] = "YES", ["debtBondage"] = "no", ["isolation"] = "Unknown" }, errors);
        Assert.False(errors.HasErrors);
        Assert.Equal(new Dictionary<ForcedLabourIndicator, Answer> { [Deception] = Answer.Yes, [DebtBondage] = Answer.No, [Isolation] = Answer.Unknown }, answers);
        Assert.Equal("retentionOfIdentityDocuments", ForcedLabourScreening.JsonName(RetentionOfIdentityDocuments));
    }

    [Fact]
    public void An_unknown_question_or_answer_is_a_field_error()
    {
        var errors = new Cebu.Core.Platform.Results.Validation();
        ForcedLabourScreening.ReadAnswers(new Dictionary<string, string?> { ["deceit"] = "yes", ["deception"] = "maybe", ["isolation"] = "1", ["debtBondage"] = null }, errors);
        var e = errors.ToProblem().Errors!;
        Assert.Equal(["answers.debtBondage", "answers.deceit", "answers.deception", "answers.isolation"], e.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("There is no screening question 'deceit'. The questions are: abuseOfVulnerability, deception,", e["answers.deceit"].Single());
        Assert.Equal("Answer yes, no or unknown.", e["answers.deception"].Single());
    }
}
