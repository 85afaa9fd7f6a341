using Cebu.Core.Features.Documents;
using static Cebu.Core.Tests.Documents.Specimens;

namespace Cebu.Core.Tests.Documents;

/// <summary>What an officer may paste, and what is refused with the reason.</summary>
public class MrzTextShapeTests
{
    [Fact]
    public void Surrounding_whitespace_CRLF_lower_case_and_trailing_spaces_are_tolerated()
    {
        var pasted = "  \r\n\t" + Td3Line1.ToLowerInvariant() + "   \r\n" + Td3Line2.ToLowerInvariant() + " \t\r\n\r\n";

        var r = Parse(pasted);

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.DoesNotContain(r.Warnings, w => w.Code == MrzIssueCode.SpacesIgnored);
        Assert.Equal("ERIKSSON", r.PrimaryIdentifier);
        Assert.Equal([Td3Line1, Td3Line2], r.Lines);
    }

    [Theory]
    [InlineData(Td3Line1 + Td3Line2, MrzFormat.TD3)]
    [InlineData(Td2Line1 + Td2Line2, MrzFormat.TD2)]
    [InlineData(Td1Line1 + Td1Line2 + Td1Line3, MrzFormat.TD1)]
    public void Lines_pasted_as_one_line_are_split_by_their_total_length(string oneLine, MrzFormat format)
    {
        var r = Parse("  " + oneLine + "\n");

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(format, r.Format);
        Assert.Equal("ANNA MARIA", r.SecondaryIdentifier);
    }

    [Fact]
    public void Lines_joined_by_spaces_are_read_as_lines()
    {
        var r = Parse(Td1Line1 + " " + Td1Line2 + "  " + Td1Line3);

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(MrzFormat.TD1, r.Format);
        Assert.DoesNotContain(r.Warnings, w => w.Code == MrzIssueCode.SpacesIgnored);
    }

    [Fact]
    public void A_space_inside_a_line_is_ignored_with_a_warning()
    {
        var r = Parse(Td3Line1 + "\n" + Td3Line2[..13] + " " + Td3Line2[13..]);

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        var warning = Assert.Single(r.Warnings, w => w.Code == MrzIssueCode.SpacesIgnored);
        Assert.Equal(2, warning.Line);
    }

    [Fact]
    public void A_passport_line_one_character_short_says_what_was_expected()
    {
        var r = Parse(Td3Line1 + "\n" + Td3Line2[..43]);

        Assert.False(r.IsValid);
        Assert.Null(r.Format);
        var error = Assert.Single(r.Errors);
        Assert.Equal(MrzField.Mrz, error.Field);
        Assert.Equal(MrzIssueCode.LineLength, error.Code);
        Assert.Equal("A passport MRZ (TD3) has 2 lines of 44 characters; line 2 has 43.", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Both_lines_of_wrong_length_are_named()
    {
        var r = Parse(Td2Line1 + "<\n" + Td2Line2[..35]);

        Assert.Equal("A TD2 MRZ (ID card or visa) has 2 lines of 36 characters; line 1 has 37 and line 2 has 35.", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void An_id_card_line_of_wrong_length_is_named()
    {
        var r = Parse(Td1Line1 + "\n" + Td1Line2 + "\n" + Td1Line3[..29]);

        Assert.Equal("An ID card MRZ (TD1) has 3 lines of 30 characters; line 3 has 29.", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void An_id_card_with_a_missing_line_is_refused()
    {
        var r = Parse(Td1Line1 + "\n" + Td1Line2);

        Assert.Equal("An ID card MRZ (TD1) has 3 lines of 30 characters; only 2 lines were given.", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void One_line_of_a_length_that_fits_no_format_is_refused()
    {
        var r = Parse(Td3Line1 + Td3Line2[..43]);

        var error = Assert.Single(r.Errors);
        Assert.Equal(MrzIssueCode.LineLength, error.Code);
        Assert.Equal("The MRZ was pasted as one line of 87 characters; expected 88 (passport, TD3: 2 × 44), 72 (TD2: 2 × 36) or 90 (ID card, TD1: 3 × 30), or the lines one under the other.", error.Message);
    }

    [Fact]
    public void Three_passport_lines_are_refused()
    {
        var r = Parse(Td3Line1 + "\n" + Td3Line2 + "\n" + Td3Line2);

        var error = Assert.Single(r.Errors);
        Assert.Equal(MrzIssueCode.LineCount, error.Code);
        Assert.StartsWith("3 lines were given, but only an ID card MRZ (TD1) has 3 lines", error.Message);
    }

    [Fact]
    public void Four_lines_are_refused()
    {
        var r = Parse(Td1 + "\n" + Td1Line3);

        Assert.Equal("An MRZ is 2 lines of 44 characters (passport, TD3), 2 lines of 36 (TD2) or 3 lines of 30 (ID card, TD1); the text has 4 lines.", Assert.Single(r.Errors).Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \r\n \t ")]
    public void Nothing_pasted_is_refused(string? text)
    {
        var r = MrzParser.Parse(text, Today);

        Assert.False(r.IsValid);
        Assert.Equal(MrzIssueCode.Empty, Assert.Single(r.Errors).Code);
    }
}
