using Cebu.Core.Features.Verification;
using Cebu.Core.Platform.Seed;

namespace Cebu.Core.Tests.Verification;

public class VerificationInputTests
{
    private const string Header = "local_reference,family_name,given_names,date_of_birth,place_of_birth,father_name,mother_name,old_document_numbers";

    [Fact]
    public void A_good_file_gives_one_request_per_row_with_its_line()
    {
        var (rows, errors) = VerificationInput.ReadCsv(new StringReader($"{Header}\nTH-1,Meas,Sophea,1993-04-09,Kampot,Meas Vuthy,,K52081736\nTH-2,Htun,Aung Kyaw,11/02/1990,,,,\n"));
        Assert.Empty(errors);
        Assert.Equal([(2, "TH-1", new DateOnly(1993, 4, 9)), (3, "TH-2", new DateOnly(1990, 2, 11))], rows.Select(r => (r.Line, r.LocalReference, r.DateOfBirth)));
        Assert.Null(rows[0].MotherName);
        Assert.Equal("K52081736", rows[0].OldDocumentNumbers);
    }

    [Fact]
    public void Every_bad_row_is_named_with_its_line_field_and_how_to_fix_it()
    {
        var csv = $"{Header}\nTH-1,Meas,Sophea,1993-04-09,,,,\nTH-2,Meas,Dara,1993-13-45,,,,\n,,,,,,,\nTH-1,Sok,Dara,1990-01-01,,,,\nTH-5,Sok\n";
        var (rows, errors) = VerificationInput.ReadCsv(new StringReader(csv));
        Assert.Contains(errors, e => e.Line == 3 && e.Field == "date_of_birth" && e.Message.Contains("yyyy-MM-dd"));
        Assert.Contains(errors, e => e.Line == 4 && e.Field == "local_reference");
        Assert.Contains(errors, e => e.Line == 4 && e.Field == "family_name");
        Assert.Contains(errors, e => e.Line == 4 && e.Field == "date_of_birth");
        Assert.Contains(errors, e => e.Line == 5 && e.Field == "local_reference" && e.Message.Contains("line 2"));
        Assert.Contains(errors, e => e.Line == 6 && e.Field == "row");
        Assert.DoesNotContain(errors, e => e.Line == 2);
        Assert.Equal("line 3: date_of_birth", VerificationInput.Key(errors.First(e => e.Line == 3), csv: true));
    }

    [Fact]
    public void A_wrong_header_or_an_empty_file_is_refused()
    {
        Assert.Equal("header", Assert.Single(VerificationInput.ReadCsv(new StringReader("name,dob\nx,y\n")).Errors).Field);
        Assert.Equal("file", Assert.Single(VerificationInput.ReadCsv(new StringReader("")).Errors).Field);
        Assert.Equal("file", Assert.Single(VerificationInput.ReadCsv(new StringReader(Header + "\n")).Errors).Field);
    }

    [Fact]
    public void Json_rows_are_named_by_their_position()
    {
        var (_, errors) = VerificationInput.ReadJson([new DeclaredIdentity("A", "Meas", "Sophea", "1993-04-09"), new DeclaredIdentity("B", "Meas", "", "09.04.1993")]);
        var e = Assert.Single(errors);
        Assert.Equal("requests[1].dateOfBirth", VerificationInput.Key(e, csv: false));
    }
}

public class VerificationModelTests
{
    [Theory]
    [InlineData(0.995, MatchOutcome.Matched)]
    [InlineData(0.99, MatchOutcome.Matched)]
    [InlineData(0.9899, MatchOutcome.Possible)]
    [InlineData(0.80, MatchOutcome.Possible)]
    [InlineData(0.7999, MatchOutcome.NotFound)]
    [InlineData(0.0, MatchOutcome.NotFound)]
    public void Thresholds_classify_scores(double score, MatchOutcome expected) => Assert.Equal(expected, VerificationModel.Classify(score));

    private static Identity Known => VerificationModel.Of(DemoRegistry.KnownKh());

    [Fact]
    public void The_same_identity_with_a_misread_document_and_swapped_date_is_matched()
    {
        var declared = Known with { GivenNames = "Sophia Kunthea", DateOfBirth = new DateOnly(1993, 9, 4), DocumentNumbers = "K52O8I736" };
        var s = VerificationModel.Score(declared, Known);
        Assert.Equal(MatchOutcome.Matched, s.Outcome);
        Assert.Equal("day-month swapped", s.Evidence.Single(e => e.Field == "dateOfBirth").Level);
        Assert.Equal("look-alike characters", s.Evidence.Single(e => e.Field == "document").Level);
    }

