using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Cebu.Matching;
using Cebu.Matching.Linkage;

namespace Cebu.Matching.Bench;

/// <summary>
/// Pairs scored per second by the FEBRL model trained on febrl3.csv: the comparison of all ten fields (names,
/// addresses, date, number) on precomputed per-record features plus the weight sum with term-frequency
/// adjustments, exactly what `match evaluate` times. Each benchmark reports the time of one pair
/// (OperationsPerInvoke), so pairs per second = 1 s / Mean. The baseline, in the same run and on the same pairs,
/// is one Levenshtein distance on the folded surnames and nothing else.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int RandomPairCount = 1_000_000;
    private PairScorer _scorer = null!;
    private long[] _candidates = null!;
    private long[] _random = null!;
    private float[] _weights = null!;
    private string[] _surnames = null!;
    private int[] _distances = null!;

    [GlobalSetup]
    public void Setup()
    {
        var set = Febrl.Read(DataFile("febrl3.csv"));
        var result = Linker.Run(set, set, Febrl.Configuration());
        _scorer = result.Scorer;
        _candidates = result.CandidatePairs;
        // Random pairs are nearly all non-matches: no field short-cuts to "exact", every string is compared.
        var random = new Random(20261123);
        _random = new long[RandomPairCount];
        for (var i = 0; i < _random.Length; i++)
        {
            var a = random.Next(set.Count);
            var b = random.Next(set.Count - 1);
            if (b >= a) b++;
            _random[i] = Blocking.Pack(Math.Min(a, b), Math.Max(a, b));
        }
        _weights = new float[RandomPairCount];
        _distances = new int[RandomPairCount];
        _surnames = set.Column("surname").Select(NameFolding.Fold).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RandomPairCount, Description = "baseline: Levenshtein on surname only, random pairs, 1 core")]
    public int LevenshteinSurnameOnly()
    {
        var pairs = _random;
        for (var i = 0; i < pairs.Length; i++)
            _distances[i] = Similarity.Levenshtein(_surnames[Blocking.Left(pairs[i])], _surnames[Blocking.Right(pairs[i])]);
        return _distances[^1];
    }

    [Benchmark(OperationsPerInvoke = RandomPairCount, Description = "scorer: 10 fields + weights, random pairs, 1 core")]
    public float ScoreRandomOneCore()
    {
        _scorer.ScoreAll(_random, _weights, parallel: false);
        return _weights[^1];
    }

    [Benchmark(OperationsPerInvoke = RandomPairCount, Description = "scorer: 10 fields + weights, random pairs, 2 cores")]
    public float ScoreRandomParallel()
    {
        _scorer.ScoreAll(_random, _weights, parallel: true);
        return _weights[^1];
    }

    /// <summary>febrl3's 7,255 candidate pairs from blocking, mostly true matches (short-cut on equal values).</summary>
    [Benchmark(OperationsPerInvoke = 7255, Description = "scorer: 10 fields + weights, febrl3 candidate pairs, 1 core")]
    public float ScoreCandidatesOneCore()
    {
        if (_candidates.Length != 7255) throw new InvalidOperationException($"febrl3 gave {_candidates.Length} candidate pairs; update OperationsPerInvoke.");
        _scorer.ScoreAll(_candidates, _weights, parallel: false);
        return _weights[0];
    }

    /// <summary>Each field's comparison alone over the random pairs: where the scorer's time goes.</summary>
    public void TimeFields()
    {
        var config = Febrl.Configuration();
        for (var f = 0; f < _scorer.Fields.Count; f++)
        {
            var field = _scorer.Fields[f];
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var sum = 0;
            for (var i = 0; i < _random.Length; i++) sum += field.Compare(Blocking.Left(_random[i]), Blocking.Right(_random[i]));
            Console.WriteLine($"  {config.Fields[f].Name,-16} {sw.Elapsed.TotalMilliseconds / _random.Length * 1e6,8:0} ns/pair (sum {sum})");
        }
    }

    /// <summary>The benchmark file, found beside the repository (the directory holding Cebu.slnx, then ../shared/data/linkage).</summary>
    public static string DataFile(string name)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Cebu.slnx"))) continue;
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "linkage", name));
                if (File.Exists(path)) return path;
                throw new FileNotFoundException($"The FEBRL file is missing at {path}.");
            }
        }
        throw new DirectoryNotFoundException("No Cebu.slnx above the benchmark: run it from the repository.");
    }
}

public static class Program
{
    /// <summary>BenchmarkDotNet's switcher; `quick` instead times each benchmark with a stopwatch (a look while tuning, not the figure).</summary>
    public static void Main(string[] args)
    {
        if (args is ["quick", ..])
        {
            var b = new ScoringBenchmarks();
            b.Setup();
            foreach (var (name, run, n) in new (string, Action, int)[]
            {
                ("levenshtein surname", () => b.LevenshteinSurnameOnly(), 1_000_000),
                ("scorer random 1 core", () => b.ScoreRandomOneCore(), 1_000_000),
                ("scorer random 2 cores", () => b.ScoreRandomParallel(), 1_000_000),
                ("scorer candidates 1 core", () => b.ScoreCandidatesOneCore(), 7255),
            })
            {
                run();
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var reps = 0;
                do { run(); reps++; } while (sw.ElapsedMilliseconds < 1000);
                Console.WriteLine($"{name,-28} {reps * (double)n / sw.Elapsed.TotalSeconds,14:N0} pairs/s");
            }
            if (args is [_, "fields"]) b.TimeFields();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
