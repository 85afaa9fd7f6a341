using System.Globalization;

namespace Cebu.Matching.Screening;

/// <summary>What one field said about a pair: the values compared (the closest pair of them), the level they reached, and its weight in bits.</summary>
public sealed record FieldEvidence(string Field, string? Value, string? Other, string Level, double Weight);

/// <summary>
/// The score of one pair: the match weight (log2 of the likelihood ratio, the sum of the fields' weights), the posterior
/// probability after the model's prior, and the evidence, field by field, strongest first.
/// </summary>
public sealed record MatchScore(double Weight, double Probability, IReadOnlyList<FieldEvidence> Evidence)
{
    /// <summary>The fields that spoke for the match (a positive weight).</summary>
    public IEnumerable<FieldEvidence> For => Evidence.Where(e => e.Weight > 0);
}

/// <summary>
/// A record to compare: each field holds one or more values (an agency's legal and trading names, its several
/// directors and addresses). A field left out, or holding only blanks, is missing and weighs nothing.
/// </summary>
public sealed class ScreeningRecord
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public ScreeningRecord Add(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return this;
        if (!_fields.TryGetValue(field, out var list)) _fields[field] = list = [];
        list.Add(value.Trim());
        return this;
    }

    public ScreeningRecord Add(string field, IEnumerable<string?> values)
    {
        foreach (var v in values) Add(field, v);
        return this;
    }

    public ScreeningRecord Add(string field, DateOnly? date) =>
        date is { } d ? Add(field, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : this;

    public IReadOnlyList<string> Values(string field) => _fields.TryGetValue(field, out var list) ? list : [];
}

/// <summary>
/// A Fellegi-Sunter model with fixed, hand-set m and u probabilities, for scoring one record against a few candidates
/// at the moment something is registered (no batch, so nothing to estimate by EM). Each field compares its values with
/// a <see cref="FieldComparer"/> into ordered levels (missing, different, ..., exact); each level weighs
/// log2(m / u) bits; the weights add up to the match weight, and the prior turns it into a probability. The m and u
/// values and where they come from are in the library's README.
/// </summary>
public sealed class EvidenceModel
{
    public EvidenceModel(double prior, params FieldModel[] fields)
    {
        if (prior is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(prior), "A prior probability is strictly between 0 and 1.");
        Prior = prior;
        Fields = fields;
    }

    /// <summary>The probability that a pair drawn from the candidates is a match, before any field is compared.</summary>
    public double Prior { get; }

    public IReadOnlyList<FieldModel> Fields { get; }

    /// <summary>log2(prior / (1 - prior)): the weight the evidence must overcome.</summary>
    public double PriorWeight => Math.Log2(Prior / (1 - Prior));

    /// <summary>Scores a pair: every field's best level over all pairs of its values, its weight, and the posterior.</summary>
    public MatchScore Score(ScreeningRecord record, ScreeningRecord candidate)
    {
        var evidence = new List<FieldEvidence>(Fields.Count);
        double total = 0;
        foreach (var f in Fields)
        {
            var e = f.Compare(record.Values(f.Name), candidate.Values(f.Name));
            evidence.Add(e);
            total += e.Weight;
        }
        evidence.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        return new MatchScore(Math.Round(total, 2), Math.Round(Probability(total + PriorWeight), 4), evidence);
    }

    /// <summary>The posterior probability of a weight that includes the prior.</summary>
    public static double Probability(double weight) => 1 / (1 + Math.Pow(2, -weight));
}

/// <summary>One field of an <see cref="EvidenceModel"/>: its comparer and, per level, m (agreement among matches) and u (among non-matches).</summary>
public sealed class FieldModel
{
    public FieldModel(string name, FieldComparer comparer, double[] m, double[] u)
    {
        if (m.Length != comparer.Levels.Count || u.Length != comparer.Levels.Count)
            throw new ArgumentException($"{name}: give m and u for each of the {comparer.Levels.Count} levels ({string.Join(", ", comparer.Levels)}).");
        Name = name;
        Comparer = comparer;
        M = m;
        U = u;
    }

