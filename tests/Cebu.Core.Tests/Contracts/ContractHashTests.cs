using System.Security.Cryptography;
using System.Text;
using Cebu.Core.Features.Contracts;

namespace Cebu.Core.Tests.Contracts;

/// <summary>The content hash of a verified contract: the same terms hash the same however entered; any change of a term changes it.</summary>
public class ContractHashTests
{
    private static readonly Guid Worker = Guid.Parse("01a208ed-09b6-7e60-b882-8fd3d8e40439");
    private static readonly Guid Agency = Guid.Parse("01a208ec-f8fa-7bb6-9c2f-fc2a32916e0b");
    private const string Doc = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";

    private static string Hash(ContractTermsRecord t, string? doc = Doc) => ContractHash.Compute(Worker, Agency, "KH", "TH", t, doc);

    [Fact]
    public void The_hash_is_the_sha256_of_the_canonical_text()
    {
        var t = ContractComparisonTests.Verified();
        var canonical = ContractHash.Canonical(Worker, Agency, "KH", "TH", t, Doc);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), Hash(t));
        Assert.Equal(64, Hash(t).Length);
        // Keys in a fixed order, the scheme named, numbers as plain text.
        Assert.StartsWith("{\"accommodation\":", canonical);
        Assert.Contains("\"scheme\":\"cebu-contract-v1\"", canonical);
        Assert.Contains("\"wage.amount\":\"11000\"", canonical);
    }

    [Fact]
    public void Equal_terms_entered_differently_hash_the_same()
    {
        var a = ContractComparisonTests.Verified();
        var b = ContractComparisonTests.Verified();
        b.WageAmount = 11_000.00m;            // a different scale of the same amount
        b.OvertimeRate = 1.50m;
        b.JobTitle = "  packer ";             // spaces around
        b.Employer.Name = "Example Frozen Foods (DEMO)".Normalize(NormalizationForm.FormD);
        Assert.Equal(Hash(a), Hash(b));
        Assert.Equal(Hash(a), ContractHash.Compute(Worker, Agency, "KH", "TH", a, Doc.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("wage")]
    [InlineData("hours")]
    [InlineData("rest")]
    [InlineData("fee")]
    [InlineData("deduction")]
    [InlineData("passport")]
    [InlineData("employer")]
    [InlineData("notice")]
    [InlineData("accommodation")]
    [InlineData("language")]
    public void Changing_any_term_changes_the_hash(string term)
    {
        var t = ContractComparisonTests.Verified();
        var before = Hash(t);
        switch (term)
        {
            case "wage": t.WageAmount = 10_999; break;
            case "hours": t.HoursPerWeek = 49; break;
            case "rest": t.RestDaysPerWeek = 0; break;
            case "fee": t.Fees[0].PaidTo = "someone else"; break;
            case "deduction": t.Deductions.Add(new ContractCharge { Amount = 1, Currency = "THB", Purpose = "x" }); break;
            case "passport": t.PassportKeptBy = "employer"; break;
            case "employer": t.Employer.RegistrationNumber = "TH-1"; break;
            case "notice": t.TerminationNoticeDays = 29; break;
            case "accommodation": t.Accommodation.Provided = false; break;
            case "language": t.Languages.Add("en"); break;
        }
        Assert.NotEqual(before, Hash(t));
    }

    [Fact]
    public void Another_document_or_worker_changes_the_hash()
    {
        var t = ContractComparisonTests.Verified();
        Assert.NotEqual(Hash(t), Hash(t, "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35"));
        Assert.NotEqual(Hash(t), Hash(t, null));
        Assert.NotEqual(Hash(t), ContractHash.Compute(Guid.CreateVersion7(), Agency, "KH", "TH", t, Doc));
        Assert.NotEqual(Hash(t), ContractHash.Compute(Worker, Agency, "KH", "MY", t, Doc));
    }
}
