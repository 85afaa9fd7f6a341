using Cebu.Core.Platform.Data;
using Cebu.Matching;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

/// <summary>
/// The prefix terms under which an agency is found: <see cref="NameFolding.SearchTerms"/> of its names and licence
/// number. The database stores these (<see cref="AgencySearchTerm"/>) for the officials' list search. The public
/// look-up's in-memory copy (<see cref="PublicAgencyRegistry"/>) adds, for each name and the licence number, the
/// whole folded key behind a mark (<see cref="NameStart"/>, <see cref="LicenceStart"/>): a folded query never starts
/// with a control character, so these never answer a plain prefix search, but they let the look-up ask for "names
/// that start with the query" and "licence numbers that start with it" first, and so find the best matches among
/// 100,000 agencies by reading a few entries instead of every agency that has a word starting with the query.
/// </summary>
internal static class AgencySearchIndex
{
    /// <summary>Marks the term of a whole name (legal, trading, local script or former).</summary>
    public const char NameStart = '\u0001';
    /// <summary>Marks the term of a whole licence number.</summary>
    public const char LicenceStart = '\u0002';
    /// <summary>Stored terms have at most this many characters (the column's length).</summary>
    public const int TermLength = 64;

    /// <summary>The marked whole-name or whole-licence term of a folded key.</summary>
    public static string Marked(char mark, string key) => mark + NameFolding.Cut(key, TermLength - 1);

    /// <summary>The prefix terms the database stores.</summary>
    public static IEnumerable<string> TermsFor(Agency a) =>
        a.AllNames().Append(a.LicenceNumber).SelectMany(n => NameFolding.SearchTerms(n, TermLength)).Distinct(StringComparer.Ordinal);

    /// <summary>The prefix terms and the marked whole-name and whole-licence terms: what the public look-up reads.</summary>
    public static IEnumerable<string> PublicTermsFor(Agency a)
    {
        var names = a.AllNames().Select(NameFolding.Key).Where(k => k.Length > 0).Select(k => Marked(NameStart, k));
        var licence = NameFolding.Key(a.LicenceNumber) is { Length: > 0 } l ? [Marked(LicenceStart, l)] : Array.Empty<string>();
        return TermsFor(a).Concat(names).Concat(licence).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Agency ids with a stored term starting with the folded query.</summary>
    public static IQueryable<Guid> MatchingIds(IQueryable<AgencySearchTerm> terms, string q)
    {
        var key = NameFolding.Cut(NameFolding.Key(q), TermLength);
        var upper = key + '\uffff';
        return terms.Where(t => string.Compare(t.Term, key) >= 0 && string.Compare(t.Term, upper) < 0).Select(t => t.AgencyId);
    }

    public static async Task ReindexAsync(CebuDbContext db, Agency a, CancellationToken ct)
    {
        var existing = await db.Set<AgencySearchTerm>().Where(t => t.AgencyId == a.Id).ToListAsync(ct);
        db.Set<AgencySearchTerm>().RemoveRange(existing);
        Index(db, a);
    }

    public static void Index(CebuDbContext db, Agency a) =>
        db.Set<AgencySearchTerm>().AddRange(TermsFor(a).Select(t => new AgencySearchTerm { AgencyId = a.Id, Term = t }));
}
