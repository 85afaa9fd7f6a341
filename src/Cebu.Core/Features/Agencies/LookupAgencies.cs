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

internal static class AgencyLookup
{
    /// <summary>Agency ids with a search term starting with the folded query (or, failing that, with every word of it).</summary>
    public static IQueryable<Guid> MatchingIds(IQueryable<AgencySearchTerm> terms, string q)
    {
        var key = NameFolding.Cut(NameFolding.Key(q));
        var upper = key + '\uffff';
        return terms.Where(t => string.Compare(t.Term, key) >= 0 && string.Compare(t.Term, upper) < 0).Select(t => t.AgencyId);
    }
}

/// <summary>
/// The public check a worker makes before paying an agency: by name (any of its names, in any script, partial,
/// ignoring case, accents, punctuation and spacing) or by licence number; the best match first.
/// Reads across every licensing state on purpose: licence status and blacklists are public (access rule 6).
/// </summary>
/// <remarks>
/// Every query reads a bounded number of index entries, however many of the agencies match (see
/// docs/benchmarks.md): one statement reads the first entries of three ranges of the search index (whole names
/// starting with the query, whole licence numbers starting with it, any word starting with it), ranks the agencies
/// they name by the tier each entry implies and returns the public columns of the at most 20 best; the exact rank
/// (<see cref="Rank"/>) then orders those 20. When a query names more
/// agencies of the same tier than the ranges read, the 20 shown are taken from the first ones in the index's
/// (byte) order of the folded name. A query of several words that matches nothing as written is answered by
/// the agencies that have every word (in any order), also read in bounded ranges.
/// </remarks>
public sealed class LookupAgencies(CebuDbContext db)
{
    public const int MaxResults = 20;
    /// <summary>Index entries read from each range: enough for 20 distinct agencies with several names each.</summary>
    internal const int NameWindow = 60, LicenceWindow = 30, WordWindow = 100;
    /// <summary>Index entries read for each word of a query of several words, and how many of its words are used.</summary>
    internal const int WordCap = 200, MaxWords = 6;

    private const int TierLicence = 100, TierName = 90, TierNameStart = 80, TierLicenceStart = 70, TierWord = 60;

    private sealed class Hit
    {
        public Guid AgencyId { get; init; }
        public int Tier { get; init; }
        public int Length { get; init; }
    }

    private sealed record Row(Guid Id, string LicenceNumber, string LegalName, List<AgencyName> OtherNames, string LicensingState,
        LicenceStatus Status, DateOnly ValidUntil, List<Accreditation> Accreditations, DateOnly? StatusSince, string? StatusReason);

    // Compiled once, one statement: the first entries of the three index ranges, the tier each implies, the best
    // agencies by tier (then by the length of the term: the closer the name to the query, the shorter), and their
    // public columns (public data, so no query filter). A compiled query keeps the SQL of the first provider it ran on
    // (EF Core issue 13483), so there is one per provider: a process (the tests) may use SQLite and PostgreSQL.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<CebuDbContext, string, string, string, string, string, string, IAsyncEnumerable<Row>>> BestByProvider = new();

    private static Func<CebuDbContext, string, string, string, string, string, string, IAsyncEnumerable<Row>> Best(CebuDbContext db) =>
        BestByProvider.GetOrAdd(db.Database.ProviderName ?? "", static _ => CompileBest());

