using Cebu.Core.Features.Contracts;
using static Cebu.Core.Tests.Contracts.Contracts;

namespace Cebu.Core.Tests.Contracts;

public class OriginRuleTests
{
    // POEA Governing Board Resolution No. 6 (2006): no placement fee from household service workers.
    [Fact]
    public void A_Filipino_domestic_worker_may_be_charged_no_placement_fee()
    {
        var f = Only(Check(Compliant("PH", "SG", "domestic-work", new Wage(700, "SGD", "month")) with { FeesChargedToWorker = [Fee(100, "SGD")] }), "PH-no-fee-domestic");
        Assert.Equal(Severities.Violation, f.Severity);
        None(Check(Compliant("PH", "SG", "domestic-work", new Wage(700, "SGD", "month"))), "PH-no-fee-domestic");
    }

    // POEA/DMW rules: a placement fee of at most one month's basic salary for other workers.
    [Fact]
    public void A_Filipino_factory_worker_may_be_charged_at_most_one_months_salary()
    {
        var f = Only(Check(Compliant() with { FeesChargedToWorker = [Fee(1900, "MYR")] }), "PH-fee-cap");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("1,800 MYR", f.Required);
        None(Check(Compliant() with { FeesChargedToWorker = [Fee(1800, "MYR")] }), "PH-fee-cap");
    }

    // POEA/DMW rules: no placement fee where the destination forbids charging workers.
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

    // Law 18/2017 art. 30(1): Indonesian migrant workers may not be charged placement costs.
    [Fact]
    public void An_Indonesian_worker_may_be_charged_no_placement_cost()
    {
        var f = Only(Check(Compliant("ID", "MY") with { FeesChargedToWorker = [Fee(5_000_000, "IDR")] }), "ID-zero-cost");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Equal("Pasal 30 ayat (1)", f.Citation!.Article);
    }

    [Fact]
    public void Cambodias_pack_adds_no_finding_of_its_own()
    {
        var findings = Check(Compliant("KH", "MY") with { FeesChargedToWorker = [Fee(100, "USD")], PassportKeptBy = "agency" });
        Assert.DoesNotContain(findings, f => f.Citation?.Pack.StartsWith("KH", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(findings, f => f.Rule == "KH-pack");
    }
}
