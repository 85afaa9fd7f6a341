using System.Globalization;
using System.Text;

namespace Cebu.Core.Features.Verification;

/// <summary>
/// Fictional civil registry extracts and verification requests, for the demo data and the benchmark: names made of
/// syllables common in the state's romanised names, registry numbers containing DEMO, and requests carrying the errors
/// the issue names (spelling variants, reordered names, day and month swapped, a mistyped digit, misread document
/// characters, parents' names left out), with the truth (which registry number each request is) kept apart.
/// </summary>
public sealed class SyntheticRegistry(string state, int seed)
{
    private readonly Random _random = new(seed);

    private static readonly Dictionary<string, (string[] Family, string[] Syllables, string[] Places)> Names = new()
    {
        ["KH"] = (["Sok", "Chan", "Kim", "Heng", "Meas", "Keo", "Chea", "Sam", "Ly", "Ouk", "Phan", "Nhem", "Prak", "Srey", "Touch", "Yim", "Vong", "Hun", "Long", "Mao"],
            ["Dara", "Sokha", "Vanna", "Chantha", "Sophea", "Rith", "Sovann", "Bopha", "Pisey", "Kosal", "Nary", "Vichet", "Sreymom", "Kunthea", "Rachana", "Sitha", "Phalla", "Vuthy", "Makara", "Thida", "Borey", "Sina", "Rotha", "Mealea"],
            ["Battambang", "Siem Reap", "Kampong Cham", "Prey Veng", "Takeo", "Kandal", "Svay Rieng", "Kampot", "Pursat", "Banteay Meanchey"]),
        ["MM"] = (["Aung", "Kyaw", "Htun", "Min", "Thu", "Khin", "Mar", "Soe", "Win", "Zaw", "Myint", "Naing", "Tun", "Hla", "Maung", "Oo", "Thein", "Nyein", "Lwin", "Moe"],
            ["Aung", "Kyaw", "Htun", "Thida", "Su", "Hlaing", "Phyo", "Zaw", "Myo", "Thet", "Ei", "Nandar", "Yadanar", "Htet", "Khaing", "Wai", "Yan", "Naing", "Shwe", "Sandar", "Kaung", "Pyae", "Nyi", "Chit"],
            ["Mandalay", "Bago", "Magway", "Sagaing", "Yangon", "Mawlamyine", "Dawei", "Pathein", "Hpa-An", "Taunggyi"]),
    };

    private (string[] Family, string[] Syllables, string[] Places) Set => Names.TryGetValue(state, out var s) ? s : Names["KH"];

    private string Pick(string[] a) => a[_random.Next(a.Length)];

    /// <summary>One fictional person of the registry, numbered n.</summary>
    public CivilRegistryRecord Person(int n)
    {
        var s = Set;
        var start = new DateOnly(1965, 1, 1);
        return new CivilRegistryRecord
        {
            State = state, RegistryNumber = $"{state}-CR-DEMO-{n:D7}",
            FamilyName = Pick(s.Family), GivenNames = $"{Pick(s.Syllables)} {Pick(s.Syllables)}",
            DateOfBirth = start.AddDays(_random.Next(14_600)), PlaceOfBirth = Pick(s.Places),
            FatherName = $"{Pick(s.Family)} {Pick(s.Syllables)}", MotherName = $"{Pick(s.Family)} {Pick(s.Syllables)}",
            DocumentNumbers = $"{state[0]}{_random.Next(10_000_000, 99_999_999)}",
        };
    }

    /// <summary>The identity a worker declares for a registry person, with some of the usual errors.</summary>
    public VerificationRequest Declared(CivilRegistryRecord p, string reference)
    {
        var r = new VerificationRequest
        {
            LocalReference = reference, FamilyName = p.FamilyName, GivenNames = p.GivenNames, DateOfBirth = p.DateOfBirth,
            PlaceOfBirth = _random.NextDouble() < 0.8 ? p.PlaceOfBirth : null,
            FatherName = _random.NextDouble() < 0.85 ? Variant(p.FatherName!) : null, MotherName = _random.NextDouble() < 0.85 ? Variant(p.MotherName!) : null,
            OldDocumentNumbers = _random.NextDouble() < 0.6 ? Misread(p.DocumentNumbers!) : null,
        };
        if (_random.NextDouble() < 0.35) r.GivenNames = Variant(r.GivenNames);
        if (_random.NextDouble() < 0.2) r.FamilyName = Variant(r.FamilyName);
        if (_random.NextDouble() < 0.15) (r.FamilyName, r.GivenNames) = (r.GivenNames, r.FamilyName); // written in the other order
        var d = r.DateOfBirth;
        var roll = _random.NextDouble();
        if (roll < 0.15 && d.Day <= 12) r.DateOfBirth = new DateOnly(d.Year, d.Day, d.Month);
        else if (roll < 0.22) r.DateOfBirth = d.AddDays(_random.Next(1, 9)); // a mistyped day
        return r;
    }

