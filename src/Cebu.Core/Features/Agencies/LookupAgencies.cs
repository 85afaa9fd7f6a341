using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Cebu.Matching;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

/// <summary>What the public may know of a licence: enough to decide whether to pay the agency.</summary>
public sealed record PublicAgency(
    string LicenceNumber, string Name, IReadOnlyList<string> OtherNames, string LicensingState, LicenceStatus Status,
    DateOnly ValidUntil, IReadOnlyList<string> AccreditedDestinations, IReadOnlyList<string> AccreditedSectors,
    DateOnly? StatusSince, string? StatusReason);

public sealed record PublicLookupResult(string Query, IReadOnlyList<PublicAgency> Items);

/// <summary>
/// The public check a worker makes before paying an agency: by name (any of its names, in any script, partial,
/// ignoring case, accents, punctuation and spacing) or by licence number; the best match first.
/// Reads across every licensing state on purpose: licence status and blacklists are public (access rule 6).
/// </summary>
/// <remarks>
/// The look-up reads the node's in-memory copy of the public registry (<see cref="PublicAgencyRegistry"/>), the
/// database index's prefix terms plus each whole name and licence number (<see cref="AgencySearchIndex.PublicTermsFor"/>), in the database's byte order, and every query reads a bounded number of its
/// entries however many agencies match (see docs/benchmarks.md): the first entries of three ranges (whole names
/// starting with the query, whole licence numbers starting with it, any word starting with it); the agencies they
/// name are ranked by the tier each entry implies, and the exact rank (<see cref="RankKeys"/>)
/// orders the 20 best. When a query names more agencies of the same tier than the ranges read, the 20 shown are
/// taken from the first ones in the byte order of the folded name. A query of several words that matches nothing as
/// written is answered by the agencies that have every word, in any order.
/// </remarks>
public sealed class LookupAgencies(PublicAgencyRegistry registry, TimeProvider clock)
{
    public const int MaxResults = 20;
    /// <summary>Index entries read from each range: enough for 20 distinct agencies with several names each.</summary>
    internal const int NameWindow = 60, LicenceWindow = 30, WordWindow = 100;
    /// <summary>For a query of several words: how many of its words are used, and how many entries of the rarest are read.</summary>
    internal const int MaxWords = 6, WordScan = 250;

    private const int TierLicence = 100, TierName = 90, TierNameStart = 80, TierLicenceStart = 70, TierWord = 60;

