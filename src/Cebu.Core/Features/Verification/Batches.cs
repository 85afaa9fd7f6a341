using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Verification;

/// <summary>A batch as both states see it: progress counts and the deadline.</summary>
public sealed record BatchView(
    Guid Id, string FromState, string ToState, string? Reference, string SubmittedBy, DateTimeOffset SubmittedAt, DateOnly Deadline, BatchStatus Status,
    int Total, int Processed, int Matched, int Possible, int NotFound, int Confirmed, int Rejected, bool Overdue)
{
    public static BatchView Of(VerificationBatch b, DateOnly today) => new(b.Id, b.FromState, b.ToState, b.Reference, b.SubmittedBy, b.SubmittedAt, b.Deadline, b.Status,
        b.Total, b.Processed, b.Matched, b.Possible, b.NotFound, b.Confirmed, b.Rejected, b.Status != BatchStatus.Completed && today > b.Deadline);

    /// <summary>Percentage of requests matched so far.</summary>
    public int PercentMatched => Total == 0 ? 100 : (int)(100L * Processed / Total);
}

/// <summary>
/// One request as the caller may see it. The requesting state gets its declared identity, the result
/// (pending, underReview, matched, notFound) and the Certificate of Identity; the sending state's verifiers also get the
/// matcher's outcome, score and candidate.
/// </summary>
public sealed record RequestView(
    Guid Id, int Line, string LocalReference, string Name, DateOnly DateOfBirth, string Result,
    string? CertificateNumber, DateOnly? CertificateIssuedOn, DateOnly? CertificateValidUntil, DateTimeOffset? DecidedAt, string? DecisionReason,
    MatchOutcome? Outcome = null, double? Score = null, CandidateSource? CandidateSource = null, Decision? Decision = null, string? DecidedBy = null)
{
    public static string ResultOf(VerificationRequest r) => r.Decision switch
    {
        Verification.Decision.Confirmed => "matched",
        Verification.Decision.Rejected => "notFound",
        _ => r.Outcome switch { MatchOutcome.Pending => "pending", MatchOutcome.NotFound => "notFound", _ => "underReview" },
    };

    public static RequestView Of(VerificationRequest r, bool verifier) => verifier
        ? new(r.Id, r.Line, r.LocalReference, r.FullName, r.DateOfBirth, ResultOf(r), r.CertificateNumber, r.CertificateIssuedOn, r.CertificateValidUntil, r.DecidedAt, r.DecisionReason,
            r.Outcome, r.Score, r.CandidateSource, r.Decision, r.DecidedBy)
        : new(r.Id, r.Line, r.LocalReference, r.FullName, r.DateOfBirth, ResultOf(r), r.CertificateNumber, r.CertificateIssuedOn, r.CertificateValidUntil, r.DecidedAt,
            r.Decision == Verification.Decision.Rejected ? r.DecisionReason : null);
}

public sealed record BatchDetails(BatchView Batch, bool Verifier, IReadOnlyList<RequestView> Requests);

/// <summary>Wakes the background matcher when a batch arrives (else it looks every few seconds).</summary>
public static class VerificationSignal
{
    private static readonly SemaphoreSlim Signal = new(0, int.MaxValue);
    public static void Raise() => Signal.Release();
    public static Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => Signal.WaitAsync(timeout, ct);
}

/// <summary>
/// The receiving state sends a batch to a sending state: every row is checked first, and a batch with any bad row is
/// rejected whole (each bad row named: line, field, how to fix). Accepted, it is stored with its blocks for the background
/// matcher and answered at once. Audited as <c>verification.submit</c>.
/// </summary>
public sealed class SubmitBatch(CebuDbContext db)
{
    public const int BlockSize = 500;

    public async Task<Outcome<BatchView>> Handle(BatchInput? input, CancellationToken ct)
    {
        if (input is null) return Problem.Invalid("body", "Send the batch as JSON: toState, deadline, reference, requests (or upload a CSV file).");
        var (rows, errors) = VerificationInput.ReadJson(input.Requests);
        return await Handle(input.ToState, input.Deadline, input.Reference, rows, errors, csv: false, ct);
    }

