namespace Cebu.Matching.Tests;

public class DamerauLevenshteinTests
{
    [Theory]
    [InlineData("htun", "htnu", 1)] // one transposition, where Levenshtein counts two
    [InlineData("19081209", "19082109", 1)] // "12" and "21": adjacent digits swapped
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("ca", "abc", 3)] // optimal string alignment: no edit of a transposed pair
    public void Counts_transpositions_as_one_edit(string a, string b, int expected) =>
        Assert.Equal(expected, Similarity.DamerauLevenshtein(a, b));

    [Fact]
    public void Levenshtein_counts_a_transposition_as_two() => Assert.Equal(2, Similarity.Levenshtein("htun", "htnu"));

    [Fact]
    public void Span_and_string_overloads_agree() =>
        Assert.Equal(Similarity.JaroWinkler("martha", "marhta"), Similarity.JaroWinkler("martha".AsSpan(), "marhta".AsSpan()));
}

public class PersonNamesTests
{
    [Theory]
    [InlineData("Daw Aung San Suu Kyi", "Aung San Suu Kyi")]
    [InlineData("U Thant", "Thant")]
    [InlineData("Maung Maung Kyaw", "Maung Kyaw")] // the first Maung is the honorific, the second the name
    [InlineData("Nang Seng Hom", "Seng Hom")]
    [InlineData("Ahmad bin Abdullah", "Ahmad Abdullah")]
    [InlineData("Siti Nurhaliza binti Tarudin", "Siti Nurhaliza Tarudin")]
    [InlineData("Nguyễn Văn An", "Nguyen An")]
    [InlineData("Trần Thị Hoa", "Tran Hoa")]
    [InlineData("Aung Kyaw Htun", "Aung Kyaw Tun")]
    [InlineData("Kyaw Htun, Aung", "Aung Kyaw Tun")]
    [InlineData("Khin Thida Oo", "Khin Tida U")]
    public void Honorifics_particles_order_and_romanisation_do_not_count(string a, string b)
    {
        Assert.Equal(PersonNames.Canonical(b), PersonNames.Canonical(a));
        Assert.Equal(1.0, PersonNames.Compare(a, b), 6);
    }

    [Fact]
    public void A_name_made_only_of_honorifics_is_kept() => Assert.Equal(["ma"], PersonNames.Normalize("Ma"));

    [Fact]
    public void An_honorific_after_the_first_word_is_part_of_the_name() => Assert.Equal(["aung", "u"], PersonNames.Normalize("Aung U"));

    [Fact]
    public void A_single_name_is_less_alike_than_the_full_name()
    {
        var single = PersonNames.Compare("Aung", "Aung Kyaw Htun");
        Assert.True(single < 0.95, $"{single}");
        Assert.True(single > PersonNames.Compare("Mya", "Aung Kyaw Htun"));
    }

    [Fact]
    public void Different_people_are_not_alike() => Assert.True(PersonNames.Compare("Daw Khin Myo Chit", "U Aung Kyaw Htun") < 0.7);

    [Theory]
    [InlineData("robert", "r163")]
    [InlineData("rupert", "r163")]
    [InlineData("tymczak", "t522")]
    [InlineData("pfister", "p236")]
    [InlineData("ashcraft", "a261")]
    [InlineData("", "")]
    public void Soundex_matches_the_published_examples(string word, string expected) => Assert.Equal(expected, Phonetic.Soundex(word));

    [Fact]
    public void Regional_phonetic_key_merges_aspiration_variants() => Assert.Equal(Phonetic.Regional("Phyu"), Phonetic.Regional("Pyu"));
}

public class DatesTests
{
    [Theory]
    [InlineData("19900214", 19900214)]
    [InlineData("1990-02-14", 19900214)]
    [InlineData("14/02/1990", 19900214)]
    [InlineData("", 0)]
    [InlineData("1990-14-02", 0)] // month 14: unreadable, not guessed
    [InlineData("unknown", 0)]
    public void Parses_the_common_forms(string text, int expected) => Assert.Equal(expected, Dates.Parse(text));

    [Theory]
    [InlineData("1990-03-04", "1990-04-03", Dates.Agreement.DayMonthSwapped)]
    [InlineData("1990-03-04", "1990-03-04", Dates.Agreement.Exact)]
    [InlineData("1990-03-04", "1990-03-05", Dates.Agreement.OneEdit)]
    [InlineData("19900304", "19903004", Dates.Agreement.OneEdit)] // two digits transposed ("19903004" is not a date, still evidence)
    [InlineData("1990-03-04", "1991-04-03", Dates.Agreement.Different)]
    [InlineData("1990-01-01", "1990-12-25", Dates.Agreement.SameYear)]
    [InlineData("1990-03-04", "", Dates.Agreement.Missing)]
    public void Compares_with_day_month_swaps(string a, string b, Dates.Agreement expected)
    {
        var pa = a.Length == 8 && !a.Contains('-') ? int.Parse(a, System.Globalization.CultureInfo.InvariantCulture) : Dates.Parse(a);
        var pb = b.Length == 8 && !b.Contains('-') ? int.Parse(b, System.Globalization.CultureInfo.InvariantCulture) : Dates.Parse(b);
        Assert.Equal(expected, Dates.Compare(pa, pb));
    }
}

public class DocumentNumbersTests
{
    [Theory]
    [InlineData("MA 012345", "MAO12345")]
    [InlineData("B1234567", "81234567")]
    [InlineData("5I0O2", "SI002")]
    [InlineData("N0O12Z", "NO0122")]
    public void Look_alike_characters_fold_to_the_same_number(string a, string b)
    {
        Assert.Equal(DocumentNumbers.FoldLookAlikes(a), DocumentNumbers.FoldLookAlikes(b));
        Assert.Equal(DocumentNumbers.Agreement.LookAlike, DocumentNumbers.Compare(a, b));
    }

    [Theory]
    [InlineData("MA012345", "ma-012345", DocumentNumbers.Agreement.Exact)]
    [InlineData("MA012345", "MA012346", DocumentNumbers.Agreement.OneEdit)]
    [InlineData("MA012345", "MA021345", DocumentNumbers.Agreement.OneEdit)]
    [InlineData("MA012345", "MA013346", DocumentNumbers.Agreement.TwoEdits)]
    [InlineData("MA012345", "PB998877", DocumentNumbers.Agreement.Different)]
    [InlineData("MA012345", null, DocumentNumbers.Agreement.Missing)]
    public void Other_differences_are_graded_by_edits(string a, string? b, DocumentNumbers.Agreement expected) =>
        Assert.Equal(expected, DocumentNumbers.Compare(a, b));

    [Fact]
    public void A_real_digit_difference_is_not_a_look_alike() =>
        Assert.NotEqual(DocumentNumbers.FoldLookAlikes("MA012345"), DocumentNumbers.FoldLookAlikes("MA012375"));
}