    public async Task<Outcome<PublicLookupResult>> Handle(string? q, CancellationToken ct)
    {
        var folded = string.IsNullOrWhiteSpace(q) ? "" : NameFolding.Key(q);
        if (folded.Length == 0)
            return Problem.Invalid("q", "Send the agency's name or licence number in 'q', for example ?q=Golden%20Star or ?q=KH-2019-0042.");
        if (q!.Length > 200) return Problem.Invalid("q", "A search has at most 200 characters: send part of the name or the licence number.");

        var s = await registry.CurrentAsync(ct);
        var key = NameFolding.Cut(folded);
        var rows = Best(s, key);
        if (rows.Count == 0)
        {
            var tokens = NameFolding.Tokens(q).Select(t => NameFolding.Cut(t.Replace(" ", ""))).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (tokens.Count < 2) return new PublicLookupResult(q, []);
            // Words in another order, or with words between them: every word must start a term of the agency.
            rows = EveryWord(s, tokens).OrderBy(a => a.LegalName.Length).ThenBy(a => a.LegalName, StringComparer.Ordinal).Take(MaxResults).ToList();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var items = rows
            .Select(a => (a, rank: RankKeys(key, a.LicenceKey, a.NameKeys)))
            .OrderByDescending(x => x.rank).ThenBy(x => x.a.LegalName.Length).ThenBy(x => x.a.LegalName, StringComparer.Ordinal)
            .Take(MaxResults)
            .Select(x =>
            {
                var a = x.a;
                var status = Agency.EffectiveStatus(a.Status, a.ValidUntil, today);
                var adverse = status is LicenceStatus.Suspended or LicenceStatus.Cancelled or LicenceStatus.Blacklisted;
                return new PublicAgency(a.LicenceNumber, a.LegalName, a.OtherNames, a.LicensingState, status, a.ValidUntil,
                    a.Destinations, a.Sectors, Since(a.Status, status, a.StatusSince, a.ValidUntil), adverse ? a.StatusReason : null);
            }).ToList();
        return new PublicLookupResult(q, items);
    }

    /// <summary>
    /// The at most 20 best agencies by the tier of their best entry in the three ranges, then by the length of that
    /// entry (the closer the name to the query, the shorter), then by id.
    /// </summary>
    private static List<PublicAgencyRegistry.Entry> Best(PublicAgencyRegistry.Snapshot s, string key)
    {
        var name = AgencySearchIndex.Marked(AgencySearchIndex.NameStart, key);
        var licence = AgencySearchIndex.Marked(AgencySearchIndex.LicenceStart, key);
        var hits = new Dictionary<PublicAgencyRegistry.Entry, (int Tier, int Length)>();
        void Hit(PublicAgencyRegistry.Entry a, int tier, int length)
        {
            hits[a] = hits.TryGetValue(a, out var h) ? (Math.Max(h.Tier, tier), Math.Min(h.Length, length)) : (tier, length);
        }
        void Range(string prefix, int window, int whole, int start)
        {
            var taken = 0;
            for (var i = s.LowerBound(prefix); i < s.Terms.Length && taken < window && s.Terms[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            {
                taken++;
                if (s.BaseOwner(i) is { } a) Hit(a, s.Terms[i].Length == prefix.Length ? whole : start, s.Terms[i].Length);
            }
            foreach (var (_, a) in s.Overlay)
                if (a is not null)
                    foreach (var t in a.Terms)
                        if (t.StartsWith(prefix, StringComparison.Ordinal)) Hit(a, t.Length == prefix.Length ? whole : start, t.Length);
        }
        Range(name, NameWindow, TierName, TierNameStart);
        Range(licence, LicenceWindow, TierLicence, TierLicenceStart);
        Range(key, WordWindow, TierWord, TierWord);
        return hits.OrderByDescending(h => h.Value.Tier).ThenBy(h => h.Value.Length).ThenBy(h => h.Key.Id)
            .Take(MaxResults).Select(h => h.Key).ToList();
    }

    /// <summary>
    /// Agencies with a term starting with each word: the first <see cref="WordScan"/> entries of the rarest word are
    /// the candidates, and each is checked against its own terms for the other words, the rarer first (so most
    /// candidates fail at the first check). A word nobody has ends it at once.
    /// </summary>
    private static List<PublicAgencyRegistry.Entry> EveryWord(PublicAgencyRegistry.Snapshot s, List<string> tokens)
    {
        var ranges = tokens.OrderByDescending(t => t.Length).Take(MaxWords)
            .Select(w => (Word: w, From: s.LowerBound(w), To: s.LowerBound(w + '\uffff'))).OrderBy(r => r.To - r.From).ToList();
        var others = ranges.Skip(1).ToArray();
        // A base agency has a word when one of its terms sits in the word's range of the sorted array.
        bool HasOthers(PublicAgencyRegistry.Entry a)
        {
            foreach (var (_, from, to) in others)
            {
                var found = false;
                foreach (var p in a.Positions)
                    if (p >= from && p < to) { found = true; break; }
                if (!found) return false;
            }
            return true;
        }
        bool OverlayHasAll(PublicAgencyRegistry.Entry a) =>
            ranges.TrueForAll(r => Array.Exists(a.Terms, t => t.StartsWith(r.Word, StringComparison.Ordinal)));
        var result = new List<PublicAgencyRegistry.Entry>();
        var seen = new HashSet<PublicAgencyRegistry.Entry>();
        var rarest = ranges[0];
        for (var i = rarest.From; i < rarest.To && i < rarest.From + WordScan; i++)
            if (s.BaseOwner(i) is { } a && seen.Add(a) && HasOthers(a)) result.Add(a);
        foreach (var (_, a) in s.Overlay)
            if (a is not null && OverlayHasAll(a)) result.Add(a);
        return result;
    }

    /// <summary>Since when an adverse status holds: the decision's date, or for a licence that ran out, the day after its end date.</summary>
    private static DateOnly? Since(LicenceStatus stored, LicenceStatus effective, DateOnly? statusSince, DateOnly validUntil) => effective switch
    {
        LicenceStatus.Suspended or LicenceStatus.Cancelled or LicenceStatus.Blacklisted => statusSince ?? validUntil,
        LicenceStatus.Expired => stored == LicenceStatus.Expired ? statusSince ?? validUntil.AddDays(1) : validUntil.AddDays(1),
        _ => null,
    };

    /// <summary>Higher is better: the licence number itself, then a whole name, then a name's start, then any word's start.</summary>
    public static int Rank(string key, string licenceNumber, IEnumerable<string> names) =>
        RankKeys(key, NameFolding.Key(licenceNumber), names.Select(NameFolding.Key).ToList());

    /// <summary>The same on keys already folded (<see cref="NameFolding.Key"/>).</summary>
    internal static int RankKeys(string key, string licence, IReadOnlyList<string> nameKeys)
    {
        if (licence == key) return TierLicence;
        var best = 0;
        foreach (var nk in nameKeys)
        {
            if (nk == key) return TierName;
            if (nk.StartsWith(key, StringComparison.Ordinal)) best = Math.Max(best, TierNameStart);
            else if (nk.Contains(key, StringComparison.Ordinal)) best = Math.Max(best, TierWord);
            else best = Math.Max(best, 40);
        }
        if (licence.Contains(key, StringComparison.Ordinal)) best = Math.Max(best, TierLicenceStart);
        return best;
    }
}
