using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Cebu.Matching;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Workers;

/// <summary>Which list: the sending state's own workers, the workers placed on the caller's territory, or a consul's nationals where posted.</summary>
public enum WorkerView { Own, PlacedHere, Nationals }

/// <summary>
/// The lists of workers an official may see: the sending state's by phase and destination; the receiving state's
/// placed workers with permits expiring within N days; a consular officer's nationals in the state where posted.
/// Search by name (tolerant of accents, spacing, word order and small spelling differences), document number or
/// date of birth.
/// </summary>
public sealed class ListWorkers(CebuDbContext db)
{
    public sealed record Request(WorkerView View = WorkerView.Own, JourneyPhase? Phase = null, string? Destination = null, int? PermitExpiresWithinDays = null,
        string? Q = null, DateOnly? DateOfBirth = null, int Page = 1, int PageSize = 50);

    public const double NameThreshold = 0.86;
    public const int MaxCandidates = 1000;
    /// <summary>Index entries read for each single-word key when no pair of words matches: bounded, however common the word.</summary>
    public const int WordWindow = 2000;

    public async Task<Outcome<Paged<WorkerSummary>>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.WorkersView) && !who.Has(Permissions.WorkersRegister))
            return Problem.Forbidden("Lists of workers need the workers.view permission.");
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var q = db.Set<Worker>().AsNoTracking().VisibleTo(who);
        q = r.View switch
        {
            WorkerView.Own => q.Where(w => w.OwnerState == who.State),
            WorkerView.PlacedHere => q.Where(w => w.PlacementState == who.State),
            // Access rule 3: consular officers see their own nationals in the state where they are posted.
            _ => WorkerAccess.IsPostedAbroad(who) ? q.Where(w => w.OwnerState == who.State) : q.Where(w => false),
        };
        if (r.Phase is { } phase) q = q.Where(w => w.Phase == phase);
        if (!string.IsNullOrWhiteSpace(r.Destination)) q = q.Where(w => w.Destination == r.Destination.ToUpper());
        if (r.PermitExpiresWithinDays is { } days)
        {
            var until = today.AddDays(days);
            q = q.Where(w => w.WorkPermitExpiry != null && w.WorkPermitExpiry <= until);
        }
        if (r.DateOfBirth is { } dob) q = q.Where(w => w.DateOfBirth == dob);

        List<WorkerSummary> items;
        int total;
        if (!string.IsNullOrWhiteSpace(r.Q))
        {
            // Candidates from the name index alone, then only those the caller may see (and that pass the filters),
            // compared in full by name; exact document numbers first. Only the page shown is read in full.
            var doc = WorkerRules.Document(r.Q);
            var candidateIds = await Candidates(r.Q, ct);
            var named = candidateIds.Count == 0 ? [] : await q.Where(w => candidateIds.Contains(w.Id)).Select(w => new { w.Id, w.SearchName }).ToListAsync(ct);
            var exact = doc is null ? [] : await q.Where(w => w.PassportNumber == doc || w.NationalIdNumber == doc || w.CertificateOfIdentityNumber == doc || w.WorkPermitNumber == doc)
                .Select(w => w.Id).ToListAsync(ct);
            var ids = exact.Concat(named
                    .Select(x => (x.Id, s: Similarity.TokenSet(r.Q, x.SearchName)))
                    .Where(x => x.s >= NameThreshold).OrderByDescending(x => x.s).Select(x => x.Id))
                .Distinct().ToList();
            total = ids.Count;
            var pageIds = ids.Skip((r.Page - 1) * r.PageSize).Take(r.PageSize).ToList();
            var found = (await Summaries(q.Where(w => pageIds.Contains(w.Id))).ToListAsync(ct)).ToDictionary(x => x.Id);
            items = pageIds.Where(found.ContainsKey).Select(id => found[id]).ToList();
        }
        else
        {
            // Permits about to expire: the soonest first, as they need attention first.
            var ordered = r.PermitExpiresWithinDays is not null
                ? q.OrderBy(w => w.WorkPermitExpiry).ThenBy(w => w.FamilyName).ThenBy(w => w.GivenNames)
                : q.OrderBy(w => w.FamilyName).ThenBy(w => w.GivenNames);
            items = await Summaries(ordered.Skip((r.Page - 1) * r.PageSize).Take(r.PageSize)).ToListAsync(ct);
            total = await q.CountAsync(ct);
        }
        return new Paged<WorkerSummary>(items, r.Page, r.PageSize, total);
    }

    private static IQueryable<WorkerSummary> Summaries(IQueryable<Worker> workers) =>
        workers.Select(w => new WorkerSummary(w.Id, w.OwnerState, w.FamilyName, w.GivenNames, w.DateOfBirth, w.Phase, w.Destination, w.PlacementState,
            w.Employer, w.WorkPermitNumber, w.WorkPermitExpiry, w.DocumentationStatus));

    /// <summary>
    /// The workers worth comparing with the query in full, read from the name index alone with a bounded amount of
    /// reading (the index, not the million workers, drives the query): first the workers who share a pair of words
    /// with it (<see cref="NameKeys.Pairs"/>: selective even among a million people), the most shared pairs first;
    /// when none does (a single word, or a name whose every pair has a typo), the first <see cref="WordWindow"/>
    /// entries of each single-word key, the most shared keys first. Who may see them is checked afterwards, so
    /// with a very common name another state's workers can take places among the candidates.
    /// </summary>
    private async Task<List<Guid>> Candidates(string query, CancellationToken ct)
    {
        var terms = db.Set<WorkerSearchTerm>().AsNoTracking();
        var pairs = NameKeys.Pairs(query).Select(k => NameFolding.Cut(k)).ToList();
        if (pairs.Count > 0)
        {
            var ids = await terms.Where(t => pairs.Contains(t.Key))
                .GroupBy(t => t.WorkerId).OrderByDescending(g => g.Count()).Take(MaxCandidates).Select(g => g.Key).ToListAsync(ct);
            if (ids.Count > 0) return ids;
        }
        var keys = NameKeys.For(query).Select(k => NameFolding.Cut(k)).ToList();
        IQueryable<Guid>? hits = null;
        foreach (var key in keys)
        {
            var k = key;
            var part = terms.Where(t => t.Key == k).Select(t => t.WorkerId).Take(WordWindow);
            hits = hits is null ? part : hits.Concat(part);
        }
        if (hits is null) return [];
        return (await hits.ToListAsync(ct)).GroupBy(id => id).OrderByDescending(g => g.Count()).Take(MaxCandidates).Select(g => g.Key).ToList();
    }
}
