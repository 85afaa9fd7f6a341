using Cebu.Core.Platform.Csv;
using System.Globalization;
using System.Text;
using System.Text.Json;

/// <summary>
/// The look-up must stay correct while it gets faster: these run against the server before every measurement.
/// check-demo holds on the demo data alone; check-bench holds on the 100,000 generated agencies too.
/// </summary>
internal static class Checks
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static int _failures, _passes;

    public static async Task<int> Run(string mode, string baseUrl, string? dataDir)
    {
        Http.BaseAddress = new Uri(baseUrl);
        if (mode == "check-demo")
        {
            await First("golden lotus", "KH-DEMO-001");
            await First("KH-DEMO-004", "KH-DEMO-004", status: "blacklisted");
            await Finds("ផ្កាឈូក", "KH-DEMO-001");
            await First("cong ty co phan nhan luc sao vang", "VN-DEMO-001");
            await First("GOLDEN-LOTUS", "KH-DEMO-001");
            await First("Golden  Lotus Manpower Co Ltd", "KH-DEMO-001");
            await Finds("lotus manpower", "KH-DEMO-001");
            await Finds("ရွှေကြာ", "MM-DEMO-001");
            await Finds("ດອກຈຳປາ", "LA-DEMO-001");
            await Finds("Manpower Lotus Golden", "KH-DEMO-001");  // words in another order
            await Empty("no such agency anywhere");
        }
        else
        {
            // Exact licence numbers and exact names must come first however many agencies share their words.
            await First("KH-DEMO-004", "KH-DEMO-004", status: "blacklisted");
            await First("cong ty co phan nhan luc sao vang", "VN-DEMO-001");
            await StartsWith("GOLDEN-LOTUS", "goldenlotus");
            await Finds("ផ្កាឈូកមាស", "KH-DEMO-001");
            await Empty("no such agency anywhere");
            var rng = new Random(7);
            var rows = Directory.GetFiles(dataDir ?? throw new ArgumentException("check-bench needs DATADIR"), "agencies-*.csv").Order()
                .SelectMany(f => { using var r = File.OpenText(f); return Csv.Read(r).Skip(1).Select(rec => rec.Fields).ToList(); }).ToList();
            for (var i = 0; i < 40; i++)
            {
                var f = rows[rng.Next(rows.Count)];
                await First(f[0], f[0]);                                  // the licence number
                await First(f[0].ToLowerInvariant().Replace('-', ' '), f[0]);
                await FirstNamed(f[1].ToUpperInvariant(), f[1]);          // the legal name, shouted
            }
        }
        await Problem("");
        await Problem(null);
        await Problem("  -- ");
        Console.WriteLine($"{_passes} passed, {_failures} failed");
        return _failures == 0 ? 0 : 1;
    }

    private static async Task<JsonElement> Get(string q)
    {
        using var res = await Http.GetAsync("/api/v1/public/agencies?q=" + Uri.EscapeDataString(q));
        var body = await res.Content.ReadAsStringAsync();
        if (!res.IsSuccessStatusCode) throw new InvalidOperationException($"q={q}: HTTP {(int)res.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("items");
    }

    private static async Task Check(string what, Func<JsonElement, string?> problem, string q)
    {
        try
        {
            var items = await Get(q);
            var p = problem(items);
            if (p is null) { _passes++; return; }
            _failures++;
            Console.WriteLine($"FAIL {what} (q={q}): {p}");
        }
        catch (Exception e)
        {
            _failures++;
            Console.WriteLine($"FAIL {what} (q={q}): {e.Message}");
        }
    }

    private static string Licence(JsonElement item) => item.GetProperty("licenceNumber").GetString()!;

    private static Task First(string q, string licence, string? status = null) =>
        Check($"{licence} first", items =>
            items.GetArrayLength() == 0 ? "no result"
            : Licence(items[0]) != licence ? $"first is {Licence(items[0])} {items[0].GetProperty("name")}"
            : status is not null && items[0].GetProperty("status").GetString() != status ? $"status {items[0].GetProperty("status")}" : null, q);

    private static Task FirstNamed(string q, string name) =>
        Check($"'{name}' first", items =>
            items.GetArrayLength() == 0 ? "no result"
            : !string.Equals(items[0].GetProperty("name").GetString(), name, StringComparison.Ordinal) ? $"first is {Licence(items[0])} {items[0].GetProperty("name")}" : null, q);

    private static Task Finds(string q, string licence) =>
        Check($"finds {licence}", items => items.EnumerateArray().Any(i => Licence(i) == licence) ? null : $"not among {items.GetArrayLength()} results", q);

    private static Task StartsWith(string q, string folded) =>
        Check($"first starts with {folded}", items =>
            items.GetArrayLength() == 0 ? "no result"
            : !Fold(items[0].GetProperty("name").GetString()!).StartsWith(folded, StringComparison.Ordinal) ? $"first is {items[0].GetProperty("name")}" : null, q);

    private static Task Empty(string q) => Check("no result", items => items.GetArrayLength() == 0 ? null : $"{items.GetArrayLength()} results", q);

    private static async Task Problem(string? q)
    {
        try
        {
            using var res = await Http.GetAsync(q is null ? "/api/v1/public/agencies" : "/api/v1/public/agencies?q=" + Uri.EscapeDataString(q));
            var type = res.Content.Headers.ContentType?.MediaType;
            if ((int)res.StatusCode == 400 && type == "application/problem+json") { _passes++; return; }
            _failures++;
            Console.WriteLine($"FAIL q={q ?? "(none)"} should be a 400 problem: HTTP {(int)res.StatusCode} {type}");
        }
        catch (HttpRequestException e)
        {
            _failures++;
            Console.WriteLine($"FAIL q={q ?? "(none)"} should be a 400 problem: {e.Message}");
        }
    }

    private static string Fold(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD))
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
