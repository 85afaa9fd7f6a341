namespace Cebu.Matching.Tests;

/// <summary>Pairs of words: selective blocking keys for searching a million names.</summary>
public class NamePairKeysTests
{
    private static bool Share(string a, string b) => NameKeys.Pairs(a).Intersect(NameKeys.Pairs(b)).Any();

    [Theory]
    [InlineData("Aung Kyaw Htun", "Kyaw Htun, Aung")] // another order
    [InlineData("Aung Kyaw Htun", "Aung Kyaw Tun")] // a romanisation variant
    [InlineData("Nguyễn Thị Lan", "NGUYEN THI LAN")] // accents and case
    [InlineData("Sokha Example", "Sokah Example")] // a typo after the third letter
    [InlineData("Siti Rahayu Wulandari", "Siti Rahayu Wulandary")] // a typo in one of three words
    public void The_same_name_written_differently_shares_a_pair(string a, string b) => Assert.True(Share(a, b), $"'{a}' and '{b}' share no pair key");

    [Theory]
    [InlineData("Aung Kyaw Htun", "Aung Min Thu")] // one word in common is not a pair
    [InlineData("Nguyen Van An", "Tran Van Binh")]
    public void Names_with_one_common_word_share_no_pair(string a, string b) => Assert.False(Share(a, b), $"'{a}' and '{b}' should not share a pair key");

    [Fact]
    public void A_single_word_has_no_pair_and_long_names_are_capped()
    {
        Assert.Empty(NameKeys.Pairs("Aung"));
        // Five words at most: ten pairs, two keys each.
        Assert.Equal(20, NameKeys.Pairs("Alpha Bravo Charlie Delta Echo Foxtrot Golf").Count());
    }
}
