using Cebu.Core.Features.Contracts;
using static Cebu.Core.Tests.Contracts.Contracts;

namespace Cebu.Core.Tests.Contracts;

public class SingaporeRuleTests
{
    private static ContractTerms ToSingapore(string sector = "construction") => Compliant("KH", "SG", sector, new Wage(1800, "SGD", "month"));

    // Employment Act s.38(1): no more than 8 hours a day or 44 hours a week.
    [Fact]
    public void Section_38_limits_normal_hours_to_44_a_week_and_8_a_day()
    {
        Assert.Equal(Severities.Violation, Only(Check(ToSingapore() with { HoursPerWeek = 45 }), "SG-hours-week").Severity);
        Assert.Equal(Severities.Violation, Only(Check(ToSingapore() with { HoursPerDay = 9 }), "SG-hours-day").Severity);
        var ok = Check(ToSingapore());
        Assert.DoesNotContain(ok, f => f.Severity == Severities.Violation);
    }

    // s.35: Part IV covers workmen earning up to S$4,500 a month; above that the contract's own hours govern.
    [Fact]
    public void Part_IV_limits_are_not_applied_above_the_salary_it_covers()
    {
        var f = Only(Check(ToSingapore() with { Wage = new Wage(5000, "SGD", "month"), HoursPerWeek = 50 }), "SG-hours-week");
        Assert.Equal(Severities.Information, f.Severity);
        Assert.Contains("4,500 SGD", f.Required);
        Assert.Equal(Severities.Violation, Only(Check(ToSingapore() with { Wage = new Wage(4500, "SGD", "month"), HoursPerWeek = 50 }), "SG-hours-week").Severity);
    }

    // s.36(1): a rest day of one whole day in each week.
    [Fact]
    public void Section_36_requires_a_rest_day_each_week() =>
        Assert.Equal(Severities.Violation, Only(Check(ToSingapore() with { RestDaysPerWeek = 0 }), "SG-rest-day").Severity);

    // s.38(4): overtime at not less than one and a half times the hourly basic rate.
    [Fact]
    public void Section_38_4_overtime_at_time_and_a_quarter_is_a_violation() =>
        Assert.Equal(Severities.Violation, Only(Check(ToSingapore() with { OvertimeRate = 1.25m }), "SG-overtime").Severity);

    // The Employment Act does not cover domestic workers, so its Part IV limits are not applied to them.
    [Fact]
    public void Part_IV_limits_are_not_applied_to_domestic_workers()
    {
        var findings = Check(ToSingapore("domestic-work") with { HoursPerWeek = 60 });
        None(findings, "SG-hours-week");
        None(findings, "SG-rest-day");
    }

    // Employment Agencies Rules 2011 r.12 (MOM): no more than two months' salary, and no more than one month per year of service.
    [Fact]
    public void Agency_fees_above_two_months_salary_break_the_cap()
    {
        var f = Only(Check(ToSingapore() with { FeesChargedToWorker = [Fee(3700, "SGD")] }), "SG-agency-fee-cap");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("3,600 SGD", f.Explanation);
    }

    [Fact]
    public void For_a_one_year_contract_the_cap_is_one_months_salary()
    {
        Assert.Equal(Severities.Violation, Only(Check(ToSingapore() with { FeesChargedToWorker = [Fee(2000, "SGD")], DurationMonths = 12 }), "SG-agency-fee-cap").Severity);
        None(Check(ToSingapore() with { FeesChargedToWorker = [Fee(1800, "SGD")], DurationMonths = 12 }), "SG-agency-fee-cap");
        // Without the duration, the two-month cap is applied and the per-year limit is pointed out.
        Assert.Equal(Severities.Information, Only(Check(ToSingapore() with { FeesChargedToWorker = [Fee(2000, "SGD")] }), "SG-agency-fee-cap").Severity);
    }

    // Employment Act (MOM written answer, 2015): 7 days of paid annual leave in the first year of service.
    [Fact]
    public void Six_days_of_annual_leave_are_fewer_than_the_Employment_Act_gives() =>
        Assert.Equal(Severities.Violation, Only(Check(ToSingapore() with { AnnualLeaveDays = 6 }), "SG-annual-leave").Severity);

    // Passports Act s.47: an offence to keep or withhold a passport that does not belong to you (MOM).
    [Fact]
    public void An_employer_keeping_the_passport_breaks_the_Passports_Act() =>
        Assert.Equal(Severities.Violation, Only(Check(ToSingapore() with { PassportKeptBy = "employer" }), "SG-passport").Severity);

    [Fact]
    public void Singapore_has_no_general_minimum_wage_so_no_wage_finding_is_made()
    {
        Assert.DoesNotContain(Check(ToSingapore() with { Wage = new Wage(500, "SGD", "month") }), f => f.Kind == "minimumWage");
    }
}
