using Cebu.Core.Features.Contracts;
using static Cebu.Core.Tests.Contracts.Contracts;

namespace Cebu.Core.Tests.Contracts;

public class MoneyTests
{
    // 400 USD × 4.0470 MYR/USD (Bernama close of 24 December 2025: 4.0425/0515) = RM1,618.80, below RM1,700.
    [Fact]
    public void A_wage_in_dollars_is_converted_at_the_dated_rate_and_the_finding_says_which()
    {
        var f = Only(Check(Compliant(wage: new Wage(400, "USD", "month"))), "MY-minimum-wage-2024");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("1,618.8 MYR", f.Explanation);
        Assert.Contains("4.0425/0515", f.Explanation);
        Assert.Contains("2025-12-24", f.Explanation);
        Assert.DoesNotContain(Check(Compliant(wage: new Wage(450, "USD", "month"))), x => x.Kind == "minimumWage");
    }

    // RM8.72 an hour is the 2024 order's hourly rate; at 45 hours a week × 52 / 12 RM8 an hour is RM1,560 a month.
    [Fact]
    public void An_hourly_wage_is_made_monthly_from_the_weekly_hours_and_the_assumption_is_stated()
    {
        var f = Only(Check(Compliant(wage: new Wage(8, "MYR", "hour")) with { HoursPerWeek = 45 }), "MY-minimum-wage-2024");
        Assert.Contains("1,560 MYR", f.Explanation);
        Assert.Contains("45 hours a week × 52 weeks / 12 months", f.Explanation);
        Assert.Equal(1560m, ContractCheck.Monthly(8, "hour", 45));
        Assert.Equal(26m * 65.38m, ContractCheck.Monthly(65.38m, "day", 48));
    }

    // Fees in pesos against a cap in ringgit: 30,000 PHP × 0.0689 = RM2,067, above one month's wage of RM1,800.
    [Fact]
    public void Fees_in_another_currency_are_converted_before_they_are_compared_with_the_cap()
    {
        var f = Only(Check(Compliant() with { FeesChargedToWorker = [Fee(30_000, "PHP")] }), "PH-fee-cap");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("2,067 MYR", f.Explanation);
        Assert.Contains("6.88/6.90 ringgit per 100 pesos", f.Explanation);
        None(Check(Compliant() with { FeesChargedToWorker = [Fee(20_000, "PHP")] }), "PH-fee-cap");
    }

    [Fact]
    public void A_currency_without_a_dated_rate_is_reported_as_not_compared()
    {
        var f = Only(Check(Compliant("KH", "MY", wage: new Wage(6_000_000, "KHR", "month"))), "MY-minimum-wage-2024");
        Assert.Equal(Severities.Information, f.Severity);
        Assert.Contains("no dated exchange rate", f.Explanation);
    }
}
