namespace Cebu.Web.Tests.Infrastructure;

/// <summary>The demo accounts and records the seeder creates (see DatabaseSeeder and DemoAgencies).</summary>
public static class Demo
{
    public const string Password = "Demo-Cebu-2026!";

    public const string LicensingKH = "licensing@kh.demo";
    public const string LicensingPH = "licensing@ph.demo";
    public const string LicensingMM = "licensing@mm.demo";
    public const string LicensingVN = "licensing@vn.demo";
    public const string LabourKH = "labour@kh.demo";
    public const string LabourPH = "labour@ph.demo";
    public const string LabourMM = "labour@mm.demo";
    public const string InspectorTH = "inspector@th.demo";
    public const string InspectorMY = "inspector@my.demo";
    public const string CaseworkerSG = "caseworker@sg.demo";
    public const string CaseworkerMY = "caseworker@my.demo";
    public const string CaseworkerTH = "caseworker@th.demo";
    /// <summary>Case supervisor of my-mohr (cases.supervise): receives the escalations of overdue cases.</summary>
    public const string SupervisorMY = "supervisor@my.demo";
    public const string ConsulIDinMY = "consul-id@my.demo";
    public const string ConsulKHinTH = "consul-kh@th.demo";
    public const string ConsulMMinTH = "consul-mm@th.demo";
    public const string ConsulPHinSG = "consul-ph@sg.demo";
    public const string Analyst = "analyst@asean.demo";
    public const string Admin = "admin@cebu.demo";
    /// <summary>Staff of Golden Lotus Manpower (KH-DEMO-001), the agency of every Cambodian demo worker.</summary>
    public const string AgencyKH = "agency@kh.demo";
    public const string AgencyMM = "agency@mm.demo";
    /// <summary>The check code of the demo's verified contract (a Cambodian worker in Thailand).</summary>
    public const string VerifiedContractCode = "DEMCKH2345";

    /// <summary>Golden Lotus Manpower Co., Ltd.: active, Khmer name ក្រុមហ៊ុន ផ្កាឈូកមាស, reported by MY 10 days ago.</summary>
    public const string GoldenLotus = "KH-DEMO-001";
    public const string GoldenLotusName = "Golden Lotus Manpower Co., Ltd.";
    /// <summary>Suspended; reported by TH 45 days ago with no action (overdue).</summary>
    public const string KhSuspended = "KH-DEMO-002";
    public const string KhCancelled = "KH-DEMO-003";
    /// <summary>Tonle Sap Workforce Co., Ltd., blacklisted 300 days ago; its director is Chenda Fictional.</summary>
    public const string KhBlacklisted = "KH-DEMO-004";
    public const string KhBlacklistedName = "Tonle Sap Workforce Co., Ltd.";
    /// <summary>Kampuchea Overseas Jobs Co., Ltd.: active, but its end date passed 15 days ago, so it reads as expired.</summary>
    public const string KhExpired = "KH-DEMO-005";
}
