using System.Text;

namespace Cebu.Matching;

/// <summary>
/// Person names of the region brought to a form in which the same person compares equal. Burmese names carry an
/// honorific that changes with age and standing (U, Daw, Maung, Ko, Ma, Naw, Saw), Shan and Mon ones a prefix of sex
/// or respect (Sai, Nang, Nai, Mi), Malay and Indonesian ones a patronymic particle (bin, binti), Vietnamese ones a
/// gender middle name (Văn, Thị); none of them tells two people apart as well as the rest of the name, and each is
/// written or left out at the clerk's whim, so they are dropped before comparing. Latin-script romanisations of the
/// same sound (Htun/Tun, Phyu/Pyu, Thida/Tida, Oo/U) are brought to one spelling.
/// </summary>
public static class PersonNames
{
    /// <summary>Titles and honorifics: words that say who one is to others, not who one is.</summary>
    public static readonly IReadOnlySet<string> Honorifics = new HashSet<string>(StringComparer.Ordinal)
    {
        // Myanmar
        "u", "daw", "maung", "mg", "ko", "ma", "naw", "saw", "sayar", "sayama", "dr", "bo", "thakin",
        // Shan, Mon, Karen
        "nai", "nang", "sai", "mi", "mahn",
        // Thai, Lao, Khmer
        "khun", "nangsao", "thao", "lok", "neak",
        // Malay, Indonesian, Filipino
        "encik", "puan", "cik", "haji", "hajah", "hj", "hjh", "dato", "datuk", "datin", "pak", "bu", "ibu", "bapak", "gng",
        // English forms found on passports and forms
        "mr", "mrs", "ms", "miss", "mdm", "madam", "sir",
    };

    /// <summary>Name particles: words that join names (patronymics, gender middle names) rather than name.</summary>
    public static readonly IReadOnlySet<string> Particles = new HashSet<string>(StringComparer.Ordinal)
    {
        "bin", "binti", "bte", "bt", "bn", "binte", "al", "ap", "anak", "ak", "van", "thi", "de", "dela", "del", "dos",
    };

    /// <summary>
    /// The words of a name, folded, with honorifics and particles removed, romanisation variants brought to one
    /// spelling, in their original order. A name made only of such words keeps them all: "Ma" alone is a name.
    /// "Kyaw Htun, Aung" and "Daw Aung San Suu Kyi" both come out as plain words.
    /// </summary>
    public static string[] Normalize(string? name)
    {
        var tokens = NameFolding.Tokens(name);
        if (tokens.Length == 0) return tokens;
        var kept = new List<string>(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            // Only leading honorifics are titles ("U Aung", but "Aung U" is not rare as a given name end); particles anywhere.
            if (Particles.Contains(t)) continue;
            if (kept.Count == 0 && Honorifics.Contains(t) && i < tokens.Length - 1) continue;
            kept.Add(Romanise(t));
        }
        if (kept.Count == 0) return tokens.Select(Romanise).ToArray();
        return kept.ToArray();
    }

    /// <summary>The normalised name as one string, its words in sorted order, so that reordered names are equal.</summary>
    public static string Canonical(string? name)
    {
        var words = Normalize(name);
        Array.Sort(words, StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    /// <summary>
    /// One spelling for sounds romanised several ways in the region: aspirated consonants written with or without h
    /// (ph, th, kh, ht, hl, hm, hn), doubled vowels (oo/u, ee/i), y and i as vowels, ou/u, and doubled consonants.
    /// Works on one folded word; words in unspaced scripts are returned unchanged.
    /// </summary>
    public static string Romanise(string token)
    {
        if (token.Length == 0 || NameFolding.IsUnspacedScript(token)) return token;
        var sb = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            // Aspiration marks: "ph" "th" "kh" "gh" "dh" "bh" -> the plain consonant; "ht" "hl" "hm" "hn" "hs" -> drop the h.
            if (next == 'h' && c is 'p' or 't' or 'k' or 'g' or 'd' or 'b') { sb.Append(c); i++; continue; }
            if (c == 'h' && sb.Length == 0 && next is 't' or 'l' or 'm' or 'n' or 's' or 'w') continue;
            if (c == 'o' && next == 'o') { sb.Append('u'); i++; continue; }
            if (c == 'e' && next == 'e') { sb.Append('i'); i++; continue; }
            if (c == 'o' && next == 'u') { sb.Append('u'); i++; continue; }
            if (c == 'y' && sb.Length > 0 && !IsVowel(next)) { sb.Append('i'); continue; }
            if (sb.Length > 0 && sb[^1] == c && !IsVowel(c)) continue; // doubled consonants
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Similarity of two full names in [0, 1] whatever the order of their words, after normalisation: honorifics and
    /// particles gone, romanisations aligned. A single name against a longer one scores lower than the same words.
    /// </summary>
    public static double Compare(string? a, string? b)
    {
        var ta = Normalize(a);
        var tb = Normalize(b);
        if (ta.Length == 0 || tb.Length == 0) return 0;
        // The words in order once: equal sorted words are the same name (Canonical), and run together ("Aungkyaw Htun")
        // they are compared whole as well as word by word.
        var sortedA = ta.Order(StringComparer.Ordinal).ToArray();
        var sortedB = tb.Order(StringComparer.Ordinal).ToArray();
        if (sortedA.AsSpan().SequenceEqual(sortedB)) return 1;
        var joinedA = string.Concat(sortedA);
        var joinedB = string.Concat(sortedB);
        var joined = string.Concat(ta) == string.Concat(tb) ? 1.0 : Similarity.JaroWinkler(joinedA, joinedB) * 0.95;
        return Math.Max(Similarity.TokenSet(ta, tb), joined);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}

/// <summary>
/// Phonetic keys: words that sound alike get the same key, so that blocking finds them and a comparison level
/// can reward them. Soundex for the English-derived spellings of data sets such as FEBRL; the regional consonant
/// skeleton (<see cref="NameKeys.Skeleton"/>) for the romanisations of Burmese, Thai, Khmer and Vietnamese names.
/// </summary>
public static class Phonetic
{
    /// <summary>American Soundex: first letter and three digits ("robert" and "rupert" give r163).</summary>
    public static string Soundex(string? word)
    {
        var folded = NameFolding.Key(word);
        Span<char> key = stackalloc char[4];
        var n = 0;
        var last = '\0';
        foreach (var c in folded)
        {
            if (c is < 'a' or > 'z') continue;
            var code = c switch
            {
                'b' or 'f' or 'p' or 'v' => '1',
                'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
                'd' or 't' => '3',
                'l' => '4',
                'm' or 'n' => '5',
                'r' => '6',
                'h' or 'w' => '\0', // transparent: the same code on both sides counts once
                _ => '0',           // vowels separate repeated codes
            };
            if (n == 0) { key[n++] = c; last = code; continue; }
            if (code == '\0') continue;
            if (code != '0' && code != last) { key[n++] = code; if (n == 4) break; }
            last = code;
        }
        if (n == 0) return "";
        while (n < 4) key[n++] = '0';
        return new string(key);
    }

    /// <summary>The regional key of a word: romanisation variants aligned, then its consonant skeleton.</summary>
    public static string Regional(string? word)
    {
        var folded = NameFolding.Key(word);
        return folded.Length == 0 ? "" : NameKeys.Skeleton(PersonNames.Romanise(folded));
    }
}
