using Cebu.Matching;
using Cebu.Matching.Screening;

namespace Cebu.Core.Features.Verification;

/// <summary>The identity fields the matcher compares, on either side (a request, or a registry or worker record).</summary>
public sealed record Identity(string FamilyName, string GivenNames, DateOnly DateOfBirth, string? PlaceOfBirth, string? FatherName, string? MotherName, string? DocumentNumbers)
{
    public string FullName => $"{GivenNames} {FamilyName}".Trim();
}

/// <summary>A scored comparison: the probability of a match, the classification, and the evidence behind it.</summary>
public sealed record Scored(double Score, MatchOutcome Outcome, List<Evidence> Evidence);

/// <summary>
/// The verification matcher: three blocking keys and a Fellegi-Sunter model with fixed, documented m and u
/// probabilities (no training: a sending state's officer must be able to read why a pair scored what it did, and the
/// same pair scores the same tomorrow). Each field's agreement level adds log2(m/u) to the prior log-odds; the score is
/// the resulting probability. matched ≥ 0.99, possible ≥ 0.80 (review queue), else not found.
/// </summary>
public static class VerificationModel
{
    public const double MatchedAt = 0.99;
    public const double PossibleAt = 0.80;

    /// <summary>
    /// Prior log2-odds that a candidate found by blocking is the person: about 1 in 1,000 (a blocking key shares
    /// a date of birth, a sound-alike name or a document number with roughly that many people in a national extract).
    /// </summary>
    public const double PriorWeight = -10.0;

    /// <summary>Fixed m (P(level | same person)) and u (P(level | different people)) per field and level; the README tabulates them.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, (double M, double U)>> Parameters = new Dictionary<string, IReadOnlyDictionary<string, (double M, double U)>>
    {
        ["name"] = new Dictionary<string, (double, double)>
        {
            ["exact"] = (0.60, 0.0005), ["close"] = (0.30, 0.002), ["similar"] = (0.08, 0.02), ["different"] = (0.02, 0.9775),
        },
        ["dateOfBirth"] = new Dictionary<string, (double, double)>
        {
            ["exact"] = (0.85, 0.0002), ["day-month swapped"] = (0.05, 0.0002), ["one digit"] = (0.06, 0.002), ["same year"] = (0.02, 0.05), ["different"] = (0.02, 0.9476),
        },
        ["document"] = new Dictionary<string, (double, double)>
        {
            ["exact"] = (0.70, 0.00001), ["look-alike characters"] = (0.15, 0.00001), ["one edit"] = (0.08, 0.0001), ["different"] = (0.07, 0.99988),
        },
        ["fatherName"] = Parent(),
        ["motherName"] = Parent(),
        ["placeOfBirth"] = new Dictionary<string, (double, double)> { ["same"] = (0.85, 0.10), ["different"] = (0.15, 0.90) },
    };

    private static Dictionary<string, (double, double)> Parent() => new() { ["same"] = (0.85, 0.01), ["similar"] = (0.10, 0.05), ["different"] = (0.05, 0.94) };

    public static double Weight(string field, string level) { var (m, u) = Parameters[field][level]; return Math.Log2(m / u); }

    /// <summary>Compares a declared identity with a candidate record and classifies the pair.</summary>
    public static Scored Score(Identity declared, Identity found)
    {
        var evidence = new List<Evidence>(6);
        var weight = PriorWeight;
        void Add(string field, string? a, string? b, string? level)
        {
            var e = new Evidence { Field = field, Declared = a, Found = b, Level = level ?? "missing", Weight = level is null ? 0 : Math.Round(Weight(field, level), 2) };
            weight += e.Weight;
            evidence.Add(e);
        }

        var name = PersonNames.Compare(declared.FullName, found.FullName);
        Add("name", declared.FullName, found.FullName, name >= 0.99 ? "exact" : name >= 0.92 ? "close" : name >= 0.80 ? "similar" : "different");
        var date = Dates.Compare(DateKey(declared.DateOfBirth), DateKey(found.DateOfBirth));
        Add("dateOfBirth", declared.DateOfBirth.ToString("yyyy-MM-dd"), found.DateOfBirth.ToString("yyyy-MM-dd"), date switch
        {
            Dates.Agreement.Exact => "exact", Dates.Agreement.DayMonthSwapped => "day-month swapped", Dates.Agreement.OneEdit => "one digit",
            Dates.Agreement.SameYear or Dates.Agreement.TwoEdits => "same year", _ => "different",
        });
        var doc = BestDocument(declared.DocumentNumbers, found.DocumentNumbers);
        Add("document", declared.DocumentNumbers, found.DocumentNumbers, doc switch
        {
            DocumentNumbers.Agreement.Exact => "exact", DocumentNumbers.Agreement.LookAlike => "look-alike characters", DocumentNumbers.Agreement.OneEdit => "one edit",
            DocumentNumbers.Agreement.Missing => null, _ => "different",
        });
        Add("fatherName", declared.FatherName, found.FatherName, ParentLevel(declared.FatherName, found.FatherName));
        Add("motherName", declared.MotherName, found.MotherName, ParentLevel(declared.MotherName, found.MotherName));
        Add("placeOfBirth", declared.PlaceOfBirth, found.PlaceOfBirth, Blank(declared.PlaceOfBirth) || Blank(found.PlaceOfBirth) ? null
            : Similarity.JaroWinkler(NameFolding.Key(declared.PlaceOfBirth), NameFolding.Key(found.PlaceOfBirth)) >= 0.90 ? "same" : "different");

        var score = EvidenceModel.Probability(weight);
        return new Scored(Math.Round(score, 4), Classify(score), evidence);
    }

