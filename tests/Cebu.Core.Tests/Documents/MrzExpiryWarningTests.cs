using Cebu.Core.Features.Documents;
using static Cebu.Core.Tests.Documents.Specimens;

namespace Cebu.Core.Tests.Documents;

/// <summary>Expired and soon-to-expire documents are valid MRZs with a warning, not errors.</summary>
public class MrzExpiryWarningTests
{
    private static MrzResult ExpiringOn(DateOnly expiry, MrzParseOptions? options = null) =>
        Parse(Td3Line1 + "\n" + Td3Lower(expiry: MrzDates.ToMrz(expiry)), Today, options);

    [Fact]
    public void A_document_that_expired_yesterday_is_flagged_as_expired()
    {
        var r = ExpiringOn(Today.AddDays(-1));

        Assert.True(r.IsValid);
        Assert.True(r.IsExpired);
        Assert.False(r.IsExpiringSoon);
        var warning = Assert.Single(r.Warnings);
        Assert.Equal(MrzIssueCode.Expired, warning.Code);
        Assert.Equal("the document expired on 2026-04-30, 1 day ago", warning.Message);
    }

    [Fact]
    public void A_document_that_expires_today_is_not_yet_expired_but_expiring()
    {
        var r = ExpiringOn(Today);

        Assert.False(r.IsExpired);
        Assert.True(r.IsExpiringSoon);
        Assert.Equal("the document expires today (2026-05-01)", Assert.Single(r.Warnings).Message);
    }

    [Fact]
    public void A_document_that_expires_within_180_days_is_flagged_as_expiring_soon()
    {
        var r = ExpiringOn(Today.AddDays(180));

        Assert.True(r.IsValid);
        Assert.True(r.IsExpiringSoon);
        var warning = Assert.Single(r.Warnings);
        Assert.Equal(MrzIssueCode.ExpiringSoon, warning.Code);
        Assert.Equal(MrzField.DateOfExpiry, warning.Field);
        Assert.Equal("the document expires on 2026-10-28, in 180 days", warning.Message);
    }

    [Fact]
    public void A_document_that_expires_in_181_days_has_no_warning()
    {
        var r = ExpiringOn(Today.AddDays(181));

        Assert.True(r.IsValid);
        Assert.False(r.IsExpiringSoon);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void The_expiring_soon_period_is_configurable()
    {
        var options = new MrzParseOptions { ExpiringSoonDays = 30 };

        Assert.False(ExpiringOn(Today.AddDays(31), options).IsExpiringSoon);
        Assert.True(ExpiringOn(Today.AddDays(30), options).IsExpiringSoon);
    }
}
