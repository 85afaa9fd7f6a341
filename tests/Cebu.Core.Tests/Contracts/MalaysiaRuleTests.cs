using Cebu.Core.Features.Contracts;
using static Cebu.Core.Tests.Contracts.Contracts;

namespace Cebu.Core.Tests.Contracts;

public class MalaysiaRuleTests
{
    // Minimum Wages Order 2022, para. 4: RM1,500 a month (in force for every employer from 1 January 2023).
    [Fact]
    public void In_2024_a_wage_of_RM1499_is_below_the_2022_order_and_RM1500_meets_it()
    {
        var on = new DateOnly(2024, 6, 1);
        var f = Only(Check(Compliant(wage: new Wage(1499, "MYR", "month")) with { Date = on }), "MY-minimum-wage-2022");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Equal("MY 2023.1", f.Citation!.Pack);
        Assert.Contains("1,500 MYR", f.Required);
        Assert.DoesNotContain(Check(Compliant(wage: new Wage(1500, "MYR", "month")) with { Date = on }), x => x.Kind == "minimumWage");
    }

    // Minimum Wages Order 2024: RM1,700 a month from 1 February 2025.
    [Fact]
    public void From_February_2025_RM1600_is_below_the_2024_order()
    {
        var f = Only(Check(Compliant(wage: new Wage(1600, "MYR", "month")) with { Date = new DateOnly(2025, 2, 1) }), "MY-minimum-wage-2024");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("1,700 MYR", f.Required);
        // The day before, the 2022 order was in force and RM1,600 met it.
        Assert.DoesNotContain(Check(Compliant(wage: new Wage(1600, "MYR", "month")) with { Date = new DateOnly(2025, 1, 31) }), x => x.Kind == "minimumWage");
    }

    // The Minimum Wages Orders do not apply to domestic servants (Employment Act 1955 s.2(1)).
    [Fact]
    public void The_minimum_wage_order_is_not_applied_to_domestic_work()
    {
        Assert.DoesNotContain(Check(Compliant(sector: "domestic-work", wage: new Wage(1000, "MYR", "month"))), x => x.Kind == "minimumWage");
    }

    // Employment Act 1955 s.60A(1)(d) as amended in 2022: no more than 45 hours in one week.
    [Fact]
    public void Forty_six_normal_hours_a_week_break_section_60A()
    {
        var f = Only(Check(Compliant() with { HoursPerWeek = 46 }), "MY-hours-week");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Equal("Section 60A(1)(d)", f.Citation!.Article);
        None(Check(Compliant() with { HoursPerWeek = 45 }), "MY-hours-week");
    }

    // Employment Act 1955 s.60A(1)(b): no more than eight hours in one day.
    [Fact]
    public void Nine_hours_a_day_break_section_60A_1_b()
    {
        Assert.Equal(Severities.Violation, Only(Check(Compliant() with { HoursPerDay = 9 }), "MY-hours-day").Severity);
        Assert.Equal(Severities.Information, Only(Check(Compliant() with { HoursPerDay = null }), "MY-hours-day").Severity);
    }

    // Employment Act 1955 s.59(1): one whole day of rest in each week.
    [Fact]
    public void No_rest_day_breaks_section_59()
    {
        var f = Only(Check(Compliant() with { RestDaysPerWeek = 0 }), "MY-rest-day");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("no weekly rest day", f.Explanation);
    }

    // Passports Act 1966 s.12(1)(f): keeping another person's passport without lawful authority is an offence.
    [Fact]
    public void An_employer_keeping_the_passport_breaks_the_Passports_Act()
    {
        Assert.Equal(Severities.Violation, Only(Check(Compliant() with { PassportKeptBy = "employer" }), "MY-passport").Severity);
        None(Check(Compliant()), "MY-passport");
    }
}

public class MalaysiaPayAndLeaveTests
{
    // Employment Act 1955 s.60A(3)(a): overtime at not less than one and a half times the hourly rate of pay.
    [Fact]
    public void Overtime_at_time_and_a_quarter_breaks_section_60A_3()
    {
        Assert.Equal(Severities.Violation, Only(Check(Compliant() with { OvertimeRate = 1.25m }), "MY-overtime").Severity);
        Assert.Equal(Severities.Warning, Only(Check(Compliant() with { OvertimeRate = null }), "MY-overtime").Severity);
        None(Check(Compliant()), "MY-overtime");
    }

    // Employment Act 1955 s.60E(1): eight days of paid annual leave a year in the first two years of service.
    [Fact]
    public void Seven_days_of_annual_leave_break_section_60E()
    {
        var f = Only(Check(Compliant() with { AnnualLeaveDays = 7 }), "MY-annual-leave");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Equal("at least 8 days of paid annual leave", f.Required);
        None(Check(Compliant()), "MY-annual-leave");
    }

    [Fact]
    public void Deductions_are_listed_as_not_checked_rather_than_passed_silently()
    {
        var f = Only(Check(Compliant() with { Deductions = [new Charge(200, "MYR", "housing")] }), "deductions");
        Assert.Equal(Severities.Information, f.Severity);
        Assert.Contains("200 MYR (housing)", f.ContractValue);
        None(Check(Compliant()), "deductions");
    }
}
