using Cebu.Core.Platform.Data;
using Cebu.Matching;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

/// <summary>A blacklisted agency that a new licence resembles, and in what.</summary>
public sealed record Resemblance(Guid AgencyId, string LicensingState, string LicenceNumber, string LegalName, double Score, IReadOnlyList<string> Evidence);

/// <summary>
/// Screens a new licence against blacklisted agencies of every state (blacklists are public): similar names,
/// shared principals, the same address. Catches an errant agency that comes back under a new name (art. 14).
/// </summary>
public sealed class ScreenAgencyResemblance(CebuDbContext db)
{
    public const double NameThreshold = 0.90, PrincipalThreshold = 0.92, AddressThreshold = 0.90;

    public async Task<IReadOnlyList<Resemblance>> Handle(AgencyInput input, Guid? exceptId, CancellationToken ct)
    {
        var blacklisted = await db.Set<Agency>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Status == LicenceStatus.Blacklisted && a.Id != exceptId).ToListAsync(ct);
        return Screen(input, blacklisted);
    }

    /// <summary>Pure: compares the input with each blacklisted agency and keeps those that resemble it, best first.</summary>
    public static IReadOnlyList<Resemblance> Screen(AgencyInput input, IEnumerable<Agency> blacklisted)
    {
        var names = input.OtherNames.Select(n => n.Name).Prepend(input.LegalName ?? "").Where(n => n.Length > 0).ToList();
        var hits = new List<Resemblance>();
        foreach (var b in blacklisted)
        {
            var evidence = new List<string>();
            double score = 0;
            foreach (var n in names)
                foreach (var bn in b.AllNames())
                {
                    var s = Similarity.TokenSet(n, bn);
                    if (s < NameThreshold) continue;
                    evidence.Add($"name \"{n}\" resembles \"{bn}\" ({s:P0})");
                    score = Math.Max(score, s);
                }
            foreach (var p in input.Principals)
                foreach (var bp in b.Principals)
                {
                    var s = Similarity.TokenSet(p.Name, bp.Name);
                    if (s < PrincipalThreshold) continue;
                    evidence.Add($"principal \"{p.Name}\" resembles {bp.Role} \"{bp.Name}\" ({s:P0})");
                    score = Math.Max(score, s);
                }
            if (!string.IsNullOrWhiteSpace(input.Address))
            {
                var s = Similarity.TokenSet(input.Address, b.Address);
                if (s >= AddressThreshold)
                {
                    evidence.Add($"address resembles \"{b.Address}\" ({s:P0})");
                    score = Math.Max(score, s);
                }
            }
            if (evidence.Count > 0)
                hits.Add(new Resemblance(b.Id, b.LicensingState, b.LicenceNumber, b.LegalName, Math.Round(score, 3), evidence.Distinct().ToList()));
        }
        return hits.OrderByDescending(h => h.Evidence.Count).ThenByDescending(h => h.Score).ToList();
    }
}
