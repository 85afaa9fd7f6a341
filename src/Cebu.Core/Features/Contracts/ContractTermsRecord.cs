using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cebu.Core.Features.Contracts;

/// <summary>The employer named in a contract.</summary>
public sealed class ContractEmployer
{
    public string Name { get; set; } = "";
    public string? RegistrationNumber { get; set; }
    public string? Address { get; set; }
}

/// <summary>An amount of money for a purpose: a deduction from the wage, or (with <see cref="PaidTo"/>) a fee the worker pays.</summary>
public sealed class ContractCharge
{
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
    public string Purpose { get; set; } = "";
    /// <summary>For fees: who receives the money (the agency, a broker, a clinic...).</summary>
    public string? PaidTo { get; set; }
}

/// <summary>Accommodation or food: whether the employer provides it, and what it costs the worker a month.</summary>
public sealed class ContractProvision
{
    public bool Provided { get; set; }
    public decimal? CostToWorker { get; set; }
    public string? Currency { get; set; }
}

/// <summary>
/// The structured terms of an employment contract, as issue 4 lists them. Stored as one JSON column; hashed through
/// <see cref="ContractHash"/> when the contract is verified.
/// </summary>
public sealed class ContractTermsRecord
{
    public ContractEmployer Employer { get; set; } = new();
    public string JobTitle { get; set; } = "";
    public string Sector { get; set; } = "";
    public string Workplace { get; set; } = "";
    public string? Region { get; set; }
    public DateOnly? StartDate { get; set; }
    public int? DurationMonths { get; set; }
    public decimal WageAmount { get; set; }
    public string WageCurrency { get; set; } = "";
    /// <summary>month, day or hour.</summary>
    public string WagePer { get; set; } = "month";
    public decimal? HoursPerDay { get; set; }
    public decimal HoursPerWeek { get; set; }
    public int RestDaysPerWeek { get; set; }
    /// <summary>Overtime pay as a multiple of the hourly rate (1.5 = time and a half).</summary>
    public decimal? OvertimeRate { get; set; }
    public int? AnnualLeaveDays { get; set; }
    public ContractProvision Accommodation { get; set; } = new();
    public ContractProvision Food { get; set; } = new();
    public List<ContractCharge> Deductions { get; set; } = [];
    public List<ContractCharge> Fees { get; set; } = [];
    /// <summary>worker, employer or agency.</summary>
    public string PassportKeptBy { get; set; } = "worker";
    /// <summary>ISO 639 codes of the languages the contract is written in.</summary>
    public List<string> Languages { get; set; } = [];
    public int? TerminationNoticeDays { get; set; }
    public string? TerminationTerms { get; set; }

    /// <summary>The monthly wage (a daily one counts 26 days, an hourly one the weekly hours × 52 / 12), as the checker counts it.</summary>
    public decimal MonthlyWage => ContractCheck.Monthly(WageAmount, WagePer, HoursPerWeek);

    /// <summary>The terms in the checker's shape.</summary>
    public ContractTerms ForCheck(string originState, string destinationState) => new(
        originState, destinationState, Sector, new Wage(WageAmount, WageCurrency, WagePer), HoursPerWeek, RestDaysPerWeek, PassportKeptBy,
        Fees.Select(f => new Charge(f.Amount, f.Currency, f.Purpose)).ToList(), HoursPerDay, OvertimeRate, AnnualLeaveDays, "money",
        Deductions.Select(d => new Charge(d.Amount, d.Currency, d.Purpose)).ToList(), Region, DurationMonths, StartDate);
}

/// <summary>
/// The content hash of a verified contract: SHA-256 over a canonical serialization of its parties, its terms and the
/// signed document's own SHA-256. Canonical means: keys in a fixed (alphabetical) order, numbers without trailing zeros
/// in invariant culture, text trimmed and in Unicode NFC, dates as ISO 8601. Two records with the same terms hash the
/// same however they were entered; any change of a term changes the hash.
/// </summary>
public static class ContractHash
{
    public const string Scheme = "cebu-contract-v1";

    public static string Canonical(Guid workerId, Guid? agencyId, string ownerState, string workplaceState, ContractTermsRecord t, string? documentSha256)
    {
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["scheme"] = Scheme,
            ["workerId"] = workerId.ToString("D"),
            ["agencyId"] = agencyId?.ToString("D"),
            ["ownerState"] = Text(ownerState),
            ["workplaceState"] = Text(workplaceState),
            ["document.sha256"] = documentSha256?.ToLowerInvariant(),
            ["employer.name"] = Text(t.Employer.Name),
            ["employer.registrationNumber"] = Text(t.Employer.RegistrationNumber),
            ["employer.address"] = Text(t.Employer.Address),
            ["jobTitle"] = Text(t.JobTitle),
            ["sector"] = Text(t.Sector),
            ["workplace"] = Text(t.Workplace),
            ["region"] = Text(t.Region),
            ["startDate"] = t.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["durationMonths"] = Number(t.DurationMonths),
            ["wage.amount"] = Number(t.WageAmount),
            ["wage.currency"] = Text(t.WageCurrency),
            ["wage.per"] = Text(t.WagePer),
            ["hoursPerDay"] = Number(t.HoursPerDay),
            ["hoursPerWeek"] = Number(t.HoursPerWeek),
            ["restDaysPerWeek"] = Number(t.RestDaysPerWeek),
            ["overtimeRate"] = Number(t.OvertimeRate),
            ["annualLeaveDays"] = Number(t.AnnualLeaveDays),
            ["accommodation"] = Provision(t.Accommodation),
            ["food"] = Provision(t.Food),
            ["deductions"] = t.Deductions.Select(Charge).ToList(),
            ["fees"] = t.Fees.Select(Charge).ToList(),
            ["passportKeptBy"] = Text(t.PassportKeptBy),
            ["languages"] = t.Languages.Select(Text).ToList(),
            ["terminationNoticeDays"] = Number(t.TerminationNoticeDays),
            ["terminationTerms"] = Text(t.TerminationTerms),
        };
        return JsonSerializer.Serialize(fields);
    }

    public static string Compute(Guid workerId, Guid? agencyId, string ownerState, string workplaceState, ContractTermsRecord t, string? documentSha256) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(workerId, agencyId, ownerState, workplaceState, t, documentSha256))));

    public static string Compute(EmploymentContract c) => Compute(c.WorkerId, c.AgencyId, c.OwnerState, c.WorkplaceState, c.Terms, c.DocumentSha256);

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Normalize(NormalizationForm.FormC);

    // Numbers as text: 1000, 1000.0 and 1000.00 are the same amount and must hash the same.
    private static string? Number(decimal? d) => d?.ToString("0.############################", CultureInfo.InvariantCulture);

    private static SortedDictionary<string, string?> Provision(ContractProvision p) => new(StringComparer.Ordinal)
    {
        ["provided"] = p.Provided ? "true" : "false", ["costToWorker"] = Number(p.CostToWorker), ["currency"] = Text(p.Currency),
    };

    private static SortedDictionary<string, string?> Charge(ContractCharge c) => new(StringComparer.Ordinal)
    {
        ["amount"] = Number(c.Amount), ["currency"] = Text(c.Currency), ["purpose"] = Text(c.Purpose), ["paidTo"] = Text(c.PaidTo),
    };
}