    /// <summary>Someone not in the registry (the truth for these is: not found).</summary>
    public VerificationRequest Stranger(string reference)
    {
        var p = Person(0);
        return new VerificationRequest
        {
            LocalReference = reference, FamilyName = p.FamilyName, GivenNames = p.GivenNames, DateOfBirth = p.DateOfBirth, PlaceOfBirth = p.PlaceOfBirth,
            FatherName = p.FatherName, MotherName = p.MotherName, OldDocumentNumbers = _random.NextDouble() < 0.5 ? p.DocumentNumbers : null,
        };
    }

    /// <summary>A romanisation variant of a name: an aspiration h dropped or added, oo/u, ou/u, a doubled or dropped letter.</summary>
    public string Variant(string name)
    {
        var words = name.Split(' ');
        var i = _random.Next(words.Length);
        var w = words[i];
        string[] from = ["Htun", "Tun", "Kh", "Ph", "Th", "oo", "ou", "y", "ea"];
        string[] to = ["Tun", "Htoon", "K", "P", "T", "u", "u", "i", "ia"];
        var options = Enumerable.Range(0, from.Length).Where(k => w.Contains(from[k], StringComparison.Ordinal)).ToList();
        if (options.Count > 0)
        {
            var k = options[_random.Next(options.Count)];
            w = w.Replace(from[k], to[k], StringComparison.Ordinal);
        }
        else if (w.Length > 3) w = _random.Next(2) == 0 ? w.Insert(w.Length - 1, w[^2].ToString()) : w.Remove(_random.Next(1, w.Length), 1);
        words[i] = w;
        return string.Join(' ', words);
    }

    /// <summary>A document number with one character misread as its look-alike (0/O, 1/I, 5/S, 8/B, 2/Z, 6/G).</summary>
    public string Misread(string number)
    {
        if (_random.NextDouble() < 0.5) return number;
        var positions = Enumerable.Range(0, number.Length).Where(i => "015826".Contains(number[i])).ToList();
        if (positions.Count == 0) return number;
        var p = positions[_random.Next(positions.Count)];
        var c = number[p] switch { '0' => 'O', '1' => 'I', '5' => 'S', '8' => 'B', '2' => 'Z', _ => 'G' };
        return number[..p] + c + number[(p + 1)..];
    }

    public static string CsvLine(CivilRegistryRecord r) => string.Join(',', new[]
        { r.RegistryNumber, r.FamilyName, r.GivenNames, r.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PlaceOfBirth, r.FatherName, r.MotherName, r.DocumentNumbers }.Select(Quote));

    public static string CsvLine(VerificationRequest r) => string.Join(',', new[]
        { r.LocalReference, r.FamilyName, r.GivenNames, r.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PlaceOfBirth, r.FatherName, r.MotherName, r.OldDocumentNumbers }.Select(Quote));

    private static string Quote(string? s) => s is null ? "" : s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>
    /// Writes registry.csv (records), requests.csv (requests: a share of them registry people with errors, the rest strangers)
    /// and truth.csv (local_reference,registry_number; empty for a stranger). Reports progress in records written.
    /// </summary>
    public static void WriteBenchmark(string directory, string state, int records, int requests, double inRegistry, int seed, IProgress<int>? progress = null)
    {
        Directory.CreateDirectory(directory);
        var g = new SyntheticRegistry(state, seed);
        var sample = new Dictionary<int, int>(); // registry line -> request number
        var pick = new Random(seed + 1);
        var wanted = (int)(requests * inRegistry);
        while (sample.Count < wanted) sample.TryAdd(pick.Next(1, records + 1), sample.Count);
        var chosen = new CivilRegistryRecord[wanted];
        using (var w = new StreamWriter(Path.Combine(directory, "registry.csv"), false, new UTF8Encoding(false), 1 << 16))
        {
            w.WriteLine(string.Join(',', ImportRegistry.Columns));
            for (var n = 1; n <= records; n++)
            {
                var p = g.Person(n);
                w.WriteLine(CsvLine(p));
                if (sample.TryGetValue(n, out var k)) chosen[k] = p;
                if (n % 50_000 == 0) progress?.Report(n);
            }
        }
        var errors = new SyntheticRegistry(state, seed + 2);
        using var rq = new StreamWriter(Path.Combine(directory, "requests.csv"), false, new UTF8Encoding(false));
        using var truth = new StreamWriter(Path.Combine(directory, "truth.csv"), false, new UTF8Encoding(false));
        rq.WriteLine(string.Join(',', VerificationInput.Columns));
        truth.WriteLine("local_reference,registry_number");
        var order = Enumerable.Range(0, requests).OrderBy(_ => pick.Next()).ToArray();
        foreach (var i in order)
        {
            var reference = $"REQ-{i + 1:D6}";
            if (i < wanted) { rq.WriteLine(CsvLine(errors.Declared(chosen[i], reference))); truth.WriteLine($"{reference},{chosen[i].RegistryNumber}"); }
            else { rq.WriteLine(CsvLine(errors.Stranger(reference))); truth.WriteLine($"{reference},"); }
        }
    }
}
