namespace Cebu.Matching.Linkage;

/// <summary>
/// A comparison pattern: the level of every field packed in four bits each (at most 16 fields of at most 16
/// levels). Many pairs share a pattern, so the EM runs over distinct patterns with their counts.
/// </summary>
public static class Pattern
{
    public const int MaxFields = 16;

    public static int Level(ulong pattern, int field) => (int)(pattern >> (4 * field)) & 0xF;

    public static ulong With(ulong pattern, int field, int level) => pattern | ((ulong)level << (4 * field));
}

/// <summary>
/// The Fellegi-Sunter model: for each field and level, m = P(level | match) and u = P(level | non-match), and
/// λ = P(match) among the pairs compared. A pair's weight is the sum over fields of log2(m/u) for the level it
/// shows (missing values add nothing), plus the prior log2(λ/(1-λ)); its match probability follows. The
/// parameters are estimated by expectation-maximisation on unlabelled pairs, so no truth is needed to train.
/// </summary>
public sealed class FellegiSunterModel
{
    public FellegiSunterModel(int[] levelCounts, double lambda, double[][] m, double[][] u)
    {
        LevelCounts = levelCounts;
        Lambda = lambda;
        M = m;
        U = u;
    }

    /// <summary>How many levels each field has (level 0, missing, included).</summary>
    public int[] LevelCounts { get; }

    /// <summary>The share of matches among the pairs the model was trained on.</summary>
    public double Lambda { get; private set; }

    /// <summary>P(level | match) per field and level; level 0 (missing) is unused.</summary>
    public double[][] M { get; }

    /// <summary>P(level | non-match) per field and level; level 0 (missing) is unused.</summary>
    public double[][] U { get; }

    /// <summary>How many EM iterations the estimate took.</summary>
    public int Iterations { get; private set; }

    /// <summary>log2(λ / (1 - λ)): the weight of a pair before any field is looked at.</summary>
    public double PriorWeight => Math.Log2(Lambda / (1 - Lambda));

    /// <summary>log2(m / u) of a field's level; 0 for a missing value.</summary>
    public double Weight(int field, int level) => level == 0 ? 0 : Math.Log2(M[field][level] / U[field][level]);

    /// <summary>The weight of a whole pattern, prior included.</summary>
    public double Weight(ulong pattern)
    {
        var w = PriorWeight;
        for (var f = 0; f < LevelCounts.Length; f++) w += Weight(f, Pattern.Level(pattern, f));
        return w;
    }

    /// <summary>The match probability of a total weight (prior included).</summary>
    public static double Probability(double weight) => 1 / (1 + Math.Pow(2, -weight));

    /// <summary>
    /// Estimates λ, m and u by EM from distinct patterns and their counts. <paramref name="initialU"/> is the usual
    /// starting point from random pairs (almost all non-matches); m starts strongly on the higher levels. With
    /// <paramref name="fixU"/> only λ and m are re-estimated (u stays as measured on random pairs).
    /// </summary>
    public static FellegiSunterModel Estimate(IReadOnlyList<ulong> patterns, IReadOnlyList<long> counts, int[] levelCounts,
        double[][]? initialU = null, double initialLambda = 0.1, bool fixU = false, int maxIterations = 500, double tolerance = 1e-7)
    {
        var fields = levelCounts.Length;
        if (fields > Pattern.MaxFields) throw new ArgumentException($"At most {Pattern.MaxFields} fields.");
        var m = new double[fields][];
        var u = new double[fields][];
        for (var f = 0; f < fields; f++)
        {
            var levels = levelCounts[f];
            m[f] = new double[levels];
            u[f] = new double[levels];
            // m: each level twice as likely as the one below; u: each level a quarter as likely (unless measured).
            double sm = 0, su = 0;
            for (var l = 1; l < levels; l++) { m[f][l] = Math.Pow(2, l); sm += m[f][l]; u[f][l] = Math.Pow(0.25, l); su += u[f][l]; }
            for (var l = 1; l < levels; l++)
            {
                m[f][l] /= sm;
                u[f][l] = initialU is null ? u[f][l] / su : Math.Max(initialU[f][l], 1e-6);
            }
            if (initialU is not null) Normalise(u[f]);
        }
        var model = new FellegiSunterModel(levelCounts, initialLambda, m, u);
        model.RunEm(patterns, counts, fixU, maxIterations, tolerance);
        return model;
    }

    private void RunEm(IReadOnlyList<ulong> patterns, IReadOnlyList<long> counts, bool fixU, int maxIterations, double tolerance)
    {
        var fields = LevelCounts.Length;
        var mNum = LevelCounts.Select(l => new double[l]).ToArray();
        var uNum = LevelCounts.Select(l => new double[l]).ToArray();
        var logM = LevelCounts.Select(l => new double[l]).ToArray();
        var logU = LevelCounts.Select(l => new double[l]).ToArray();
        double total = 0;
        for (var p = 0; p < patterns.Count; p++) total += counts[p];
        if (total == 0) return;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            Iterations = iteration;
            for (var f = 0; f < fields; f++)
                for (var l = 1; l < LevelCounts[f]; l++) { logM[f][l] = Math.Log(M[f][l]); logU[f][l] = Math.Log(U[f][l]); }
            foreach (var a in mNum) Array.Clear(a);
            foreach (var a in uNum) Array.Clear(a);
            double matches = 0;
            var prior = Math.Log(Lambda / (1 - Lambda));
            // E step: the posterior probability of a match for each pattern.
            for (var p = 0; p < patterns.Count; p++)
            {
                var pattern = patterns[p];
                var logOdds = prior;
                for (var f = 0; f < fields; f++)
                {
                    var l = Pattern.Level(pattern, f);
                    if (l != 0) logOdds += logM[f][l] - logU[f][l];
                }
                var g = 1 / (1 + Math.Exp(-logOdds));
                var c = counts[p];
                matches += c * g;
                for (var f = 0; f < fields; f++)
                {
                    var l = Pattern.Level(pattern, f);
                    if (l == 0) continue;
                    mNum[f][l] += c * g;
                    uNum[f][l] += c * (1 - g);
                }
            }
            // M step, with half a pair of smoothing per level so that no level's probability is ever zero.
            var change = 0.0;
            var lambda = Math.Clamp(matches / total, 1e-9, 1 - 1e-9);
            change = Math.Max(change, Math.Abs(lambda - Lambda));
            Lambda = lambda;
            for (var f = 0; f < fields; f++)
            {
                change = Math.Max(change, Update(M[f], mNum[f]));
                if (!fixU) change = Math.Max(change, Update(U[f], uNum[f]));
            }
            if (change < tolerance) break;
        }
    }

    private static double Update(double[] target, double[] numerators)
    {
        double sum = 0;
        for (var l = 1; l < target.Length; l++) sum += numerators[l] + 0.5;
        var change = 0.0;
        for (var l = 1; l < target.Length; l++)
        {
            var v = (numerators[l] + 0.5) / sum;
            change = Math.Max(change, Math.Abs(v - target[l]));
            target[l] = v;
        }
        return change;
    }

    private static void Normalise(double[] p)
    {
        double s = 0;
        for (var l = 1; l < p.Length; l++) s += p[l];
        for (var l = 1; l < p.Length; l++) p[l] /= s;
    }
}
