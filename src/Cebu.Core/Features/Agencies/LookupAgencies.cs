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
public sealed class LookupAgencies(CebuDbContext db)
{
    public const int MaxResults = 20;
    private const int Candidates = 200;

    public async Task<Outcome<PublicLookupResult>> Handle(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || NameFolding.Key(q).Length == 0)
            return Problem.Invalid("q", "Send the agency's name or licence number in 'q', for example ?q=Golden%20Star or ?q=KH-2019-0042.");
        if (q.Length > 200) return Problem.Invalid("q", "A search has at most 200 characters: send part of the name or the licence number.");

        var key = NameFolding.Cut(NameFolding.Key(q));
        var terms = db.Set<AgencySearchTerm>().AsNoTracking();
        var ids = await AgencyLookup.MatchingIds(terms, q).Distinct().OrderBy(id => id).Take(Candidates).ToListAsync(ct);
        var tokens = NameFolding.Tokens(q);
        if (ids.Count == 0 && tokens.Length > 1)
        {
            // Words in another order, or with words between them: every word must start a term of the agency.
            IEnumerable<Guid>? common = null;
            foreach (var t in tokens)
            {
                var hit = await AgencyLookup.MatchingIds(terms, t).Distinct().OrderBy(id => id).Take(Candidates * 5).ToListAsync(ct);
                common = common is null ? hit : common.Intersect(hit).ToList();
            }
            ids = common?.Take(Candidates).ToList() ?? [];
        }
        if (ids.Count == 0) return new PublicLookupResult(q, []);

        var rows = await db.Set<Agency>().IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.LicenceNumber, a.LegalName, a.OtherNames, a.LicensingState, a.Status, a.ValidUntil, a.Accreditations, a.StatusSince, a.StatusReason })
            .ToListAsync(ct);
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
        if (NameFolding.Key(licenceNumber) == key) return 100;
        var best = 0;
        foreach (var n in names)
        {
            var nk = NameFolding.Key(n);
            if (nk == key) return 90;
            if (nk.StartsWith(key, StringComparison.Ordinal)) best = Math.Max(best, 80);
            else if (nk.Contains(key, StringComparison.Ordinal)) best = Math.Max(best, 60);
            else best = Math.Max(best, 40);
        }
        if (NameFolding.Key(licenceNumber).Contains(key, StringComparison.Ordinal)) best = Math.Max(best, 70);
        return best;
    }
}
