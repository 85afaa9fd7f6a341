using Cebu.Core.Features.Agencies;

namespace Cebu.Core.Tests.Agencies;

public class AgencyStatusRulesTests
{
    [Theory]
    [InlineData(LicenceStatus.Active, LicenceAction.Suspend)]
    [InlineData(LicenceStatus.Active, LicenceAction.Cancel)]
    [InlineData(LicenceStatus.Active, LicenceAction.Blacklist)]
    [InlineData(LicenceStatus.Active, LicenceAction.Renew)]
    [InlineData(LicenceStatus.Suspended, LicenceAction.Reinstate)]
    [InlineData(LicenceStatus.Suspended, LicenceAction.Blacklist)]
    [InlineData(LicenceStatus.Cancelled, LicenceAction.Blacklist)]
    [InlineData(LicenceStatus.Expired, LicenceAction.Renew)]
    public void Licensing_officer_may_take_the_decisions_the_law_allows(LicenceStatus from, LicenceAction action) =>
        Assert.Null(AgencyStatusRules.WhyNot(from, action));

    [Theory]
    [InlineData(LicenceStatus.Blacklisted, LicenceAction.Reinstate, "blacklisted agency cannot be licensed again")]
    [InlineData(LicenceStatus.Blacklisted, LicenceAction.Renew, "blacklisted agency cannot be licensed again")]
    [InlineData(LicenceStatus.Cancelled, LicenceAction.Reinstate, "cancelled licence can only be blacklisted")]
    [InlineData(LicenceStatus.Active, LicenceAction.Reinstate, "Only a suspended licence")]
    [InlineData(LicenceStatus.Suspended, LicenceAction.Renew, "Reinstate the suspended licence")]
    public void Refused_decision_says_why(LicenceStatus from, LicenceAction action, string expected) =>
        Assert.Contains(expected, AgencyStatusRules.WhyNot(from, action));

    [Fact]
    public void Active_licence_past_its_end_date_reads_as_expired()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal(LicenceStatus.Expired, Agency.EffectiveStatus(LicenceStatus.Active, today.AddDays(-1), today));
        Assert.Equal(LicenceStatus.Active, Agency.EffectiveStatus(LicenceStatus.Active, today, today));
        Assert.Equal(LicenceStatus.Blacklisted, Agency.EffectiveStatus(LicenceStatus.Blacklisted, today.AddDays(-1), today));
    }

    [Theory]
    [InlineData(LicenceAction.Suspend, true)]
    [InlineData(LicenceAction.Cancel, true)]
    [InlineData(LicenceAction.Blacklist, true)]
    [InlineData(LicenceAction.Renew, false)]
    [InlineData(LicenceAction.Reinstate, false)]
    public void Adverse_decisions_need_a_legal_reference(LicenceAction action, bool needed) =>
        Assert.Equal(needed, AgencyStatusRules.NeedsLegalReference(action));
}
