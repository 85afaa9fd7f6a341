// The data set and query mix of the agency look-up benchmark (bench/agency-lookup/README.md).
//
//   agency-lookup-bench generate OUTDIR [--total 100000] [--queries 4000] [--seed 20261123]
//
// writes OUTDIR/agencies-XX.csv (one file per licensing state, in the layout `cebu agencies import` reads),
// OUTDIR/queries.txt (one URL path per line, for the wrk Lua script) and OUTDIR/dataset.txt (what was made).
// Everything is fictional: names are random combinations of common words, licence numbers contain BENCH,
// addresses are on Example Street and e-mail is at example.org. The same seed gives the same files.
//
// check-demo and check-bench assert that the look-up still answers correctly before its speed is measured.
using System.Globalization;
using System.Text;

if (args.Length >= 4 && args[0] == "profile")
    return await Profile.Run(args[1], args[2], args[3], args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20, args.Length > 5 ? args[5] : null);
if (args.Length >= 2 && args[0] is "check-demo" or "check-bench")
    return await Checks.Run(args[0], args[1], args.Length > 2 ? args[2] : null);
if (args.Length < 2 || args[0] != "generate")
{
    Console.Error.WriteLine("""
        usage: agency-lookup-bench generate OUTDIR [--total N] [--queries N] [--seed N]
               agency-lookup-bench check-demo BASEURL            (the look-up's rules on the demo data)
               agency-lookup-bench check-bench BASEURL DATADIR   (the same rules at scale, on the generated data)
               agency-lookup-bench profile PROVIDER CONNECTION DATADIR [SECONDS [KIND]] (in-process time per kind of query)
        """);
    return 2;
}
var outDir = args[1];
int Opt(string name, int fallback) { var i = Array.IndexOf(args, name); return i > 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback; }
var total = Opt("--total", 100_000);
var queryCount = Opt("--queries", 4000);
var seed = Opt("--seed", 20261123);
Directory.CreateDirectory(outDir);

var rng = new Random(seed);
var states = Vocabulary.States;
var shareSum = states.Sum(s => s.Share);
var all = new List<Generated>();
foreach (var s in states)
{
    var count = (int)Math.Round(total * s.Share / shareSum);
    if (s == states[^1]) count = total - all.Count;
    var rows = new List<Generated>(count);
    var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    for (var n = 1; n <= count; n++)
    {
        string legal;
        var tries = 0;
        do legal = s.LegalName(rng); while (!usedNames.Add(legal) && ++tries < 100);
        var year = 2012 + rng.Next(14);
        var licence = $"{s.Code}-BENCH-{year}-{n:00000}";
        var others = new List<string>();
        if (s.LocalName is not null && rng.NextDouble() < s.LocalShare) others.Add(s.LocalName(rng));
        if (rng.NextDouble() < 0.15) others.Add(Vocabulary.TradingName(legal, rng));
        var from = new DateOnly(year, 1 + rng.Next(12), 1 + rng.Next(28));
        var until = from.AddYears(3 + rng.Next(3));
        var roll = rng.NextDouble();
        var (status, reason) = roll switch
        {
            < 0.03 => ("suspended", "Charged placement fees above the legal ceiling (fictional benchmark record)."),
            < 0.05 => ("cancelled", "Bank guarantee not restored within the period allowed (fictional benchmark record)."),
            < 0.07 => ("blacklisted", "Deployed workers with falsified contracts (fictional benchmark record)."),
            _ => ("active", ""),
        };
        if (status == "active" && rng.NextDouble() < 0.04) until = new DateOnly(2025, 1 + rng.Next(12), 1 + rng.Next(28)); // expired
        if (until <= from) until = from.AddYears(3);
        var dest = s.Destinations.OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)).Select(d => $"{d}:{Vocabulary.Sectors[rng.Next(Vocabulary.Sectors.Length)]}");
        rows.Add(new Generated(s, licence, legal, others, $"{1 + rng.Next(400)} Example Street, {s.City}",
            $"+{s.Dial} 000 {rng.Next(100000, 999999)}", $"office{n}@{s.Code.ToLowerInvariant()}-bench.example.org",
            $"{Vocabulary.Person(s, rng)} (director)", from, until, string.Join("; ", dest), status,
            status == "active" ? "" : from.AddDays(rng.Next(300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason,
            status == "active" ? "" : s.Law));
    }
    WriteCsv(Path.Combine(outDir, $"agencies-{s.Code}.csv"), rows);
    all.AddRange(rows);
}

