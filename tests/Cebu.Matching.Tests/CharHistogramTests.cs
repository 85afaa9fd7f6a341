namespace Cebu.Matching.Tests;

/// <summary>The quick rejections must never reject a pair the full comparison would accept.</summary>
public class CharHistogramTests
{
    private static string RandomWord(Random r, string alphabet, int min, int max) =>
        new(Enumerable.Range(0, r.Next(min, max + 1)).Select(_ => alphabet[r.Next(alphabet.Length)]).ToArray());

    [Fact]
    public void Jaro_winkler_bound_is_never_below_the_similarity()
    {
        var r = new Random(1);
        for (var i = 0; i < 20_000; i++)
        {
            var a = RandomWord(r, "aeiourstnlmkh ", 1, 12);
            var b = r.Next(3) == 0 ? a[..^1] + "x" : RandomWord(r, "aeiourstnlmkh ", 1, 12);
            var bound = CharHistogram.JaroWinklerBound(a, b, CharHistogram.Of(a), CharHistogram.Of(b));
            Assert.True(bound >= Similarity.JaroWinkler(a, b) - 1e-12, $"{a} / {b}");
        }
    }

    [Fact]
    public void Edit_distance_bound_is_never_above_the_distance()
    {
        var r = new Random(2);
        for (var i = 0; i < 20_000; i++)
        {
            var a = RandomWord(r, "0123456789OSB", 1, 9);
            var b = r.Next(3) == 0 ? a.Length > 1 ? a[1..] + a[0] : a : RandomWord(r, "0123456789OSB", 1, 9);
            foreach (var of in new Func<string, System.Runtime.Intrinsics.Vector256<byte>>[] { CharHistogram.Of, CharHistogram.OfDigits })
                Assert.True(CharHistogram.EditDistanceBound(a.Length, b.Length, of(a), of(b)) <= Similarity.DamerauLevenshtein(a, b), $"{a} / {b}");
        }
    }

    [Fact]
    public void Banded_edit_distance_agrees_with_the_full_one_up_to_its_limit()
    {
        var r = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            var a = RandomWord(r, "01234", 0, 9);
            var b = r.Next(2) == 0 ? RandomWord(r, "01234", 0, 9) : a.Length > 2 ? a[..1] + a[2] + a[1] + a[3..] + "4" : a + "1";
            var max = r.Next(0, 4);
            var full = Similarity.DamerauLevenshtein(a, b);
            Assert.Equal(Math.Min(full, max + 1), Similarity.DamerauLevenshteinWithin(a, b, max));
        }
    }

    [Fact]
    public void Bound_rejects_unrelated_names() =>
        Assert.True(CharHistogram.JaroWinklerBound("harrington", "mccoy", CharHistogram.Of("harrington"), CharHistogram.Of("mccoy")) < 0.8);
}
