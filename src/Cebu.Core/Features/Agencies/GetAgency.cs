using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Agencies;

/// <summary>One licence with its full history, for officials of the licensing state.</summary>
public sealed class GetAgency(CebuDbContext db)
{
    public async Task<Outcome<AgencyDetails>> Handle(Guid id, CancellationToken ct)
    {
        if (!db.Access.Has(Permissions.AgenciesView) && !db.Access.Has(Permissions.AgenciesManage))
            return Problem.Forbidden("Reading the registry's full records needs the agencies.view permission; anyone can use the public check.");
        var agency = await db.Set<Agency>().AsNoTracking().Include(a => a.History).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null) return Problem.NotFound("The agency");
        return AgencyDetails.From(agency, DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>The registry as its licensing state's officials see it: filter by text and status, page by page.</summary>
public sealed class ListAgencies(CebuDbContext db)
{
    public sealed record Request(string? Q = null, LicenceStatus? Status = null, int Page = 1, int PageSize = 50);

    public async Task<Outcome<Paged<AgencySummary>>> Handle(Request r, CancellationToken ct)
    {
        if (!db.Access.Has(Permissions.AgenciesView) && !db.Access.Has(Permissions.AgenciesManage))
            return Problem.Forbidden("Listing the registry needs the agencies.view permission; anyone can use the public check.");
        var v = new Validation();
        v.Require(r.Page >= 1, "page", "Pages start at 1.");
        v.Require(r.PageSize is >= 1 and <= 500, "pageSize", "A page holds 1 to 500 agencies.");
        if (v.HasErrors) return v.ToProblem();

        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var query = db.Set<Agency>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(r.Q))
        {
            var ids = AgencySearchIndex.MatchingIds(db.Set<AgencySearchTerm>(), r.Q);
            query = query.Where(a => ids.Contains(a.Id));
        }
        query = r.Status switch
        {
            null => query,
            LicenceStatus.Expired => query.Where(a => a.Status == LicenceStatus.Expired || (a.Status == LicenceStatus.Active && a.ValidUntil < today)),
            LicenceStatus.Active => query.Where(a => a.Status == LicenceStatus.Active && a.ValidUntil >= today),
            var s => query.Where(a => a.Status == s),
        };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(a => a.LegalName).ThenBy(a => a.LicenceNumber)
            .Skip((r.Page - 1) * r.PageSize).Take(r.PageSize)
            .Select(a => new { a.Id, a.LicensingState, a.LicenceNumber, a.LegalName, a.Status, a.ValidUntil })
            .ToListAsync(ct);
        var items = rows.Select(a => new AgencySummary(a.Id, a.LicensingState, a.LicenceNumber, a.LegalName, Agency.EffectiveStatus(a.Status, a.ValidUntil, today), a.ValidUntil)).ToList();
        return new Paged<AgencySummary>(items, r.Page, r.PageSize, total);
    }
}
