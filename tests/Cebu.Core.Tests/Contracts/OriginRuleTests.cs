using Cebu.Core.Features.Contracts;
using static Cebu.Core.Tests.Contracts.Contracts;

namespace Cebu.Core.Tests.Contracts;

public class OriginRuleTests
{
    // 2016 Revised POEA Rules, Rule V s.51: "A placement fee may be charged against the Overseas Filipino Worker equivalent
    // to one (1) month basic salary specified in the POEA approved contract, except for the following: 1. Domestic workers; ..."
    [Fact]
    public void A_Filipino_domestic_worker_may_be_charged_no_placement_fee()
    {
        var f = Only(Check(Compliant("PH", "SG", "domestic-work", new Wage(700, "SGD", "month")) with { FeesChargedToWorker = [Fee(100, "SGD")] }), "PH-no-fee-domestic");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.StartsWith("Rule V, Section 51", f.Citation!.Article, StringComparison.Ordinal);
        None(Check(Compliant("PH", "SG", "domestic-work", new Wage(700, "SGD", "month"))), "PH-no-fee-domestic");
    }

    // Rule V s.51: a placement fee "equivalent to one (1) month basic salary specified in the POEA approved contract":
    // a factory worker on RM1,800 a month may be charged RM1,800, not RM1,900.
    [Fact]
    public void A_Filipino_factory_worker_may_be_charged_at_most_one_months_salary()
    {
        var f = Only(Check(Compliant() with { FeesChargedToWorker = [Fee(1900, "MYR")] }), "PH-fee-cap");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.StartsWith("Rule V, Section 51", f.Citation!.Article, StringComparison.Ordinal);
        Assert.Contains("1,800 MYR", f.Required);
        None(Check(Compliant() with { FeesChargedToWorker = [Fee(1800, "MYR")] }), "PH-fee-cap");
    }

    // Rule V s.51 exception 2: "Workers to be deployed to countries where the prevailing system, either by law, policy or
    // practice do not allow, directly or indirectly, the charging and collection of recruitment/placement fee."
    [Fact]
    public void No_fee_may_be_charged_to_a_Filipino_going_where_the_destination_forbids_fees()
    {
        var forbids = new RulePack("XX", "A destination that forbids fees", "1", new DateOnly(2000, 1, 1),
            [new ContractRule("XX-no-fees", "workerFeesAllowed", new RuleCitation("Test law", "s.1", "2026-11-23", "https://example.org"), None: true)], []);
        var packs = new RulePacks(RulePacks.Shipped.All.Append(forbids), RulePacks.Shipped.Rates);
        var terms = Compliant("PH", "XX") with { FeesChargedToWorker = [Fee(500, "MYR")] };
        Assert.Equal(Severities.Violation, Only(ContractCheck.Check(terms, packs, Today), "PH-no-fee-where-destination-forbids").Severity);
        // Malaysia's pack forbids no fee, so the rule stays silent there.
        None(Check(Compliant() with { FeesChargedToWorker = [Fee(500, "MYR")] }), "PH-no-fee-where-destination-forbids");
    }

    // Standard Employment Contract for Filipino Household Service Workers, item 5: "Rest day: At least one (1) rest day per week."
    [Fact]
    public void A_Filipino_domestic_worker_gets_at_least_one_rest_day_a_week()
    {
        var terms = Compliant("PH", "MY", "domestic-work");
        var f = Only(Check(terms with { RestDaysPerWeek = 0 }), "PH-domestic-rest-day");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("at least 1 rest day", f.Required);
        None(Check(terms), "PH-domestic-rest-day");
        // The standard contract is the household service workers' one: a factory worker's rest day is judged by other rules.
        None(Check(Compliant("PH", "MY") with { RestDaysPerWeek = 0 }), "PH-domestic-rest-day");
    }

    // Law 18/2017 art. 30(1): Indonesian migrant workers may not be charged placement costs.
    [Fact]
    public void An_Indonesian_worker_may_be_charged_no_placement_cost()
    {
        var f = Only(Check(Compliant("ID", "MY") with { FeesChargedToWorker = [Fee(5_000_000, "IDR")] }), "ID-zero-cost");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Equal("Pasal 30 ayat (1)", f.Citation!.Article);
    }

    // Law 18/2017 art. 6(1): every (prospective) Indonesian migrant worker has the right to "menguasai dokumen perjalanan
    // selama bekerja" (hold their own travel documents while working): a contract that has the employer or the agency keep
    // the passport takes that right away.
    [Fact]
    public void An_Indonesian_worker_keeps_her_own_passport_while_working()
    {
        var terms = Compliant("ID", "MY", "domestic-work", new Wage(1800, "MYR", "month"));
        var employer = Only(Check(terms with { PassportKeptBy = "employer" }), "ID-own-travel-documents");
        Assert.Equal(Severities.Violation, employer.Severity);
        Assert.StartsWith("Pasal 6 ayat (1)", employer.Citation!.Article, StringComparison.Ordinal);
        Assert.Equal(Severities.Violation, Only(Check(terms with { PassportKeptBy = "agency" }), "ID-own-travel-documents").Severity);
        None(Check(terms), "ID-own-travel-documents");
    }

    [Fact]
    public void Cambodias_pack_adds_no_finding_of_its_own()
    {
        var findings = Check(Compliant("KH", "MY") with { FeesChargedToWorker = [Fee(100, "USD")], PassportKeptBy = "agency" });
        Assert.DoesNotContain(findings, f => f.Citation?.Pack.StartsWith("KH", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(findings, f => f.Rule == "KH-pack");
    }
}
