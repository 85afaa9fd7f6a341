using System.Security.Cryptography;
using System.Text;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Features.Contracts;
using Cebu.Core.Features.Workers;

namespace Cebu.Core.Platform.Seed;

/// <summary>
/// Demo contracts of fictional Cambodian workers with a fictional Thai employer: one verified and attested, the worse one
/// a Thai inspector recorded on arrival for the same worker (a substitution with its three alerts), one submitted and
/// waiting for verification, one rejected, and one the agency has recorded for Malaysia and not submitted yet.
/// </summary>
internal static class DemoContracts
{
    public const string VerifiedCheckCode = "DEMCKH2345";
    public const string ThaiEmployer = "Example Frozen Foods (Thailand) Co., Ltd. (DEMO)";

    public sealed record Seed(List<EmploymentContract> Contracts, List<ContractDocument> Documents, List<ContractAlert> Alerts, List<WorkerEvent> Events);

    public static Seed Build(IReadOnlyList<Worker> workers, IReadOnlyDictionary<string, Agency> agencies, DateOnly today, DateTimeOffset now)
    {
        var kh = workers.Where(w => w.OwnerState == "KH").ToList();
        Worker Pick(JourneyPhase phase, int skip = 0) => kh.Where(w => w.Phase == phase).Skip(skip).First();
        var agency = agencies["KH-DEMO-001"];
        var seed = new Seed([], [], [], []);

        // 1. Verified before departure and attested by Thailand.
        var placed = Pick(JourneyPhase.Placement);
        var verified = Contract(placed, agency, "TH", Thai(today.AddMonths(-13)), "agency@kh.demo", "agency-kh-demo-001", "KH", now.AddMonths(-14));
        Document(seed, verified, "contract-signed.pdf");
        Decide(verified, ContractStatus.Verified, "labour@kh.demo", "kh-mlvt", now.AddMonths(-14).AddDays(3), now);
        verified.CheckCode = VerifiedCheckCode;
        verified.ContentHash = ContractHash.Compute(verified);
        (verified.AttestedAt, verified.AttestedBy, verified.AttestedByOrganisationId) = (now.AddMonths(-13), "inspector@th.demo", "th-dlpw");
        seed.Contracts.Add(verified);
        seed.Events.Add(Event(verified, "contract.recorded", "Contract recorded (demo).", "agency@kh.demo", now.AddMonths(-14)));
        seed.Events.Add(Event(verified, "contract.verified", $"Contract verified (demo); check code {VerifiedCheckCode}.", "labour@kh.demo", now.AddMonths(-14).AddDays(3)));

        // 2. The contract the worker was handed on arrival, recorded by the Thai inspectorate: worse on several terms.
        var worse = Thai(today.AddMonths(-13));
        worse.WageAmount = 8_000; worse.HoursPerWeek = 60; worse.HoursPerDay = 10; worse.RestDaysPerWeek = 0; worse.PassportKeptBy = "employer";
        worse.Accommodation = new ContractProvision { Provided = true, CostToWorker = 2_000, Currency = "THB" };
        worse.Fees = [new ContractCharge { Amount = 5_000, Currency = "THB", Purpose = "recruitment", PaidTo = "Example broker (fictional)" }];
        worse.Languages = ["th"];
        var arrival = Contract(placed, agency, "TH", worse, "inspector@th.demo", "th-dlpw", "TH", now.AddDays(-6));
        arrival.ComparedWithContractId = verified.Id;
        arrival.Differences = ContractComparison.Worse(verified.Terms, arrival.Terms, RulePacks.Shipped.Rates).ToList();
        seed.Contracts.Add(arrival);
        seed.Alerts.AddRange(ContractWork.Alerts(arrival, verified.Id, placed.FullName, now.AddDays(-6), "inspector@th.demo"));
        seed.Events.Add(Event(arrival, "contract.recorded", "Contract handed to the worker on arrival, recorded by the Thai labour inspectorate (demo).", "inspector@th.demo", now.AddDays(-6)));
        seed.Events.Add(Event(arrival, "contract.substituted", $"Possible contract substitution: {arrival.Differences.Count} term(s) worse than the verified contract (demo).", "inspector@th.demo", now.AddDays(-6)));

        // 3. Submitted by the agency, waiting for the labour office.
        var leaving = Pick(JourneyPhase.PreDeparture);
        var submitted = Contract(leaving, agency, "TH", Thai(today.AddMonths(1)), "agency@kh.demo", "agency-kh-demo-001", "KH", now.AddDays(-3));
        Document(seed, submitted, "contract-signed.pdf");
        (submitted.Status, submitted.SubmittedAt, submitted.SubmittedBy) = (ContractStatus.Submitted, now.AddDays(-2), "agency@kh.demo");
        seed.Contracts.Add(submitted);
        seed.Events.Add(Event(submitted, "contract.recorded", "Contract recorded (demo).", "agency@kh.demo", now.AddDays(-3)));

        // 4. Rejected: a fee the worker should not pay.
        var cleared = Pick(JourneyPhase.Cleared);
        var feeTerms = Thai(today.AddMonths(1));
        feeTerms.Fees = [new ContractCharge { Amount = 300, Currency = "USD", Purpose = "placement", PaidTo = agency.LicenceNumber }];
        var rejected = Contract(cleared, agency, "TH", feeTerms, "agency@kh.demo", "agency-kh-demo-001", "KH", now.AddDays(-20));
        Document(seed, rejected, "contract-draft.pdf");
        Decide(rejected, ContractStatus.Rejected, "labour@kh.demo", "kh-mlvt", now.AddDays(-18), now);
        rejected.RejectionReasons = "The worker is charged a placement fee of USD 300; remove it (demo).";
        seed.Contracts.Add(rejected);
        seed.Events.Add(Event(rejected, "contract.rejected", "Contract rejected: placement fee charged to the worker (demo).", "labour@kh.demo", now.AddDays(-18)));

        // 5. Recorded by the agency for Malaysia, not submitted yet.
        var recruit = Pick(JourneyPhase.Recruitment);
        var my = new ContractTermsRecord
        {
            Employer = new ContractEmployer { Name = "Example Household (DEMO), Johor", RegistrationNumber = "MY-DEMO-REG-7731", Address = "7 Example Street, Johor Bahru" },
            JobTitle = "domestic worker", Sector = "domestic-work", Workplace = "7 Example Street, Johor Bahru", Region = "Johor", StartDate = today.AddMonths(2), DurationMonths = 24,
            WageAmount = 1_700, WageCurrency = "MYR", WagePer = "month", HoursPerDay = 8, HoursPerWeek = 48, RestDaysPerWeek = 1, OvertimeRate = 1.5m, AnnualLeaveDays = 8,
            Accommodation = new ContractProvision { Provided = true }, Food = new ContractProvision { Provided = true },
            PassportKeptBy = "worker", Languages = ["km", "en"], TerminationNoticeDays = 30, TerminationTerms = "Either party gives 30 days' notice in writing (demo).",
        };
        var draft = Contract(recruit, agency, "MY", my, "agency@kh.demo", "agency-kh-demo-001", "KH", now.AddDays(-1));
        seed.Contracts.Add(draft);
        seed.Events.Add(Event(draft, "contract.recorded", "Contract recorded (demo).", "agency@kh.demo", now.AddDays(-1)));
        return seed;
    }

