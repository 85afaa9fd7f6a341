using Cebu.Core.Features.Agencies;
using Cebu.Matching;

namespace Cebu.Core.Tests.Agencies;

public class LookupRankTests
{
    [Fact]
    public void Licence_number_ranks_above_a_name_that_contains_it()
    {
        var key = NameFolding.Key("KH-DEMO-004");
        Assert.True(LookupAgencies.Rank(key, "KH-DEMO-004", ["Tonle Sap"]) > LookupAgencies.Rank(key, "KH-DEMO-0045", ["KH DEMO 004 Holdings"]));
    }

    [Fact]
    public void Whole_name_ranks_above_name_start_which_ranks_above_a_later_word()
    {
        var key = NameFolding.Key("golden lotus");
        var whole = LookupAgencies.Rank(key, "X-1", ["Golden Lotus"]);
        var start = LookupAgencies.Rank(key, "X-2", ["Golden Lotus Manpower"]);
        var later = LookupAgencies.Rank(key, "X-3", ["Royal Golden Lotus Manpower"]);
        Assert.True(whole > start && start > later, $"{whole} > {start} > {later}");
    }
}
