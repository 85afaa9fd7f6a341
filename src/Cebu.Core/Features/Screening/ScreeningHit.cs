using Cebu.Core.Features.Agencies;
using Cebu.Core.Features.Employers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Cebu.Matching.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Screening;

/// <summary>What was screened, or what it resembled.</summary>
public enum PartyKind { Agency, Employer }

public enum ScreeningHitStatus { Open, Confirmed, Dismissed }

/// <summary>
/// A new agency licence or employer registration (the subject) that resembles a blacklisted agency or an errant or
/// blacklisted employer (the matched record), with the engine's score and evidence field by field. Held by the state
/// that registered the subject; its officials with screening.review confirm or dismiss it. Confirming records the
/// finding; it suspends nothing by itself (the licence or registration is changed through its own page).
/// </summary>
public sealed class ScreeningHit : IOwnedByState, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The state that licensed or registered the subject.</summary>
    [OwnerState] public string OwnerState { get; set; } = "";
    public PartyKind SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    /// <summary>The subject's licence or registration number and name, as screened.</summary>
    public string SubjectReference { get; set; } = "";
    public string SubjectName { get; set; } = "";
    public PartyKind MatchedKind { get; set; }
    public Guid MatchedId { get; set; }
    public string MatchedState { get; set; } = "";
    public string MatchedReference { get; set; } = "";
    public string MatchedName { get; set; } = "";
    /// <summary>blacklisted, errant: the matched record's status when screened.</summary>
    public string MatchedStatus { get; set; } = "";
    /// <summary>The posterior probability that the two are the same business (or people behind it).</summary>
    public double Score { get; set; }
    /// <summary>The match weight in bits (sum of the fields' weights).</summary>
    public double Weight { get; set; }
    public List<FieldEvidence> Evidence { get; set; } = [];
    public ScreeningHitStatus Status { get; set; } = ScreeningHitStatus.Open;
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class ScreeningHitConfiguration : IEntityTypeConfiguration<ScreeningHit>
{
    public void Configure(EntityTypeBuilder<ScreeningHit> h)
    {
        h.Property(x => x.OwnerState).HasMaxLength(2);
        h.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(12);
        h.Property(x => x.MatchedKind).HasConversion<string>().HasMaxLength(12);
        h.Property(x => x.SubjectReference).HasMaxLength(64);
        h.Property(x => x.SubjectName).HasMaxLength(300);
        h.Property(x => x.MatchedState).HasMaxLength(2);
        h.Property(x => x.MatchedReference).HasMaxLength(64);
        h.Property(x => x.MatchedName).HasMaxLength(300);
        h.Property(x => x.MatchedStatus).HasMaxLength(16);
        h.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        h.Property(x => x.ReviewedBy).HasMaxLength(256);
        h.Property(x => x.ReviewReason).HasMaxLength(ReviewScreeningHit.MaxReason);
        h.Property(x => x.Version).IsConcurrencyToken();
        CebuDbContext.JsonColumn(h.Property(x => x.Evidence));
        h.HasIndex(x => new { x.OwnerState, x.Status });
        h.HasIndex(x => x.SubjectId);
    }
}

/// <summary>A business as screening reads it: every name it goes by, its principals, its addresses.</summary>
public sealed record PartyProfile(IReadOnlyList<string> Names, IReadOnlyList<string> Principals, IReadOnlyList<string> Addresses)
{
    public ScreeningRecord Record() => new ScreeningRecord()
        .Add(ScreeningModels.PartyName, Names).Add(ScreeningModels.Principal, Principals).Add(ScreeningModels.Address, Addresses);

    public static PartyProfile Of(Agency a) => new(a.AllNames().ToList(), a.Principals.Select(p => p.Name).ToList(), [a.Address]);

    public static PartyProfile Of(AgencyInput a) =>
        new(a.OtherNames.Select(n => n.Name).Prepend(a.LegalName ?? "").ToList(), a.Principals.Select(p => p.Name).ToList(), [a.Address ?? ""]);

    public static PartyProfile Of(Employer e) => new(e.TradingNames.Prepend(e.Name).ToList(), e.Principals.Select(p => p.Name).ToList(), e.Addresses.ToList());
}

/// <summary>A blacklisted agency or errant employer that a subject resembles, with the score and the evidence.</summary>
public sealed record ScreeningMatch(PartyKind Kind, Guid Id, string State, string Reference, string Name, string Status, double Score, double Weight, IReadOnlyList<FieldEvidence> Evidence);

