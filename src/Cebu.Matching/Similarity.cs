namespace Cebu.Matching;

/// <summary>String similarity measures used to compare names, addresses and document numbers.</summary>
public static class Similarity
{
    /// <summary>Jaro-Winkler similarity in [0, 1]; 1 means identical.</summary>
    public static double JaroWinkler(string a, string b, double prefixScale = 0.1)
    {
        var jaro = Jaro(a, b);
        var prefix = 0;
        for (var i = 0; i < Math.Min(4, Math.Min(a.Length, b.Length)) && a[i] == b[i]; i++) prefix++;
        return jaro + prefix * prefixScale * (1 - jaro);
    }

    /// <summary>Jaro similarity in [0, 1].</summary>
    public static double Jaro(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        if (a.Length == 0 || b.Length == 0) return 0;
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> aMatched = a.Length <= 256 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 256 ? stackalloc bool[b.Length] : new bool[b.Length];
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
    public static int Levenshtein(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
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
        var (shortT, longT) = ta.Length <= tb.Length ? (ta, tb) : (tb, ta);
        double total = 0;
        foreach (var s in shortT)
        {
            double best = 0;
            foreach (var l in longT) best = Math.Max(best, JaroWinkler(s, l));
            total += best;
        }
        // A name that covers only part of the other is less alike than one that covers all of it.
        var coverage = (double)shortT.Length / longT.Length;
        return total / shortT.Length * (0.75 + 0.25 * coverage);
    }
}
