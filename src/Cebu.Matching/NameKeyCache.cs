namespace Cebu.Matching;

/// <summary>
/// The keys of <see cref="NameKeys.For"/> and <see cref="NameKeys.Pairs"/> (each cut by <see cref="NameFolding.Cut"/>)
/// for many names in a row, as a bulk import computes them: a name is folded once, and each word's prefix and
/// consonant skeleton, and each pair of words' keys, are computed once and reused for every name that has them
/// (among a million workers a few thousand words make every name). Bounded: a table that reaches
/// <see cref="MaxEntries"/> entries starts again empty, so memory does not grow with the number of names.
/// Not thread-safe: one per import.
/// </summary>
public sealed class NameKeyCache
{
    public const int MaxEntries = 200_000;

    private sealed record Word(string Token, string Prefix, string Skeleton, string? PrefixKey, string? SkeletonKey);

    private readonly Dictionary<string, Word> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), (string Q, string R)> _pairs = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<Word> _paired = new(NameKeys.MaxPairedWords);
    private readonly HashSet<string> _pairedTokens = new(StringComparer.Ordinal);

    /// <summary>
    /// The keys of a name already folded by <see cref="NameFolding.Fold"/> (folding is idempotent, so this is the
    /// set <c>NameKeys.For(name).Concat(NameKeys.Pairs(name)).Select(k => NameFolding.Cut(k))</c>), in a new array.
    /// </summary>
    public string[] KeysOfFolded(string folded)
    {
        _keys.Clear();
        _paired.Clear();
        _pairedTokens.Clear();
        if (folded.Length == 0) return [];
        foreach (var token in folded.Split(' '))
        {
            if (token.Length < 2) continue;
            var word = Lookup(token);
            _keys.Add(word.PrefixKey!);
            if (word.SkeletonKey is { } s) _keys.Add(s);
            if (_paired.Count < NameKeys.MaxPairedWords && _pairedTokens.Add(token)) _paired.Add(word);
        }
        for (var i = 0; i < _paired.Count; i++)
            for (var j = i + 1; j < _paired.Count; j++)
            {
                var (q, r) = Pair(_paired[i], _paired[j]);
                _keys.Add(q);
                _keys.Add(r);
            }
        return [.. _keys];
    }

    private Word Lookup(string token)
    {
        if (_words.TryGetValue(token, out var word)) return word;
        if (_words.Count >= MaxEntries) _words.Clear();
        var prefix = token.Length <= 3 ? token : token[..3];
        var skeleton = NameKeys.Skeleton(token);
        word = new Word(token, prefix, skeleton, NameFolding.Cut("p:" + prefix), skeleton.Length >= 2 ? NameFolding.Cut("s:" + skeleton) : null);
        _words[token] = word;
        return word;
    }

    private (string Q, string R) Pair(Word a, Word b)
    {
        if (_pairs.TryGetValue((a.Token, b.Token), out var keys)) return keys;
        if (_pairs.Count >= MaxEntries) _pairs.Clear();
        keys = (NameFolding.Cut("q:" + Ordered(a.Skeleton, b.Skeleton)), NameFolding.Cut("r:" + Ordered(a.Prefix, b.Prefix)));
        _pairs[(a.Token, b.Token)] = keys;
        return keys;
    }

    private static string Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a + "|" + b : b + "|" + a;
}
