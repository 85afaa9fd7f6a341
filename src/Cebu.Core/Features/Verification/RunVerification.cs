using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Cebu.Matching;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Verification;

/// <summary>How far matching got: blocks done of the blocks seen, requests matched.</summary>
public readonly record struct MatchProgress(int Blocks, int TotalBlocks, int Requests);

/// <summary>
/// The background matcher: takes one block of requests at a time under a lease (a conditional update, so two nodes
/// never take the same block; a lease that ran out is taken again, so matching resumes after a restart), finds candidates
/// in the sending state's civil registry extract and worker registry through three blocking keys, scores each with
/// <see cref="VerificationModel"/>, and stores outcome, score, evidence and candidate; then counts the block into its
/// batch, all in one transaction. Runs as the system (the web app's background service, or <c>cebu verify run</c>).
/// </summary>
public sealed class RunVerification(CebuDbContext db)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Matches blocks until none is left (of one batch, or of all); returns the number of blocks matched.</summary>
    public async Task<Outcome<int>> Handle(string node, Guid? batchId, IProgress<MatchProgress>? progress, CancellationToken ct)
    {
        if (!db.Access.IsSystem && !db.Access.Has(Permissions.VerificationRegistry)) return Problem.Forbidden("Only the system or a sending state's verifier runs the matcher.");
        var blocks = db.Set<VerificationBlock>();
        var total = await blocks.CountAsync(b => batchId == null || b.BatchId == batchId, ct);
        var done = await blocks.CountAsync(b => (batchId == null || b.BatchId == batchId) && b.DoneAt != null, ct);
        var matchedBlocks = 0;
        var requests = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = db.Clock.GetUtcNow();
            var nowMs = now.ToUnixTimeMilliseconds();
            var next = await blocks.AsNoTracking()
                .Where(b => b.DoneAt == null && (b.LeaseUntilMs == null || b.LeaseUntilMs < nowMs) && (batchId == null || b.BatchId == batchId))
                .OrderBy(b => b.Id).Select(b => new { b.Id, b.BatchId, b.Number }).FirstOrDefaultAsync(ct);
            if (next is null) break;
            var until = now.Add(Lease).ToUnixTimeMilliseconds();
            var taken = await blocks.Where(b => b.Id == next.Id && b.DoneAt == null && (b.LeaseUntilMs == null || b.LeaseUntilMs < nowMs))
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.LeaseOwner, node).SetProperty(b => b.LeaseUntilMs, until), ct);
            if (taken == 0) continue; // another node took it first
            requests += await MatchBlock(next.BatchId, next.Number, next.Id, node, ct);
            matchedBlocks++;
            done++;
            progress?.Report(new MatchProgress(done, total, requests));
        }
        return matchedBlocks;
    }

    private async Task<int> MatchBlock(Guid batchId, int number, Guid blockId, string node, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var state = await db.Set<VerificationBatch>().Where(b => b.Id == batchId).Select(b => b.ToState).FirstAsync(ct);
        var requests = await db.Set<VerificationRequest>().Where(r => r.BatchId == batchId && r.Block == number && r.Outcome == MatchOutcome.Pending).ToListAsync(ct);
        if (requests.Count > 0)
        {
            // The three blocking keys of every request in the block, then one indexed read per key.
            var names = requests.Select(r => VerificationModel.NameKey(r.FamilyName, r.GivenNames)).Where(k => k.Length > 0).Distinct().ToList();
            var dates = requests.Select(r => VerificationModel.DateBlock(r.DateOfBirth)).Distinct().ToList();
            var docs = requests.SelectMany(r => VerificationModel.Documents(r.OldDocumentNumbers)).Select(VerificationModel.DocumentKey).Distinct().ToList();
            var registry = db.Set<CivilRegistryRecord>().AsNoTracking().Where(c => c.State == state);
            var found = new Dictionary<Guid, CivilRegistryRecord>();
            foreach (var c in await registry.Where(c => names.Contains(c.KeyName)).ToListAsync(ct)) found.TryAdd(c.Id, c);
            foreach (var c in await registry.Where(c => dates.Contains(c.KeyDate)).ToListAsync(ct)) found.TryAdd(c.Id, c);
            if (docs.Count > 0) foreach (var c in await registry.Where(c => docs.Contains(c.KeyDocument)).ToListAsync(ct)) found.TryAdd(c.Id, c);
            var byName = found.Values.ToLookup(c => c.KeyName);
            var byDate = found.Values.ToLookup(c => c.KeyDate);
            var byDoc = found.Values.ToLookup(c => c.KeyDocument);

            // The worker registry: the state's own workers with the same date of birth (or swapped) or a document number declared.
            var birthDates = requests.SelectMany(r => Swaps(r.DateOfBirth)).Distinct().ToList();
            var cleanDocs = requests.SelectMany(r => VerificationModel.Documents(r.OldDocumentNumbers)).Select(DocumentNumbers.Clean).Distinct().ToList();
            var workers = await db.Set<Worker>().AsNoTracking().Where(w => w.OwnerState == state
                    && (birthDates.Contains(w.DateOfBirth) || (w.PassportNumber != null && cleanDocs.Contains(w.PassportNumber))
                        || (w.NationalIdNumber != null && cleanDocs.Contains(w.NationalIdNumber)) || (w.CertificateOfIdentityNumber != null && cleanDocs.Contains(w.CertificateOfIdentityNumber))))
                .Select(w => new Worker { Id = w.Id, FamilyName = w.FamilyName, GivenNames = w.GivenNames, DateOfBirth = w.DateOfBirth, PlaceOfBirth = w.PlaceOfBirth,
                    PassportNumber = w.PassportNumber, NationalIdNumber = w.NationalIdNumber, CertificateOfIdentityNumber = w.CertificateOfIdentityNumber })
                .ToListAsync(ct);
            var workersByDate = workers.ToLookup(w => VerificationModel.DateBlock(w.DateOfBirth));
            var workerIdentities = workers.ToDictionary(w => w.Id, VerificationModel.Of);
            // Each worker's document numbers → its place in the list, so a request's documents find their workers by
            // look-up instead of a walk over every loaded worker (in the list's order, as the walk gave them).
            var workerIndexByDoc = workers
                .SelectMany((w, i) => new[] { w.PassportNumber, w.NationalIdNumber, w.CertificateOfIdentityNumber }
                    .Where(d => !string.IsNullOrEmpty(d)).Distinct().Select(d => (Doc: d!, Index: i)))
                .ToLookup(x => x.Doc, x => x.Index, StringComparer.Ordinal);

            var now = db.Clock.GetUtcNow();
            foreach (var r in requests)
            {
                var declared = VerificationModel.Of(r);
                Scored? best = null;
                (CandidateSource, Guid)? bestId = null;
                var seen = new HashSet<Guid>();
                var requestDocs = VerificationModel.Documents(r.OldDocumentNumbers).Select(VerificationModel.DocumentKey).ToList();
                var candidates = byName[VerificationModel.NameKey(r.FamilyName, r.GivenNames)].Concat(byDate[VerificationModel.DateBlock(r.DateOfBirth)])
                    .Concat(requestDocs.SelectMany(d => byDoc[d]));
                foreach (var c in candidates)
                {
                    if (!seen.Add(c.Id)) continue;
                    var s = VerificationModel.Score(declared, VerificationModel.Of(c));
                    if (best is null || s.Score > best.Score) (best, bestId) = (s, (CandidateSource.CivilRegistry, c.Id));
                }
                var requestClean = VerificationModel.Documents(r.OldDocumentNumbers).Select(DocumentNumbers.Clean).ToHashSet();
                foreach (var w in workersByDate[VerificationModel.DateBlock(r.DateOfBirth)]
                             .Concat(requestClean.SelectMany(d => workerIndexByDoc[d]).Distinct().Order().Select(i => workers[i])))
                {
                    if (!seen.Add(w.Id)) continue;
                    var s = VerificationModel.Score(declared, workerIdentities[w.Id]);
                    if (best is null || s.Score > best.Score) (best, bestId) = (s, (CandidateSource.WorkerRegistry, w.Id));
                }
                r.MatchedAt = now;
                r.Version++;
                if (best is null || best.Outcome == MatchOutcome.NotFound)
                {
                    // Not found: the best candidate below the threshold is kept as evidence for the verifier, not offered as a match.
                    r.Outcome = MatchOutcome.NotFound;
                    r.Score = best?.Score ?? 0;
                    r.Evidence = best?.Evidence ?? [];
                    r.CandidateSource = null;
                    r.CandidateId = null;
                    continue;
                }
                r.Outcome = best.Outcome;
                r.Score = best.Score;
                r.Evidence = best.Evidence;
                (r.CandidateSource, r.CandidateId) = (bestId!.Value.Item1, bestId.Value.Item2);
            }
        }
        var matched = requests.Count(r => r.Outcome == MatchOutcome.Matched);
        var possible = requests.Count(r => r.Outcome == MatchOutcome.Possible);
        var notFound = requests.Count(r => r.Outcome == MatchOutcome.NotFound);
        var block = await db.Set<VerificationBlock>().FirstAsync(b => b.Id == blockId, ct);
        block.DoneAt = db.Clock.GetUtcNow();
        block.LeaseOwner = node;
        db.AuditAction = "verification.match";
        db.AuditReason = $"Block {number} of batch {batchId} matched: {matched} matched, {possible} possible, {notFound} not found.";
        await db.SaveChangesAsync(ct);
        await BatchCounts.AddAsync(db, batchId, processed: requests.Count, matched, possible, notFound, confirmed: 0, rejected: 0, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return requests.Count;
    }

    /// <summary>The date and, when it can be read both ways, its day-month swap.</summary>
    private static IEnumerable<DateOnly> Swaps(DateOnly d)
    {
        yield return d;
        if (d.Day <= 12 && d.Day != d.Month) yield return new DateOnly(d.Year, d.Day, d.Month);
    }
}

