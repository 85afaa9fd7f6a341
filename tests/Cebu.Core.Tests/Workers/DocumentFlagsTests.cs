using Cebu.Core.Features.Workers;

namespace Cebu.Core.Tests.Workers;

public class DocumentFlagsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Expired_passport_and_soon_expiring_permit_are_flagged()
    {
        var w = new Worker { PassportExpiry = Today.AddDays(-1), WorkPermitExpiry = Today.AddDays(20) };
        var flags = DocumentFlags.For(w, Today);
        Assert.Contains(flags, f => f.Document == "passport" && f.Level == FlagLevel.Expired);
        Assert.Contains(flags, f => f.Document == "work permit" && f.Level == FlagLevel.ExpiresSoon && f.Message.Contains("in 20 days"));
    }

    [Fact]
    public void Documents_valid_for_long_are_not_flagged() =>
        Assert.Empty(DocumentFlags.For(new Worker { PassportExpiry = Today.AddYears(3), WorkPermitExpiry = Today.AddYears(1) }, Today));

    [Fact]
    public void Permit_of_a_worker_who_has_returned_is_not_flagged() =>
        Assert.Empty(DocumentFlags.For(new Worker { WorkPermitExpiry = Today.AddDays(-3), ReturnedOn = Today.AddDays(-30) }, Today));
}
