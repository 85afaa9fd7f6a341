using Cebu.Matching.Linkage;

namespace Cebu.Matching.Tests;

public class FieldComparisonTests
{
    private static RecordSet Set(string column, params string?[] values) => new([column], values.Select(v => new[] { v }).ToList());

    private static int Level(FieldComparison comparison, string? a, string? b)
    {
        var set = Set(comparison.Column, a, b);
        return comparison.Prepare(set, set).Compare(0, 1);
    }

    [Fact]
    public void Missing_value_is_level_zero_and_equal_values_the_last_level()
    {
        var c = new NameComparison("name", "name");
        Assert.Equal(0, Level(c, "Aung", null));
        Assert.Equal(c.LevelCount - 1, Level(c, "Daw Aung San Suu Kyi", "aung san suu kyi"));
        Assert.Equal(c.LevelCount - 1, Level(c, "Kyaw Htun, Aung", "Aung Kyaw Tun"));
        Assert.Equal(c.LevelCount - 1, Level(c, "soph ie", "sophie")); // split by a typing error, not two names
        Assert.Equal(1, Level(c, "Aung Kyaw Htun", "Maria Santos"));
    }

    [Fact]
    public void Close_names_get_a_middle_level()
    {
        var c = new NameComparison("name", "name");
        Assert.Equal(3, Level(c, "jonathan", "jonathon"));
        Assert.Equal(2, Level(c, "kristina", "christine"));
    }

    [Fact]
    public void Dates_and_document_numbers_have_their_own_levels()
    {
        Assert.Equal((int)Dates.Agreement.DayMonthSwapped, Level(new DateComparison("dob", "dob"), "1990-03-04", "04/03/1990".Replace("04/03", "03/04")));
        Assert.Equal((int)DocumentNumbers.Agreement.LookAlike, Level(new DocumentNumberComparison("passport", "passport"), "MA012345", "MAO12345"));
    }

    [Fact]
    public void Addresses_ignore_spaces_when_asked()
    {
        var c = new TextComparison("street", "street", [0.85, 0.94], ignoreSpaces: true);
        Assert.Equal(c.LevelCount - 1, Level(c, "pridham street", "pridhamstreet"));
        Assert.Equal(c.LevelCount - 2, Level(c, "pridham street", "pridhamp street"));
    }

    [Fact]
    public void Edit_distance_levels()
    {
        var c = new EditDistanceComparison("postcode", "postcode");
        Assert.Equal(3, Level(c, "3165", "3165"));
        Assert.Equal(2, Level(c, "3165", "3167"));
        Assert.Equal(1, Level(c, "3165", "2600"));
    }
}

public class BlockingAndClusteringTests
{
    [Fact]
    public void Rules_are_united_and_each_pair_comes_once()
    {
        var set = new RecordSet(["name", "dob"], [["ann", "1990"], ["ann", "1990"], ["bob", "1990"], ["cat", "2000"]]);
        var pairs = Blocking.CandidatePairs(set, set, [BlockingRule.On("name", ("name", v => v)), BlockingRule.On("dob", ("dob", v => v))]);
        Assert.Equal([Blocking.Pack(0, 1), Blocking.Pack(0, 2), Blocking.Pack(1, 2)], pairs);
    }

    [Fact]
    public void Linking_pairs_only_cross_the_two_sets()
    {
        var a = new RecordSet(["name"], [["ann"], ["ann"]]);
        var b = new RecordSet(["name"], [["ann"], ["bob"]]);
        var pairs = Blocking.CandidatePairs(a, b, [BlockingRule.On("name", ("name", v => v))]);
        Assert.Equal([Blocking.Pack(0, 0), Blocking.Pack(1, 0)], pairs);
    }

    [Fact]
    public void Oversized_blocks_are_skipped()
    {
        var set = new RecordSet(["k"], Enumerable.Range(0, 5).Select(_ => new string?[] { "same" }).ToList());
        Assert.Empty(Blocking.CandidatePairs(set, set, [BlockingRule.On("k", ("k", v => v))], maxBlockSize: 4));
    }

