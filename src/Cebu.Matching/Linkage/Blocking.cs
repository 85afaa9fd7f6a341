namespace Cebu.Matching.Linkage;

/// <summary>
/// A blocking rule: records that share its key are compared, the others are not. One rule alone misses pairs
/// whose key field holds an error; several rules on different fields, their candidate pairs united, miss only the
/// pairs that have an error in every rule's key. A null or empty key puts the record in no block of that rule.
/// </summary>
public sealed record BlockingRule(string Name, Func<RecordSet, int, string?> Key)
{
    /// <summary>The columns the key reads (empty when unknown), so that a rule can be left out for files that lack one.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>A rule on the concatenated transformed values of some columns; no key when any of them is missing.</summary>
    public static BlockingRule On(string name, params (string Column, Func<string, string> Transform)[] parts) =>
        new(name, (set, row) =>
        {
            var key = new System.Text.StringBuilder();
            foreach (var (column, transform) in parts)
            {
                var v = set.Get(row, column);
                if (v is null) return null;
                var t = transform(v);
                if (t.Length == 0) return null;
                key.Append(t).Append('\u001F');
            }
            return key.ToString();
        }) { Columns = parts.Select(p => p.Column).ToArray() };
}

/// <summary>Candidate pairs from the union of blocking rules, each pair once.</summary>
public static class Blocking
{
    /// <summary>
    /// The candidate pairs, each packed as (left &lt;&lt; 32) | right, sorted. For deduplication (<paramref name="right"/>
    /// the same set as <paramref name="left"/>) only left &lt; right. A block larger than
    /// <paramref name="maxBlockSize"/> on either side is skipped and reported: a key that common (a default
    /// date, a placeholder number) says nothing about identity and would swamp the comparison.
    /// </summary>
    public static long[] CandidatePairs(RecordSet left, RecordSet right, IReadOnlyList<BlockingRule> rules, int maxBlockSize = 1000, Action<string>? log = null)
    {
        var dedup = ReferenceEquals(left, right);
        var pairs = new HashSet<long>();
        foreach (var rule in rules)
        {
            var before = pairs.Count;
            var leftBlocks = Group(left, rule);
            var rightBlocks = dedup ? leftBlocks : Group(right, rule);
            var skipped = 0;
            foreach (var (key, ls) in leftBlocks)
            {
                if (!rightBlocks.TryGetValue(key, out var rs)) continue;
                if (ls.Count > maxBlockSize || rs.Count > maxBlockSize) { skipped++; continue; }
                if (dedup)
                {
                    for (var i = 0; i < ls.Count; i++)
                        for (var j = i + 1; j < ls.Count; j++)
                            pairs.Add(Pack(Math.Min(ls[i], ls[j]), Math.Max(ls[i], ls[j])));
                }
                else
                {
                    foreach (var l in ls)
                        foreach (var r in rs)
                            pairs.Add(Pack(l, r));
                }
            }
            log?.Invoke($"blocking rule {rule.Name}: {pairs.Count - before:N0} new candidate pairs ({pairs.Count:N0} in all){(skipped > 0 ? $", {skipped} oversized blocks skipped" : "")}");
        }
        var result = pairs.ToArray();
        Array.Sort(result);
        return result;
    }

    public static long Pack(int left, int right) => ((long)left << 32) | (uint)right;

    public static int Left(long pair) => (int)(pair >> 32);

    public static int Right(long pair) => (int)(pair & 0xFFFFFFFF);

    private static Dictionary<string, List<int>> Group(RecordSet set, BlockingRule rule)
    {
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < set.Count; i++)
        {
            var key = rule.Key(set, i);
            if (string.IsNullOrEmpty(key)) continue;
            if (!blocks.TryGetValue(key, out var list)) blocks[key] = list = [];
            list.Add(i);
        }
        return blocks;
    }
}

/// <summary>
/// Clusters of matched records: union-find over the pairs at or above the threshold, so that A=B and B=C put A, B
/// and C together (connected components). Path halving and union by size keep it near linear.
/// </summary>
public sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++) { _parent[i] = i; _size[i] = 1; }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    public bool Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b) return false;
        if (_size[a] < _size[b]) (a, b) = (b, a);
        _parent[b] = a;
        _size[a] += _size[b];
        return true;
    }

    /// <summary>The cluster of every element, as the index of its cluster's representative.</summary>
    public int[] Clusters()
    {
        var result = new int[_parent.Length];
        for (var i = 0; i < result.Length; i++) result[i] = Find(i);
        return result;
    }
}
