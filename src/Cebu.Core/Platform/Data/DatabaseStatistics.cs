using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Platform.Data;

/// <summary>
/// Keeps the query planner's statistics of the large tables current. Without them SQLite assumes that an equality
/// on any indexed column is selective, and answered a search among a million workers by walking every worker of
/// the caller's state (the owner-state index) instead of looking the candidates up by id. PostgreSQL's autovacuum
/// gets there eventually; after a bulk load it is asked at once.
/// </summary>
public static class DatabaseStatistics
{
    /// <summary>ANALYZE of the workers table: about a second for a million workers on this machine.</summary>
    public static Task RefreshWorkersAsync(CebuDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("ANALYZE \"Worker\"", ct);
}
