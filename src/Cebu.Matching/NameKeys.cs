using System.Text;

namespace Cebu.Matching;

/// <summary>
/// Blocking keys for finding a person by name among many: a record and a query that share a key are compared in
/// full. Two kinds per word: its first three letters (catches errors late in a word) and its consonant skeleton
/// (catches the romanisation variants common in the region: Htun/Tun, Thida/Tida, Phyu/Pyu, Nguyen/Nguyễn).
/// </summary>
public static class NameKeys
{
    public static IEnumerable<string> For(string? name)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in NameFolding.Tokens(name))
        {
            if (token.Length < 2) continue;
            keys.Add("p:" + (token.Length <= 3 ? token : token[..3]));
            var skeleton = Skeleton(token);
            if (skeleton.Length >= 2) keys.Add("s:" + skeleton);
        }
        return keys;
    }

    /// <summary>At most this many words of a name make pairs (a name of five words has ten pairs).</summary>
    public const int MaxPairedWords = 5;

    /// <summary>
    /// Keys for two words of the name together, in either order: the pair of their consonant skeletons ("q:") and
    /// of their first three letters ("r:"). Among a million people a single word such as "Nguyen" or "Aung" names a
    /// hundred thousand of them, but two words together name a few, so a search reads the pairs first; one typo
    /// changes at most one word, and the pairs that do not involve it (or its other key) still match.
    /// </summary>
    public static IEnumerable<string> Pairs(string? name)
    {
        var words = NameFolding.Tokens(name).Where(t => t.Length >= 2).Distinct(StringComparer.Ordinal).Take(MaxPairedWords)
            .Select(t => (Skeleton: Skeleton(t), Prefix: t.Length <= 3 ? t : t[..3])).ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
            for (var j = i + 1; j < words.Count; j++)
            {
                keys.Add("q:" + Ordered(words[i].Skeleton, words[j].Skeleton));
                keys.Add("r:" + Ordered(words[i].Prefix, words[j].Prefix));
            }
        return keys;
    }

    private static string Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a + "|" + b : b + "|" + a;

    /// <summary>The word without vowels and silent h, digraphs simplified, repeated letters collapsed; the first letter kept.</summary>
    public static string Skeleton(string token)
    {
        if (NameFolding.IsUnspacedScript(token)) return token;
        var t = token.Replace("ph", "p").Replace("th", "t").Replace("kh", "k").Replace("gh", "g").Replace("sh", "s").Replace("ht", "t").Replace("hn", "n").Replace("hm", "m").Replace("ny", "n");
        var sb = new StringBuilder(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' or 'h';
            if (i > 0 && vowel) continue;
            if (sb.Length > 0 && sb[^1] == c) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