    private static Func<CebuDbContext, string, string, string, string, string, string, IAsyncEnumerable<Row>> CompileBest() =>
        EF.CompileAsyncQuery((CebuDbContext db, string name, string nameEnd, string licence, string licenceEnd, string word, string wordEnd) =>
            db.Set<AgencySearchTerm>()
                .Where(t => string.Compare(t.Term, name) >= 0 && string.Compare(t.Term, nameEnd) < 0).OrderBy(t => t.Term).Take(NameWindow)
                .Select(t => new Hit { AgencyId = t.AgencyId, Tier = t.Term == name ? TierName : TierNameStart, Length = t.Term.Length })
                .Concat(db.Set<AgencySearchTerm>()
                    .Where(t => string.Compare(t.Term, licence) >= 0 && string.Compare(t.Term, licenceEnd) < 0).OrderBy(t => t.Term).Take(LicenceWindow)
                    .Select(t => new Hit { AgencyId = t.AgencyId, Tier = t.Term == licence ? TierLicence : TierLicenceStart, Length = t.Term.Length }))
                .Concat(db.Set<AgencySearchTerm>()
                    .Where(t => string.Compare(t.Term, word) >= 0 && string.Compare(t.Term, wordEnd) < 0).OrderBy(t => t.Term).Take(WordWindow)
                    .Select(t => new Hit { AgencyId = t.AgencyId, Tier = TierWord, Length = t.Term.Length }))
                .GroupBy(h => h.AgencyId)
                .Select(g => new { AgencyId = g.Key, Tier = g.Max(h => h.Tier), Length = g.Min(h => h.Length) })
                .OrderByDescending(x => x.Tier).ThenBy(x => x.Length).ThenBy(x => x.AgencyId).Take(MaxResults)
                .Join(db.Set<Agency>().IgnoreQueryFilters(), x => x.AgencyId, a => a.Id,
                    (x, a) => new Row(a.Id, a.LicenceNumber, a.LegalName, a.OtherNames, a.LicensingState, a.Status, a.ValidUntil, a.Accreditations, a.StatusSince, a.StatusReason)));

    public async Task<Outcome<PublicLookupResult>> Handle(string? q, CancellationToken ct)
    {
        var folded = string.IsNullOrWhiteSpace(q) ? "" : NameFolding.Key(q);
        if (folded.Length == 0)
            return Problem.Invalid("q", "Send the agency's name or licence number in 'q', for example ?q=Golden%20Star or ?q=KH-2019-0042.");
        if (q!.Length > 200) return Problem.Invalid("q", "A search has at most 200 characters: send part of the name or the licence number.");

        var key = NameFolding.Cut(folded);
        var name = AgencySearchIndex.Marked(AgencySearchIndex.NameStart, key);
        var licence = AgencySearchIndex.Marked(AgencySearchIndex.LicenceStart, key);
        var rows = new List<Row>(MaxResults);
        await foreach (var row in Best(db)(db, name, name + '\uffff', licence, licence + '\uffff', key, key + '\uffff').WithCancellation(ct))
            rows.Add(row);
        if (rows.Count == 0)
        {
            var tokens = NameFolding.Tokens(q).Select(t => NameFolding.Cut(t.Replace(" ", ""))).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (tokens.Count < 2) return new PublicLookupResult(q, []);
            // Words in another order, or with words between them: every word must start a term of the agency.
            var ids = await EveryWord(tokens, ct);
            if (ids.Count == 0) return new PublicLookupResult(q, []);
            rows = await Load(ids, ct);
        }

        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var items = rows
            .Select(a => (a, rank: Rank(key, a.LicenceNumber, a.OtherNames.Select(n => n.Name).Prepend(a.LegalName))))
            .OrderByDescending(x => x.rank).ThenBy(x => x.a.LegalName.Length).ThenBy(x => x.a.LegalName, StringComparer.Ordinal)
            .Take(MaxResults)
            .Select(x =>
            {
                var a = x.a;
                var status = Agency.EffectiveStatus(a.Status, a.ValidUntil, today);
                var adverse = status is LicenceStatus.Suspended or LicenceStatus.Cancelled or LicenceStatus.Blacklisted;
                return new PublicAgency(a.LicenceNumber, a.LegalName, a.OtherNames.Select(n => n.Name).ToList(), a.LicensingState, status, a.ValidUntil,
                    a.Accreditations.Select(d => d.Destination).Distinct().ToList(), a.Accreditations.Select(d => d.Sector).Distinct().ToList(),
                    Since(a.Status, status, a.StatusSince, a.ValidUntil), adverse ? a.StatusReason : null);
            }).ToList();
        return new PublicLookupResult(q, items);
    }

