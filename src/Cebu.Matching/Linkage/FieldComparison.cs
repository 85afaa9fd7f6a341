namespace Cebu.Matching.Linkage;

/// <summary>
/// How one field of two records is compared: a small number of ordered levels, from "missing" (level 0, which
/// carries no evidence either way) and "different" (level 1) up to "exact" (the last level). The Fellegi-Sunter
/// model learns how likely each level is among matches (m) and non-matches (u). Comparing is split in two: a
/// preparation step that folds, parses and interns every value once per record, and a per-pair step that only
/// reads the prepared columns and allocates nothing.
/// </summary>
public abstract class FieldComparison(string name, string column)
{
    /// <summary>The name under which the field's levels and weights are reported.</summary>
    public string Name { get; } = name;

    /// <summary>The column the field is read from.</summary>
    public string Column { get; } = column;

    /// <summary>The names of the levels, level 0 first ("missing"), the exact level last.</summary>
    public abstract IReadOnlyList<string> LevelNames { get; }

    public int LevelCount => LevelNames.Count;

    /// <summary>
    /// Whether exact agreement is weighted by how common the value is: two records that agree on a rare surname
    /// are likelier the same person than two that agree on the commonest one.
    /// </summary>
    public bool TermFrequencyAdjusted { get; init; }

    /// <summary>The folded form of a raw value under which equal values are interned (empty when missing).</summary>
    protected virtual string Normalise(string? raw) => NameFolding.Fold(raw);

    /// <summary>Folds and interns the values of both sides (the same set twice for deduplication).</summary>
    public PreparedField Prepare(RecordSet left, RecordSet right)
    {
        var interned = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 0 };
        var values = new List<string> { "" };
        var counts = new List<int> { 0 };
        int[] Intern(RecordSet set)
        {
            var column = set.Column(Column);
            var ids = new int[column.Length];
            for (var i = 0; i < column.Length; i++)
            {
                var v = Normalise(column[i]);
                if (!interned.TryGetValue(v, out var id))
                {
                    id = values.Count;
                    interned[v] = id;
                    values.Add(v);
                    counts.Add(0);
                }
                ids[i] = id;
            }
            return ids;
        }
        var leftIds = Intern(left);
        var rightIds = ReferenceEquals(left, right) ? leftIds : Intern(right);
        foreach (var id in leftIds) counts[id]++;
        if (!ReferenceEquals(leftIds, rightIds)) foreach (var id in rightIds) counts[id]++;
        return Create(leftIds, rightIds, values.ToArray(), counts.ToArray());
    }

    /// <summary>Builds the per-pair comparer over interned values (id 0 is the missing value).</summary>
    protected abstract PreparedField Create(int[] leftIds, int[] rightIds, string[] values, int[] counts);
}

/// <summary>
/// A field ready to compare pairs: every record's value reduced to an id (equal ids, equal values), with whatever
/// the comparison precomputed per distinct value.
/// </summary>
public abstract class PreparedField(int[] leftIds, int[] rightIds, string[] values, int[] counts, int exactLevel)
{
    protected readonly int[] LeftIds = leftIds;
    protected readonly int[] RightIds = rightIds;
    protected readonly string[] Values = values;

    /// <summary>Per distinct value, its character histogram (see <see cref="CharHistogram"/>), for quick rejection.</summary>
    protected readonly System.Runtime.Intrinsics.Vector256<byte>[] Histograms = values.Select(v => v.Length > 0 && char.IsAsciiDigit(v[0]) ? CharHistogram.OfDigits(v) : CharHistogram.Of(v)).ToArray();

    /// <summary>How many records hold each distinct value (id 0, the missing value, excluded from frequencies).</summary>
    public int[] Counts { get; } = counts;

    /// <summary>The level meaning exact agreement.</summary>
    public int ExactLevel { get; } = exactLevel;

    /// <summary>The value id of a left record, to look its term frequency up.</summary>
    public int LeftId(int left) => LeftIds[left];

