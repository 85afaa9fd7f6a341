using Cebu.Core.Features.Agencies;

namespace Cebu.Core.Tests.Agencies;

public class ScreenAgencyResemblanceTests
{
    private static readonly Agency Blacklisted = new()
    {
        LicensingState = "KH", LicenceNumber = "KH-DEMO-004", LegalName = "Tonle Sap Workforce Co., Ltd.", Status = LicenceStatus.Blacklisted,
        Address = "44 Example Street, Phnom Penh", Principals = [new Principal { Name = "Chenda Fictional", Role = "director" }],
        OtherNames = [new AgencyName { Name = "ក្រុមហ៊ុន ទន្លេសាប", Kind = AgencyNameKind.LocalScript }],
    };

    private static AgencyInput Input(string name, string principal = "Someone Else", string address = "9 Other Road, Siem Reap") => new()
    {
        LegalName = name, Address = address, Principals = [new PrincipalDto(principal)],
    };

    [Fact]
    public void New_licence_with_a_blacklisted_name_written_differently_is_flagged()
    {
        var hits = ScreenAgencyResemblance.Screen(Input("TONLE-SAP Work Force co ltd"), [Blacklisted]);
        var hit = Assert.Single(hits);
        Assert.Equal("KH-DEMO-004", hit.Reference);
        Assert.Contains(hit.Evidence, e => e.Field == "name" && e.Weight > 0 && e.Other == "Tonle Sap Workforce Co., Ltd.");
    }

    [Fact]
    public void New_licence_whose_director_ran_a_blacklisted_agency_is_flagged()
    {
        var hits = ScreenAgencyResemblance.Screen(Input("Fresh Start Recruitment", principal: "Fictional, Chenda"), [Blacklisted]);
        Assert.Contains(Assert.Single(hits).Evidence, e => e.Field == "principal" && e.Level == "same name");
    }

    [Fact]
    public void New_licence_at_a_blacklisted_agency_address_is_flagged()
    {
        var hits = ScreenAgencyResemblance.Screen(Input("Fresh Start Recruitment", address: "44 Example Street, Phnom Penh"), [Blacklisted]);
        Assert.Contains(Assert.Single(hits).Evidence, e => e.Field == "address" && e.Level == "same address");
    }

    [Fact]
    public void Unrelated_licence_is_not_flagged() =>
        Assert.Empty(ScreenAgencyResemblance.Screen(Input("Bayon Human Resources Co., Ltd."), [Blacklisted]));
}
