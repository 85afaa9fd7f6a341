using Cebu.Core.Features.Agencies;
using Cebu.Core.Features.Workers;

namespace Cebu.Core.Tests.Workers;

public class JourneyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly AgencyFacts LicensedForThaiConstruction = new("KH-DEMO-001", LicenceStatus.Active, [("TH", "construction")]);

    private static Worker Recruited() => new()
    {
        OwnerState = "KH", FamilyName = "EXAMPLE", GivenNames = "SOKHA", Nationality = "KH", DateOfBirth = new DateOnly(1998, 4, 2),
        Destination = "TH", Sector = "construction", AgencyId = Guid.NewGuid(),
        JobOrder = new JobOrder { Number = "JO-1", Employer = "Example Builders Co.", JobTitle = "Mason" },
    };

    private static Worker ReadyForClearance()
    {
        var w = Recruited();
        w.Phase = JourneyPhase.PreDeparture;
        w.PassportNumber = "N1234567";
        w.PassportExpiry = Today.AddYears(5);
        w.PreDeparture = new PreDeparture
        {
            ContractReference = "C-1", ContractSignedOn = Today.AddDays(-10), OrientationAttendedOn = Today.AddDays(-5), OrientationProvider = "Example Training Centre",
            HealthCheckOn = Today.AddDays(-20), HealthCheckFit = true, InsurancePolicy = "P-1", Insurer = "Example Insurance", InsuranceValidUntil = Today.AddYears(2),
            Fees = [new FeePaid { Amount = 100, Currency = "USD", PaidTo = "KH-DEMO-001", Purpose = "passport fee" }],
        };
        return w;
    }

    [Fact]
    public void Recruited_worker_with_a_licensed_accredited_agency_moves_to_pre_departure() =>
        Assert.Empty(JourneyRules.Check(Recruited(), JourneyPhase.PreDeparture, LicensedForThaiConstruction, Today));

    [Fact]
    public void Suspended_agency_fails_the_recruitment_gate()
    {
        var failures = JourneyRules.Check(Recruited(), JourneyPhase.PreDeparture, LicensedForThaiConstruction with { Status = LicenceStatus.Suspended }, Today);
        Assert.Contains(failures, f => f.Gate == "agency" && f.Message.Contains("suspended"));
    }

    [Fact]
    public void Agency_not_accredited_for_the_destination_fails_the_recruitment_gate()
    {
        var w = Recruited();
        w.Destination = "MY";
        Assert.Contains(JourneyRules.Check(w, JourneyPhase.PreDeparture, LicensedForThaiConstruction, Today), f => f.Message.Contains("not accredited"));
    }

    [Fact]
    public void Clearance_needs_every_pre_departure_gate()
    {
        Assert.Empty(JourneyRules.Check(ReadyForClearance(), JourneyPhase.Cleared, LicensedForThaiConstruction, Today));
        var w = Recruited();
        w.Phase = JourneyPhase.PreDeparture;
        var gates = JourneyRules.Check(w, JourneyPhase.Cleared, LicensedForThaiConstruction, Today).Select(f => f.Gate).ToHashSet();
        Assert.Superset(new HashSet<string> { "contract", "orientation", "healthCheck", "insurance", "passport" }, gates);
    }

    [Fact]
    public void Passport_expiring_within_six_months_blocks_clearance()
    {
        var w = ReadyForClearance();
        w.PassportExpiry = Today.AddMonths(5);
        Assert.Contains(JourneyRules.Check(w, JourneyPhase.Cleared, LicensedForThaiConstruction, Today), f => f.Gate == "passport");
    }

    [Fact]
    public void Unfit_health_check_blocks_clearance()
    {
        var w = ReadyForClearance();
        w.PreDeparture.HealthCheckFit = false;
        Assert.Contains(JourneyRules.Check(w, JourneyPhase.Cleared, LicensedForThaiConstruction, Today), f => f.Gate == "healthCheck");
    }

    [Fact]
    public void Fee_without_recipient_is_refused()
    {
        var w = ReadyForClearance();
        w.PreDeparture.Fees.Add(new FeePaid { Amount = 500, Currency = "USD", PaidTo = "", Purpose = "placement" });
        Assert.Contains(JourneyRules.Check(w, JourneyPhase.Cleared, LicensedForThaiConstruction, Today), f => f.Gate == "fees[1]");
    }

    [Fact]
    public void Skipping_a_phase_is_refused_with_the_next_allowed_phase()
    {
        var failure = Assert.Single(JourneyRules.Check(Recruited(), JourneyPhase.Placement, LicensedForThaiConstruction, Today));
        Assert.Equal("phase", failure.Gate);
        Assert.Contains("pre-departure", failure.Message);
    }

    [Fact]
    public void Placement_needs_a_valid_work_permit()
    {
        var w = Recruited();
        w.Phase = JourneyPhase.Travel;
        w.Employer = "Example Builders Co."; w.Workplace = "Bangkok"; w.PlacedOn = Today; w.WorkPermitNumber = "WP-1"; w.WorkPermitExpiry = Today.AddDays(-1);
        Assert.Contains(JourneyRules.Check(w, JourneyPhase.Placement, null, Today), f => f.Gate == "workPermitExpiry" && f.Message.Contains("expired"));
        w.WorkPermitExpiry = Today.AddYears(2);
        Assert.Empty(JourneyRules.Check(w, JourneyPhase.Placement, null, Today));
    }

    [Fact]
    public void Return_needs_a_date_and_a_reason_and_can_happen_before_placement()
    {
        var w = Recruited();
        w.Phase = JourneyPhase.Travel;
        Assert.Equal(2, JourneyRules.Check(w, JourneyPhase.Returned, null, Today).Count);
        w.ReturnedOn = Today; w.ReturnReason = ReturnReason.Deported;
        Assert.Empty(JourneyRules.Check(w, JourneyPhase.Returned, null, Today));
    }
}
