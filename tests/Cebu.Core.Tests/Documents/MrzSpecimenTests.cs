using Cebu.Core.Features.Documents;
using static Cebu.Core.Tests.Documents.Specimens;

namespace Cebu.Core.Tests.Documents;

/// <summary>The specimen documents of ICAO Doc 9303 (Utopia) parse field by field.</summary>
public class MrzSpecimenTests
{
    [Fact]
    public void Passport_specimen_TD3_reads_every_field()
    {
        var r = Parse(Td3);

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(MrzFormat.TD3, r.Format);
        Assert.False(r.IsVisa);
        Assert.Equal("P", r.DocumentCode);
        Assert.Equal("UTO", r.IssuingState);
        Assert.Equal("ERIKSSON", r.PrimaryIdentifier);
        Assert.Equal("ANNA MARIA", r.SecondaryIdentifier);
        Assert.False(r.NameMayBeTruncated);
        Assert.Equal("L898902C3", r.DocumentNumber);
        Assert.Equal("UTO", r.Nationality);
        Assert.Equal(new DateOnly(1974, 8, 12), r.DateOfBirth);
        Assert.Equal(MrzSex.Female, r.Sex);
        Assert.Equal(new DateOnly(2012, 4, 15), r.DateOfExpiry);
        Assert.Equal("ZE184226B", r.OptionalData1);
        Assert.Null(r.OptionalData2);
        Assert.Equal([Td3Line1, Td3Line2], r.Lines);
    }

    [Fact]
    public void Id_card_specimen_TD1_reads_every_field()
    {
        var r = Parse(Td1);

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(MrzFormat.TD1, r.Format);
        Assert.Equal("I", r.DocumentCode);
        Assert.Equal("UTO", r.IssuingState);
        Assert.Equal("D23145890", r.DocumentNumber);
        Assert.Equal("", r.OptionalData1);
        Assert.Equal(new DateOnly(1974, 8, 12), r.DateOfBirth);
        Assert.Equal(MrzSex.Female, r.Sex);
        Assert.Equal(new DateOnly(2012, 4, 15), r.DateOfExpiry);
        Assert.Equal("UTO", r.Nationality);
        Assert.Equal("", r.OptionalData2);
        Assert.Equal("ERIKSSON", r.PrimaryIdentifier);
        Assert.Equal("ANNA MARIA", r.SecondaryIdentifier);
    }

    [Fact]
    public void TD2_specimen_reads_every_field()
    {
        var r = Parse(Td2);

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(MrzFormat.TD2, r.Format);
        Assert.False(r.IsVisa);
        Assert.Equal("I", r.DocumentCode);
        Assert.Equal("UTO", r.IssuingState);
        Assert.Equal("ERIKSSON", r.PrimaryIdentifier);
        Assert.Equal("ANNA MARIA", r.SecondaryIdentifier);
        Assert.Equal("D23145890", r.DocumentNumber);
        Assert.Equal("UTO", r.Nationality);
        Assert.Equal(new DateOnly(1974, 8, 12), r.DateOfBirth);
        Assert.Equal(MrzSex.Female, r.Sex);
        Assert.Equal(new DateOnly(2012, 4, 15), r.DateOfExpiry);
        Assert.Equal("", r.OptionalData1);
        Assert.Null(r.OptionalData2);
    }

    [Theory]
    [InlineData(MrvA, MrzFormat.TD3, "6ZE184226B")]
    [InlineData(MrvB, MrzFormat.TD2, "")]
    public void Visa_specimens_read_without_a_composite_check_digit(string mrz, MrzFormat format, string optional)
    {
        var r = Parse(mrz);

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(format, r.Format);
        Assert.True(r.IsVisa);
        Assert.Equal("V", r.DocumentCode);
        Assert.Equal("L8988901C", r.DocumentNumber);
        Assert.Equal("XXX", r.Nationality);
        Assert.Equal(new DateOnly(1940, 9, 7), r.DateOfBirth);
        Assert.Equal(new DateOnly(1996, 12, 10), r.DateOfExpiry);
        Assert.Equal(optional, r.OptionalData1);
    }

    [Theory]
    [InlineData(Td3)]
    [InlineData(Td2)]
    [InlineData(Td1)]
    public void Specimens_are_valid_but_flagged_as_expired(string mrz)
    {
        var r = Parse(mrz);

        Assert.True(r.IsValid);
        Assert.True(r.IsExpired);
        Assert.False(r.IsExpiringSoon);
        var warning = Assert.Single(r.Warnings);
        Assert.Equal(MrzField.DateOfExpiry, warning.Field);
        Assert.Equal(MrzIssueCode.Expired, warning.Code);
        Assert.StartsWith("the document expired on 2012-04-15", warning.Message);
    }
}
