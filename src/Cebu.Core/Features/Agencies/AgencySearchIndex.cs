using Cebu.Core.Platform.Data;
using Cebu.Matching;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

/// <summary>
/// Keeps the prefix terms under which the public finds an agency: its names and its licence number.
/// Besides the terms of NameFolding.SearchTerms, each name and the licence number is stored once more whole, behind a
/// mark (<see cref="NameStart"/>, <see cref="LicenceStart"/>): a folded query never starts with a control character,
/// so these rows never answer a plain prefix search, but they let the look-up ask the index for "names that start
/// with the query" and "licence numbers that start with it" first, and so find the best matches among 100,000
/// agencies by reading a few index entries instead of every agency that has a word starting with the query.
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

    public static IEnumerable<string> TermsFor(Agency a)
    {
        var plain = a.AllNames().Append(a.LicenceNumber).SelectMany(n => NameFolding.SearchTerms(n, TermLength));
        var names = a.AllNames().Select(NameFolding.Key).Where(k => k.Length > 0).Select(k => Marked(NameStart, k));
        var licence = NameFolding.Key(a.LicenceNumber) is { Length: > 0 } l ? [Marked(LicenceStart, l)] : Array.Empty<string>();
        return plain.Concat(names).Concat(licence).Distinct(StringComparer.Ordinal);
    }

    public static async Task ReindexAsync(CebuDbContext db, Agency a, CancellationToken ct)
    {
        var existing = await db.Set<AgencySearchTerm>().Where(t => t.AgencyId == a.Id).ToListAsync(ct);
        db.Set<AgencySearchTerm>().RemoveRange(existing);
        Index(db, a);
    }

    public static void Index(CebuDbContext db, Agency a) =>
        db.Set<AgencySearchTerm>().AddRange(TermsFor(a).Select(t => new AgencySearchTerm { AgencyId = a.Id, Term = t }));

    /// <summary>
    /// Rebuilds every agency's terms, a batch at a time, each batch in its own transaction. Returns the count.
    /// </summary>
    public static async Task<int> ReindexAllAsync(CebuDbContext db, CancellationToken ct, int batch = 2000)
    {
        var count = 0;
        while (true)
        {
            var page = await db.Set<Agency>().IgnoreQueryFilters().AsNoTracking().OrderBy(x => x.Id).Skip(count).Take(batch)
                .Select(x => new Agency { Id = x.Id, LicenceNumber = x.LicenceNumber, LegalName = x.LegalName, OtherNames = x.OtherNames })
                .ToListAsync(ct);
            if (page.Count == 0) return count;
            var ids = page.Select(x => x.Id).ToList();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Set<AgencySearchTerm>().Where(t => ids.Contains(t.AgencyId)).ExecuteDeleteAsync(ct);
            foreach (var agency in page) Index(db, agency);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            count += page.Count;
        }
    }
}

/// <summary>
/// Rebuilds the public look-up's search terms of every agency in every state: needed once for a database indexed
/// before the marked whole-name terms existed (the look-up still finds every agency without them, but ranks queries
/// that match thousands of agencies less well). System only (CLI, deployment); no audit event, as terms are derived.
/// </summary>
public sealed class ReindexAgencySearch(CebuDbContext db)
{
    public async Task<Cebu.Core.Platform.Results.Outcome<int>> Handle(CancellationToken ct)
    {
        if (!db.Access.IsSystem) return Cebu.Core.Platform.Results.Problem.Forbidden("Only the system rebuilds the search index.");
        return await AgencySearchIndex.ReindexAllAsync(db, ct);
    }
}
