using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Cebu.Matching;

/// <summary>
/// How many of each character a string holds, in 32 buckets (a-z, digits two to a bucket, everything else in one),
/// computed once per distinct value. Two strings' histograms bound their similarity from above before any costly
/// comparison: Jaro can only match characters both strings hold, and an edit can remove at most one
/// character that the other string lacks. Most pairs a scorer sees are non-matches, and this rejects most of
/// them in a few vector instructions instead of a Jaro-Winkler or an edit-distance table.
/// </summary>
public static class CharHistogram
{
    /// <summary>The histogram of a string (counts saturate at 255).</summary>
    public static Vector256<byte> Of(string text)
    {
        Span<byte> counts = stackalloc byte[32];
        counts.Clear();
        foreach (var c in text)
        {
            var bucket = c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= 'A' and <= 'Z' => c - 'A',
                >= '0' and <= '9' => 26 + (c - '0') / 2,
                _ => 31,
            };
            if (counts[bucket] < 255) counts[bucket]++;
        }
        return Vector256.Create((ReadOnlySpan<byte>)counts);
    }

    /// <summary>
    /// The histogram of a number or code: each digit its own bucket (dates, postcodes and document numbers differ
    /// by one digit, and pairing digits would let too many through), letters two to a bucket.
    /// </summary>
    public static Vector256<byte> OfDigits(string text)
    {
        Span<byte> counts = stackalloc byte[32];
        counts.Clear();
        foreach (var c in text)
        {
            var bucket = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => 10 + (c - 'a') * 21 / 26,
                >= 'A' and <= 'Z' => 10 + (c - 'A') * 21 / 26,
                _ => 31,
            };
            if (counts[bucket] < 255) counts[bucket]++;
        }
        return Vector256.Create((ReadOnlySpan<byte>)counts);
    }

    /// <summary>An upper bound on the characters two strings have in common (Σ of the smaller count per bucket).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Common(Vector256<byte> a, Vector256<byte> b)
    {
        var (lo, hi) = Vector256.Widen(Vector256.Min(a, b));
        return Vector256.Sum(lo + hi);
    }

    /// <summary>
    /// An upper bound on the Jaro-Winkler similarity of two non-empty strings: Jaro with every common character
    /// matched and no transposition, plus the Winkler bonus for the prefix they really share.
    /// </summary>
    public static double JaroWinklerBound(string a, string b, Vector256<byte> ha, Vector256<byte> hb, double prefixScale = 0.1)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == b.Length ? 1 : 0;
        double m = Math.Min(Common(ha, hb), Math.Min(a.Length, b.Length));
        var jaro = m == 0 ? 0 : (m / a.Length + m / b.Length + 1) / 3;
        var prefix = 0;
        for (var i = 0; i < Math.Min(4, Math.Min(a.Length, b.Length)) && a[i] == b[i]; i++) prefix++;
        return jaro + prefix * prefixScale * (1 - jaro);
    }

    /// <summary>A lower bound on the edit distance (Levenshtein or Damerau-Levenshtein) of two strings.</summary>
    public static int EditDistanceBound(int lengthA, int lengthB, Vector256<byte> ha, Vector256<byte> hb) =>
        Math.Max(lengthA, lengthB) - Common(ha, hb);
}