    public async Task<Outcome<BatchView>> Handle(string? toState, DateOnly? deadline, string? reference, List<VerificationRequest> rows, List<RowError> rowErrors, bool csv, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.VerificationRequest) || who.State is null)
            return Problem.Forbidden("Only a receiving state's labour inspectorate sends nationality verification requests.");
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = VerificationInput.CheckHeader(who.State, toState, deadline, reference, today);
        errors.AddRange(rowErrors);
        if (errors.Count > 0)
        {
            var fields = errors.GroupBy(e => VerificationInput.Key(e, csv)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            var bad = errors.Where(e => e.Line > 0).Select(e => e.Line).Distinct().Count();
            return new Problem(ProblemKind.Validation, bad > 0 ? $"The batch was rejected: {bad} row(s) need correcting. Nothing was sent." : "The batch has invalid fields. Nothing was sent.",
                "Correct every row listed in 'errors' (line and field) and send the whole batch again.", fields, new { rows = errors });
        }

        var to = toState!.Trim().ToUpperInvariant();
        var batch = new VerificationBatch
        {
            ToState = to, FromState = who.State, Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(), SubmittedBy = who.UserName ?? "",
            SubmittedByOrganisationId = who.OrganisationId, SubmittedAt = now, Deadline = deadline!.Value, Total = rows.Count, Status = BatchStatus.Queued,
        };
        db.Add(batch);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            r.BatchId = batch.Id;
            r.ToState = to;
            r.FromState = who.State;
            r.Block = i / BlockSize;
            db.Add(r);
        }
        for (var b = 0; b * BlockSize < rows.Count; b++) db.Add(new VerificationBlock { BatchId = batch.Id, Number = b });
        db.AuditAction = "verification.submit";
        db.AuditReason = $"Nationality verification batch of {rows.Count} request(s) from {who.State} to {to}, deadline {deadline:yyyy-MM-dd}.";
        await db.SaveChangesAsync(ct);
        VerificationSignal.Raise();
        return BatchView.Of(batch, today);
    }
}

/// <summary>The batches the caller's state sent or received, latest first.</summary>
public sealed class ListBatches(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<BatchView>>> Handle(CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.VerificationView) || who.State is null || Workers.WorkerAccess.IsPostedAbroad(who))
            return Problem.Forbidden("Only the labour offices of the two states see verification batches.");
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var state = who.State;
        var batches = await db.Set<VerificationBatch>().AsNoTracking().Where(b => b.ToState == state || b.FromState == state).ToListAsync(ct);
        return batches.OrderByDescending(b => b.SubmittedAt).Select(b => BatchView.Of(b, today)).ToList();
    }
}

/// <summary>A batch with its requests; the receiving state sees results and Certificate of Identity numbers only.</summary>
public sealed class GetBatch(CebuDbContext db)
{
    public async Task<Outcome<BatchDetails>> Handle(Guid id, CancellationToken ct)
    {
        var who = db.Access;
        var b = await db.Set<VerificationBatch>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null || !VerificationAccess.CanSee(who, b)) return Problem.NotFound("The verification batch");
        var requests = await db.Set<VerificationRequest>().AsNoTracking().Where(r => r.BatchId == id).OrderBy(r => r.Line).ToListAsync(ct);
        var verifier = VerificationAccess.IsVerifier(who, b.ToState);
        db.RecordRead(nameof(VerificationBatch), b.Id.ToString());
        await db.SaveChangesAsync(ct);
        return new BatchDetails(BatchView.Of(b, DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime)), verifier, requests.Select(r => RequestView.Of(r, verifier)).ToList());
    }
}

/// <summary>The candidate a request was matched to, as the sending state's verifier sees it beside the declared identity.</summary>
public sealed record CandidateView(CandidateSource Source, Guid Id, string? RegistryNumber, Identity Identity);

/// <summary>The review of one request: declared identity and candidate side by side, with the evidence.</summary>
public sealed record ReviewView(BatchView Batch, RequestView Request, Identity Declared, CandidateView? Candidate, IReadOnlyList<Evidence> Evidence);

/// <summary>The sending state's verifier reads one request side by side with its candidate. Nobody else: 404.</summary>
public sealed class GetReview(CebuDbContext db)
{
    public async Task<Outcome<ReviewView>> Handle(Guid requestId, CancellationToken ct)
    {
        var who = db.Access;
        var r = await db.Set<VerificationRequest>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == requestId, ct);
        if (r is null || !VerificationAccess.IsVerifier(who, r.ToState)) return Problem.NotFound("The verification request");
        var b = await db.Set<VerificationBatch>().AsNoTracking().FirstAsync(x => x.Id == r.BatchId, ct);
        CandidateView? candidate = null;
        if (r.CandidateId is { } cid)
        {
            if (r.CandidateSource == CandidateSource.CivilRegistry
                && await db.Set<CivilRegistryRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) is { } rec)
            {
                candidate = new CandidateView(CandidateSource.CivilRegistry, rec.Id, rec.RegistryNumber, VerificationModel.Of(rec));
                db.RecordRead(nameof(CivilRegistryRecord), rec.Id.ToString());
            }
            else if (r.CandidateSource == CandidateSource.WorkerRegistry
                && await db.Set<Workers.Worker>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == cid, ct) is { } w)
            {
                candidate = new CandidateView(CandidateSource.WorkerRegistry, w.Id, null, VerificationModel.Of(w));
                db.RecordRead(nameof(Workers.Worker), w.Id.ToString());
            }
        }
        db.RecordRead(nameof(VerificationRequest), r.Id.ToString());
        await db.SaveChangesAsync(ct);
        return new ReviewView(BatchView.Of(b, DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime)), RequestView.Of(r, true), VerificationModel.Of(r), candidate, r.Evidence);
    }
}

