using Cebu.Core.Features.Documents;

namespace Cebu.Core.Tests.Documents;

public class MrzCheckDigitTests
{
    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('A', 10)]
    [InlineData('Z', 35)]
    [InlineData('<', 0)]
    [InlineData('a', -1)]
    [InlineData(' ', -1)]
    [InlineData('É', -1)]
    public void Characters_have_the_ICAO_values(char c, int value) => Assert.Equal(value, MrzCheckDigit.ValueOf(c));

    // Expected digits worked out by hand with weights 7, 3, 1 (and printed on the ICAO specimens).
    [Theory]
    [InlineData("L898902C3", 6)]
    [InlineData("740812", 2)]
    [InlineData("120415", 9)]
    [InlineData("ZE184226B<<<<<", 1)]
    [InlineData("D23145890", 7)]
    [InlineData("D23145890734", 9)]
    [InlineData("L8988901C", 4)]
    [InlineData("<<<<<<<<<<<<<<", 0)]
    [InlineData("", 0)]
    public void Specimen_fields_give_their_printed_check_digits(string data, int digit) => Assert.Equal(digit, MrzCheckDigit.Compute(data));

    [Fact]
    public void Data_with_a_character_outside_the_MRZ_alphabet_has_no_check_digit()
    {
        Assert.False(MrzCheckDigit.TryCompute("L8989-2C3", out _));
        Assert.Throws<ArgumentException>(() => MrzCheckDigit.Compute("l898902c3"));
    }
}
