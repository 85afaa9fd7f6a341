using Cebu.Core.Features.Documents;
using static Cebu.Core.Tests.Documents.Specimens;

namespace Cebu.Core.Tests.Documents;

/// <summary>Each problem is named by its field, with the reason and, where there is one, the line and column.</summary>
public class MrzFieldErrorTests
{
    private static MrzIssue ErrorOn(MrzResult r, string field)
    {
        Assert.False(r.IsValid);
        return Assert.Single(r.Errors, e => e.Field == field);
    }

    // One digit of a field changed: its check digit no longer matches (expected digits worked out by hand).
    [Theory]
    [InlineData(2, 9, '4', MrzField.DocumentNumber, "check digit is 6 but the digits give 7", 10)]      // L898902C3 -> L898902C4
    [InlineData(2, 19, '3', MrzField.DateOfBirth, "check digit is 2 but the digits give 3", 20)]        // 740812 -> 740813
    [InlineData(2, 27, '6', MrzField.DateOfExpiry, "check digit is 9 but the digits give 0", 28)]       // 120415 -> 120416
    [InlineData(2, 37, 'C', MrzField.OptionalData1, "check digit is 1 but the digits give 2", 43)]      // ZE184226B -> ZE184226C
    public void A_changed_passport_field_fails_its_own_check_digit(int line, int column, char c, string field, string message, int checkColumn)
    {
        var r = Parse(Replace(Td3, line, column, c));

        var error = ErrorOn(r, field);
        Assert.Equal(MrzIssueCode.CheckDigit, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal((2, checkColumn), (error.Line!.Value, error.Column!.Value));
        Assert.Contains(r.Errors, e => e.Field == MrzField.CompositeCheckDigit); // the composite covers the field too
    }

    [Fact]
    public void A_changed_passport_composite_check_digit_is_the_only_error()
    {
        var r = Parse(Replace(Td3, 2, 44, '1'));

        var error = Assert.Single(r.Errors);
        Assert.Equal(MrzField.CompositeCheckDigit, error.Field);
        Assert.Equal("composite check digit is 1 but the digits give 0 (it covers line 2 positions 1–10, 14–20 and 22–43)", error.Message);
    }

    [Fact]
    public void A_changed_passport_check_digit_fails_its_field_and_the_composite()
    {
        var r = Parse(Replace(Td3, 2, 20, '7'));

        Assert.Equal("check digit is 7 but the digits give 2", ErrorOn(r, MrzField.DateOfBirth).Message);
        Assert.Equal(2, r.Errors.Count);
    }

    [Theory]
    [InlineData(1, 14, '1', MrzField.DocumentNumber, 1, 15)]  // D23145890 -> D23145891
    [InlineData(2, 6, '3', MrzField.DateOfBirth, 2, 7)]
    [InlineData(2, 14, '6', MrzField.DateOfExpiry, 2, 15)]
    [InlineData(2, 30, '5', MrzField.CompositeCheckDigit, 2, 30)]
    public void A_changed_id_card_field_fails_its_check_digit(int line, int column, char c, string field, int checkLine, int checkColumn)
    {
        var r = Parse(Replace(Td1, line, column, c));

        var error = ErrorOn(r, field);
        Assert.Equal(MrzIssueCode.CheckDigit, error.Code);
        Assert.Equal((checkLine, checkColumn), (error.Line!.Value, error.Column!.Value));
    }

    [Theory]
    [InlineData(2, 9, '1', MrzField.DocumentNumber)]
    [InlineData(2, 19, '3', MrzField.DateOfBirth)]
    [InlineData(2, 27, '6', MrzField.DateOfExpiry)]
    [InlineData(2, 36, '5', MrzField.CompositeCheckDigit)]
    public void A_changed_TD2_field_fails_its_check_digit(int line, int column, char c, string field)
    {
        var r = Parse(Replace(Td2, line, column, c));

        Assert.Equal(MrzIssueCode.CheckDigit, ErrorOn(r, field).Code);
    }

    [Fact]
    public void A_change_in_the_id_card_optional_data_is_caught_by_the_composite_check_digit()
    {
        var r = Parse(Replace(Td1, 2, 19, '7'));

        Assert.Equal("composite check digit is 6 but the digits give 5 (it covers line 1 positions 6–30; line 2 positions 1–7, 9–15 and 19–29)", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void A_check_digit_that_is_a_letter_is_an_error()
    {
        var r = Parse(Replace(Td3, 2, 28, 'A'));

        Assert.Equal("check digit is 'A', not a digit; the digits give 9", ErrorOn(r, MrzField.DateOfExpiry).Message);
    }

    [Fact]
    public void An_empty_personal_number_may_have_the_check_digit_0_or_filler()
    {
        foreach (var check in new[] { '<', '0' })
        {
            var line2 = Td3Lower(personal: "");
            line2 = line2[..42] + check + line2[43..];
            var composite = MrzCheckDigit.ComputeChar(line2[..10] + line2[13..20] + line2[21..43]);
            var r = Parse(Td3Line1 + "\n" + line2[..43] + composite);

            Assert.True(r.IsValid, string.Join("; ", r.Errors));
            Assert.Equal("", r.OptionalData1);
        }
    }

    [Fact]
    public void A_filler_check_digit_on_a_personal_number_that_is_not_empty_is_an_error()
    {
        var r = Parse(Replace(Td3, 2, 43, '<'));

        Assert.Equal("check digit is < but the personal number is not empty; the digits give 1", ErrorOn(r, MrzField.OptionalData1).Message);
    }

    [Fact]
    public void A_sex_other_than_M_F_X_or_filler_is_an_error()
    {
        var r = Parse(Td3Line1 + "\n" + Td3Lower(sex: 'Q'));

        var error = Assert.Single(r.Errors);
        Assert.Equal(MrzField.Sex, error.Field);
        Assert.Equal("'Q' is not M, F, X or <", error.Message);
        Assert.Equal((2, 21), (error.Line!.Value, error.Column!.Value));
    }

    [Theory]
    [InlineData('M', MrzSex.Male)]
    [InlineData('F', MrzSex.Female)]
    [InlineData('X', MrzSex.X)]
    [InlineData('<', MrzSex.Unspecified)]
    public void Every_ICAO_sex_is_read(char c, MrzSex sex)
    {
        var r = Parse(Td3Line1 + "\n" + Td3Lower(sex: c));

        Assert.True(r.IsValid);
        Assert.Equal(sex, r.Sex);
    }

    [Theory]
    [InlineData("741312", "'741312' is not a date: month 13")]
    [InlineData("740000", "'740000' is not a date: month 00")]
    [InlineData("740431", "'740431' is not a date: day 31 (April 1974 has 30 days)")]
    [InlineData("750229", "'750229' is not a date: day 29 (February 1975 has 28 days)")]
    [InlineData("74O812", "'74O812' is not a date: a date is YYMMDD in digits (<< only for an unknown part of a date of birth)")]
    public void An_impossible_date_of_birth_is_an_error_even_with_a_good_check_digit(string birth, string message)
    {
        var r = Parse(Td3Line1 + "\n" + Td3Lower(birth: birth));

        var error = Assert.Single(r.Errors);
        Assert.Equal(MrzField.DateOfBirth, error.Field);
        Assert.Equal(MrzIssueCode.InvalidDate, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Null(r.DateOfBirth);
    }

    [Fact]
    public void The_29th_of_February_is_a_date_in_a_leap_year()
    {
        var r = Parse(Td3Line1 + "\n" + Td3Lower(birth: "000229", expiry: "300101"));

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(new DateOnly(2000, 2, 29), r.DateOfBirth);
    }

    [Fact]
    public void An_impossible_date_of_expiry_is_an_error()
    {
        var r = Parse(Td3Line1 + "\n" + Td3Lower(expiry: "301301"));

        Assert.Equal("'301301' is not a date: month 13", ErrorOn(r, MrzField.DateOfExpiry).Message);
    }

    [Fact]
    public void A_partly_unknown_date_of_birth_is_a_warning_and_no_date()
    {
        var r = Parse(Td3Line1 + "\n" + Td3Lower(birth: "74<<<<", expiry: "300101"));

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Null(r.DateOfBirth);
        var warning = Assert.Single(r.Warnings);
        Assert.Equal(MrzIssueCode.PartlyUnknownDate, warning.Code);
        Assert.Equal("the date of birth is only partly known (month and day unknown: the MRZ shows 74<<<<)", warning.Message);
    }

    [Fact]
    public void An_expiry_before_the_birth_is_an_error()
    {
        var r = Parse(Td3Line1 + "\n" + Td3Lower(birth: "200101", expiry: "191231"));

        Assert.Equal("the date of expiry 2019-12-31 is before the date of birth 2020-01-01", ErrorOn(r, MrzField.DateOfExpiry).Message);
    }

    [Fact]
    public void A_character_outside_the_MRZ_alphabet_is_named_by_line_and_column()
    {
        var r = Parse(Replace(Td3, 2, 5, '!'));

        var error = Assert.Single(r.Errors);
        Assert.Equal(MrzField.DocumentNumber, error.Field);
        Assert.Equal(MrzIssueCode.InvalidCharacter, error.Code);
        Assert.Equal("line 2, column 5: '!' is not allowed in an MRZ; only A–Z, 0–9 and < are", error.Message);
        Assert.Equal((2, 5), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void A_letter_with_a_diacritic_in_the_name_is_named_by_line_and_column()
    {
        var r = Parse(Replace(Td1, 3, 12, 'Ñ'));

        var error = Assert.Single(r.Errors);
        Assert.Equal(MrzField.Name, error.Field);
        Assert.Equal("line 3, column 12: 'Ñ' is not allowed in an MRZ; only A–Z, 0–9 and < are", error.Message);
    }

    [Fact]
    public void A_bad_character_in_a_check_digit_is_reported_once()
    {
        var r = Parse(Replace(Td1, 2, 7, '*'));

        var error = Assert.Single(r.Errors);
        Assert.Equal(MrzField.DateOfBirth, error.Field);
        Assert.Equal((2, 7), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void A_digit_in_the_name_is_an_error()
    {
        var r = Parse(Replace(Td3, 1, 8, '0'));

        var error = Assert.Single(r.Errors);
        Assert.Equal(MrzField.Name, error.Field);
        Assert.Equal("line 1, column 8: '0' is a digit; a name has only letters and < (was an O read as 0?)", error.Message);
    }

    [Theory]
    [InlineData("D<<")]
    [InlineData("UTO")]
    [InlineData("XXA")]
    [InlineData("XXB")]
    [InlineData("XXC")]
    [InlineData("XXX")]
    [InlineData("EUE")]
    public void Special_ICAO_codes_are_accepted_as_nationality(string code)
    {
        var r = Parse(Td3Line1 + "\n" + Td3Lower(nationality: code));

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(code.TrimEnd('<'), r.Nationality);
    }

    [Theory]
    [InlineData("U1O", "'U1O' is not a country code: ICAO codes are 3 letters, or 1–2 letters followed by < (like D<< for Germany)")]
    [InlineData("<UT", "'<UT' is not a country code: ICAO codes are 3 letters, or 1–2 letters followed by < (like D<< for Germany)")]
    [InlineData("U<O", "'U<O' is not a country code: ICAO codes are 3 letters, or 1–2 letters followed by < (like D<< for Germany)")]
    [InlineData("<<<", "the nationality is empty ('<<<'); it must be a 3-letter code, or 1–2 letters followed by < (like D<< for Germany)")]
    public void A_nationality_that_is_not_shaped_like_a_code_is_an_error(string code, string message)
    {
        var r = Parse(Td3Line1 + "\n" + Td3Lower(nationality: code));

        Assert.Equal(message, ErrorOn(r, MrzField.Nationality).Message);
    }

    [Fact]
    public void An_issuing_state_with_a_digit_is_an_error()
    {
        var r = Parse(Replace(Td3, 1, 4, '7'));

        Assert.Equal(MrzIssueCode.InvalidValue, ErrorOn(r, MrzField.IssuingState).Code);
    }

    [Fact]
    public void A_passport_sized_MRZ_must_start_with_P()
    {
        var r = Parse(Replace(Td3, 1, 1, 'I'));

        Assert.Equal("a passport MRZ (TD3) starts with P (or V for a visa); this one starts with 'I'", ErrorOn(r, MrzField.DocumentCode).Message);
    }

    [Fact]
    public void An_id_card_MRZ_must_start_with_A_C_or_I()
    {
        var r = Parse(Replace(Td1, 1, 1, 'P'));

        Assert.Equal("an ID card MRZ (TD1) starts with A, C or I; this one starts with 'P'", ErrorOn(r, MrzField.DocumentCode).Message);
    }

    [Fact]
    public void A_passport_check_digit_cannot_be_filler()
    {
        var r = Parse(Replace(Td3, 2, 10, '<'));

        Assert.Equal("check digit is <, not a digit; the digits give 6 (a passport does not continue long numbers; only TD1 and TD2 documents do)", ErrorOn(r, MrzField.DocumentNumber).Message);
    }

    [Fact]
    public void Garbage_in_many_places_is_reported_in_a_bounded_list()
    {
        var r = Parse(new string('#', 44) + "\n" + new string('#', 44));

        Assert.Equal(11, r.Errors.Count(e => e.Code == MrzIssueCode.InvalidCharacter));
        Assert.Contains(r.Errors, e => e.Message.StartsWith("78 more characters", StringComparison.Ordinal));
    }
}
