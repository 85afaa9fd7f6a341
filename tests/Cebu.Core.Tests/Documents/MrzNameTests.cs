using Cebu.Core.Features.Documents;
using static Cebu.Core.Tests.Documents.Specimens;

namespace Cebu.Core.Tests.Documents;

/// <summary>Names: primary and secondary identifiers split on &lt;&lt;, components on &lt;, truncation per ICAO 9303.</summary>
public class MrzNameTests
{
    private static MrzResult WithName(string nameField) => Parse("P<UTO" + nameField.PadRight(39, '<') + "\n" + Td3Line2);

    [Theory]
    [InlineData("ERIKSSON<<ANNA<MARIA", "ERIKSSON", "ANNA MARIA")]
    [InlineData("HENG<<DEBORAH<MING<LO", "HENG", "DEBORAH MING LO")]
    [InlineData("SMITH<JONES<<SUSIE<MARGARET", "SMITH JONES", "SUSIE MARGARET")]
    [InlineData("VAN<DER<MUELLEN<<MARTIN", "VAN DER MUELLEN", "MARTIN")]
    [InlineData("AL<BASRI<<HUDA<MUHAMMAD<JAWAD", "AL BASRI", "HUDA MUHAMMAD JAWAD")]
    [InlineData("ARKFREITH", "ARKFREITH", "")]
    [InlineData("SATRIYA<SUDARPA", "SATRIYA SUDARPA", "")]
    public void The_ICAO_name_examples_split_into_surname_and_given_names(string field, string primary, string secondary)
    {
        var r = WithName(field);

        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(primary, r.PrimaryIdentifier);
        Assert.Equal(secondary, r.SecondaryIdentifier);
        Assert.False(r.NameMayBeTruncated);
        Assert.DoesNotContain(r.Warnings, w => w.Field == MrzField.Name);
    }

    [Fact]
    public void A_name_that_fills_the_field_may_be_truncated()
    {
        var r = WithName("NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K");

        Assert.True(r.IsValid);
        Assert.True(r.NameMayBeTruncated);
        Assert.Equal("CHAYAPA DEJTHAMRONG K", r.SecondaryIdentifier);
        Assert.Equal(MrzIssueCode.NameMayBeTruncated, Assert.Single(r.Warnings, w => w.Field == MrzField.Name).Code);
    }

    [Fact]
    public void A_name_starting_with_filler_has_an_empty_surname_and_a_warning()
    {
        var r = WithName("<<ANNA");

        Assert.True(r.IsValid);
        Assert.Equal("", r.PrimaryIdentifier);
        Assert.Equal("ANNA", r.SecondaryIdentifier);
        Assert.Contains(r.Warnings, w => w.Field == MrzField.Name && w.Message.Contains("primary identifier (surname) is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_name_is_an_error()
    {
        var r = WithName("");

        Assert.Equal("the name is empty", Assert.Single(r.Errors).Message);
    }

    // ICAO 9303 parts 4 (TD3, 39), 6 (TD2, 31) and 5 (TD1, 30): truncation examples the writer reproduces exactly.
    [Theory]
    [InlineData("NILAVADHANANANDA", "CHAYAPA DEJTHAMRONG KRASUANG", 39, "NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K")]
    [InlineData("NILAVADHANANANDA", "ARNPOL PETCH CHARONGUANG", 39, "NILAVADHANANANDA<<ARNPOL<PETCH<CHARONGU")]
    [InlineData("NILAVADHANANANDA", "CHAYAPA DEJTHAMRONG KRASUANG", 31, "NILAVADHANANANDA<<CHAYAPA<DEJ<K")]
    [InlineData("BENNELONG WOOLOOMOOLOO WARRANDYTE WARNAMBOOL", "DINGO POTOROO", 31, "BENNELONG<WOOLOOMOOLOO<W<W<<D<P")]
    [InlineData("NILAVADHANANANDA", "CHAYAPA DEJTHAMRONG KRASUANG", 30, "NILAVADHANANANDA<<CHAYAPA<DE<K")]
    [InlineData("PAPANDROPOULOUS", "JONATHON WARREN TREVOR", 39, "PAPANDROPOULOUS<<JONATHON<WARREN<TREVOR")]
    public void The_writer_truncates_long_names_as_in_the_ICAO_examples(string primary, string secondary, int width, string expected) =>
        Assert.Equal(expected, MrzWriter.Name(primary, secondary, width));

    [Fact]
    public void A_truncated_surname_keeps_room_for_the_initials_of_the_given_names()
    {
        var name = MrzWriter.Name("BENNELONG WOOLOOMOOLOO WARRANDYTE WARNAMBOOL", "DINGO POTOROO", 39);

        Assert.Equal("BENNELONG<WOOLOOMOOLOO<WARRANDYT<W<<D<P", name);
    }

    [Theory]
    [InlineData("Smith-Jones", "Susie Margaret", "SMITH<JONES<<SUSIE<MARGARET")]
    [InlineData("O'Connor", "Enya Siobhan", "OCONNOR<<ENYA<SIOBHAN")]
    [InlineData("Müller", "Jürgen", "MUELLER<<JUERGEN")]
    [InlineData("Nguyễn", "Thị Minh", "NGUYEN<<THI<MINH")]
    [InlineData("Dela Cruz", "José Ma.", "DELA<CRUZ<<JOSE<MA")]
    [InlineData("Åström", "Bjørn", "AASTROEM<<BJOERN")]
    public void The_writer_writes_names_in_MRZ_characters(string primary, string secondary, string expected) =>
        Assert.Equal(expected.PadRight(39, '<'), MrzWriter.Name(primary, secondary, 39));

    [Fact]
    public void The_writer_refuses_a_name_it_cannot_transliterate() =>
        Assert.Throws<ArgumentException>(() => MrzWriter.Name("ស៊ុន", "", 39));
}
