using System.Text.RegularExpressions;
using Cebu.Core.Platform.Reference;

namespace Cebu.Core.Tests.Platform;

public class ReferenceDataTests
{
    [Fact]
    public void ASEAN_has_eleven_members_with_Timor_Leste_since_October_2025()
    {
        var members = ReferenceData.Shared.AseanMembers.Select(c => c.Code).Order().ToArray();
        Assert.Equal(["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"], members);
        Assert.Equal(new DateOnly(2025, 10, 26), ReferenceData.Shared.Country("TL")!.AseanMemberSince);
    }

    [Fact]
    public void Every_country_has_ISO_codes_for_languages_and_currencies()
    {
        foreach (var c in ReferenceData.Shared.Countries)
        {
            Assert.Matches("^[A-Z]{2}$", c.Code);
            Assert.NotEmpty(c.Languages);
            Assert.All(c.Languages, l => Assert.Matches("^[a-z]{2,3}$", l));
            Assert.All(c.Currencies, x => Assert.Matches("^[A-Z]{3}$", x));
        }
    }

    [Fact]
    public void Common_destinations_outside_ASEAN_are_known()
    {
        foreach (var code in new[] { "KR", "JP", "TW", "HK", "SA", "AE" })
            Assert.False(ReferenceData.Shared.IsAseanMember(code) || !ReferenceData.Shared.IsCountry(code), code);
    }

    [Fact]
    public void Reference_facts_carry_their_source_and_date()
    {
        Assert.All(ReferenceData.Shared.Sources, s => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", s.Checked));
        Assert.All(ReferenceData.Shared.Organisations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Source), o.Id);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", o.Checked);
        });
    }

    [Fact]
    public void Organisation_home_states_are_known_states()
    {
        foreach (var o in ReferenceData.Shared.Organisations.Where(o => o.HomeState is not null))
            Assert.True(ReferenceData.Shared.IsAseanMember(o.HomeState), $"{o.Id}: {o.HomeState}");
    }
}
