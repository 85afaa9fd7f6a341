using Cebu.Core.Features.Contracts;

namespace Cebu.Core.Tests.Contracts;

/// <summary>Substitution: one test per term that can be worse for the worker, each with both values.</summary>
public class ContractComparisonTests
{
    // A small dated table of its own, so that these tests do not move when the shipped rates are updated:
    // 1 USD = 4 MYR, 1 THB = 0.125 MYR (so 1 USD = 32 THB).
    private static readonly ExchangeRateTable Rates = new("test", "test rates", "MYR",
        [new ExchangeRate("USD", 4m, "2026-01-01", "test quote", "https://example.org/rates"), new ExchangeRate("THB", 0.125m, "2026-01-01", "test quote", "https://example.org/rates")], []);

    public static ContractTermsRecord Verified() => new()
    {
        Employer = new ContractEmployer { Name = "Example Frozen Foods (DEMO)" }, JobTitle = "packer", Sector = "manufacturing", Workplace = "12 Example Road",
        StartDate = new DateOnly(2026, 1, 1), DurationMonths = 24, WageAmount = 11_000, WageCurrency = "THB", WagePer = "month", HoursPerDay = 8, HoursPerWeek = 48,
        RestDaysPerWeek = 1, OvertimeRate = 1.5m, AnnualLeaveDays = 6,
        Accommodation = new ContractProvision { Provided = true, CostToWorker = 0 }, Food = new ContractProvision { Provided = true, CostToWorker = 1_000, Currency = "THB" },
        Deductions = [new ContractCharge { Amount = 550, Currency = "THB", Purpose = "social security" }],
        Fees = [new ContractCharge { Amount = 100, Currency = "USD", Purpose = "medical check", PaidTo = "clinic" }],
        PassportKeptBy = "worker", Languages = ["km", "th"], TerminationNoticeDays = 30,
    };

    private static IReadOnlyList<TermDifference> Compare(Action<ContractTermsRecord> change)
    {
        var now = Verified();
        change(now);
        return ContractComparison.Worse(Verified(), now, Rates);
    }

    private static TermDifference Single(IReadOnlyList<TermDifference> d, string term)
    {
        Assert.True(d.Count == 1, $"Expected only {term}, found: {string.Join("; ", d.Select(x => $"{x.Term}: {x.Verified} → {x.Now}"))}");
        Assert.Equal(term, d[0].Term);
        return d[0];
    }

    [Fact]
    public void The_same_contract_is_worse_on_no_term() => Assert.Empty(Compare(_ => { }));

    [Fact]
    public void Better_terms_are_not_flagged() =>
        Assert.Empty(Compare(t =>
        {
            t.WageAmount = 12_000; t.HoursPerWeek = 44; t.RestDaysPerWeek = 2; t.OvertimeRate = 2; t.Deductions = []; t.Fees = []; t.TerminationNoticeDays = 60;
            t.Food = new ContractProvision { Provided = true, CostToWorker = 0 };
        }));

    [Fact]
    public void A_lower_wage_is_flagged_with_both_values()
    {
        var d = Single(Compare(t => t.WageAmount = 8_000), "wage");
        Assert.Equal("11,000 THB a month", d.Verified);
        Assert.Equal("8,000 THB a month", d.Now);
    }

    [Fact]
    public void A_wage_in_another_currency_is_converted_at_the_dated_rate()
    {
        // USD 300 × 32 = THB 9,600 a month: lower than THB 11,000 although the number looks like more dollars.
        var d = Single(Compare(t => { t.WageAmount = 300; t.WageCurrency = "USD"; }), "wage");
        Assert.Contains("9,600 THB", d.Explanation);
        Assert.Contains("test quote", d.Explanation);
        // USD 400 × 32 = THB 12,800: not worse.
        Assert.Empty(Compare(t => { t.WageAmount = 400; t.WageCurrency = "USD"; }));
    }

    [Fact]
    public void A_daily_wage_is_compared_as_a_monthly_one()
    {
        // THB 400 a day × 26 days = THB 10,400 a month, below THB 11,000.
        var d = Single(Compare(t => { t.WageAmount = 400; t.WagePer = "day"; }), "wage");
        Assert.Equal("400 THB a day", d.Now);
    }

    [Fact]
    public void A_wage_in_a_currency_without_a_rate_cannot_be_shown_to_be_no_lower() =>
        Assert.Contains("no dated rate", Single(Compare(t => { t.WageAmount = 1_000_000; t.WageCurrency = "KHR"; }), "wage").Explanation);

    [Fact]
    public void More_hours_a_week_are_flagged() =>
        Assert.Equal(("48 hours a week", "60 hours a week"), Pair(Single(Compare(t => t.HoursPerWeek = 60), "hoursPerWeek")));

    [Fact]
    public void Longer_days_are_flagged() =>
        Assert.Equal(("8 hours a day", "10 hours a day"), Pair(Single(Compare(t => t.HoursPerDay = 10), "hoursPerDay")));