    public string Name { get; }
    public FieldComparer Comparer { get; }
    public IReadOnlyList<double> M { get; }
    public IReadOnlyList<double> U { get; }

    /// <summary>The weight of a level in bits; the missing level (0) weighs nothing.</summary>
    public double Weight(int level) => level == 0 ? 0 : Math.Round(Math.Log2(M[level] / U[level]), 2);

    /// <summary>The best level over every pair of values, with the two values that reached it.</summary>
    public FieldEvidence Compare(IReadOnlyList<string> values, IReadOnlyList<string> others)
    {
        if (values.Count == 0 || others.Count == 0)
            return new FieldEvidence(Name, values.FirstOrDefault(), others.FirstOrDefault(), Comparer.Levels[0], 0);
        var best = -1;
        string? a = null, b = null;
        foreach (var v in values)
            foreach (var o in others)
            {
                var level = Comparer.Level(v, o);
                if (level <= best) continue;
                (best, a, b) = (level, v, o);
            }
        return new FieldEvidence(Name, a, b, Comparer.Levels[best], Weight(best));
    }
}

/// <summary>Compares two values of a field into one of ordered levels: 0 is missing, 1 different, the last exact.</summary>
public abstract class FieldComparer
{
    public abstract IReadOnlyList<string> Levels { get; }

    public abstract int Level(string a, string b);

    /// <summary>A level from a similarity in [0, 1] and ascending thresholds (levels 2, 3, ...); 1 when below them all.</summary>
    protected static int Graded(double similarity, IReadOnlyList<double> thresholds)
    {
        var level = 1;
        for (var i = 0; i < thresholds.Count; i++)
            if (similarity >= thresholds[i]) level = i + 2;
        return level;
    }
}

/// <summary>
/// Person names of the region (<see cref="PersonNames"/>): honorifics and particles dropped, romanisations aligned,
/// word order ignored. Levels: missing, different, similar (0.80), close (0.92), same words.
/// </summary>
public sealed class PersonNameComparer : FieldComparer
{
    public static readonly PersonNameComparer Instance = new();
    private static readonly string[] Names = ["missing", "different", "similar", "close", "same name"];
    public override IReadOnlyList<string> Levels => Names;

    public override int Level(string a, string b)
    {
        if (PersonNames.Canonical(a) is var ca && ca.Length > 0 && ca == PersonNames.Canonical(b)) return 4;
        var s = PersonNames.Compare(a, b);
        return s >= 0.92 ? 3 : s >= 0.80 ? 2 : 1;
    }
}

/// <summary>
/// Names of companies: case, accents, punctuation, spacing and the words of legal form ("Co., Ltd.", "Sdn. Bhd.", "PT",
/// "Pte") do not count; the remaining words are compared whatever their order, and run together. Levels: missing, different, similar (0.85),
/// close (0.93), same name.
/// </summary>
public sealed class OrganisationNameComparer : FieldComparer
{
    public static readonly OrganisationNameComparer Instance = new();
    private static readonly string[] Names = ["missing", "different", "similar", "close", "same name"];
    public override IReadOnlyList<string> Levels => Names;

    /// <summary>Words of legal form and of the trade that every agency's name carries.</summary>
    public static readonly IReadOnlySet<string> LegalForms = new HashSet<string>(StringComparer.Ordinal)
    {
        "co", "company", "ltd", "limited", "llc", "inc", "corp", "corporation", "plc", "pte", "sdn", "bhd", "pt", "tbk", "cv", "jsc",
        "the", "and", "of", "cong", "ty", "tnhh", "phan", "hjh", "group", "holdings", "enterprise", "enterprises", "services", "service",
    };

