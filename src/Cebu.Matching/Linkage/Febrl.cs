using System.Globalization;
using System.Text;

namespace Cebu.Matching.Linkage;

/// <summary>
/// Files in the FEBRL layout (rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode,
/// state, date_of_birth, soc_sec_id): the standard benchmark of record linkage, with known duplicates. The one
/// model configuration used for all of them lives here; nothing in it depends on which file is read.
/// </summary>
public static class Febrl
{
    /// <summary>Reads a CSV file: the first line names the columns; spaces around values and empty fields are fine.</summary>
    public static RecordSet Read(TextReader reader)
    {
        var header = reader.ReadLine() ?? throw new InvalidDataException("The file is empty.");
        var columns = SplitCsv(header).Select(c => c.Trim()).ToArray();
        var rows = new List<string?[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            rows.Add(SplitCsv(line).ToArray());
        }
        return new RecordSet(columns, rows);
    }

    public static RecordSet Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <summary>Splits one CSV line, honouring double quotes (a quoted field may hold commas and doubled quotes).</summary>
    public static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"' && sb.ToString().Trim().Length == 0) { sb.Clear(); quoted = true; }
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    /// <summary>
    /// The model configuration for person records of this layout. Levels and blocking rules are chosen from what
    /// the fields are (a name, a date, an identifier), not from any file's truth; m, u and λ are learnt by EM on
    /// each run's own pairs; the decision is a match probability of 0.5 or more.
    /// </summary>
    public static LinkageConfiguration Configuration()
    {
        static string Sound(string v) => Phonetic.Soundex(v);
        static string Key(string v) => NameFolding.Key(v);
        static string Head(string v) { var k = NameFolding.Key(v); return k.Length <= 4 ? k : k[..4]; }
        return new LinkageConfiguration
        {
            Fields =
            [
                new NameComparison("given_name", "given_name") { TermFrequencyAdjusted = true },
                new NameComparison("surname", "surname") { TermFrequencyAdjusted = true },
                new EditDistanceComparison("street_number", "street_number"),
                new TextComparison("address_1", "address_1", [0.85, 0.94], ignoreSpaces: true),
                new TextComparison("address_2", "address_2", [0.85, 0.94], ignoreSpaces: true),
                new TextComparison("suburb", "suburb", [0.85, 0.94], ignoreSpaces: true) { TermFrequencyAdjusted = true },
                new EditDistanceComparison("postcode", "postcode"),
                new ExactComparison("state", "state"),
                new DateComparison("date_of_birth", "date_of_birth"),
                new DocumentNumberComparison("soc_sec_id", "soc_sec_id"),
            ],
            BlockingRules =
            [
                BlockingRule.On("soc_sec_id", ("soc_sec_id", DocumentNumbers.FoldLookAlikes)),
                BlockingRule.On("date_of_birth", ("date_of_birth", v => Dates.Parse(v).ToString(CultureInfo.InvariantCulture))),
                // Both names' sounds, in sorted order, so that a given name and surname written the other way round still meet.
                new BlockingRule("names (soundex, either order)", (set, row) =>
                {
                    var g = set.Get(row, "given_name");
                    var s = set.Get(row, "surname");
                    if (g is null || s is null) return null;
                    var a = Sound(g);
                    var b = Sound(s);
                    return string.CompareOrdinal(a, b) <= 0 ? a + "|" + b : b + "|" + a;
                }) { Columns = ["given_name", "surname"] },
                BlockingRule.On("postcode + street", ("postcode", Key), ("address_1", Head)),
                BlockingRule.On("surname (soundex) + suburb", ("surname", Sound), ("suburb", Head)),
                BlockingRule.On("given name (soundex) + street number + postcode", ("given_name", Sound), ("street_number", Key), ("postcode", Key)),
            ],
        };
    }

    /// <summary>The person a FEBRL rec_id names: "rec-12-org" and "rec-12-dup-3" both give "12".</summary>
    public static string Entity(string? recId)
    {
        if (string.IsNullOrEmpty(recId)) return "";
        var parts = recId.Split('-');
        return parts.Length >= 2 ? parts[1] : recId;
    }
}

/// <summary>Pairwise precision, recall and F1 of a linkage against the truth, and the scoring speed.</summary>
public sealed record MatchEvaluation(long TruePairs, long PredictedPairs, long CorrectPairs, double PairsPerSecond)
{
    public double Precision => PredictedPairs == 0 ? 0 : (double)CorrectPairs / PredictedPairs;

