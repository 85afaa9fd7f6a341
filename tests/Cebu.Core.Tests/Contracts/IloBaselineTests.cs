using Cebu.Core.Features.Contracts;
using static Cebu.Core.Tests.Contracts.Contracts;

namespace Cebu.Core.Tests.Contracts;

/// <summary>The ILO baseline, each case from the convention it cites. Origin KH has no rules, so only ILO and the destination speak.</summary>
public class IloBaselineTests
{
    // C1 art. 2: hours in industrial undertakings "shall not exceed eight in the day and forty-eight in the week".
    // A Singapore destination (44 h) would speak first, so the destination here has no pack.
    [Fact]
    public void C1_forty_nine_hours_a_week_in_a_factory_is_above_the_international_standard()
    {
        var findings = Check(Compliant("KH", "BN") with { HoursPerWeek = 49 });
        Assert.Equal(Severities.Violation, Only(findings, "ILO-C1-hours-week").Severity);
        None(Check(Compliant("KH", "BN") with { HoursPerWeek = 48 }), "ILO-C1-hours-week");
        None(Check(Compliant("KH", "BN", "domestic-work") with { HoursPerWeek = 49 }), "ILO-C1-hours-week");
    }

    // C1 art. 2: eight in the day.
    [Fact]
    public void C1_nine_hours_a_day_in_construction_is_above_the_international_standard()
    {
        var f = Only(Check(Compliant("KH", "BN", "construction") with { HoursPerDay = 9 }), "ILO-C1-hours-day");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Equal("9 hours a day", f.ContractValue);
    }

    // C14 art. 2: at least twenty-four consecutive hours of rest in every period of seven days.
    [Fact]
    public void C14_a_factory_contract_without_a_weekly_rest_day_falls_below_the_standard()
    {
        Assert.Equal(Severities.Violation, Only(Check(Compliant("KH", "BN") with { RestDaysPerWeek = 0 }), "ILO-C14-weekly-rest").Severity);
        None(Check(Compliant("KH", "BN")), "ILO-C14-weekly-rest");
    }

    // C181 art. 7(1): agencies "shall not charge directly or indirectly, in whole or in part, any fees or costs to workers".
    [Fact]
    public void C181_any_fee_charged_to_the_worker_falls_below_the_standard()
    {
        var f = Only(Check(Compliant("KH", "BN") with { FeesChargedToWorker = [Fee(50, "USD", "medical check")] }), "ILO-C181-no-fees");
        Assert.Equal(Severities.Violation, f.Severity);
        Assert.Contains("medical check", f.ContractValue);
        Assert.Equal("Article 7(1)", f.Citation!.Article);
        None(Check(Compliant("KH", "BN") with { FeesChargedToWorker = [Fee(0, "USD")] }), "ILO-C181-no-fees");
    }

    // C95 art. 3: wages payable in money are paid only in legal tender; art. 4: payment in kind only partly, under conditions.
    [Fact]
    public void C95_wages_wholly_in_kind_are_a_violation_and_partly_in_kind_a_warning()
    {
        Assert.Equal(Severities.Violation, Only(Check(Compliant("KH", "BN") with { PaidIn = "kind" }), "ILO-C95-money").Severity);
        Assert.Equal(Severities.Warning, Only(Check(Compliant("KH", "BN") with { PaidIn = "mixed" }), "ILO-C95-money").Severity);
        None(Check(Compliant("KH", "BN")), "ILO-C95-money");
    }

    // C189 art. 9(c): domestic workers are entitled to keep their travel and identity documents.
    [Fact]
    public void C189_a_domestic_worker_whose_employer_keeps_the_passport_is_a_violation()
    {
        var findings = Check(Compliant("KH", "BN", "domestic-work") with { PassportKeptBy = "employer" });
        Assert.Equal(Severities.Violation, Only(findings, "ILO-C189-documents").Severity);
        None(Check(Compliant("KH", "BN") with { PassportKeptBy = "employer" }), "ILO-C189-documents");
    }

    // ILO indicators of forced labour: "retention of identity documents" is a sign to look into, in every sector.
    [Fact]
    public void Any_passport_kept_by_an_agency_is_flagged_as_a_forced_labour_indicator()
    {
        var f = Only(Check(Compliant("KH", "BN") with { PassportKeptBy = "agency" }), "ILO-forced-labour-documents");
        Assert.Equal(Severities.Warning, f.Severity);
        Assert.Equal("passport kept by the agency", f.ContractValue);
    }

    [Fact]
    public void A_destination_without_a_pack_is_reported_not_silently_skipped()
    {
        var f = Only(Check(Compliant("KH", "BN")), "BN-pack");
        Assert.Equal(Severities.Information, f.Severity);
        Assert.Null(f.Citation);
    }
}