    private static ContractTermsRecord Thai(DateOnly start) => new()
    {
        Employer = new ContractEmployer { Name = ThaiEmployer, RegistrationNumber = "TH-DEMO-0105", Address = "12 Example Industrial Road, Samut Sakhon" },
        JobTitle = "seafood processing worker", Sector = "manufacturing", Workplace = "12 Example Industrial Road, Samut Sakhon", Region = "Samut Sakhon",
        StartDate = start, DurationMonths = 24, WageAmount = 11_000, WageCurrency = "THB", WagePer = "month", HoursPerDay = 8, HoursPerWeek = 48, RestDaysPerWeek = 1,
        OvertimeRate = 1.5m, AnnualLeaveDays = 6,
        Accommodation = new ContractProvision { Provided = true, CostToWorker = 0 }, Food = new ContractProvision { Provided = false },
        Deductions = [new ContractCharge { Amount = 550, Currency = "THB", Purpose = "social security contribution" }],
        PassportKeptBy = "worker", Languages = ["km", "th"], TerminationNoticeDays = 30, TerminationTerms = "Either party gives 30 days' notice in writing (demo).",
    };

    private static EmploymentContract Contract(Worker w, Agency agency, string workplace, ContractTermsRecord terms, string by, string org, string byState, DateTimeOffset at)
    {
        var c = new EmploymentContract
        {
            OwnerState = w.OwnerState, WorkplaceState = workplace, WorkerId = w.Id, AgencyId = agency.Id, Terms = terms,
            RecordedBy = by, RecordedByOrganisationId = org, RecordedByState = byState, RecordedAt = at, UpdatedAt = at,
        };
        c.Findings = ContractWork.Check(c, at, RulePacks.Shipped).ToList();
        return c;
    }

    private static void Decide(EmploymentContract c, ContractStatus status, string by, string org, DateTimeOffset at, DateTimeOffset now)
    {
        (c.Status, c.SubmittedAt, c.SubmittedBy) = (status, at.AddDays(-1), c.RecordedBy);
        (c.DecidedAt, c.DecidedBy, c.DecidedByOrganisationId, c.UpdatedAt) = (at, by, org, at);
        var violations = c.Findings.Count(f => f.Severity == Severities.Violation);
        if (status == ContractStatus.Verified && violations > 0)
            c.OverrideReason = $"Demo: {violations} finding(s) reviewed by the labour office and accepted with the employer's written undertaking.";
    }

    private static void Document(Seed seed, EmploymentContract c, string name)
    {
        // A minimal, valid one-page PDF that says what it is.
        var text = $"DEMO contract (fictional) {c.Terms.Employer.Name} {c.Id}";
        var body = $"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
                   + $"4 0 obj<</Length {text.Length + 30}>>stream\nBT /F1 12 Tf 50 780 Td ({text}) Tj ET\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        var bytes = Encoding.ASCII.GetBytes(body);
        seed.Documents.Add(new ContractDocument { ContractId = c.Id, Content = bytes });
        (c.DocumentFileName, c.DocumentContentType, c.DocumentSize, c.DocumentSha256) = (name, "application/pdf", bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static WorkerEvent Event(EmploymentContract c, string kind, string summary, string by, DateTimeOffset at) => new()
    {
        WorkerId = c.WorkerId, OwnerState = c.OwnerState, On = DateOnly.FromDateTime(at.UtcDateTime), Kind = kind, Summary = summary, RecordedBy = by, RecordedAt = at,
    };
}
