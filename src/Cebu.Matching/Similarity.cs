namespace Cebu.Matching;

/// <summary>
/// String similarity measures used to compare names, addresses and document numbers. Each measure has a span
/// overload that allocates nothing for strings up to 256 characters, so that the pair scorer can call it millions
/// of times a second without feeding the garbage collector.
/// </summary>
public static class Similarity
{
    private const int StackLimit = 256;

    /// <summary>Jaro-Winkler similarity in [0, 1]; 1 means identical.</summary>
    public static double JaroWinkler(string a, string b, double prefixScale = 0.1) => JaroWinkler(a.AsSpan(), b.AsSpan(), prefixScale);

    /// <summary>Jaro-Winkler similarity in [0, 1]: Jaro raised for a shared prefix of up to four characters.</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double prefixScale = 0.1)
    {
        var jaro = Jaro(a, b);
        var prefix = 0;
        for (var i = 0; i < Math.Min(4, Math.Min(a.Length, b.Length)) && a[i] == b[i]; i++) prefix++;
        return jaro + prefix * prefixScale * (1 - jaro);
    }

    /// <summary>Jaro similarity in [0, 1].</summary>
    public static double Jaro(string a, string b) => Jaro(a.AsSpan(), b.AsSpan());

    /// <summary>Jaro similarity in [0, 1]: shared characters within a window, penalised for transpositions.</summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        if (a.Length == 0 || b.Length == 0) return 0;
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> aMatched = a.Length <= StackLimit ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= StackLimit ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var start = Math.Max(0, i - window);
            var end = Math.Min(i + window + 1, b.Length);
            for (var j = start; j < end; j++)
            {
                if (bMatched[j] || a[i] != b[j]) continue;
                aMatched[i] = bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;
        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatched[i]) continue;
            while (!bMatched[k]) k++;
            if (a[i] != b[k]) transpositions++;
            k++;
        }
        double m = matches;
        return (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
    }

    /// <summary>Levenshtein edit distance (insertions, deletions, substitutions).</summary>
    public static int Levenshtein(string a, string b) => Levenshtein(a.AsSpan(), b.AsSpan());

    /// <summary>Levenshtein edit distance (insertions, deletions, substitutions), two rows on the stack.</summary>
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        Span<int> previous = b.Length < StackLimit ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < StackLimit ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }

    /// <summary>
    /// Damerau-Levenshtein distance in its optimal-string-alignment form: Levenshtein plus the transposition of two
    /// adjacent characters as one edit, the commonest typing error ("Htnu" for "Htun", "19081290" for "19081209").
    /// </summary>
    public static int DamerauLevenshtein(string a, string b) => DamerauLevenshtein(a.AsSpan(), b.AsSpan());

    /// <summary>Damerau-Levenshtein (optimal string alignment) distance, three rows on the stack.</summary>
    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var n = b.Length + 1;
        Span<int> rows = n * 3 <= StackLimit * 3 ? stackalloc int[n * 3] : new int[n * 3];
        var before = rows[..n];
        var previous = rows.Slice(n, n);
        var current = rows.Slice(2 * n, n);
        for (var j = 0; j < n; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j < n; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                current[j] = d;
            }
            var t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return previous[b.Length];
    }

    /// <summary>
    /// Damerau-Levenshtein (optimal string alignment) distance when it is at most <paramref name="max"/>, otherwise
    /// max + 1: only the diagonal band |i - j| &lt;= max is computed, and the computation stops as soon as a whole
    /// row exceeds max. A comparison level only asks "one edit? two?", and most pairs are far apart.
    /// </summary>
    public static int DamerauLevenshteinWithin(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length);
        var over = max + 1;
        var n = b.Length + 1;
        Span<int> rows = n <= StackLimit ? stackalloc int[n * 3] : new int[n * 3];
        rows.Fill(over);
        var before = rows[..n];
        var previous = rows.Slice(n, n);
        var current = rows.Slice(2 * n, n);
        for (var j = 0; j < n && j <= max; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var lo = Math.Max(1, i - max);
            var hi = Math.Min(b.Length, i + max);
            current[0] = i <= max ? i : over;
            if (lo > 1) current[lo - 1] = over;
            var rowMin = current[0];
            for (var j = lo; j <= hi; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                current[j] = Math.Min(d, over);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (hi < b.Length) current[hi + 1] = over;
            if (rowMin > max) return over;
            var t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return Math.Min(previous[b.Length], over);
    }

    /// <summary>
    /// Compares two names word by word, whatever their order: each word of the shorter name is paired with its
    /// most similar word of the other (Jaro-Winkler), and the mean is taken. Case, accents, punctuation and
    /// word order do not count.
    /// </summary>
    public static double TokenSet(string? a, string? b)
    {
        var ta = NameFolding.Tokens(a);
        var tb = NameFolding.Tokens(b);
        if (ta.Length == 0 || tb.Length == 0) return 0;
        if (NameFolding.Key(a) == NameFolding.Key(b)) return 1;
        return TokenSet(ta, tb);
    }

    /// <summary>
    /// Token-set similarity of two names already split into words: each word of the shorter name is paired with its
    /// most similar word of the other, and the mean is lowered when the shorter name covers only part of the longer
    /// one ("Aung" against "Aung Kyaw Htun" is a single name, not the same name).
    /// </summary>
    public static double TokenSet(IReadOnlyList<string> ta, IReadOnlyList<string> tb)
    {
        if (ta.Count == 0 || tb.Count == 0) return 0;
        var (shortT, longT) = ta.Count <= tb.Count ? (ta, tb) : (tb, ta);
        double total = 0;
        // Indexed loops: foreach over an IReadOnlyList would box its enumerator on every call.
        for (var i = 0; i < shortT.Count; i++)
        {
            double best = 0;
            for (var j = 0; j < longT.Count; j++) best = Math.Max(best, JaroWinkler(shortT[i], longT[j]));
            total += best;
        }
        // A name that covers only part of the other is less alike than one that covers all of it.
        var coverage = (double)shortT.Count / longT.Count;
        return total / shortT.Count * (0.75 + 0.25 * coverage);
    }
}