    [Fact]
    public void Fewer_rest_days_are_flagged() =>
        Assert.Equal(("1 rest day(s) a week", "0 rest day(s) a week"), Pair(Single(Compare(t => t.RestDaysPerWeek = 0), "restDaysPerWeek")));

    [Fact]
    public void A_lower_overtime_rate_is_flagged() =>
        Assert.Equal(("1.5 × the hourly rate", "1.25 × the hourly rate"), Pair(Single(Compare(t => t.OvertimeRate = 1.25m), "overtimeRate")));

    [Fact]
    public void An_overtime_rate_no_longer_stated_is_flagged() =>
        Assert.Equal("not stated", Single(Compare(t => t.OvertimeRate = null), "overtimeRate").Now);

    [Fact]
    public void Less_annual_leave_is_flagged() =>
        Assert.Equal(("6 days", "3 days"), Pair(Single(Compare(t => t.AnnualLeaveDays = 3), "annualLeaveDays")));

    [Fact]
    public void A_new_deduction_is_flagged()
    {
        var d = Single(Compare(t => t.Deductions.Add(new ContractCharge { Amount = 2_000, Currency = "THB", Purpose = "uniform" })), "deductions");
        Assert.Equal("none", d.Verified);
        Assert.Equal("2,000 THB (uniform)", d.Now);
    }

    [Fact]
    public void A_higher_deduction_is_flagged() =>
        Assert.Equal(("550 THB (social security)", "900 THB (social security)"),
            Pair(Single(Compare(t => t.Deductions[0].Amount = 900), "deductions")));

    [Fact]
    public void A_new_fee_is_flagged()
    {
        var d = Single(Compare(t => t.Fees.Add(new ContractCharge { Amount = 5_000, Currency = "THB", Purpose = "recruitment", PaidTo = "broker" })), "fees");
        Assert.Equal(("none", "5,000 THB (recruitment)"), (d.Verified, d.Now));
    }

    [Fact]
    public void A_higher_fee_in_another_currency_is_flagged_after_conversion()
    {
        // USD 100 = THB 3,200; THB 4,000 for the same purpose is more.
        var d = Single(Compare(t => t.Fees[0] = new ContractCharge { Amount = 4_000, Currency = "THB", Purpose = "Medical check" }), "fees");
        Assert.Equal(("100 USD (medical check)", "4,000 THB (Medical check)"), (d.Verified, d.Now));
        Assert.Empty(Compare(t => t.Fees[0] = new ContractCharge { Amount = 3_000, Currency = "THB", Purpose = "medical check" }));
    }

    [Fact]
    public void A_passport_kept_by_the_employer_is_flagged() =>
        Assert.Equal(("the worker", "the employer"), Pair(Single(Compare(t => t.PassportKeptBy = "employer"), "passportKeptBy")));

    [Fact]
    public void Shorter_notice_of_termination_is_flagged() =>
        Assert.Equal(("30 days", "7 days"), Pair(Single(Compare(t => t.TerminationNoticeDays = 7), "terminationNoticeDays")));

    [Fact]
    public void Accommodation_no_longer_provided_is_flagged() =>
        Assert.Equal(("provided free", "not provided"), Pair(Single(Compare(t => t.Accommodation = new ContractProvision { Provided = false }), "accommodation")));

    [Fact]
    public void Accommodation_that_now_costs_the_worker_is_flagged() =>
        Assert.Equal(("provided free", "provided, 2,000 THB a month"),
            Pair(Single(Compare(t => t.Accommodation = new ContractProvision { Provided = true, CostToWorker = 2_000, Currency = "THB" }), "accommodation")));

    [Fact]
    public void Food_no_longer_provided_is_flagged() =>
        Assert.Equal(("provided, 1,000 THB a month", "not provided"), Pair(Single(Compare(t => t.Food = new ContractProvision { Provided = false }), "food")));

    [Fact]
    public void Costlier_food_is_flagged_after_conversion()
    {
        // USD 50 = THB 1,600, more than THB 1,000.
        Single(Compare(t => t.Food = new ContractProvision { Provided = true, CostToWorker = 50, Currency = "USD" }), "food");
        // USD 30 = THB 960: not more.
        Assert.Empty(Compare(t => t.Food = new ContractProvision { Provided = true, CostToWorker = 30, Currency = "USD" }));
    }

    [Fact]
    public void Every_worse_term_of_a_substituted_contract_is_listed()
    {
        var d = Compare(t => { t.WageAmount = 8_000; t.HoursPerWeek = 60; t.RestDaysPerWeek = 0; t.PassportKeptBy = "employer"; });
        Assert.Equal(["wage", "hoursPerWeek", "restDaysPerWeek", "passportKeptBy"], d.Select(x => x.Term));
    }

    private static (string, string) Pair(TermDifference d) => (d.Verified, d.Now);
}