var queries = Queries.Make(all, queryCount, rng);
File.WriteAllLines(Path.Combine(outDir, "queries.txt"), queries.Select(q => "/api/v1/public/agencies?q=" + Uri.EscapeDataString(q.Text)));
File.WriteAllLines(Path.Combine(outDir, "queries-readable.tsv"), queries.Select(q => $"{q.Kind}\t{q.Text}"));
var summary = new StringBuilder();
summary.AppendLine($"seed {seed}; {all.Count} agencies: " + string.Join(", ", states.Select(s => $"{s.Code} {all.Count(a => a.State == s)}")));
summary.AppendLine($"with a local-script name: {all.Count(a => a.OtherNames.Any(n => n.Any(c => c > '\u0E00')))}; with a second Latin name: {all.Count(a => a.OtherNames.Any(n => !n.Any(c => c > '\u0E00')))}");
summary.AppendLine($"statuses: " + string.Join(", ", all.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
summary.AppendLine($"{queries.Count} queries: " + string.Join(", ", queries.GroupBy(q => q.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
File.WriteAllText(Path.Combine(outDir, "dataset.txt"), summary.ToString());
Console.Write(summary);
return 0;

static void WriteCsv(string path, List<Generated> rows)
{
    using var w = new StreamWriter(path, false, new UTF8Encoding(false));
    w.WriteLine("licence_number,legal_name,other_names,address,phone,email,website,principals,valid_from,valid_until,accreditations,status,status_since,status_reason,status_legal_reference");
    foreach (var r in rows)
    {
        string[] f =
        [
            r.Licence, r.LegalName, string.Join("; ", r.OtherNames), r.Address, r.Phone, r.Email, "", r.Principal,
            r.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Accreditations, r.Status, r.StatusSince, r.Reason, r.Law,
        ];
        w.WriteLine(string.Join(",", f.Select(Quote)));
    }
    static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}

internal sealed record Generated(
    State State, string Licence, string LegalName, List<string> OtherNames, string Address, string Phone, string Email, string Principal,
    DateOnly ValidFrom, DateOnly ValidUntil, string Accreditations, string Status, string StatusSince, string Reason, string Law);

internal sealed record Query(string Kind, string Text);

internal static class Queries
{
    /// <summary>
    /// What workers type: a whole name (in any case and punctuation), part of one, the start of a word, a licence
    /// number (whole or its series), a fragment of a local-script name, Vietnamese without its accents, and names
    /// that are in no registry at all.
    /// </summary>
    public static List<Query> Make(List<Generated> all, int count, Random rng)
    {
        var list = new List<Query>(count);
        var localNamed = all.Where(a => a.OtherNames.Any(n => n.Any(c => c >= '\u0E00'))).ToList();
        var vietnamese = all.Where(a => a.State.Code == "VN").ToList();
        while (list.Count < count)
        {
            var a = all[rng.Next(all.Count)];
            var words = a.LegalName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var form = CompanyForm(a.LegalName); // "PT", "Công ty TNHH": typed before the name, or left out
            var roll = rng.Next(100);
            Query q = roll switch
            {
                < 18 => new("name", Vary(a.LegalName, rng)),
                < 30 => new("name-start", string.Join(' ', words.Take(Math.Min(words.Length, form + 1 + rng.Next(2))))),
                < 40 => new("name-middle", string.Join(' ', words.Skip(form + 1).Take(2))),
                < 46 => new("word-start", Cut(string.Join(' ', words.Skip(form).Take(2)), rng)),
                < 58 => new("licence", rng.Next(3) == 0 ? a.Licence.ToLowerInvariant().Replace("-", " ") : a.Licence),
                < 61 => new("licence-series", a.Licence[..^3]),
                < 76 => LocalFragment(localNamed[rng.Next(localNamed.Count)], rng),
                < 84 => new("vietnamese-unaccented", Unaccent(string.Join(' ', vietnamese[rng.Next(vietnamese.Count)].LegalName.Split(' ').Skip(rng.Next(2) * 3)))),
                < 90 => new("words-reordered", string.Join(' ', words.Where(w => w.Length > 3).Take(3).Reverse())),
                _ => new("miss", Vocabulary.Miss(rng)),
            };
            if (q.Text.Trim().Length > 0) list.Add(q);
        }
        return list;
    }

    private static readonly string[] LocalForms = ["ក្រុមហ៊ុន", "ບໍລິສັດ", "บริษัท", "จำกัด", "ပြည်ပအလုပ်အကိုင်", "လူအင်အား"];

    private static Query LocalFragment(Generated a, Random rng)
    {
        var local = a.OtherNames.First(n => n.Any(c => c >= '\u0E00'));
        // The distinctive part (not the word for "company"), whole or only its first letters; no mark starts it.
        var name = local.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(w => !LocalForms.Contains(w));
        if (rng.Next(3) == 0) return new("local-whole", local);
        var length = Math.Min(name.Length, 4 + rng.Next(name.Length));
        while (length < name.Length && CharUnicodeInfo.GetUnicodeCategory(name[length]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) length++;
        return new("local-fragment", name[..length]);
    }

    private static int CompanyForm(string legal) =>
        legal.StartsWith("PT ", StringComparison.Ordinal) ? 1
        : legal.StartsWith("Công ty Cổ phần Nhân lực ", StringComparison.Ordinal) ? 6
        : legal.StartsWith("Công ty TNHH ", StringComparison.Ordinal) ? 3 : 0;

    private static string Vary(string name, Random rng) => rng.Next(4) switch
    {
        0 => name.ToUpperInvariant(),
        1 => name.ToLowerInvariant().Replace(",", "").Replace(".", ""),
        2 => name.Replace(' ', '-'),
        _ => name,
    };

    private static string Cut(string text, Random rng) => text[..Math.Max(3, text.Length - 1 - rng.Next(Math.Max(1, text.Length / 3)))];

    private static string Unaccent(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in d)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        return sb.ToString().ToLowerInvariant();
    }
}

internal sealed record State(
    string Code, string City, string Dial, double Share, string Law, string[] Destinations, string[] Words, string[] Tails, string[] People,
    double LocalShare, Func<Random, string>? LocalName, Func<Random, string>? Pattern = null)
{
    public string LegalName(Random rng) => Pattern?.Invoke(rng) ?? $"{Pick(Words, rng)} {Pick(Words, rng)}{(rng.Next(3) == 0 ? " " + Pick(Words, rng) : "")} {Pick(Tails, rng)}";

    public static string Pick(string[] a, Random rng) => a[rng.Next(a.Length)];
}

internal static class Vocabulary
{
    public static readonly string[] Sectors = ["manufacturing", "construction", "agriculture", "fishing", "domestic-work", "hospitality", "care", "services"];

    private static readonly string[] Khmer = ["ផ្កាឈូក", "មាស", "មេគង្គ", "អង្គរ", "ភ្លឺ", "ថ្មី", "ពន្លឺ", "ទន្លេ", "ជំនាញ", "អនាគត", "រស្មី", "សុខ", "ការងារ", "បាយ័ន", "ព្រះអាទិត្យ", "ត្បូង", "ពេជ្រ", "សិរី", "រុងរឿង", "មង្គល", "សន្តិភាព", "ចម្ប៉ា", "ដំរី", "ផ្កាយ"];
    private static readonly string[] Burmese = ["ရွှေ", "ကြာ", "ပြည်", "ရတနာ", "အောင်", "လင်း", "မင်္ဂလာ", "နေ", "ကမ္ဘာ", "ဧရာဝတီ", "ပုဂံ", "ကြယ်", "မြ", "စိန်", "သစ္စာ", "ငြိမ်း", "ထွန်း", "ဝင်း"];
    private static readonly string[] Lao = ["ດອກຈຳປາ", "ຄຳ", "ແມ່ນ້ຳຂອງ", "ລ້ານຊ້າງ", "ຮຸ່ງເຮືອງ", "ແສງ", "ດາວ", "ສີ", "ພູ", "ຟ້າ", "ໃໝ່", "ສະຫວັນ", "ມິດຕະພາບ", "ວຽງ"];
    private static readonly string[] Thai = ["ดาว", "ทอง", "บัว", "รุ่งเรือง", "สยาม", "ฟ้า", "ใหม่", "เจริญ", "มั่นคง", "แสง", "ทะเล", "ภูเขา", "มิตร", "สุข", "เพชร", "ชัย"];

    private static readonly string[] IdWords =
        ["Teratai", "Emas", "Sejahtera", "Nusantara", "Karya", "Mandiri", "Garuda", "Tenaga", "Kerja", "Bintang", "Timur", "Sumber", "Daya", "Merapi", "Jaya", "Insani", "Samudra", "Biru", "Cahaya", "Harapan",
        "Bangsa", "Putra", "Abadi", "Makmur", "Sentosa", "Mulia", "Utama", "Perkasa", "Indah", "Sakti", "Prima", "Lestari", "Rinjani", "Bromo", "Toba", "Melati", "Anggrek", "Rajawali", "Cendana", "Kencana"];
    private static readonly string[] VnWords =
        ["Sao Vàng", "Hoa Sen", "Lạc Hồng", "Sông Hồng", "Trường Sơn", "Hạ Long", "Đông Á", "Phương Nam", "Bình Minh", "Thăng Long", "Hùng Vương", "Việt Nhật", "Toàn Cầu", "Thành Công", "Phú Quý",
             "Hưng Thịnh", "Đại Dương", "Ánh Dương", "Bảo Minh", "An Phát", "Kim Long", "Tân Tiến", "Hòa Bình", "Đức Tài", "Minh Đức", "Quang Trung", "Sài Gòn", "Hải Phòng", "Cửu Long", "Tây Nguyên"];

    public static readonly State[] States =
    [
        new("KH", "Phnom Penh", "855", 16, "Sub-Decree No. 190 on the Management of the Sending of Cambodian Workers Abroad through Private Recruitment Agencies (2011)",
            ["TH", "MY", "KR", "JP", "SG"],
            ["Angkor", "Mekong", "Tonle", "Bayon", "Khmer", "Sunrise", "Golden", "Lotus", "Royal", "Apsara", "Preah", "Kampot", "Siem", "Battambang", "Kep", "Koh", "Kong", "Phnom", "Sokha", "Chanthou",
             "Dara", "Bopha", "Rumduol", "Neak", "Sovann", "Bright", "Future", "Star", "Rice", "Temple", "River", "Lucky", "Prosper", "Kampuchea", "Naga", "Champa", "Silver", "Jasmine", "Palm", "Harmony"],
            ["Manpower Co., Ltd.", "Recruitment Co., Ltd.", "Human Resources Co., Ltd.", "Overseas Employment Co., Ltd.", "Workforce Agency", "Placement Services Co., Ltd.", "Manpower Services"],
            ["Sokha Example", "Dara Sample", "Vannak Placeholder", "Chenda Fictional", "Rithy Example", "Sreymom Sample"],
            0.55, r => "ក្រុមហ៊ុន " + string.Concat(Enumerable.Range(0, 2 + r.Next(2)).Select(_ => State.Pick(Khmer, r)))),
        new("PH", "Manila", "63", 20, "Republic Act No. 8042 (Migrant Workers and Overseas Filipinos Act of 1995), as amended by Republic Act No. 10022, sec. 6",
            ["SG", "MY", "HK", "SA", "AE", "TW", "JP", "QA", "KW"],
            ["Bayanihan", "Sampaguita", "Mabuhay", "Luzon", "Visayas", "Mindanao", "Pearl", "Orient", "Island", "Star", "Banaue", "Bagong", "Araw", "Maharlika", "Tala", "Bituin", "Dagat", "Perlas", "Kalayaan",
             "Pag-asa", "Likha", "Hiraya", "Alon", "Narra", "Mayon", "Taal", "Bohol", "Cebuano", "Ilocos", "Golden", "Global", "Pacific", "Sunshine", "Harvest", "Anahaw", "Ylang", "Carabao", "Tarsier"],
            ["Overseas Placement Inc.", "Manpower Services Corp.", "International Recruitment Agency, Inc.", "Global Staffing Inc.", "Employment Agency Corp.", "Human Resources Inc."],
            ["Juan Example", "Maria Sample", "Jose Placeholder", "Ana Fictional", "Pedro Example", "Liza Sample"],
            0, null),
        new("ID", "Jakarta", "62", 20, "Law No. 18 of 2017 on the Protection of Indonesian Migrant Workers",
            ["MY", "SG", "HK", "TW", "SA", "KR"],
            IdWords,
            [], ["Budi Contoh", "Siti Sampel", "Agus Fiktif", "Dewi Contoh", "Rina Sampel", "Eko Fiktif"],
            0, null, r => $"PT {State.Pick(IdWords, r)} {State.Pick(IdWords, r)}{(r.Next(2) == 0 ? " " + State.Pick(IdWords, r) : "")}"),
        new("MM", "Yangon", "95", 12, "Law Relating to Overseas Employment (State Law and Order Restoration Council Law No. 3/99, 1999)",
            ["TH", "MY", "SG", "JP", "KR"],
            ["Shwe", "Lotus", "Golden", "Land", "Irrawaddy", "Bright", "Star", "Myanmar", "Future", "Bagan", "Sunrise", "Inle", "Horizon", "Mandalay", "Hill", "Shwedagon", "Light", "Yadanar", "Aung", "Myint",
             "Thiri", "Zaw", "Mingalar", "Padauk", "Chindwin", "Salween", "Pyay", "Mawlamyine", "Ruby", "Jade"],
            ["Overseas Employment Co., Ltd.", "Manpower Co., Ltd.", "Agency Co., Ltd.", "Employment Services Co., Ltd.", "Recruitment Co., Ltd."],
            ["U Aung Example", "Daw Khin Sample", "Ko Min Placeholder", "Ma Thida Fictional"],
            0.6, r => string.Concat(Enumerable.Range(0, 2 + r.Next(2)).Select(_ => State.Pick(Burmese, r))) + " " + (r.Next(2) == 0 ? "ပြည်ပအလုပ်အကိုင်" : "လူအင်အား")),
        new("VN", "Ha Noi", "84", 18, "Law on Vietnamese Guest Workers, No. 69/2020/QH14 (2020)",
            ["JP", "KR", "TW", "MY", "SA"],
            VnWords,
            [], ["Nguyễn Văn Ví Dụ", "Trần Thị Mẫu", "Lê Văn Giả Định", "Phạm Thị Hư Cấu"],
            0, null, r => r.Next(3) switch
            {
                0 => $"Công ty Cổ phần Nhân lực {State.Pick(VnWords, r)} {State.Pick(VnWords, r)}{(r.Next(2) == 0 ? " " + State.Pick(VnWords, r) : "")}",
                1 => $"Công ty TNHH {State.Pick(VnWords, r)} {State.Pick(VnWords, r)}{(r.Next(2) == 0 ? " " + State.Pick(VnWords, r) : "")} Quốc tế",
                _ => $"{State.Pick(VnWords, r)} {State.Pick(VnWords, r)} {State.Pick(["Manpower JSC", "Human Resources", "Overseas Labour", "Cung ứng Nhân lực", "Xuất khẩu Lao động"], r)}",
            }),
        new("LA", "Vientiane", "856", 6, "Labour Law No. 43/NA (2013), articles on the sending of Lao workers abroad",
            ["TH", "JP", "KR", "MY"],
            ["Golden", "Champa", "Mekong", "Riverside", "Luang", "Prabang", "Vientiane", "Horizon", "Plain", "Jars", "Lane", "Xang", "Pha", "That", "Savan", "Champasak", "Khong", "Phousi", "Nam", "Ngum", "Dok", "Keo"],
            ["Manpower Co., Ltd.", "Employment Co., Ltd.", "Skills Services", "Recruitment Sole Co., Ltd.", "Workforce Agency"],
            ["Somchai Example", "Keo Sample", "Bounmy Placeholder", "Noy Fictional"],
            0.7, r => "ບໍລິສັດ " + string.Concat(Enumerable.Range(0, 2 + r.Next(2)).Select(_ => State.Pick(Lao, r)))),
        new("TH", "Bangkok", "66", 8, "Employment and Job-Seeker Protection Act B.E. 2528 (1985)",
            ["KR", "JP", "TW", "SA", "AE"],
            ["Siam", "Star", "Golden", "Lotus", "Chao", "Phraya", "Lanna", "Isan", "Andaman", "Rattana", "Chai", "Sombat", "Thong", "Dao", "Fah", "Mai", "Charoen", "Mankong", "Sang", "Talay", "Phet", "Sukhothai", "Ayutthaya"],
            ["Recruitment Co., Ltd.", "Employment Agency Co., Ltd.", "Overseas Placement Co., Ltd.", "Manpower Co., Ltd."],
            ["Somsak Example", "Malee Sample", "Anan Placeholder", "Nok Fictional"],
            0.65, r => "บริษัท " + string.Concat(Enumerable.Range(0, 2 + r.Next(2)).Select(_ => State.Pick(Thai, r))) + " จำกัด"),
    ];


    public static string TradingName(string legal, Random rng) =>
        legal.Split(' ')[legal.StartsWith("PT ") || legal.StartsWith("Công") ? ^1 : 0] + " " + State.Pick(["Jobs", "Careers", "Overseas", "Staffing", "Manpower"], rng);

    public static string Person(State s, Random rng) => State.Pick(s.People, rng);

    private static readonly string[] MissWords = ["Zephyrine", "Quillon", "Vortexa", "Nimbalo", "Oxbridge", "Kestrelia", "Marrowind", "Tessaly", "Ulvora", "Brindlewick", "Pyxara", "Yonderly"];
    private static readonly string[] MissLocal = ["ឆ្កែខ្មៅ", "ခွေးနက်", "ໝາດຳ", "หมาดำ"];

    public static string Miss(Random rng) => rng.Next(4) switch
    {
        0 => State.Pick(MissLocal, rng),
        1 => $"XX-BENCH-{rng.Next(2000, 2030)}-{rng.Next(99999):00000}",
        _ => $"{State.Pick(MissWords, rng)} {State.Pick(MissWords, rng)} Agency",
    };
}
