namespace Cebu.Core.Features.Cases;

// The case vocabulary of IOM's Human Trafficking Case Data Standard (HTCDS) 2.0, as code.
// Source: UNMigration/HTCDS commit 3c2f6537cd76c3305975aa5eef7a1bf26fe20a30 (January 2023), "HTCDS Field Standards 2.0.ods"
// and "htcds_xlsform.xml" (copies in ../shared/reference/htcds and tests/Cebu.Core.Tests/Data/htcds), CC BY 4.0,
// "Human Trafficking Case Data Standard (HTCDS) by IOM". Codes and labels are copied exactly (the tests compare them with
// the files); values marked CebuExtension are Cebu's own, for labour cases, and are exported under cebu_ field names.

/// <summary>One value of a picklist: the system code, the English label, and whether Cebu added it (not in HTCDS 2.0).</summary>
public sealed record PicklistValue(string Code, string Label, bool CebuExtension = false);

/// <summary>
/// A picklist whose values are the members of <typeparamref name="T"/>. The code of a value is the enum member's name
/// (so HTCDS codes survive a rename only by changing the test that compares them with the standard).
/// </summary>
public sealed class Picklist<T> where T : struct, Enum
{
    private readonly Dictionary<T, PicklistValue> _byValue;
    private readonly Dictionary<string, T> _byCode;

    internal Picklist(string field, string source, params (T Value, string Label, bool Extension)[] values)
    {
        Field = field;
        Source = source;
        var missing = Enum.GetValues<T>().Except(values.Select(v => v.Value)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"Picklist {field} has no label for {string.Join(", ", missing)}.");
        _byValue = values.ToDictionary(v => v.Value, v => new PicklistValue(v.Value.ToString(), v.Label, v.Extension));
        _byCode = values.ToDictionary(v => v.Value.ToString(), v => v.Value, StringComparer.Ordinal);
        Values = values.Select(v => _byValue[v.Value]).ToList();
    }

    /// <summary>The HTCDS field name with its prefix (e.g. vic_MethodsOfControl), or a cebu_ name for Cebu's own lists.</summary>
    public string Field { get; }

    /// <summary>Where the values come from, in words (file, version, or "Cebu extension").</summary>
    public string Source { get; }

    /// <summary>Every value in the standard's order, Cebu extensions last.</summary>
    public IReadOnlyList<PicklistValue> Values { get; }

    public PicklistValue this[T value] => _byValue[value];
    public string Code(T value) => _byValue[value].Code;
    public string Label(T value) => _byValue[value].Label;

    /// <summary>The value with this exact code (codes are case-sensitive, as in the standard).</summary>
    public bool TryParse(string? code, out T value)
    {
        if (code is not null && _byCode.TryGetValue(code, out value)) return true;
        value = default;
        return false;
    }
}

/// <summary>HTCDS cas_Status. Cebu's workflow (<see cref="CaseState"/>) is finer and maps onto it for export.</summary>
public enum HtcdsCaseStatus { Active, FollowUp, Closed, ClosedReferred }

/// <summary>HTCDS vic_TraffickingStatus.</summary>
public enum TraffickingStatus { PossibleVictimOfTrafficking, ActualVictimOfTrafficking, NotAVictimOfTrafficking }

/// <summary>HTCDS vic_TraffickingStatusDecisionMakingOrg: who decided the trafficking status.</summary>
public enum TraffickingStatusDecisionMaker { Police, NGO, CourtOrProsecution, NonPoliceGovernmentalOrganization, Other }

/// <summary>HTCDS vic_MethodsOfControl (multiselect).</summary>
public enum MethodOfControl
{
    PhysicalThreats, ThreatsLawEnforcement, ThreatensChildrenFamily, DebtBondage, FalsePromises, PhysicalAbuse, SexualAbuse,
    TakesEarnings, RestrictsFinancialAccess, RestrictsMedicalCare, WithholdsNecessities, PsychologicalAbuse, PsychoactiveSubstance,
    ExcessiveWorkingHours, WithholdsDocuments, Other,
}

/// <summary>HTCDS vic_TypeOfExploitation (multiselect).</summary>
public enum ExploitationType
{
    ForcedLabour, SexualExploitation, ChildLabour, ForcedMarriage, Servitude, ForcedMilitaryByNonStateActors, OrganRemoval,
    ForcedBegging, ForcedAdoption, Surrogacy, Other,
}

