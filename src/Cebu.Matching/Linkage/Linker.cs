using System.Diagnostics;

namespace Cebu.Matching.Linkage;

/// <summary>One model configuration: the fields compared, the blocking rules, and the decision threshold.</summary>
public sealed class LinkageConfiguration
{
    public required IReadOnlyList<FieldComparison> Fields { get; init; }

    public required IReadOnlyList<BlockingRule> BlockingRules { get; init; }

    /// <summary>The match probability at or above which a pair is a match: 0.5, where a match becomes likelier than not.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Blocks larger than this on either side are skipped (see <see cref="Blocking.CandidatePairs"/>).</summary>
    public int MaxBlockSize { get; init; } = 1000;

    /// <summary>Random pairs sampled to start u off (nearly all of them non-matches).</summary>
    public int RandomPairs { get; init; } = 200_000;

    /// <summary>Largest term-frequency adjustment, in bits either way, so that one rare value cannot decide alone.</summary>
    public double MaxTermFrequencyAdjustment { get; init; } = 4;

    /// <summary>Seed of the random pair sample, so that runs are repeatable.</summary>
    public int Seed { get; init; } = 20261123;

    /// <summary>
    /// The same configuration without the fields and blocking rules that read a column one of the files lacks:
    /// a registry extract without a document number is still matched on the rest.
    /// </summary>
    public LinkageConfiguration For(RecordSet left, RecordSet right)
    {
        bool Has(string column) => left.HasColumn(column) && right.HasColumn(column);
        return new LinkageConfiguration
        {
            Fields = Fields.Where(f => Has(f.Column)).ToArray(),
            BlockingRules = BlockingRules.Where(r => r.Columns.All(Has)).ToArray(),
            Threshold = Threshold,
            MaxBlockSize = MaxBlockSize,
            RandomPairs = RandomPairs,
            MaxTermFrequencyAdjustment = MaxTermFrequencyAdjustment,
            Seed = Seed,
        };
    }
}

/// <summary>
/// Scores pairs: compares every field (on the prepared columns), adds the weight of each level and, for exact
/// agreement on a term-frequency field, the adjustment for that value's frequency. Allocates nothing per pair.
/// </summary>
public sealed class PairScorer
{
    private const int Stride = 16;

    /// <summary>
    /// Below this many pairs <see cref="ScoreAll"/> stays on one thread: a few milliseconds of work do not pay for
    /// handing chunks to the thread pool.
    /// </summary>
    public const int ParallelFrom = 4096;
    private readonly PreparedField[] _fields;
    private readonly double[] _weights;
    private readonly double[]?[] _termAdjustments;
    private readonly double _prior;

    public PairScorer(IReadOnlyList<PreparedField> fields, FellegiSunterModel model, IReadOnlyList<bool> termFrequency, double maxAdjustment)
    {
        _fields = fields.ToArray();
        _prior = model.PriorWeight;
        _weights = new double[_fields.Length * Stride];
        _termAdjustments = new double[]?[_fields.Length];
        for (var f = 0; f < _fields.Length; f++)
        {
            for (var l = 0; l < model.LevelCounts[f]; l++) _weights[f * Stride + l] = model.Weight(f, l);
            if (termFrequency[f]) _termAdjustments[f] = TermAdjustments(_fields[f].Counts, maxAdjustment);
        }
    }

    /// <summary>The fields' prepared columns, in order.</summary>
    public IReadOnlyList<PreparedField> Fields => _fields;

    /// <summary>
    /// log2(Σ tf² / tf(v)) per value: how much likelier agreement on this value is than agreement on an average
    /// value (Σ tf² is the chance two random records agree at all), capped either way.
    /// </summary>
    public static double[] TermAdjustments(int[] counts, double max)
    {
        double total = 0;
        for (var i = 1; i < counts.Length; i++) total += counts[i];
        double sumSquares = 0;
        for (var i = 1; i < counts.Length; i++) sumSquares += (counts[i] / total) * (counts[i] / total);
        var result = new double[counts.Length];
        for (var i = 1; i < counts.Length; i++)
            result[i] = counts[i] == 0 ? 0 : Math.Clamp(Math.Log2(sumSquares / (counts[i] / total)), -max, max);
        return result;
    }