    /// <summary>The public columns of the 20 agencies with the shortest legal names among the given ones.</summary>
    private Task<List<Row>> Load(List<Guid> ids, CancellationToken ct) =>
        db.Set<Agency>().IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.LegalName.Length).ThenBy(a => a.LegalName).Take(MaxResults)
            .Select(a => new Row(a.Id, a.LicenceNumber, a.LegalName, a.OtherNames, a.LicensingState, a.Status, a.ValidUntil, a.Accreditations, a.StatusSince, a.StatusReason))
            .ToListAsync(ct);

    private sealed class WordHit
    {
        public int Word { get; init; }
        public Guid AgencyId { get; init; }
    }

    /// <summary>
    /// Agencies with a term starting with each word, in two statements at most: the first <see cref="WordCap"/> index
    /// entries of every word; then, for the words that have more, a check of the candidates' own terms. A word nobody
    /// has ends it at once. When every word has more entries than that, the agencies are sought among the first ones.
    /// </summary>
    private async Task<List<Guid>> EveryWord(List<string> tokens, CancellationToken ct)
    {
        var terms = db.Set<AgencySearchTerm>().AsNoTracking();
        var words = tokens.OrderByDescending(t => t.Length).Take(MaxWords).ToList();
        IQueryable<WordHit>? first = null;
        for (var i = 0; i < words.Count; i++)
        {
            var (word, upper, index) = (words[i], words[i] + '\uffff', i);
            var part = terms.Where(t => string.Compare(t.Term, word) >= 0 && string.Compare(t.Term, upper) < 0).OrderBy(t => t.Term).Take(WordCap)
                .Select(t => new WordHit { Word = index, AgencyId = t.AgencyId });
            first = first is null ? part : first.Concat(part);
        }
        var hits = (await first!.ToListAsync(ct)).GroupBy(h => h.Word).ToDictionary(g => g.Key, g => g.Select(h => h.AgencyId).ToList());
        if (hits.Count < words.Count) return [];
        var complete = hits.Where(h => h.Value.Count < WordCap).Select(h => h.Key).ToList();
        var common = hits.Where(h => h.Value.Count == WordCap).Select(h => h.Key).ToList();
        HashSet<Guid> candidates = [.. hits[complete.Count > 0 ? complete[0] : common[0]]];
        foreach (var w in (complete.Count > 0 ? complete : common).Skip(1)) candidates.IntersectWith(hits[w]);
        if (complete.Count == 0 || common.Count == 0 || candidates.Count == 0) return [.. candidates];

        // The words with many entries: does each candidate have them?
        var ids = candidates.ToList();
        IQueryable<WordHit>? check = null;
        foreach (var w in common)
        {
            var (word, upper, index) = (words[w], words[w] + '\uffff', w);
            var part = terms.Where(t => ids.Contains(t.AgencyId) && string.Compare(t.Term, word) >= 0 && string.Compare(t.Term, upper) < 0)
                .Select(t => new WordHit { Word = index, AgencyId = t.AgencyId });
            check = check is null ? part : check.Concat(part);
        }
        var have = (await check!.ToListAsync(ct)).GroupBy(h => h.AgencyId).Where(g => g.Select(h => h.Word).Distinct().Count() == common.Count).Select(g => g.Key);
        return [.. have];
    }

    /// <summary>Since when an adverse status holds: the decision's date, or for a licence that ran out, the day after its end date.</summary>
    private static DateOnly? Since(LicenceStatus stored, LicenceStatus effective, DateOnly? statusSince, DateOnly validUntil) => effective switch
    {
        LicenceStatus.Suspended or LicenceStatus.Cancelled or LicenceStatus.Blacklisted => statusSince ?? validUntil,
        LicenceStatus.Expired => stored == LicenceStatus.Expired ? statusSince ?? validUntil.AddDays(1) : validUntil.AddDays(1),
        _ => null,
    };

    /// <summary>Higher is better: the licence number itself, then a whole name, then a name's start, then any word's start.</summary>
    public static int Rank(string key, string licenceNumber, IEnumerable<string> names)
    {
        var licence = NameFolding.Key(licenceNumber);
        if (licence == key) return TierLicence;
        var best = 0;
        foreach (var n in names)
        {
            var nk = NameFolding.Key(n);
            if (nk == key) return TierName;
            if (nk.StartsWith(key, StringComparison.Ordinal)) best = Math.Max(best, TierNameStart);
            else if (nk.Contains(key, StringComparison.Ordinal)) best = Math.Max(best, TierWord);
            else best = Math.Max(best, 40);
        }
        if (licence.Contains(key, StringComparison.Ordinal)) best = Math.Max(best, TierLicenceStart);
        return best;
    }
}