    /// <summary>The significant words of a company name, folded, in their order.</summary>
    public static string[] Words(string? name)
    {
        var tokens = NameFolding.Tokens(name);
        var kept = tokens.Where(t => !LegalForms.Contains(t)).ToArray();
        return kept.Length > 0 ? kept : tokens;
    }

    public override int Level(string a, string b)
    {
        var wa = Words(a);
        var wb = Words(b);
        if (wa.Length == 0 || wb.Length == 0) return 1;
        // The same words in any order, or the same letters spaced differently ("Tonle-Sap Work Force", "TonleSap Workforce").
        if (wa.Order(StringComparer.Ordinal).SequenceEqual(wb.Order(StringComparer.Ordinal)) || string.Concat(wa) == string.Concat(wb)) return 4;
        var s = Math.Max(Similarity.TokenSet(wa, wb), Similarity.JaroWinkler(string.Concat(wa), string.Concat(wb)) * 0.95);
        return s >= 0.93 ? 3 : s >= 0.85 ? 2 : 1;
    }
}

/// <summary>Addresses: folded words compared whatever their order. Levels: missing, different, similar (0.85), close (0.95).</summary>
public sealed class AddressComparer : FieldComparer
{
    public static readonly AddressComparer Instance = new();
    private static readonly string[] Names = ["missing", "different", "similar", "same address"];
    public override IReadOnlyList<string> Levels => Names;

    public override int Level(string a, string b)
    {
        var ta = NameFolding.Tokens(a);
        var tb = NameFolding.Tokens(b);
        if (ta.Length == 0 || tb.Length == 0) return 1;
        var s = Similarity.TokenSet(ta, tb);
        return s >= 0.95 ? 3 : s >= 0.85 ? 2 : 1;
    }
}

/// <summary>Dates (yyyy-mm-dd or dd/mm/yyyy) with the levels of <see cref="Dates.Agreement"/>: a day-month swap, one or two digits wrong.</summary>
public sealed class DateComparer : FieldComparer
{
    public static readonly DateComparer Instance = new();
    private static readonly string[] Names = ["missing", "different", "same year", "two digits apart", "one digit apart", "day and month swapped", "same date"];
    public override IReadOnlyList<string> Levels => Names;

    public override int Level(string a, string b) => Math.Max(1, (int)Dates.Compare(Dates.Parse(a), Dates.Parse(b)));
}

/// <summary>Document numbers with the levels of <see cref="DocumentNumbers.Agreement"/>: look-alike characters, one or two edits.</summary>
public sealed class DocumentNumberComparer : FieldComparer
{
    public static readonly DocumentNumberComparer Instance = new();
    private static readonly string[] Names = ["missing", "different", "two characters apart", "one character apart", "look-alike characters", "same number"];
    public override IReadOnlyList<string> Levels => Names;

    public override int Level(string a, string b) => Math.Max(1, (int)DocumentNumbers.Compare(a, b));
}

/// <summary>Phone numbers: digits only, the last eight compared (a country code or a trunk 0 is written or not). Levels: missing, different, same number.</summary>
public sealed class PhoneComparer : FieldComparer
{
    public static readonly PhoneComparer Instance = new();
    private static readonly string[] Names = ["missing", "different", "same number"];
    public override IReadOnlyList<string> Levels => Names;

    public static string Key(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length <= 8 ? digits : digits[^8..];
    }

    public override int Level(string a, string b)
    {
        var ka = Key(a);
        return ka.Length >= 6 && ka == Key(b) ? 2 : 1;
    }
}

/// <summary>Codes compared exactly after folding (a country code, a sex). Levels: missing, different, same.</summary>
public sealed class ExactComparer : FieldComparer
{
    public static readonly ExactComparer Instance = new();
    private static readonly string[] Names = ["missing", "different", "same"];
    public override IReadOnlyList<string> Levels => Names;

    public override int Level(string a, string b) => NameFolding.Key(a) is var k && k.Length > 0 && k == NameFolding.Key(b) ? 2 : 1;
}