    /// <summary>The comparison pattern of a pair (its level in each field).</summary>
    public ulong Pattern(int left, int right)
    {
        ulong pattern = 0;
        for (var f = 0; f < _fields.Length; f++) pattern = Linkage.Pattern.With(pattern, f, _fields[f].Compare(left, right));
        return pattern;
    }

    /// <summary>The total weight of a pair, prior and term-frequency adjustments included.</summary>
    public double Score(int left, int right)
    {
        var w = _prior;
        var fields = _fields;
        for (var f = 0; f < fields.Length; f++)
        {
            var field = fields[f];
            var level = field.Compare(left, right);
            w += _weights[f * Stride + level];
            if (level == field.ExactLevel && _termAdjustments[f] is { } adjust) w += adjust[field.LeftId(left)];
        }
        return w;
    }

    /// <summary>Scores packed pairs into <paramref name="weights"/>, on every core when <paramref name="parallel"/>.</summary>
    public void ScoreAll(long[] pairs, float[] weights, bool parallel = true)
    {
        if (!parallel || pairs.Length < ParallelFrom) ScoreRange(pairs, weights, 0, pairs.Length);
        else ScoreParallel(pairs, weights);
    }

    private void ScoreRange(long[] pairs, float[] weights, int start, int end)
    {
        for (var i = start; i < end; i++) weights[i] = (float)Score(Blocking.Left(pairs[i]), Blocking.Right(pairs[i]));
    }

    /// <summary>Apart from <see cref="ScoreAll"/> so that the lambda's closure is allocated only when used.</summary>
    private void ScoreParallel(long[] pairs, float[] weights)
    {
        var chunks = Environment.ProcessorCount * 4;
        var size = (pairs.Length + chunks - 1) / chunks;
        Parallel.For(0, chunks, c =>
        {
            ScoreRange(pairs, weights, c * size, Math.Min(pairs.Length, (c + 1) * size));
        });
    }
}

/// <summary>What a linkage run found.</summary>
public sealed record LinkageResult(
    long[] CandidatePairs,
    float[] Weights,
    double Threshold,
    int[] Clusters,
    FellegiSunterModel Model,
    PairScorer Scorer,
    double PairsPerSecond)
{

    /// <summary>The weight at or above which a pair is a match (the threshold probability as a weight).</summary>
    public double ThresholdWeight => Math.Log2(Threshold / (1 - Threshold));
}