/// <summary>HTCDS vic_ForcedLabourIndustry: ISIC Rev. 4 sections.</summary>
public enum ForcedLabourIndustry
{
    A_AgricultureForestryAndFishing, B_MiningAndQuarrying, C_Manufacturing, D_ElectricityGasSteamAndAirConditioningSupply,
    E_WaterSupplySewerageWasteManagement, F_Construction, G_WholesaleAndRetailTradeRepairOfMotorVehicles, H_TransportationAndStorage,
    I_AccommodationAndFoodServiceActivities, J_InformationAndCommunication, K_FinancialAndInsuranceActivities, L_RealEstateActivities,
    M_ProfessionalScientificAndTechnicalActivities, N_AdministrativeAndSupportServiceActivities, O_PublicAdministrationAndDefence,
    P_Education, Q_HumanHealthAndSocialWorkActivities, R_ArtsEntertainmentAndRecreation, S_OtherServiceActivities,
    T_ActivitiesOfHouseholdsAsEmployers, U_ActivitiesOfExtraterritorialOrganizations,
}

/// <summary>HTCDS cas_ReasonForOutgoingReferral and cas_ReasonForIncomingReferral (the same values).</summary>
public enum ReferralReason { AdditionalServicesRequired, MigrationOrChangeOfLocation, Other }

/// <summary>HTCDS spl_Type: the type of support plan, i.e. the kind of service a referral is for.</summary>
public enum SupportType
{
    Education, Financial, Health, LabourExploitationRehabilitation, Legal, Livelihood, RightsBasedTraining,
    SexualExploitationRehabilitation, SocialCare,
}

/// <summary>HTCDS org_Type: the category of an organisation (a referral's recipient).</summary>
public enum OrganisationType
{
    NGO, LawEnforcement, HealthServiceOrganisation, CentralGovernmentOrganisation, LocalGovernmentOrganisation, ImmigrationService,
    LegalService, CorporateBusiness, SchoolOrCollege,
}

/// <summary>Cebu extension (cebu_LabourIssues, multiselect): what a labour case is about when it is not, or not only, trafficking.</summary>
public enum LabourIssue { UnpaidWages, ContractViolation, WithheldDocuments, RecruitmentFees }

/// <summary>
/// Cebu extension (cebu_ReferralService): the service a referral asks for. Each maps to an HTCDS spl_Type and the
/// org_Type of the organisation that usually gives it (<see cref="Htcds.SupportTypeOf"/>, <see cref="Htcds.RecipientTypeOf"/>).
/// </summary>
public enum ReferralService { Shelter, Medical, LegalAid, LabourInspection, AntiTraffickingPolice, Consulate, WageClaim }

/// <summary>The HTCDS 2.0 picklists and Cebu's labour extensions, with their field names, codes and labels.</summary>
public static class Htcds
{
    public const string Version = "2.0";
    public const string SourceFile = "HTCDS Field Standards 2.0.ods and htcds_xlsform.xml, UNMigration/HTCDS commit 3c2f6537 (January 2023), CC BY 4.0, \"Human Trafficking Case Data Standard (HTCDS) by IOM\"";
    public const string Attribution = "Human Trafficking Case Data Standard (HTCDS) 2.0 by IOM, CC BY 4.0";
    private const string CebuSource = "Cebu extension (not in HTCDS 2.0)";

    public static readonly Picklist<HtcdsCaseStatus> CaseStatus = new(HtcdsFields.CaseStatus, SourceFile,
        (HtcdsCaseStatus.Active, "Active", false),
        (HtcdsCaseStatus.FollowUp, "Follow Up", false),
        (HtcdsCaseStatus.Closed, "Closed", false),
        (HtcdsCaseStatus.ClosedReferred, "Closed Referred", false));

    public static readonly Picklist<TraffickingStatus> TraffickingStatuses = new(HtcdsFields.TraffickingStatus, SourceFile,
        (TraffickingStatus.PossibleVictimOfTrafficking, "Possible victim of trafficking", false),
        (TraffickingStatus.ActualVictimOfTrafficking, "Actual victim of trafficking", false),
        (TraffickingStatus.NotAVictimOfTrafficking, "Not a victim of trafficking", false));

    public static readonly Picklist<TraffickingStatusDecisionMaker> TraffickingStatusDecisionMakers = new(HtcdsFields.TraffickingStatusDecisionMakingOrg, SourceFile,
        (TraffickingStatusDecisionMaker.Police, "Police", false),
        (TraffickingStatusDecisionMaker.NGO, "NGO", false),
        (TraffickingStatusDecisionMaker.CourtOrProsecution, "Court or prosecution", false),
        (TraffickingStatusDecisionMaker.NonPoliceGovernmentalOrganization, "Non-police governmental organization", false),
        (TraffickingStatusDecisionMaker.Other, "Other", false));