    /// <summary>The level of agreement of a left and a right record.</summary>
    public int Compare(int left, int right)
    {
        var a = LeftIds[left];
        var b = RightIds[right];
        if (a == 0 || b == 0) return 0;
        if (a == b) return ExactLevel;
        return CompareDistinct(a, b);
    }

    /// <summary>The level of two present, different values (by id).</summary>
    protected abstract int CompareDistinct(int a, int b);
}

/// <summary>Exact agreement or not (a state, a sex, a nationality).</summary>
public sealed class ExactComparison(string name, string column) : FieldComparison(name, column)
{
    private static readonly string[] Levels = ["missing", "different", "exact"];

    public override IReadOnlyList<string> LevelNames => Levels;

    protected override PreparedField Create(int[] leftIds, int[] rightIds, string[] values, int[] counts) => new Prepared(leftIds, rightIds, values, counts);

    private sealed class Prepared(int[] l, int[] r, string[] v, int[] c) : PreparedField(l, r, v, c, 2)
    {
        protected override int CompareDistinct(int a, int b) => 1;
    }
}

/// <summary>
/// Text compared by Jaro-Winkler similarity at a few thresholds (addresses, place names). With
/// <c>ignoreSpaces</c> the words are run together first, because "pridhamstreet" and "pridham street" are one
/// street.
/// </summary>
public sealed class TextComparison : FieldComparison
{
    private readonly double[] _thresholds;
    private readonly bool _ignoreSpaces;
    private readonly string[] _levels;

    /// <param name="thresholds">Jaro-Winkler thresholds, ascending; each makes a level between "different" and "exact".</param>
    public TextComparison(string name, string column, double[] thresholds, bool ignoreSpaces = false) : base(name, column)
    {
        _thresholds = thresholds.Order().ToArray();
        _ignoreSpaces = ignoreSpaces;
        _levels = ["missing", "different", .. _thresholds.Select(t => $"jaro-winkler >= {t:0.##}"), "exact"];
    }

    public override IReadOnlyList<string> LevelNames => _levels;

    protected override string Normalise(string? raw) => _ignoreSpaces ? NameFolding.Key(raw) : NameFolding.Fold(raw);

    protected override PreparedField Create(int[] leftIds, int[] rightIds, string[] values, int[] counts) =>
        new Prepared(leftIds, rightIds, values, counts, _thresholds);

    private sealed class Prepared(int[] l, int[] r, string[] v, int[] c, double[] thresholds) : PreparedField(l, r, v, c, thresholds.Length + 2)
    {
        protected override int CompareDistinct(int a, int b)
        {
            if (CharHistogram.JaroWinklerBound(Values[a], Values[b], Histograms[a], Histograms[b]) < thresholds[0]) return 1;
            var s = Similarity.JaroWinkler(Values[a].AsSpan(), Values[b].AsSpan());
            for (var k = thresholds.Length - 1; k >= 0; k--)
                if (s >= thresholds[k]) return k + 2;
            return 1;
        }
    }
}

/// <summary>
/// Short codes and numbers compared by Damerau-Levenshtein distance (a street number, a postcode): one or two
/// mistyped or transposed characters are levels of their own.
/// </summary>
public sealed class EditDistanceComparison : FieldComparison
{
    private readonly int _maxEdits;
    private readonly string[] _levels;

    public EditDistanceComparison(string name, string column, int maxEdits = 1) : base(name, column)
    {
        _maxEdits = maxEdits;
        _levels = ["missing", "different", .. Enumerable.Range(1, maxEdits).Reverse().Select(e => $"{e} edit(s)"), "exact"];
    }

    public override IReadOnlyList<string> LevelNames => _levels;

    protected override string Normalise(string? raw) => NameFolding.Key(raw);

    protected override PreparedField Create(int[] leftIds, int[] rightIds, string[] values, int[] counts) =>
        new Prepared(leftIds, rightIds, values, counts, _maxEdits);