    [Fact]
    public void Union_find_joins_chains()
    {
        var u = new UnionFind(5);
        u.Union(0, 1);
        u.Union(1, 2);
        u.Union(3, 4);
        var c = u.Clusters();
        Assert.Equal(c[0], c[2]);
        Assert.Equal(c[3], c[4]);
        Assert.NotEqual(c[0], c[3]);
    }
}

public class ExpectationMaximisationTests
{
    [Fact]
    public void Em_recovers_known_m_and_u_from_unlabelled_patterns()
    {
        // Three fields of three levels (missing unused): known m, u and λ; 200,000 pairs drawn from them.
        double[][] m = [[0, 0.05, 0.15, 0.80], [0, 0.10, 0.20, 0.70], [0, 0.02, 0.08, 0.90]];
        double[][] u = [[0, 0.85, 0.10, 0.05], [0, 0.70, 0.20, 0.10], [0, 0.90, 0.07, 0.03]];
        const double lambda = 0.2;
        var random = new Random(7);
        var counts = new Dictionary<ulong, long>();
        for (var i = 0; i < 200_000; i++)
        {
            var match = random.NextDouble() < lambda;
            ulong pattern = 0;
            for (var f = 0; f < 3; f++)
            {
                var p = match ? m[f] : u[f];
                var x = random.NextDouble();
                var level = 1;
                for (var acc = p[1]; level < 3 && x >= acc; acc += p[++level]) { }
                pattern = Pattern.With(pattern, f, level);
            }
            counts[pattern] = counts.GetValueOrDefault(pattern) + 1;
        }
        var model = FellegiSunterModel.Estimate(counts.Keys.ToArray(), counts.Values.ToArray(), [4, 4, 4]);
        Assert.Equal(lambda, model.Lambda, 0.02);
        for (var f = 0; f < 3; f++)
            for (var l = 1; l < 4; l++)
            {
                Assert.Equal(m[f][l], model.M[f][l], 0.03);
                Assert.Equal(u[f][l], model.U[f][l], 0.03);
            }
    }

    [Fact]
    public void Weights_are_log_ratios_and_missing_adds_nothing()
    {
        var model = new FellegiSunterModel([3], 0.5, [[0, 0.2, 0.8]], [[0, 0.8, 0.2]]);
        Assert.Equal(2.0, model.Weight(0, 2), 9);
        Assert.Equal(-2.0, model.Weight(0, 1), 9);
        Assert.Equal(0.0, model.Weight(0, 0));
        Assert.Equal(0.8, FellegiSunterModel.Probability(2.0), 9);
    }

    [Fact]
    public void Rare_values_weigh_more_than_common_ones()
    {
        var adjust = PairScorer.TermAdjustments([0, 90, 5, 5], max: 10);
        Assert.True(adjust[2] > 0, $"{adjust[2]}");
        Assert.True(adjust[1] < 0, $"{adjust[1]}");
    }
}

public class ConfigurationTests
{
    [Fact]
    public void Fields_and_rules_on_missing_columns_are_left_out()
    {
        var full = new RecordSet(["rec_id", "given_name", "surname", "date_of_birth", "soc_sec_id"], []);
        var partial = new RecordSet(["rec_id", "given_name", "surname", "date_of_birth"], []);
        var config = Febrl.Configuration().For(full, partial);
        Assert.Equal(["given_name", "surname", "date_of_birth"], config.Fields.Select(f => f.Name));
        Assert.DoesNotContain(config.BlockingRules, r => r.Name == "soc_sec_id");
        Assert.Contains(config.BlockingRules, r => r.Name == "date_of_birth");
        Assert.Contains(config.BlockingRules, r => r.Name.StartsWith("names", StringComparison.Ordinal));
    }
}