/// <summary>The officer's decision: confirm (with a reason) issues a Certificate of Identity; reject needs a reason.</summary>
public sealed record DecisionInput(string? Decision = null, string? Reason = null);

/// <summary>
/// The sending state's verifier confirms or rejects a matched or possible request, with a reason. Confirming issues a
/// Certificate of Identity (number like KH-CI-2026-7KQ2M9XP, valid two years) that the requesting state then sees.
/// Audited as <c>verification.confirm</c> / <c>verification.reject</c>.
/// </summary>
public sealed class DecideRequest(CebuDbContext db)
{
    public async Task<Outcome<RequestView>> Handle(Guid requestId, DecisionInput? input, CancellationToken ct)
    {
        var who = db.Access;
        var r = await db.Set<VerificationRequest>().FirstOrDefaultAsync(x => x.Id == requestId, ct);
        if (r is null || !(VerificationAccess.IsVerifier(who, r.ToState) || (who.Has(Permissions.VerificationView) && (who.State == r.FromState || who.State == r.ToState))))
            return Problem.NotFound("The verification request");
        if (!VerificationAccess.IsVerifier(who, r.ToState)) return Problem.Forbidden("Only the verifying officers of the state asked to verify decide on a request.");
        var v = new Validation();
        var decision = input?.Decision?.Trim().ToLowerInvariant();
        v.Require(decision is "confirm" or "reject", "decision", "Say 'confirm' (the person is the candidate and a national: a Certificate of Identity is issued) or 'reject'.");
        var reason = input?.Reason?.Trim() ?? "";
        v.Require(reason.Length > 0, "reason", "Give the reason for the decision (for example: identity confirmed against the civil registry entry and the parents' names).");
        v.Require(reason.Length <= 2000, "reason", "Keep the reason to 2000 characters.");
        if (v.HasErrors) return v.ToProblem();
        if (r.Decision != Decision.Undecided) return Problem.Conflict("Already decided.", $"{r.DecidedBy} {(r.Decision == Decision.Confirmed ? "confirmed" : "rejected")} this request at {r.DecidedAt:yyyy-MM-dd HH:mm} UTC.");
        if (r.Outcome is MatchOutcome.Pending) return Problem.Conflict("Not matched yet.", "The matcher has not reached this request: wait until the batch shows it matched.");
        if (decision == "confirm" && r.CandidateId is null) return Problem.Conflict("Nothing to confirm.", "The matcher found no candidate record for this request: reject it, or ask the requesting state for more details.");

        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        r.Decision = decision == "confirm" ? Decision.Confirmed : Decision.Rejected;
        r.DecidedBy = who.UserName;
        r.DecidedAt = now;
        r.DecisionReason = reason;
        r.Version++;
        if (r.Decision == Decision.Confirmed)
        {
            r.CertificateNumber = await NewCertificateNumber(r.ToState, today.Year, ct);
            r.CertificateIssuedOn = today;
            r.CertificateValidUntil = today.AddYears(CertificateNumbers.ValidYears).AddDays(-1);
        }
        db.AuditAction = r.Decision == Decision.Confirmed ? "verification.confirm" : "verification.reject";
        db.AuditReason = r.Decision == Decision.Confirmed ? $"Nationality confirmed; Certificate of Identity {r.CertificateNumber} issued. {reason}" : reason;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("Decided meanwhile.", "Another officer decided this request at the same moment: read it again.");
        }
        var confirmed = r.Decision == Decision.Confirmed;
        await BatchCounts.AddAsync(db, r.BatchId, 0, 0, 0, 0, confirmed: confirmed ? 1 : 0, rejected: confirmed ? 0 : 1, ct);
        await tx.CommitAsync(ct);
        return RequestView.Of(r, true);
    }

    private async Task<string> NewCertificateNumber(string state, int year, CancellationToken ct)
    {
        while (true)
        {
            var n = CertificateNumbers.New(state, year);
            if (!await db.Set<VerificationRequest>().IgnoreQueryFilters().AnyAsync(x => x.CertificateNumber == n, ct)) return n;
        }
    }
}