/// <summary>
/// Screens a business against every state's blacklisted agencies and errant or blacklisted employers (both lists are
/// public in substance: the blacklist is published, and an errant employer's record is what the screening is for) with
/// the engine's <see cref="ScreeningModels.Party"/> model. The lists are short, so each entry is scored in full.
/// </summary>
public sealed class ScreenParties(CebuDbContext db)
{
    public async Task<IReadOnlyList<ScreeningMatch>> Handle(PartyProfile subject, Guid? exceptId, CancellationToken ct)
    {
        var agencies = await db.Set<Agency>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Status == LicenceStatus.Blacklisted && a.Id != exceptId).ToListAsync(ct);
        var employers = await db.Set<Employer>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => (e.Status == EmployerStatus.Errant || e.Status == EmployerStatus.Blacklisted) && e.Id != exceptId).ToListAsync(ct);
        return Screen(subject, agencies, employers);
    }

    /// <summary>Pure: the agencies and employers the subject resembles at or above <see cref="ScreeningModels.ReportAt"/>, best first.</summary>
    public static IReadOnlyList<ScreeningMatch> Screen(PartyProfile subject, IEnumerable<Agency> agencies, IEnumerable<Employer> employers)
    {
        var record = subject.Record();
        var matches = new List<ScreeningMatch>();
        foreach (var a in agencies)
        {
            var s = ScreeningModels.Party.Score(record, PartyProfile.Of(a).Record());
            if (s.Probability >= ScreeningModels.ReportAt)
                matches.Add(new(PartyKind.Agency, a.Id, a.LicensingState, a.LicenceNumber, a.LegalName, "blacklisted", s.Probability, s.Weight, s.Evidence));
        }
        foreach (var e in employers)
        {
            var s = ScreeningModels.Party.Score(record, PartyProfile.Of(e).Record());
            if (s.Probability >= ScreeningModels.ReportAt)
                matches.Add(new(PartyKind.Employer, e.Id, e.RegisteringState, e.RegistrationNumber, e.Name, e.Status.ToString().ToLowerInvariant(), s.Probability, s.Weight, s.Evidence));
        }
        return matches.OrderByDescending(m => m.Weight).ToList();
    }

    /// <summary>Adds one open hit per match to the context, held by the subject's state (saved with the subject).</summary>
    public static void Record(CebuDbContext db, string state, PartyKind kind, Guid id, string reference, string name, IEnumerable<ScreeningMatch> matches, DateTimeOffset now)
    {
        foreach (var m in matches)
            db.Add(new ScreeningHit
            {
                OwnerState = state, SubjectKind = kind, SubjectId = id, SubjectReference = reference, SubjectName = name,
                MatchedKind = m.Kind, MatchedId = m.Id, MatchedState = m.State, MatchedReference = m.Reference, MatchedName = m.Name, MatchedStatus = m.Status,
                Score = m.Score, Weight = m.Weight, Evidence = m.Evidence.ToList(), CreatedAt = now,
            });
    }
}

/// <summary>The review queue: the caller's state's hits, open ones first.</summary>
public sealed class ListScreeningHits(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<ScreeningHit>>> Handle(ScreeningHitStatus? status, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ScreeningReview) || who.State is null) return Problem.Forbidden("The screening queue needs the screening.review permission of a state's official.");
        var q = db.Set<ScreeningHit>().AsNoTracking().Where(h => h.OwnerState == who.State);
        if (status is { } s) q = q.Where(h => h.Status == s);
        var list = await q.ToListAsync(ct);
        return list.OrderBy(h => h.Status == ScreeningHitStatus.Open ? 0 : 1).ThenByDescending(h => h.CreatedAt).ToList();
    }
}

/// <summary>One hit of the caller's state; another state's is not found.</summary>
public sealed class GetScreeningHit(CebuDbContext db)
{
    public async Task<Outcome<ScreeningHit>> Handle(Guid id, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ScreeningReview) || who.State is null) return Problem.Forbidden("Screening hits need the screening.review permission.");
        var hit = await db.Set<ScreeningHit>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == id && h.OwnerState == who.State, ct);
        return hit is null ? Problem.NotFound("The screening hit") : hit;
    }
}

/// <summary>Confirms (the subject is, or is run by, the matched business) or dismisses an open hit, with the reviewer's reason.</summary>
public sealed class ReviewScreeningHit(CebuDbContext db)
{
    public const int MaxReason = 1000;

    public async Task<Outcome<ScreeningHit>> Handle(Guid id, ScreeningHitStatus? decision, string? reason, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ScreeningReview) || who.State is null) return Problem.Forbidden("Reviewing screening hits needs the screening.review permission.");
        var hit = await db.Set<ScreeningHit>().SingleOrDefaultAsync(h => h.Id == id && h.OwnerState == who.State, ct);
        if (hit is null) return Problem.NotFound("The screening hit");
        var v = new Validation();
        v.Require(decision is ScreeningHitStatus.Confirmed or ScreeningHitStatus.Dismissed, "decision", "Choose confirmed (the same business or people) or dismissed (unrelated).");
        var why = reason?.Trim() ?? "";
        v.Require(why.Length > 0, "reason", "Say why: what you checked, and what it showed.");
        v.Require(why.Length <= MaxReason, "reason", $"At most {MaxReason} characters.");
        if (v.HasErrors) return v.ToProblem();
        if (hit.Status != ScreeningHitStatus.Open)
            return Problem.Conflict("This hit was already reviewed.", $"It was {hit.Status.ToString().ToLowerInvariant()} by {hit.ReviewedBy} on {hit.ReviewedAt:yyyy-MM-dd}.");
        hit.Status = decision!.Value;
        hit.ReviewedBy = who.UserName ?? "system";
        hit.ReviewedAt = db.Clock.GetUtcNow();
        hit.ReviewReason = why;
        db.AuditAction = decision == ScreeningHitStatus.Confirmed ? "screening.confirm" : "screening.dismiss";
        db.AuditReason = why;
        await db.SaveChangesAsync(ct);
        return hit;
    }
}