    public static readonly Picklist<MethodOfControl> MethodsOfControl = new(HtcdsFields.MethodsOfControl, SourceFile,
        (MethodOfControl.PhysicalThreats, "Physical threats", false),
        (MethodOfControl.ThreatsLawEnforcement, "Threats of law enforcement", false),
        (MethodOfControl.ThreatensChildrenFamily, "Threatens children/family", false),
        (MethodOfControl.DebtBondage, "Debt bondage", false),
        (MethodOfControl.FalsePromises, "False promises", false),
        (MethodOfControl.PhysicalAbuse, "Physical abuse", false),
        (MethodOfControl.SexualAbuse, "Sexual abuse", false),
        (MethodOfControl.TakesEarnings, "Takes earnings", false),
        (MethodOfControl.RestrictsFinancialAccess, "Restricts financial access", false),
        (MethodOfControl.RestrictsMedicalCare, "Restricts medical care", false),
        (MethodOfControl.WithholdsNecessities, "Withholds necessities", false),
        (MethodOfControl.PsychologicalAbuse, "Psychological abuse", false),
        (MethodOfControl.PsychoactiveSubstance, "Psychoactive substance", false),
        (MethodOfControl.ExcessiveWorkingHours, "Excessive working hours", false),
        (MethodOfControl.WithholdsDocuments, "Withholds documents", false),
        (MethodOfControl.Other, "Other", false));

    public static readonly Picklist<ExploitationType> ExploitationTypes = new(HtcdsFields.TypeOfExploitation, SourceFile,
        (ExploitationType.ForcedLabour, "Forced labour", false),
        (ExploitationType.SexualExploitation, "Sexual exploitation", false),
        (ExploitationType.ChildLabour, "Child labour", false),
        (ExploitationType.ForcedMarriage, "Forced marriage", false),
        (ExploitationType.Servitude, "Servitude", false),
        (ExploitationType.ForcedMilitaryByNonStateActors, "Forced military (by non-state actors)", false),
        (ExploitationType.OrganRemoval, "Organ removal", false),
        (ExploitationType.ForcedBegging, "Forced begging", false),
        (ExploitationType.ForcedAdoption, "Forced adoption", false),
        (ExploitationType.Surrogacy, "Surrogacy", false),
        (ExploitationType.Other, "Other", false));

    public static readonly Picklist<ForcedLabourIndustry> ForcedLabourIndustries = new(HtcdsFields.ForcedLabourIndustry, SourceFile,
        (ForcedLabourIndustry.A_AgricultureForestryAndFishing, "Agriculture, forestry and fishing", false),
        (ForcedLabourIndustry.B_MiningAndQuarrying, "Mining and quarrying", false),
        (ForcedLabourIndustry.C_Manufacturing, "Manufacturing", false),
        (ForcedLabourIndustry.D_ElectricityGasSteamAndAirConditioningSupply, "Electricity, gas, steam and air conditioning supply", false),
        (ForcedLabourIndustry.E_WaterSupplySewerageWasteManagement, "Water supply; sewerage, waste management and remediation", false),
        (ForcedLabourIndustry.F_Construction, "Construction", false),
        (ForcedLabourIndustry.G_WholesaleAndRetailTradeRepairOfMotorVehicles, "Wholesale and retail trade; repair of motor vehicles and motorcycles", false),
        (ForcedLabourIndustry.H_TransportationAndStorage, "Transportation and storage", false),
        (ForcedLabourIndustry.I_AccommodationAndFoodServiceActivities, "Accommodation and food service activities", false),
        (ForcedLabourIndustry.J_InformationAndCommunication, "Information and communication", false),
        (ForcedLabourIndustry.K_FinancialAndInsuranceActivities, "Financial and insurance activities", false),
        (ForcedLabourIndustry.L_RealEstateActivities, "Real estate activities", false),
        (ForcedLabourIndustry.M_ProfessionalScientificAndTechnicalActivities, "Professional, scientific and technical activities", false),
        (ForcedLabourIndustry.N_AdministrativeAndSupportServiceActivities, "Administrative and support service activities", false),
        (ForcedLabourIndustry.O_PublicAdministrationAndDefence, "Public administration and defence; compulsory social security", false),
        (ForcedLabourIndustry.P_Education, "Education", false),
        (ForcedLabourIndustry.Q_HumanHealthAndSocialWorkActivities, "Human health and social work activities", false),
        (ForcedLabourIndustry.R_ArtsEntertainmentAndRecreation, "Arts, entertainment and recreation", false),
        (ForcedLabourIndustry.S_OtherServiceActivities, "Other service activities", false),
        (ForcedLabourIndustry.T_ActivitiesOfHouseholdsAsEmployers, "Activities of households as employers; undifferentiated goods- and services- producing activities of households for own use", false),
        (ForcedLabourIndustry.U_ActivitiesOfExtraterritorialOrganizations, "Activities of extraterritorial organizations and bodies", false));

