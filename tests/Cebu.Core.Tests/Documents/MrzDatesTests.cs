using Cebu.Core.Features.Documents;

namespace Cebu.Core.Tests.Documents;

public class MrzDatesTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);

    [Theory]
    [InlineData(74, 8, 12, 1974)]
    [InlineData(0, 1, 1, 2000)]
    [InlineData(26, 5, 1, 2026)]    // born today
    [InlineData(26, 5, 2, 1926)]    // tomorrow this century has not come yet
    [InlineData(26, 6, 1, 1926)]
    [InlineData(27, 1, 1, 1927)]
    [InlineData(99, 12, 31, 1999)]
    public void A_birth_year_is_the_latest_that_is_not_in_the_future(int yy, int month, int day, int year) =>
        Assert.Equal(year, MrzDates.BirthYear(yy, month, day, Today));

    [Fact]
    public void A_birth_with_unknown_month_and_day_compares_the_year_only()
    {
        Assert.Equal(2026, MrzDates.BirthYear(26, null, null, Today));
        Assert.Equal(1927, MrzDates.BirthYear(27, null, null, Today));
    }

    [Theory]
    [InlineData(12, 2012)]
    [InlineData(36, 2036)]
    [InlineData(75, 2075)]   // today + 49
    [InlineData(76, 1976)]   // today − 50
    [InlineData(99, 1999)]
    [InlineData(0, 2000)]
    public void An_expiry_year_lies_between_50_years_ago_and_49_years_ahead(int yy, int year) =>
        Assert.Equal(year, MrzDates.ExpiryYear(yy, Today));
}