    public double Recall => TruePairs == 0 ? 0 : (double)CorrectPairs / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The line `match evaluate` ends with.</summary>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"precision={Precision:0.0000} recall={Recall:0.0000} f1={F1:0.0000} pairs_per_second={PairsPerSecond:0}");

    /// <summary>
    /// Runs the FEBRL configuration on one file (deduplication) or two (linking) and scores the clusters it finds
    /// against the rec_id truth. The truth is read only after the linkage has run, and only to count.
    /// </summary>
    public static MatchEvaluation Run(RecordSet left, RecordSet? right, Action<string>? log = null)
    {
        var dedup = right is null;
        right ??= left;
        var config = Febrl.Configuration().For(left, right);
        if (config.Fields.Count < Febrl.Configuration().Fields.Count)
            log?.Invoke($"comparing only the fields both files have: {string.Join(", ", config.Fields.Select(f => f.Name))}");
        var result = Linker.Run(left, right, config, log);

        var leftTruth = left.Column("rec_id").Select(Febrl.Entity).ToArray();
        var rightTruth = dedup ? leftTruth : right.Column("rec_id").Select(Febrl.Entity).ToArray();
        var pairwise = ScorePairs(result, leftTruth, rightTruth);
        log?.Invoke($"pairs above threshold, before clustering: precision={pairwise.Precision:0.0000} recall={pairwise.Recall:0.0000} f1={pairwise.F1:0.0000}");
        log?.Invoke($"blocking recall: {CandidateRecall(result.CandidatePairs, leftTruth, rightTruth, dedup):0.0000} of true pairs are candidates");
        var clustered = ScoreClusters(result.Clusters, leftTruth, rightTruth, dedup, result.PairsPerSecond);
        log?.Invoke($"clusters: {clustered.PredictedPairs:N0} predicted pairs, {clustered.CorrectPairs:N0} correct, {clustered.TruePairs:N0} true");
        return clustered;
    }

    private static long CountTruePairs(string[] leftTruth, string[] rightTruth, bool dedup)
    {
        var l = leftTruth.GroupBy(t => t).ToDictionary(g => g.Key, g => (long)g.Count());
        if (dedup) return l.Values.Sum(c => c * (c - 1) / 2);
        return rightTruth.GroupBy(t => t).Sum(g => l.GetValueOrDefault(g.Key) * g.Count());
    }

    private static MatchEvaluation ScorePairs(LinkageResult result, string[] leftTruth, string[] rightTruth)
    {
        var threshold = result.ThresholdWeight;
        long predicted = 0, correct = 0;
        for (var i = 0; i < result.CandidatePairs.Length; i++)
        {
            if (result.Weights[i] < threshold) continue;
            predicted++;
            var p = result.CandidatePairs[i];
            if (leftTruth[Blocking.Left(p)] == rightTruth[Blocking.Right(p)]) correct++;
        }
        return new MatchEvaluation(CountTruePairs(leftTruth, rightTruth, ReferenceEquals(leftTruth, rightTruth)), predicted, correct, result.PairsPerSecond);
    }

    private static double CandidateRecall(long[] pairs, string[] leftTruth, string[] rightTruth, bool dedup)
    {
        long found = 0;
        foreach (var p in pairs) if (leftTruth[Blocking.Left(p)] == rightTruth[Blocking.Right(p)]) found++;
        var total = CountTruePairs(leftTruth, rightTruth, dedup);
        return total == 0 ? 1 : (double)found / total;
    }

    /// <summary>Pairs implied by the clusters: every two records of a cluster (for linking, one from each side).</summary>
    private static MatchEvaluation ScoreClusters(int[] clusters, string[] leftTruth, string[] rightTruth, bool dedup, double pairsPerSecond)
    {
        long predicted = 0, correct = 0;
        if (dedup)
        {
            foreach (var g in Enumerable.Range(0, leftTruth.Length).GroupBy(i => clusters[i]))
            {
                long n = g.Count();
                predicted += n * (n - 1) / 2;
                foreach (var t in g.GroupBy(i => leftTruth[i])) { long c = t.Count(); correct += c * (c - 1) / 2; }
            }
        }
        else
        {
            var offset = leftTruth.Length;
            var members = Enumerable.Range(0, clusters.Length).GroupBy(i => clusters[i]);
            foreach (var g in members)
            {
                var lefts = g.Where(i => i < offset).ToList();
                var rights = g.Where(i => i >= offset).Select(i => i - offset).ToList();
                predicted += (long)lefts.Count * rights.Count;
                var rightCounts = rights.GroupBy(i => rightTruth[i]).ToDictionary(x => x.Key, x => (long)x.Count());
                foreach (var t in lefts.GroupBy(i => leftTruth[i])) correct += t.Count() * rightCounts.GetValueOrDefault(t.Key);
            }
        }
        return new MatchEvaluation(CountTruePairs(leftTruth, rightTruth, dedup), predicted, correct, pairsPerSecond);
    }
}
