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