    private sealed class Prepared(int[] l, int[] r, string[] v, int[] c, int maxEdits) : PreparedField(l, r, v, c, maxEdits + 2)
    {
        protected override int CompareDistinct(int a, int b)
        {
            var x = Values[a];
            var y = Values[b];
            if (CharHistogram.EditDistanceBound(x.Length, y.Length, Histograms[a], Histograms[b]) > maxEdits) return 1;
            var d = Similarity.DamerauLevenshteinWithin(x.AsSpan(), y.AsSpan(), maxEdits);
            return d <= maxEdits ? maxEdits + 2 - d : 1;
        }
    }
}

/// <summary>Dates (of birth, of issue) with the levels of <see cref="Dates.Agreement"/>, day-month swaps included.</summary>
public sealed class DateComparison(string name, string column) : FieldComparison(name, column)
{
    private static readonly string[] Levels = Enum.GetNames<Dates.Agreement>().Select(n => n.ToLowerInvariant()).ToArray();

    public override IReadOnlyList<string> LevelNames => Levels;

    /// <summary>Dates are interned by their parsed value, so "1990-02-01" and "19900201" are the same value.</summary>
    protected override string Normalise(string? raw) => Dates.Parse(raw) is var d and > 0 ? d.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) : "";

    protected override PreparedField Create(int[] leftIds, int[] rightIds, string[] values, int[] counts) => new Prepared(leftIds, rightIds, values, counts);

    private sealed class Prepared : PreparedField
    {
        private readonly int[] _dates;

        public Prepared(int[] l, int[] r, string[] v, int[] c) : base(l, r, v, c, (int)Dates.Agreement.Exact) =>
            _dates = v.Select(s => s.Length == 0 ? 0 : int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        protected override int CompareDistinct(int a, int b)
        {
            int x = _dates[a], y = _dates[b];
            int ya = x / 10000, yb = y / 10000;
            if (ya == yb && x / 100 % 100 == y % 100 && x % 100 == y / 100 % 100) return (int)Dates.Agreement.DayMonthSwapped;
            // The edit distance of the eight digits (already a string: the interned value), unless the histograms
            // show it is more than two.
            var edits = CharHistogram.EditDistanceBound(8, 8, Histograms[a], Histograms[b]) > 2 ? 3 : Similarity.DamerauLevenshteinWithin(Values[a].AsSpan(), Values[b].AsSpan(), 2);
            if (edits <= 1) return (int)Dates.Agreement.OneEdit;
            if (edits == 2) return (int)Dates.Agreement.TwoEdits;
            return ya == yb ? (int)Dates.Agreement.SameYear : (int)Dates.Agreement.Different;
        }
    }
}

/// <summary>Document numbers with the levels of <see cref="DocumentNumbers.Agreement"/>, look-alike characters included.</summary>
public sealed class DocumentNumberComparison(string name, string column) : FieldComparison(name, column)
{
    private static readonly string[] Levels = Enum.GetNames<DocumentNumbers.Agreement>().Select(n => n.ToLowerInvariant()).ToArray();

    public override IReadOnlyList<string> LevelNames => Levels;

    protected override string Normalise(string? raw) => DocumentNumbers.Clean(raw);

    protected override PreparedField Create(int[] leftIds, int[] rightIds, string[] values, int[] counts) => new Prepared(leftIds, rightIds, values, counts);

    private sealed class Prepared : PreparedField
    {
        private readonly string[] _folded;
        private readonly System.Runtime.Intrinsics.Vector256<byte>[] _foldedHistograms;

        public Prepared(int[] l, int[] r, string[] v, int[] c) : base(l, r, v, c, (int)DocumentNumbers.Agreement.Exact)
        {
            _folded = v.Select(s => DocumentNumbers.FoldLookAlikes(s)).ToArray();
            _foldedHistograms = _folded.Select(CharHistogram.OfDigits).ToArray();
        }

