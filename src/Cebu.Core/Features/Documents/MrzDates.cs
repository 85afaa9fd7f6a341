using System.Globalization;

namespace Cebu.Core.Features.Documents;

/// <summary>
/// The MRZ writes years with two digits (YYMMDD). These rules choose the century.
/// </summary>
public static class MrzDates
{
    /// <summary>
    /// Date of birth: the latest century that does not put the birth after <paramref name="today"/>.
    /// A birth in YY of the current century is taken when that date has already come (a baby born this year),
    /// otherwise the previous century. Consequence: nobody is read as older than 100 years, which the
    /// two-digit MRZ cannot express anyway. <paramref name="month"/> and <paramref name="day"/> may be null
    /// when unknown (the MRZ shows &lt;&lt;); then only the year is compared.
    /// </summary>
    public static int BirthYear(int yy, int? month, int? day, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yy);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yy, 99);
        var year = today.Year - today.Year % 100 + yy;
        var later = year > today.Year
            || (year == today.Year && month is { } m && (m > today.Month || (m == today.Month && day is { } d && d > today.Day)));
        return later ? year - 100 : year;
    }

    /// <summary>
    /// Date of expiry: the one year ending in YY within [today − 50 years, today + 49 years].
    /// Passports are valid for at most about 10 years, so nothing real expires 50 years ahead, while a
    /// document that expired decades ago (an old passport presented as proof) is still read in the right century.
    /// </summary>
    public static int ExpiryYear(int yy, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yy);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yy, 99);
        var year = today.Year - today.Year % 100 + yy;
        if (year > today.Year + 49) year -= 100;
        else if (year < today.Year - 50) year += 100;
        return year;
    }

    /// <summary>YYMMDD as printed in the MRZ.</summary>
    public static string ToMrz(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