    public static MatchOutcome Classify(double score) => score >= MatchedAt ? MatchOutcome.Matched : score >= PossibleAt ? MatchOutcome.Possible : MatchOutcome.NotFound;

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    private static string? ParentLevel(string? a, string? b)
    {
        if (Blank(a) || Blank(b)) return null;
        var s = PersonNames.Compare(a, b);
        return s >= 0.90 ? "same" : s >= 0.75 ? "similar" : "different";
    }

    /// <summary>The best agreement between any of the declared documents and any of the record's.</summary>
    public static DocumentNumbers.Agreement BestDocument(string? declared, string? found)
    {
        var best = DocumentNumbers.Agreement.Missing;
        foreach (var a in Documents(declared))
            foreach (var b in Documents(found))
            {
                var level = DocumentNumbers.Compare(a, b);
                if (level > best) best = level;
            }
        return best;
    }

    public static IEnumerable<string> Documents(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(d => DocumentNumbers.Clean(d).Length > 0);

    public static int DateKey(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;

    // ----- The three blocking keys -----

    /// <summary>Key 1: the regional phonetic keys of the normalised name's words, sorted (spelling variants and reordered names meet).</summary>
    public static string NameKey(string familyName, string givenNames)
    {
        var words = PersonNames.Normalize($"{givenNames} {familyName}").Select(Phonetic.Regional).Where(k => k.Length > 0).Order(StringComparer.Ordinal);
        return NameFolding.Cut(string.Join(' ', words));
    }

    /// <summary>Key 2: the date of birth with day and month in sorted order (a swapped date meets the true one).</summary>
    public static int DateBlock(DateOnly d) => d.Year * 10000 + Math.Min(d.Month, d.Day) * 100 + Math.Max(d.Month, d.Day);

    /// <summary>Key 3: a document number with its look-alike characters folded (a misread number meets the true one).</summary>
    public static string DocumentKey(string document) => NameFolding.Cut(DocumentNumbers.FoldLookAlikes(document), 40);

    public static void SetKeys(CivilRegistryRecord r)
    {
        r.KeyName = NameKey(r.FamilyName, r.GivenNames);
        r.KeyDate = DateBlock(r.DateOfBirth);
        r.KeyDocument = Documents(r.DocumentNumbers).Select(DocumentKey).FirstOrDefault() ?? "";
    }

    public static Identity Of(VerificationRequest r) => new(r.FamilyName, r.GivenNames, r.DateOfBirth, r.PlaceOfBirth, r.FatherName, r.MotherName, r.OldDocumentNumbers);
    public static Identity Of(CivilRegistryRecord r) => new(r.FamilyName, r.GivenNames, r.DateOfBirth, r.PlaceOfBirth, r.FatherName, r.MotherName, r.DocumentNumbers);
    public static Identity Of(Workers.Worker w) => new(w.FamilyName, w.GivenNames, w.DateOfBirth, w.PlaceOfBirth, null, null,
        string.Join(';', new[] { w.PassportNumber, w.NationalIdNumber, w.CertificateOfIdentityNumber }.Where(d => !string.IsNullOrWhiteSpace(d))));
}

/// <summary>Certificate of Identity numbers: KH-CI-2026-XXXXXXXX, eight characters of an alphabet with no look-alikes.</summary>
public static class CertificateNumbers
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    /// <summary>A Certificate of Identity is valid two years from issue: the length of the permit Thailand then grants (seminar report §44). Cebu's default.</summary>
    public const int ValidYears = 2;

    public static string New(string state, int year)
    {
        Span<char> code = stackalloc char[8];
        for (var i = 0; i < code.Length; i++) code[i] = Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{state}-CI-{year}-{new string(code)}";
    }

    public static bool IsWellFormed(string? number) =>
        number is { Length: 19 } n && char.IsAsciiLetterUpper(n[0]) && char.IsAsciiLetterUpper(n[1]) && n[2..6] == "-CI-" && n[6..10].All(char.IsAsciiDigit)
        && n[10] == '-' && n[11..].All(c => Alphabet.Contains(c));
}
