using Cebu.Core.Features.Contracts;

namespace Cebu.Core.Tests.Contracts;

/// <summary>Contracts to vary in tests: each starts compliant everywhere Cebu has a rule, so a test changes one term.</summary>
internal static class Contracts
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static ContractTerms Compliant(string origin = "PH", string destination = "MY", string sector = "manufacturing", Wage? wage = null) =>
        new(origin, destination, sector, wage ?? new Wage(1800, "MYR", "month"), HoursPerWeek: 44, RestDaysPerWeek: 1, PassportKeptBy: "worker",
            FeesChargedToWorker: [], HoursPerDay: 8, OvertimeRate: 1.5m, AnnualLeaveDays: 8, PaidIn: "money");

    public static IReadOnlyList<Finding> Check(ContractTerms terms) => ContractCheck.Check(terms, RulePacks.Shipped, Today);

    public static Finding Only(IReadOnlyList<Finding> findings, string rule)
    {
        var matching = findings.Where(f => f.Rule == rule).ToList();
        Assert.True(matching.Count == 1, $"Expected one finding for {rule}; found: {string.Join(" | ", findings.Select(f => $"{f.Severity} {f.Rule}"))}");
        return matching[0];
    }

    public static void None(IReadOnlyList<Finding> findings, string rule) =>
        Assert.True(findings.All(f => f.Rule != rule), $"Expected no finding for {rule}; found: {string.Join(" | ", findings.Where(f => f.Rule == rule).Select(f => f.Explanation))}");

    public static Charge Fee(decimal amount, string currency, string purpose = "placement") => new(amount, currency, purpose);
}