        protected override int CompareDistinct(int a, int b)
        {
            // Look-alike letters fold to digits, so the folded histograms are the ones that bound the edits.
            if (CharHistogram.EditDistanceBound(_folded[a].Length, _folded[b].Length, _foldedHistograms[a], _foldedHistograms[b]) > 2)
                return (int)DocumentNumbers.Agreement.Different;
            return (int)DocumentNumbers.Compare(Values[a], Values[b], _folded[a], _folded[b]);
        }
    }
}

/// <summary>
/// Person names: honorifics and particles dropped, romanisations aligned, words in any order
/// (<see cref="PersonNames"/>). Levels: missing, different, similar (Jaro-Winkler or token-set at or above the
/// lower threshold), close (at or above the higher threshold, or the same phonetic key), exact (the same
/// normalised words). A name column with one word per record (a given name) works the same way.
/// </summary>
public sealed class NameComparison(string name, string column, double similar = 0.80, double close = 0.92) : FieldComparison(name, column)
{
    private readonly string[] _levels = ["missing", "different", $"similar >= {similar:0.##}", $"close >= {close:0.##} or sounds alike", "exact"];

    public override IReadOnlyList<string> LevelNames => _levels;

    /// <summary>The normalised words in their written order: word order is dealt with per pair, and the written order
    /// is what shows a name split or run together ("soph ie" and "sophie").</summary>
    protected override string Normalise(string? raw) => string.Join(' ', PersonNames.Normalize(raw));

    protected override PreparedField Create(int[] leftIds, int[] rightIds, string[] values, int[] counts) =>
        new Prepared(leftIds, rightIds, values, counts, similar, close);

    private sealed class Prepared : PreparedField
    {
        private readonly string[][] _words;
        private readonly string[] _joined;
        private readonly int[] _sound;
        private readonly int[] _sortedId;
        private readonly System.Runtime.Intrinsics.Vector256<byte>[] _joinedHistograms;
        private readonly double _similar;
        private readonly double _close;

        public Prepared(int[] l, int[] r, string[] v, int[] c, double similar, double close) : base(l, r, v, c, 4)
        {
            _similar = similar;
            _close = close;
            _words = v.Select(s => s.Length == 0 ? [] : s.Split(' ')).ToArray();
            _joined = _words.Select(w => string.Concat(w)).ToArray();
            var sorted = new Dictionary<string, int>(StringComparer.Ordinal);
            _sortedId = _words.Select(w => string.Join(' ', w.Order(StringComparer.Ordinal)))
                .Select(k => sorted.TryGetValue(k, out var id) ? id : sorted[k] = sorted.Count).ToArray();
            var sounds = new Dictionary<string, int>(StringComparer.Ordinal);
            _sound = _words.Select(w => string.Join(' ', w.Select(x => Phonetic.Soundex(x)).Order(StringComparer.Ordinal)))
                .Select(k => sounds.TryGetValue(k, out var id) ? id : sounds[k] = sounds.Count).ToArray();
            _joinedHistograms = _joined.Select(CharHistogram.Of).ToArray();
        }

        protected override int CompareDistinct(int a, int b)
        {
            // The same words in another order, or run together or split differently: the same name.
            if (_sortedId[a] == _sortedId[b] || _joined[a] == _joined[b]) return 4;
            var soundAlike = _sound[a] == _sound[b];
            // Single words that cannot reach the lower threshold and do not sound alike: different, without Jaro-Winkler.
            if (!soundAlike && _words[a].Length == 1 && _words[b].Length == 1
                && CharHistogram.JaroWinklerBound(_joined[a], _joined[b], _joinedHistograms[a], _joinedHistograms[b]) < _similar) return 1;
            var wa = _words[a];
            var wb = _words[b];
            var s = wa.Length == 1 && wb.Length == 1
                ? Similarity.JaroWinkler(wa[0].AsSpan(), wb[0].AsSpan())
                : Math.Max(Similarity.TokenSet(wa, wb), Similarity.JaroWinkler(_joined[a].AsSpan(), _joined[b].AsSpan()) * 0.95);
            if (s >= _close || soundAlike) return 3;
            return s >= _similar ? 2 : 1;
        }
    }
}