/// <summary>
/// A batch's progress counts, added to in one statement (no read-modify-write), so that nodes matching other blocks of
/// the batch and officers deciding its requests never overwrite each other's counts; the status follows from them.
/// Call inside the transaction that wrote the requests.
/// </summary>
internal static class BatchCounts
{
    public static async Task AddAsync(CebuDbContext db, Guid batchId, int processed, int matched, int possible, int notFound, int confirmed, int rejected, CancellationToken ct)
    {
        var batches = db.Set<VerificationBatch>().Where(b => b.Id == batchId);
        await batches.ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Processed, b => b.Processed + processed).SetProperty(b => b.Matched, b => b.Matched + matched)
            .SetProperty(b => b.Possible, b => b.Possible + possible).SetProperty(b => b.NotFound, b => b.NotFound + notFound)
            .SetProperty(b => b.Confirmed, b => b.Confirmed + confirmed).SetProperty(b => b.Rejected, b => b.Rejected + rejected)
            .SetProperty(b => b.Version, b => b.Version + 1), ct);
        // The row is now locked by this transaction (PostgreSQL) or the database is (SQLite): the counts read are final.
        var b = await batches.AsNoTracking().FirstAsync(ct);
        var status = b.Processed < b.Total ? BatchStatus.Matching
            : b.Matched + b.Possible > b.Confirmed + b.Rejected ? BatchStatus.AwaitingDecisions : BatchStatus.Completed;
        DateTimeOffset? matchedAt = b.Processed < b.Total ? null : b.MatchedAt ?? db.Clock.GetUtcNow();
        if (status != b.Status || matchedAt != b.MatchedAt)
            await batches.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, status).SetProperty(x => x.MatchedAt, matchedAt), ct);
    }
}
