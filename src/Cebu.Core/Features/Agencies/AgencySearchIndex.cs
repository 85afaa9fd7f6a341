using Cebu.Core.Platform.Data;
using Cebu.Matching;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

/// <summary>Keeps the prefix terms under which the public finds an agency: its names and its licence number.</summary>
internal static class AgencySearchIndex
{
    public static IEnumerable<string> TermsFor(Agency a) =>
        a.AllNames().Append(a.LicenceNumber).SelectMany(n => NameFolding.SearchTerms(n)).Distinct(StringComparer.Ordinal);

    public static async Task ReindexAsync(CebuDbContext db, Agency a, CancellationToken ct)
    {
        var existing = await db.Set<AgencySearchTerm>().Where(t => t.AgencyId == a.Id).ToListAsync(ct);
        db.Set<AgencySearchTerm>().RemoveRange(existing);
        Index(db, a);
    }

    public static void Index(CebuDbContext db, Agency a) =>
        db.Set<AgencySearchTerm>().AddRange(TermsFor(a).Select(t => new AgencySearchTerm { AgencyId = a.Id, Term = t }));
}
