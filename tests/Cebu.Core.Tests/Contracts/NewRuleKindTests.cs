using Cebu.Core.Features.Contracts;
using static Cebu.Core.Tests.Contracts.Contracts;

namespace Cebu.Core.Tests.Contracts;

/// <summary>Deductions, contract language, notice of termination and insurance: one test per rule, each case from the law it cites.</summary>
public class NewRuleKindTests
{
    private static Charge Deduction(decimal amount, string currency, string purpose) => new(amount, currency, purpose);

    // ILO C95 art. 9: "Any deduction from wages with a view to ensuring a direct or indirect payment for the purpose of
    // obtaining or retaining employment, made by a worker to an employer or his representative or to any intermediary
    // (such as a labour contractor or recruiter), shall be prohibited."
    [Fact]
    public void C95_article_9_a_monthly_deduction_that_repays_the_recruiter_is_prohibited_and_one_for_lodging_is_not_its_concern()
    {
        var f = Only(Check(Compliant("KH", "BN") with { Deductions = [Deduction(200, "MYR", "placement")] }), "ILO-C95-no-deduction-for-the-job");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("placement", f.Explanation);
        Assert.Equal("Article 9", f.Citation!.Article);
        None(Check(Compliant("KH", "BN") with { Deductions = [Deduction(200, "MYR", "accommodation")] }), "ILO-C95-no-deduction-for-the-job");
    }

    // Thailand LPA s.76: deductions (other than tax) at most 10% each and together one fifth of the money due, unless the employee consented.
    [Fact]
    public void Thai_section_76_caps_each_deduction_at_ten_percent_and_all_at_one_fifth()
    {
        // 372 baht a day × 26 = 9,672 baht a month: 10% is 967.20, one fifth 1,934.40.
        var terms = Compliant("KH", "TH", wage: new Wage(372, "THB", "day")) with { Region = "Bangkok", HoursPerWeek = 48, AnnualLeaveDays = 6 };
        var each = Only(Check(terms with { Deductions = [Deduction(1000, "THB", "damage")] }), "TH-deductions");
        Assert.Equal(Severities.Warning, each.Severity);
        Assert.Contains("10%", each.Required);
        var total = Only(Check(terms with { Deductions = [Deduction(900, "THB", "welfare fund"), Deduction(900, "THB", "cooperative loan"), Deduction(200, "THB", "union dues")] }), "TH-deductions");
        Assert.Contains("20%", total.Required);
        None(Check(terms with { Deductions = [Deduction(900, "THB", "welfare fund"), Deduction(900, "THB", "cooperative loan")] }), "TH-deductions");
    }

    // MOM: "your employer cannot deduct more than 50% of your total salary payable in any one salary period".
    [Fact]
    public void Singapore_deductions_above_half_the_salary_break_the_Employment_Act()
    {
        var terms = Compliant("PH", "SG", wage: new Wage(2000, "SGD", "month")) with { AnnualLeaveDays = 7, Insurance = new Insurance(true, "employer") };
        var f = Only(Check(terms with { Deductions = [Deduction(600, "SGD", "accommodation"), Deduction(450, "SGD", "meals")] }), "SG-deductions-half");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("52.5%", f.Explanation);
        None(Check(terms with { Deductions = [Deduction(600, "SGD", "accommodation"), Deduction(400, "SGD", "meals")] }), "SG-deductions-half");
        // Domestic workers are outside the Employment Act.
        None(Check(terms with { Sector = "domestic-work", Deductions = [Deduction(1500, "SGD", "accommodation")] }), "SG-deductions-half");
    }

    // MOM: employers must buy and maintain medical insurance for each Work Permit holder (migrant domestic workers included); the cost cannot be passed to the worker.
    [Fact]
    public void Singapore_work_pass_medical_insurance_is_the_employers_to_buy_and_pay()
    {
        var terms = Compliant("PH", "SG", "domestic-work", new Wage(600, "SGD", "month"));
        Assert.Equal(Severities.Violation, Only(Check(terms with { Insurance = new Insurance(true, "worker") }), "SG-medical-insurance").Severity);
        Assert.Equal(Severities.Violation, Only(Check(terms with { Insurance = new Insurance(false, "employer") }), "SG-medical-insurance").Severity);
        Assert.Equal(Severities.Warning, Only(Check(terms), "SG-medical-insurance").Severity);
        None(Check(terms with { Insurance = new Insurance(true, "employer") }), "SG-medical-insurance");
    }

    // C189 art. 7: domestic workers are informed of their terms "in an appropriate, verifiable and easily understandable manner".
    [Fact]
    public void C189_article_7_a_domestic_workers_contract_in_a_language_she_cannot_read_is_flagged()
    {
        var terms = Compliant("KH", "BN", "domestic-work") with { WorkerLanguage = "km" };
        var f = Only(Check(terms with { ContractLanguages = ["en", "ms"] }), "ILO-C189-understandable-terms");
        Assert.Equal(Severities.Warning, f.Severity);
        Assert.Contains("km", f.Required);
        None(Check(terms with { ContractLanguages = ["en", "km"] }), "ILO-C189-understandable-terms");
        None(Check(Compliant("KH", "BN") with { WorkerLanguage = "km", ContractLanguages = ["en"] }), "ILO-C189-understandable-terms");
    }

    // C189 art. 7(k): the terms include "terms and conditions relating to the termination of employment, including any period of notice".
    [Fact]
    public void C189_article_7k_a_domestic_workers_contract_must_state_the_notice_period()
    {
        var terms = Compliant("KH", "BN", "domestic-work");
        Assert.Equal(Severities.Warning, Only(Check(terms), "ILO-C189-notice-stated").Severity);
        None(Check(terms with { NoticeDays = 30 }), "ILO-C189-notice-stated");
    }

    // Malaysia EA s.12(2): without a written notice term, at least four weeks' notice under two years of service.
    [Fact]
    public void Malaysian_section_12_gives_four_weeks_notice_when_the_contract_is_silent()
    {
        var silent = Only(Check(Compliant()), "MY-notice");
        Assert.Equal(Severities.Information, silent.Severity);
        Assert.Contains("28 days", silent.Explanation);
        Assert.Equal(Severities.Information, Only(Check(Compliant() with { NoticeDays = 14 }), "MY-notice").Severity);
        None(Check(Compliant() with { NoticeDays = 28 }), "MY-notice");
    }
}