    /// <summary>The declared identity the browser test sends: a spelling variant, date swapped, no parents or document: possible.</summary>
    public static Identity ReviewCase => new("Mias", "Sophia Kuntea", new DateOnly(1993, 9, 4), "Kampot", null, null, null);

    [Fact]
    public void A_variant_name_with_a_swapped_date_and_little_else_goes_to_review()
    {
        var s = VerificationModel.Score(ReviewCase, Known);
        Assert.True(s.Outcome == MatchOutcome.Possible, $"score {s.Score}: {string.Join("; ", s.Evidence.Select(e => $"{e.Field} {e.Level} {e.Weight}"))}");
    }

    [Fact]
    public void Another_person_born_the_same_day_is_not_found()
    {
        var other = new Identity("Sok", "Dara Vanna", Known.DateOfBirth, "Takeo", "Sok Rith", "Chan Nary", "K11111111");
        Assert.Equal(MatchOutcome.NotFound, VerificationModel.Score(other, Known).Outcome);
    }

    [Fact]
    public void The_three_blocking_keys_bring_variants_together()
    {
        Assert.Equal(VerificationModel.NameKey("Htun", "Aung Kyaw"), VerificationModel.NameKey("Tun", "Aung Kyaw"));
        Assert.Equal(VerificationModel.NameKey("Htun", "Aung Kyaw"), VerificationModel.NameKey("Kyaw", "Aung Htun"));
        Assert.Equal(VerificationModel.DateBlock(new DateOnly(1990, 2, 11)), VerificationModel.DateBlock(new DateOnly(1990, 11, 2)));
        Assert.Equal(VerificationModel.DocumentKey("M61508230"), VerificationModel.DocumentKey("M6I5O823O"));
    }
}

public class CertificateNumberTests
{
    [Fact]
    public void Numbers_read_like_KH_CI_2026_and_eight_unambiguous_characters()
    {
        var numbers = Enumerable.Range(0, 2000).Select(_ => CertificateNumbers.New("KH", 2026)).ToList();
        Assert.All(numbers, n => Assert.Matches("^KH-CI-2026-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", n));
        Assert.All(numbers, n => Assert.True(CertificateNumbers.IsWellFormed(n)));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.False(CertificateNumbers.IsWellFormed("KH-CI-2026-0O1IL000"));
        Assert.False(CertificateNumbers.IsWellFormed("KH-CI-26-ABCDEFGH"));
    }
}

public class SyntheticRegistryTests
{
    [Fact]
    public void The_demo_extracts_hold_240_fictional_people_each_with_unique_numbers_and_keys()
    {
        var all = DemoRegistry.Build(DateTimeOffset.UnixEpoch).ToList();
        Assert.Equal(240, all.Count(r => r.State == "KH"));
        Assert.Equal(240, all.Count(r => r.State == "MM"));
        Assert.All(all, r => Assert.Contains("-CR-DEMO-", r.RegistryNumber));
        Assert.Equal(all.Count, all.Select(r => r.RegistryNumber).Distinct().Count());
        Assert.All(all, r => Assert.True(r.KeyName.Length > 0 && r.KeyDate > 19000000 && r.KeyDocument.Length > 0));
    }

    [Fact]
    public void Generated_requests_of_registry_people_are_mostly_matched_or_possible_and_strangers_not_matched()
    {
        var g = new SyntheticRegistry("MM", 11);
        var people = Enumerable.Range(1, 400).Select(g.Person).ToList();
        var found = people.Count(p => VerificationModel.Score(VerificationModel.Of(g.Declared(p, "x")), VerificationModel.Of(p)).Outcome != MatchOutcome.NotFound);
        Assert.True(found >= 360, $"{found} of 400");
        var strangers = Enumerable.Range(0, 400).Select(i => g.Stranger($"s{i}")).ToList();
        var wrong = strangers.Count(s => people.Any(p => VerificationModel.Score(VerificationModel.Of(s), VerificationModel.Of(p)).Outcome == MatchOutcome.Matched));
        Assert.True(wrong <= 4, $"{wrong} strangers matched");
    }
}
