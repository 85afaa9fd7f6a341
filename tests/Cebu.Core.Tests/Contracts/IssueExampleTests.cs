using System.Text.Json;
using Cebu.Core.Features.Contracts;
using static Cebu.Core.Tests.Contracts.Contracts;

namespace Cebu.Core.Tests.Contracts;

/// <summary>The example of issue 4: a Filipino factory worker bound for Malaysia on a contract that breaks nearly every rule.</summary>
public class IssueExampleTests
{
    public const string Example = """
        {"originState":"PH","destinationState":"MY","sector":"manufacturing","wage":{"amount":1000,"currency":"MYR","per":"month"},
         "hoursPerWeek":72,"restDaysPerWeek":0,"passportKeptBy":"employer","feesChargedToWorker":[{"amount":3000,"currency":"MYR","purpose":"placement"}]}
        """;

    private static IReadOnlyList<Finding> Findings(string json, DateOnly today)
    {
        var outcome = CheckContract.Handle(JsonDocument.Parse(json).RootElement, RulePacks.Shipped, today);
        Assert.True(outcome.Ok, outcome.Problem?.Errors is { } e ? string.Join("; ", e.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}")) : outcome.Problem?.Title);
        return outcome.Value!.Findings;
    }

    [Fact]
    public void The_issue_example_violates_the_wage_the_hours_the_rest_day_the_passport_and_the_fee_rules()
    {
        var violations = Findings(Example, Today).Where(f => f.Severity == Severities.Violation).ToList();
        var rules = violations.Select(f => f.Rule).ToHashSet();
        Assert.Contains("MY-minimum-wage-2024", rules);
        Assert.Contains("MY-hours-week", rules);
        Assert.Contains("ILO-C1-hours-week", rules);
        Assert.Contains("MY-rest-day", rules);
        Assert.Contains("ILO-C14-weekly-rest", rules);
        Assert.Contains("MY-passport", rules);
        Assert.Contains("ILO-C181-no-fees", rules);
        Assert.Contains("PH-fee-cap", rules);
        Assert.All(violations, f =>
        {
            Assert.NotNull(f.Citation);
            Assert.False(string.IsNullOrWhiteSpace(f.ContractValue));
            Assert.False(string.IsNullOrWhiteSpace(f.Required));
            Assert.False(string.IsNullOrWhiteSpace(f.Explanation));
        });
        var hours = violations.Single(f => f.Rule == "MY-hours-week");
        Assert.Equal("72 hours a week", hours.ContractValue);
        Assert.Equal("at most 45 normal hours a week", hours.Required);
    }

    [Fact]
    public void Dated_in_2024_the_example_is_judged_by_the_RM1500_order_then_in_force()
    {
        var json = Example.TrimEnd().TrimEnd('}') + ",\"date\":\"2024-06-01\"}";
        var wage = Assert.Single(Findings(json, Today), f => f.Kind == "minimumWage");
        Assert.Equal("MY-minimum-wage-2022", wage.Rule);
        Assert.Equal("at least 1,500 MYR a month", wage.Required);
        Assert.Equal("1,000 MYR a month", wage.ContractValue);
    }

    [Fact]
    public void A_compliant_contract_gives_no_violation_and_no_warning()
    {
        const string compliant = """
            {"originState":"PH","destinationState":"MY","sector":"manufacturing","wage":{"amount":1800,"currency":"MYR","per":"month"},
             "hoursPerWeek":45,"hoursPerDay":8,"restDaysPerWeek":1,"overtimeRate":1.5,"annualLeaveDays":8,"paidIn":"money",
             "passportKeptBy":"worker","feesChargedToWorker":[]}
            """;
        var findings = Findings(compliant, Today);
        Assert.True(findings.All(f => f.Severity == Severities.Information), string.Join(" | ", findings.Select(f => $"{f.Severity} {f.Rule}: {f.Explanation}")));
    }
}
