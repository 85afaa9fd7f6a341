namespace Cebu.Core.Platform.Access;

/// <summary>Capabilities a role grants. Each is also the name of the authorization policy that requires it.</summary>
public static class Permissions
{
    public const string AgenciesView = "agencies.view";
    public const string AgenciesManage = "agencies.manage";
    public const string AgenciesReport = "agencies.report";
    public const string WorkersRegister = "workers.register";
    public const string WorkersView = "workers.view";
    /// <summary>Record the work permit and placement of workers placed on the state's territory (the receiving state's labour inspectorate).</summary>
    public const string WorkersPlacement = "workers.placement";
    public const string CasesHandle = "cases.handle";
    /// <summary>Supervise the organisation's cases: receive the escalations of overdue cases (issue 5).</summary>
    public const string CasesSupervise = "cases.supervise";
    /// <summary>Refer a case the organisation holds to another organisation, with the worker's consent (caseworkers, consular officers).</summary>
    public const string ReferralsSend = "referrals.send";
    /// <summary>Receive referrals sent to the official's organisation and see what they share while active (ReferralAccess).</summary>
    public const string ReferralsReceive = "referrals.receive";
    public const string InspectionsConduct = "inspections.conduct";
    public const string VerificationDecide = "verification.decide";
    public const string ReportsView = "reports.view";
    public const string UsersManage = "users.manage";
    public const string AuditVerify = "audit.verify";
    /// <summary>Publish a new version of the official's own state's contract rule pack.</summary>
    public const string ContractRulesPublish = "contracts.rules.publish";
    /// <summary>Read employment contracts on record (the owning state, the receiving state, the consulate there, an agency its own).</summary>
    public const string ContractsView = "contracts.view";
    /// <summary>Record an employment contract: the agency or the sending state before departure, the receiving state on arrival.</summary>
    public const string ContractsRecord = "contracts.record";
    /// <summary>See detention notices: the detaining state's officials who record them, and the notified consulate (which acknowledges).</summary>
    public const string DetentionsView = "detentions.view";
    /// <summary>Record the arrest or detention of a migrant worker, which notifies the worker's consulate (Declaration art. 10).</summary>
    public const string DetentionsNotify = "detentions.notify";
    /// <summary>Register employers and mark them errant or blacklisted: a state's labour office and inspectorate (issue 6).</summary>
    public const string EmployersManage = "employers.manage";
    /// <summary>Review the screening hits of the state's new agency licences and employer registrations (confirm or dismiss).</summary>
    public const string ScreeningReview = "screening.review";

    // Nationality verification between states (issue 6): the receiving state asks, the sending state matches and decides.
    /// <summary>Send a batch of nationality verification requests to a sending state (the receiving state's labour inspectorate).</summary>
    public const string VerificationRequest = "verification.request";
    /// <summary>See the verification batches the official's state sent or received, and their outcomes and Certificate of Identity numbers.</summary>
    public const string VerificationView = "verification.view";
    /// <summary>The sending state's side: import and read its civil registry extract, review candidates with their evidence, confirm or reject, issue Certificates of Identity.</summary>
    public const string VerificationRegistry = "verification.registry";

    public static readonly IReadOnlyList<string> All =
    [
        AgenciesView, AgenciesManage, AgenciesReport, WorkersRegister, WorkersView, WorkersPlacement, CasesHandle, ReferralsSend, ReferralsReceive,
        InspectionsConduct, VerificationDecide, ReportsView, UsersManage, AuditVerify, ContractRulesPublish, ContractsView, ContractsRecord,
        DetentionsView, DetentionsNotify, EmployersManage, ScreeningReview, CasesSupervise, VerificationRequest, VerificationView, VerificationRegistry,
    ];
}

/// <summary>The roles an official can hold, and what each may do.</summary>
public static class Roles
{
    public const string Licensing = "licensing";
    public const string LabourOfficer = "labour";
    public const string Inspector = "inspector";
    public const string Caseworker = "caseworker";
    public const string Consul = "consul";
    public const string Analyst = "analyst";
    public const string Admin = "admin";
    /// <summary>A case supervisor: handles cases like a caseworker and receives the escalations of the organisation's overdue cases.</summary>
    public const string Supervisor = "supervisor";
    /// <summary>A licensed recruitment agency's staff: submit the contracts of the workers it recruits.</summary>
    public const string Agency = "agency";

    public static readonly IReadOnlyDictionary<string, string[]> Grants = new Dictionary<string, string[]>
    {
        [Licensing] = [Permissions.AgenciesView, Permissions.AgenciesManage, Permissions.ScreeningReview],
        [LabourOfficer] = [Permissions.AgenciesView, Permissions.WorkersView, Permissions.WorkersRegister, Permissions.VerificationDecide, Permissions.ContractRulesPublish, Permissions.ContractsView, Permissions.ContractsRecord, Permissions.ReferralsReceive,
            Permissions.EmployersManage, Permissions.ScreeningReview, Permissions.VerificationView, Permissions.VerificationRegistry],
        [Inspector] = [Permissions.AgenciesReport, Permissions.WorkersView, Permissions.WorkersPlacement, Permissions.InspectionsConduct, Permissions.ContractRulesPublish, Permissions.ContractsView, Permissions.ContractsRecord, Permissions.DetentionsView, Permissions.DetentionsNotify, Permissions.ReferralsReceive,
            Permissions.EmployersManage, Permissions.ScreeningReview, Permissions.VerificationRequest, Permissions.VerificationView],
        [Caseworker] = [Permissions.AgenciesReport, Permissions.WorkersView, Permissions.CasesHandle, Permissions.ReferralsSend, Permissions.ReferralsReceive, Permissions.ContractsView, Permissions.DetentionsView, Permissions.DetentionsNotify],
        [Consul] = [Permissions.AgenciesView, Permissions.WorkersView, Permissions.AgenciesReport, Permissions.CasesHandle, Permissions.ReferralsSend, Permissions.ReferralsReceive, Permissions.ContractsView, Permissions.DetentionsView],
        [Supervisor] = [Permissions.AgenciesReport, Permissions.WorkersView, Permissions.CasesHandle, Permissions.CasesSupervise, Permissions.ReferralsSend, Permissions.ReferralsReceive, Permissions.ContractsView, Permissions.DetentionsView],
        // An agency sees and submits only the contracts of the workers it recruited (ContractAccess).
        [Agency] = [Permissions.ContractsView, Permissions.ContractsRecord],
        [Analyst] = [Permissions.ReportsView],
        // A system administrator manages users and settings and sees no personal data.
        [Admin] = [Permissions.UsersManage, Permissions.AuditVerify],
    };

    public static IEnumerable<string> PermissionsOf(IEnumerable<string> roles) =>
        roles.SelectMany(r => Grants.TryGetValue(r, out var p) ? p : []).Distinct();

    /// <summary>Roles whose holders must sign in with a second factor.</summary>
    public static bool RequiresTwoFactor(string role) => role == Admin;
}

/// <summary>Claim types Cebu adds to a signed-in official.</summary>
public static class CebuClaims
{
    public const string Organisation = "cebu:org";
    public const string State = "cebu:state";
    public const string LocatedIn = "cebu:located";
    public const string Permission = "cebu:perm";
    /// <summary>The recruitment agency an agency account acts for.</summary>
    public const string Agency = "cebu:agency";
}
