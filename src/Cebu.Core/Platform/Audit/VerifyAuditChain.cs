using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Platform.Audit;

/// <summary>Reads the whole audit chain in order, in pages, and reports the first broken link.</summary>
public sealed class VerifyAuditChain(CebuDbContext db)
{
    public async Task<AuditVerification> Handle(IProgress<long>? progress, CancellationToken ct)
    {
        return AuditChain.Verify(Stream(progress, ct).ToBlockingEnumerable(ct));
    }

    private async IAsyncEnumerable<AuditEvent> Stream(IProgress<long>? progress, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long after = 0;
        while (true)
        {
            var page = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(5000).ToListAsync(ct);
            if (page.Count == 0) yield break;
            foreach (var e in page) yield return e;
            after = page[^1].Sequence;
            progress?.Report(after);
        }
    }

    public Task<long> CountAsync(CancellationToken ct) => db.AuditEvents.LongCountAsync(ct);
}
