namespace Cebu.Matching.Tests;

public class NameFoldingTests
{
    [Theory]
    [InlineData("Golden-Lotus  Manpower, Co. Ltd.", "golden lotus manpower co ltd")]
    [InlineData("Công ty Cổ phần Nhân lực Sao Vàng", "cong ty co phan nhan luc sao vang")]
    [InlineData("ĐÔNG Á", "dong a")]
    [InlineData("O'Neil", "oneil")]
    [InlineData("  ", "")]
    public void Case_accents_punctuation_and_spacing_do_not_count(string input, string expected) =>
        Assert.Equal(expected, NameFolding.Fold(input));

    [Fact]
    public void Khmer_vowel_signs_are_kept_because_they_change_the_word()
    {
        var folded = NameFolding.Fold("ផ្កាឈូកមាស");
        Assert.Equal("ផ្កាឈូកមាស".Normalize(System.Text.NormalizationForm.FormC), folded);
        Assert.NotEqual(NameFolding.Fold("ផកឈកមស"), folded);
    }

    [Fact]
    public void Name_is_findable_from_each_word_and_without_spaces()
    {
        var terms = NameFolding.SearchTerms("Golden Star Manpower").ToList();
        Assert.Equal(["goldenstarmanpower", "starmanpower", "manpower"], terms);
    }

    [Fact]
    public void Name_in_an_unspaced_script_is_findable_from_inside_a_word()
    {
        var terms = NameFolding.SearchTerms("ក្រុមហ៊ុន ផ្កាឈូកមាស").ToList();
        Assert.Contains(terms, t => t.StartsWith(NameFolding.Key("ឈូក"), StringComparison.Ordinal));
        Assert.DoesNotContain(terms, t => char.GetUnicodeCategory(t[0]) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);
    }
}

public class SimilarityTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    public void Jaro_Winkler_matches_the_published_examples(string a, string b, double expected) =>
        Assert.Equal(expected, Similarity.JaroWinkler(a, b), 3);

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("flaw", "lawn", 2)]
    public void Levenshtein_counts_edits(string a, string b, int expected) => Assert.Equal(expected, Similarity.Levenshtein(a, b));

    [Fact]
    public void Reordered_name_is_as_similar_as_the_same_order() =>
        Assert.Equal(1.0, Similarity.TokenSet("Kyaw Htun, Aung", "Aung Kyaw Htun"), 3);

    [Fact]
    public void Different_names_are_not_similar() =>
        Assert.True(Similarity.TokenSet("Golden Lotus Manpower", "Bayon Human Resources") < 0.8);
}

public class NameKeysTests
{
    [Theory]
    [InlineData("Aung Kyaw Htun", "Aung Kyaw Tun")]
    [InlineData("Thida", "Tida")]
    [InlineData("Nguyễn Văn", "Nguyen Van")]
    [InlineData("Sreyneang", "Sreynean")]
    public void Romanisation_variants_share_a_key(string a, string b) =>
        Assert.True(NameKeys.For(a).Intersect(NameKeys.For(b)).Any(), $"{string.Join(",", NameKeys.For(a))} / {string.Join(",", NameKeys.For(b))}");

    [Fact]
    public void Different_names_share_no_key() =>
        Assert.Empty(NameKeys.For("Sokha Example").Intersect(NameKeys.For("Maria Santos")));
}
