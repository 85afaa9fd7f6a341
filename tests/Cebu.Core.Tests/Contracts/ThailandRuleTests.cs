using Cebu.Core.Features.Contracts;
using static Cebu.Core.Tests.Contracts.Contracts;

namespace Cebu.Core.Tests.Contracts;

public class ThailandRuleTests
{
    private static ContractTerms InBangkok(decimal perDay = 372) =>
        Compliant("KH", "TH", wage: new Wage(perDay, "THB", "day")) with { Region = "Bangkok", HoursPerWeek = 48, AnnualLeaveDays = 6 };

    // Wage Committee announcement in force 1 January 2025: 372 baht a day in Bangkok.
    [Fact]
    public void In_Bangkok_371_baht_a_day_is_below_the_minimum_and_372_meets_it()
    {
        var f = Only(Check(InBangkok(371)), "TH-minimum-wage-372");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("26 working days a month", f.Explanation);
        Assert.DoesNotContain(Check(InBangkok(372)), x => x.Kind == "minimumWage");
    }

    // Same announcement: 400 baht a day in Phuket; 337 baht in Narathiwat, Pattani and Yala (the lowest rate).
    [Fact]
    public void Without_a_province_the_wage_is_compared_with_the_lowest_rate_and_warned_about_higher_ones()
    {
        var below = Only(Check(InBangkok(336) with { Region = null }), "TH-minimum-wage-337");
        Assert.Equal(Severities.Violation, below.Severity);
        Assert.Contains("lowest rate", below.Explanation);
        Assert.Equal(Severities.Warning, Only(Check(InBangkok(350) with { Region = null }), "TH-minimum-wage-337").Severity);
        Assert.Equal(Severities.Violation, Only(Check(InBangkok(390) with { Region = "Phuket" }), "TH-minimum-wage-400").Severity);
    }

    // Labour Protection Act s.23: no more than 8 hours a day and 48 hours a week.
    [Fact]
    public void Section_23_limits_hours_to_48_a_week_and_8_a_day()
    {
        Assert.Equal(Severities.Violation, Only(Check(InBangkok() with { HoursPerWeek = 49 }), "TH-hours-week").Severity);
        Assert.Equal(Severities.Violation, Only(Check(InBangkok() with { HoursPerDay = 10 }), "TH-hours-day").Severity);
        var ok = Check(InBangkok());
        None(ok, "TH-hours-week");
        None(ok, "TH-hours-day");
    }

    // s.28: a weekly holiday of at least one day a week.
    [Fact]
    public void Section_28_requires_a_weekly_holiday() =>
        Assert.Equal(Severities.Violation, Only(Check(InBangkok() with { RestDaysPerWeek = 0 }), "TH-weekly-holiday").Severity);

    // s.61: overtime on a working day at no less than one and a half times the hourly wage.
    [Fact]
    public void Section_61_overtime_below_one_and_a_half_times_is_a_violation_and_an_unstated_rate_a_warning()
    {
        Assert.Equal(Severities.Violation, Only(Check(InBangkok() with { OvertimeRate = 1.25m }), "TH-overtime").Severity);
        Assert.Equal(Severities.Warning, Only(Check(InBangkok() with { OvertimeRate = null }), "TH-overtime").Severity);
    }

    // s.30: after a year of work, at least six working days of annual holiday.
    [Fact]
    public void Section_30_five_days_of_annual_holiday_are_too_few() =>
        Assert.Equal(Severities.Violation, Only(Check(InBangkok() with { AnnualLeaveDays = 5 }), "TH-annual-holiday").Severity);

    // s.54: wages in Thai currency unless the employee consents to another.
    [Fact]
    public void Section_54_a_wage_in_another_currency_is_a_warning_to_check_consent()
    {
        var f = Only(Check(InBangkok() with { Wage = new Wage(3000, "USD", "month") }), "TH-thai-currency");
        Assert.Equal(Severities.Warning, f.Severity);
        None(Check(InBangkok()), "TH-thai-currency");
    }
}
