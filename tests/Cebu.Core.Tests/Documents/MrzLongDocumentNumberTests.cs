using Cebu.Core.Features.Documents;
using static Cebu.Core.Tests.Documents.Specimens;

namespace Cebu.Core.Tests.Documents;

/// <summary>ICAO 9303 parts 5 and 6, note j: a TD1/TD2 document number over 9 characters continues in the optional data.</summary>
public class MrzLongDocumentNumberTests
{
    // Part 5: document number D23145890734, check digit 9 (composite worked out by hand: 6).
    private const string Line1 = "I<UTOD23145890<7349<<<<<<<<<<<";
    private const string Long = Line1 + "\n" + Td1Line2 + "\n" + Td1Line3;

    [Fact]
    public void A_long_id_card_number_is_read_across_the_optional_data()
    {
        var r = Parse(Long);

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal("D23145890734", r.DocumentNumber);
        Assert.Equal("", r.OptionalData1);
    }

    [Fact]
    public void Optional_data_after_a_long_number_is_kept_apart()
    {
        var lines = MrzWriter.WriteLines(Document() with { OptionalData1 = "AB12" });

        Assert.Equal("I<UTOD23145890<7349<AB12<<<<<<", lines[0]);
        var r = Parse(string.Join('\n', lines));
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal("D23145890734", r.DocumentNumber);
        Assert.Equal("AB12", r.OptionalData1);
    }

    [Fact]
    public void The_writer_continues_a_long_number_as_ICAO_shows()
    {
        var lines = MrzWriter.WriteLines(Document());

        Assert.Equal([Line1, Td1Line2, Td1Line3], lines);
    }

    [Fact]
    public void A_wrong_check_digit_after_the_continuation_names_the_document_number()
    {
        var r = Parse(Replace(Long, 1, 19, '8'));

        var error = Assert.Single(r.Errors, e => e.Field == MrzField.DocumentNumber);
        Assert.Equal("check digit is 8 but the digits give 9", error.Message);
        Assert.Equal((1, 19), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void A_filler_check_digit_without_a_continuation_is_an_error()
    {
        var r = Parse(Replace(Td1, 1, 15, '<'));

        var error = Assert.Single(r.Errors, e => e.Field == MrzField.DocumentNumber);
        Assert.Equal("check digit is <, which marks a document number longer than 9 characters, but the optional data does not continue the number", error.Message);
    }

    [Fact]
    public void A_long_TD2_number_round_trips()
    {
        var document = Document() with { Format = MrzFormat.TD2, DocumentNumber = "D2314589073", OptionalData1 = "" };

        var lines = MrzWriter.WriteLines(document);
        var r = Parse(string.Join('\n', lines));

        Assert.Equal("D23145890<", lines[1][..10]);
        Assert.Equal("735<<<<", lines[1][28..35]); // continuation 73, its check digit 5 (by hand), a filler
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal("D2314589073", r.DocumentNumber);
    }

    [Fact]
    public void A_passport_number_longer_than_9_characters_cannot_be_written() =>
        Assert.Throws<ArgumentException>(() => MrzWriter.WriteLines(Document() with { Format = MrzFormat.TD3, DocumentCode = "P" }));

    private static MrzDocument Document() => new()
    {
        Format = MrzFormat.TD1,
        DocumentCode = "I",
        IssuingState = "UTO",
        PrimaryIdentifier = "Eriksson",
        SecondaryIdentifier = "Anna Maria",
        DocumentNumber = "D23145890734",
        Nationality = "UTO",
        DateOfBirth = new DateOnly(1974, 8, 12),
        Sex = MrzSex.Female,
        DateOfExpiry = new DateOnly(2012, 4, 15),
    };
}