    public static readonly Picklist<ReferralReason> ReferralReasons = new(HtcdsFields.ReasonForOutgoingReferral, SourceFile,
        (ReferralReason.AdditionalServicesRequired, "Additional Services Required", false),
        (ReferralReason.MigrationOrChangeOfLocation, "Migration or Change of Location", false),
        (ReferralReason.Other, "Other", false));

    public static readonly Picklist<SupportType> SupportTypes = new(HtcdsFields.SupportPlanType, SourceFile,
        (SupportType.Education, "Education", false),
        (SupportType.Financial, "Financial", false),
        (SupportType.Health, "Health", false),
        (SupportType.LabourExploitationRehabilitation, "Labour Exploitation Rehabilitation", false),
        (SupportType.Legal, "Legal", false),
        (SupportType.Livelihood, "Livelihood", false),
        (SupportType.RightsBasedTraining, "Rights-based Training", false),
        (SupportType.SexualExploitationRehabilitation, "Sexual Exploitation Rehabilitation", false),
        (SupportType.SocialCare, "Social Care", false));

    public static readonly Picklist<OrganisationType> OrganisationTypes = new(HtcdsFields.OrganisationType, SourceFile,
        (OrganisationType.NGO, "NGO", false),
        (OrganisationType.LawEnforcement, "Law Enforcement", false),
        (OrganisationType.HealthServiceOrganisation, "Health Service Organisation", false),
        (OrganisationType.CentralGovernmentOrganisation, "Central Government Organisation", false),
        (OrganisationType.LocalGovernmentOrganisation, "Local Government Organisation", false),
        (OrganisationType.ImmigrationService, "Immigration Service", false),
        (OrganisationType.LegalService, "Legal Service", false),
        (OrganisationType.CorporateBusiness, "Corporate Business", false),
        (OrganisationType.SchoolOrCollege, "School or College", false));

    /// <summary>Cebu extension: labour issues (Declaration art. 8 and the seminar report's withheld passports and unpaid wages).</summary>
    public static readonly Picklist<LabourIssue> LabourIssues = new(HtcdsFields.CebuLabourIssues, CebuSource,
        (LabourIssue.UnpaidWages, "Unpaid or underpaid wages", true),
        (LabourIssue.ContractViolation, "Contract violation or substitution", true),
        (LabourIssue.WithheldDocuments, "Passport or identity documents withheld", true),
        (LabourIssue.RecruitmentFees, "Recruitment fees charged to the worker", true));

    /// <summary>Cebu extension: the service a referral asks for (mapped to HTCDS spl_Type and org_Type for export).</summary>
    public static readonly Picklist<ReferralService> ReferralServices = new(HtcdsFields.CebuReferralService, CebuSource,
        (ReferralService.Shelter, "Shelter", true),
        (ReferralService.Medical, "Medical care", true),
        (ReferralService.LegalAid, "Legal aid", true),
        (ReferralService.LabourInspection, "Labour inspection", true),
        (ReferralService.AntiTraffickingPolice, "Anti-trafficking police", true),
        (ReferralService.Consulate, "Consulate", true),
        (ReferralService.WageClaim, "Wage claim", true));

    /// <summary>The HTCDS spl_Type that a referral for this service is recorded as.</summary>
    public static SupportType SupportTypeOf(ReferralService service) => service switch
    {
        ReferralService.Shelter => SupportType.SocialCare,
        ReferralService.Medical => SupportType.Health,
        ReferralService.LabourInspection => SupportType.LabourExploitationRehabilitation,
        ReferralService.WageClaim => SupportType.Financial,
        _ => SupportType.Legal, // legal aid, police, consulate
    };

    /// <summary>The HTCDS org_Type of the organisation that usually gives this service (a suggestion for the recipient list).</summary>
    public static OrganisationType RecipientTypeOf(ReferralService service) => service switch
    {
        ReferralService.Shelter => OrganisationType.NGO,
        ReferralService.Medical => OrganisationType.HealthServiceOrganisation,
        ReferralService.LegalAid => OrganisationType.LegalService,
        ReferralService.AntiTraffickingPolice => OrganisationType.LawEnforcement,
        _ => OrganisationType.CentralGovernmentOrganisation, // labour inspectorate, consulate, labour court or wage claim office
    };