/// <summary>
/// The whole linkage: prepare the fields, block, sample random pairs for a first u, compare the candidate pairs,
/// estimate the model by EM on them (no truth involved), score, and cluster the pairs above the threshold.
/// For deduplication pass the same <see cref="RecordSet"/> twice; for linking, clusters index the left records
/// first and then the right ones (right index + left count).
/// </summary>
public static class Linker
{
    public static LinkageResult Run(RecordSet left, RecordSet right, LinkageConfiguration config, Action<string>? log = null)
    {
        var dedup = ReferenceEquals(left, right);
        var clock = Stopwatch.StartNew();
        var fields = config.Fields.Select(f => f.Prepare(left, right)).ToArray();
        var levelCounts = config.Fields.Select(f => f.LevelCount).ToArray();
        log?.Invoke($"prepared {config.Fields.Count} fields for {left.Count:N0}{(dedup ? "" : $" + {right.Count:N0}")} records in {clock.ElapsedMilliseconds} ms");

        var pairs = Blocking.CandidatePairs(left, right, config.BlockingRules, config.MaxBlockSize, log);
        var untrained = new PairScorer(fields, new FellegiSunterModel(levelCounts, 0.5, Uniform(levelCounts), Uniform(levelCounts)), config.Fields.Select(_ => false).ToArray(), 0);

        // u from random pairs: almost every random pair is a non-match.
        var random = new Random(config.Seed);
        var u = levelCounts.Select(l => new double[l]).ToArray();
        var sampled = 0;
        for (var s = 0; s < config.RandomPairs; s++)
        {
            var a = random.Next(left.Count);
            var b = random.Next(right.Count);
            if (dedup && a == b) continue;
            var p = untrained.Pattern(a, b);
            for (var f = 0; f < levelCounts.Length; f++) u[f][Pattern.Level(p, f)] += 1;
            sampled++;
        }
        for (var f = 0; f < levelCounts.Length; f++)
            for (var l = 1; l < levelCounts[f]; l++) u[f][l] += 0.5;
        log?.Invoke($"sampled {sampled:N0} random pairs for the starting u");

        // Patterns of the candidate pairs, counted.
        var patterns = new ulong[pairs.Length];
        Parallel.For(0, pairs.Length, i => patterns[i] = untrained.Pattern(Blocking.Left(pairs[i]), Blocking.Right(pairs[i])));
        var counts = new Dictionary<ulong, long>();
        foreach (var p in patterns) counts[p] = counts.GetValueOrDefault(p) + 1;
        var model = FellegiSunterModel.Estimate(counts.Keys.ToArray(), counts.Values.ToArray(), levelCounts, u);
        log?.Invoke($"EM: {counts.Count:N0} distinct patterns, {model.Iterations} iterations, λ = {model.Lambda:0.####} ({model.Lambda * pairs.Length:N0} expected matches among {pairs.Length:N0} candidates)");
        for (var f = 0; f < levelCounts.Length; f++)
            log?.Invoke($"  {config.Fields[f].Name,-16} " + string.Join("  ", Enumerable.Range(1, levelCounts[f] - 1)
                .Select(l => $"{config.Fields[f].LevelNames[l]}: m={model.M[f][l]:0.###} u={model.U[f][l]:0.####}")));

        var scorer = new PairScorer(fields, model, config.Fields.Select(f => f.TermFrequencyAdjusted).ToArray(), config.MaxTermFrequencyAdjustment);
        var weights = new float[pairs.Length];
        // Untimed passes for 0.2 s first, so that the JIT has promoted the scorer to its optimised tier; the timed
        // passes then repeat the same scoring for at least a quarter of a second, so that the rate of a small file
        // is not the rate of the compiler.
        var warmUp = Stopwatch.StartNew();
        do scorer.ScoreAll(pairs, weights);
        while (warmUp.Elapsed < TimeSpan.FromMilliseconds(200) && pairs.Length > 0);
        var timer = Stopwatch.StartNew();
        long scored = 0;
        do
        {
            scorer.ScoreAll(pairs, weights);
            scored += pairs.Length;
        } while (timer.Elapsed < TimeSpan.FromMilliseconds(250) && pairs.Length > 0);
        timer.Stop();
        var rate = scored / Math.Max(timer.Elapsed.TotalSeconds, 1e-9);
        log?.Invoke($"scored {pairs.Length:N0} candidate pairs {scored / Math.Max(1, pairs.Length)} times in {timer.Elapsed.TotalMilliseconds:0} ms: {rate:N0} pairs/s ({Environment.ProcessorCount} cores, parallel from {PairScorer.ParallelFrom:N0} pairs)");

        var threshold = Math.Log2(config.Threshold / (1 - config.Threshold));
        var offset = dedup ? 0 : left.Count;
        var union = new UnionFind(left.Count + (dedup ? 0 : right.Count));
        var matched = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (weights[i] < threshold) continue;
            matched++;
            union.Union(Blocking.Left(pairs[i]), Blocking.Right(pairs[i]) + offset);
        }
        log?.Invoke($"{matched:N0} pairs at or above probability {config.Threshold}");
        return new LinkageResult(pairs, weights, config.Threshold, union.Clusters(), model, scorer, rate);
    }

    private static double[][] Uniform(int[] levelCounts) => levelCounts.Select(l => Enumerable.Repeat(1.0 / Math.Max(1, l - 1), l).ToArray()).ToArray();
}
