namespace Cebu.Matching.Tests;

/// <summary>The bulk import's cached name keys are exactly the keys of NameKeys.For and NameKeys.Pairs, name by name.</summary>
public class NameKeyCacheTests
{
    private static string[] Expected(string name) =>
        NameKeys.For(name).Concat(NameKeys.Pairs(name)).Select(k => NameFolding.Cut(k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    private static string[] Cached(NameKeyCache cache, string name) => cache.KeysOfFolded(NameFolding.Fold(name)).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("Sokha  Chan ")]
    [InlineData("Sokha Chan សុខា")]
    [InlineData("Nguyễn Thị Lan")]
    [InlineData("NGUYEN THI LAN")]
    [InlineData("Aung Kyaw Htun, Aung")] // a repeated word makes no pair with itself
    [InlineData("O'Neil Mary-Jane d Ly")] // apostrophes, dashes, a one-letter word
    [InlineData("Alpha Bravo Charlie Delta Echo Foxtrot Golf")] // more words than pairs are made of
    [InlineData("Thanh Phyu Hnin Shwe Khin Ghi Nyunt")] // digraphs the skeleton simplifies
    [InlineData("ພອນສະຫວັນ ສີສຸວັນ")]
    [InlineData("အောင်ကျော်ထွန်း")]
    [InlineData("สมชาย ใจดี")]
    [InlineData("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")] // keys longer than the index keeps
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("x")]
    public void A_name_gets_the_keys_of_NameKeys(string name)
    {
        var cache = new NameKeyCache();
        Assert.Equal(Expected(name), Cached(cache, name));
        Assert.Equal(Expected(name), Cached(cache, name)); // again, from the cache
    }

    [Fact]
    public void Many_names_sharing_words_get_the_same_keys_as_NameKeys_one_by_one()
    {
        var rng = new Random(20261206);
        string[] words = ["Sok", "Chan", "Sokha", "Phan", "Thida", "Tida", "Htun", "Nguyễn", "nguyen", "Kyaw", "ស្រីពៅ", "Lý", "Ly", "Vann", "Bopha", "Dara"];
        var cache = new NameKeyCache();
        for (var i = 0; i < 2000; i++)
        {
            var name = string.Join(' ', Enumerable.Range(0, 1 + rng.Next(6)).Select(_ => words[rng.Next(words.Length)]));
            Assert.Equal(Expected(name), Cached(cache, name));
        }
    }
}