    /// <summary>The HTCDS cas_Status a Cebu case state is exported as.</summary>
    public static HtcdsCaseStatus StatusOf(CaseState state, CaseResolution? resolution = null) => state switch
    {
        CaseState.Resolved => HtcdsCaseStatus.FollowUp,
        CaseState.Closed when resolution == CaseResolution.ReferredElsewhere => HtcdsCaseStatus.ClosedReferred,
        CaseState.Closed => HtcdsCaseStatus.Closed,
        _ => HtcdsCaseStatus.Active, // new, assessed, in progress, referred (still ours, awaiting the recipient), reopened
    };
}

/// <summary>
/// HTCDS 2.0 field names (with their table prefix, as in the standard's "Field Name including Prefix" column) used by
/// Cebu's cases and referrals, and Cebu's own fields (prefix cebu_). The storage and export layers name data by these.
/// </summary>
public static class HtcdsFields
{
    // Case (cas_)
    public const string CaseStatus = "cas_Status";
    public const string ReasonForCaseClosure = "cas_ReasonForCaseClosure";
    public const string CaseOwner = "cas_CaseOwner";
    // Referral details (cas_)
    public const string ReferringOrganisation = "cas_ReferringOrganisation";
    public const string IncomingReferralDate = "cas_IncomingReferralDate";
    public const string ReferringPrimaryCaseWorker = "cas_ReferringPrimaryCaseWorker";
    public const string ReasonForIncomingReferral = "cas_ReasonForIncomingReferral";
    public const string IncomingReferralDetails = "cas_IncomingReferralDetails";
    public const string ReferredOrganisation = "cas_ReferredOrganisation";
    public const string ReferredPrimaryCaseWorker = "cas_ReferredPrimaryCaseWorker";
    public const string ReasonForOutgoingReferral = "cas_ReasonForOutgoingReferral";
    public const string OutgoingReferralDate = "cas_OutgoingReferralDate";
    public const string OutgoingReferralDetails = "cas_OutgoingReferralDetails";
    // Case comment, consent, support plan, organisation
    public const string CaseComment = "cco_CaseComment";
    public const string Consent = "con_Consent";
    public const string SupportPlanType = "spl_Type";
    public const string OrganisationType = "org_Type";
    // Person (prs_)
    public const string FirstName = "prs_FirstName";
    public const string SecondName = "prs_SecondName";
    public const string Birthdate = "prs_Birthdate";
    public const string Gender = "prs_Gender";
    public const string Citizenship = "prs_Citizenship";
    public const string IdentityNumber = "prs_IdentityNumber";
    public const string PrimaryLanguage = "prs_PrimaryLanguage";
    public const string MobilePhone = "prs_MobilePhone";
    public const string Email = "prs_Email";
    public const string MailingCity = "prs_MailingCity";
    public const string MailingCountry = "prs_MailingCountry";
    // Victim context (vic_)
    public const string TraffickingStatus = "vic_TraffickingStatus";
    public const string TraffickingStatusDecisionMakingOrg = "vic_TraffickingStatusDecisionMakingOrg";
    public const string MethodsOfControl = "vic_MethodsOfControl";
    public const string TypeOfExploitation = "vic_TypeOfExploitation";
    public const string ForcedLabourIndustry = "vic_ForcedLabourIndustry";
    public const string LocationOfExploitation = "vic_LocationOfExploitation";
    public const string MethodOfRecruitment = "vic_MethodOfRecruitment";

    // Cebu extensions (not in HTCDS 2.0)
    public const string CebuLabourIssues = "cebu_LabourIssues";
    public const string CebuReferralService = "cebu_ReferralService";
    public const string CebuReferralId = "cebu_ReferralId";
    public const string CebuEmployer = "cebu_Employer";
    public const string CebuAgencyLicence = "cebu_AgencyLicence";
    public const string CebuWorkplace = "cebu_Workplace";
    public const string CebuAmountClaimed = "cebu_AmountClaimed";
    public const string CebuPriority = "cebu_Priority";
    public const string CebuForcedLabourIndicators = "cebu_ForcedLabourIndicators";
    public const string CebuDetentionPlace = "cebu_DetentionPlace";

    /// <summary>Every field name above, HTCDS ones first.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(HtcdsFields).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

    /// <summary>Whether a field name is Cebu's own (not part of HTCDS 2.0).</summary>
    public static bool IsCebuExtension(string field) => field.StartsWith("cebu_", StringComparison.Ordinal);
}
