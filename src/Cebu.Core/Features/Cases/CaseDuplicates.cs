using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Cebu.Matching.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Cases;

public enum DuplicateDecision { SamePerson, DifferentPeople }

/// <summary>
/// A new case that seems to concern a person who already has a case in the same organisation: the earlier case, the
/// engine's score and evidence (<see cref="ScreeningModels.Case"/>: name, phone, e-mail, employer, linked worker), and the
/// caseworker's decision. Held by the organisation that holds both cases; the complainant never sees it.
/// </summary>
public sealed class CaseDuplicateFlag : IOwnedByOrganisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    [OwnerOrganisation] public string OwnerOrganisationId { get; set; } = "";
    /// <summary>The earlier case that seems to concern the same person.</summary>
    public Guid OtherCaseId { get; set; }
    public DateTimeOffset OtherReceivedAt { get; set; }
    public double Score { get; set; }
    public double Weight { get; set; }
    public List<FieldEvidence> Evidence { get; set; } = [];
    public DuplicateDecision? Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CaseDuplicateFlagConfiguration : IEntityTypeConfiguration<CaseDuplicateFlag>
{
    public void Configure(EntityTypeBuilder<CaseDuplicateFlag> f)
    {
        f.Property(x => x.OwnerOrganisationId).HasMaxLength(64);
        f.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
        f.Property(x => x.DecidedBy).HasMaxLength(256);
        CebuDbContext.JsonColumn(f.Property(x => x.Evidence));
        f.HasIndex(x => x.CaseId);
    }
}

/// <summary>A flag as the case page and the API show it.</summary>
public sealed record CaseDuplicateView(Guid Id, Guid OtherCaseId, string? OtherPersonName, DateTimeOffset OtherReceivedAt, CaseState OtherState,
    double Score, double Weight, IReadOnlyList<FieldEvidence> Evidence, DuplicateDecision? Decision, string? DecidedBy, DateTimeOffset? DecidedAt);

public static class CaseDuplicates
{
    /// <summary>At most this many of the organisation's most recent cases that name someone are compared with a new one.</summary>
    public const int MaxCandidates = 2000;

    public static ScreeningRecord Record(string? firstName, string? secondName, string? phone, string? email, string? employer, Guid? workerId) => new ScreeningRecord()
        .Add(ScreeningModels.Name, string.Join(' ', new[] { firstName, secondName }.Where(s => !string.IsNullOrWhiteSpace(s))))
        .Add(ScreeningModels.Phone, phone).Add(ScreeningModels.Email, email?.ToLowerInvariant())
        .Add(ScreeningModels.Employer, employer).Add(ScreeningModels.LinkedWorker, workerId?.ToString());

    /// <summary>
    /// Adds a flag to the context for each earlier case of the organisation that seems to concern the new case's person
    /// (saved with the case). An anonymous case with no phone, e-mail or worker is compared with nothing.
    /// </summary>
    public static async Task FlagAsync(CebuDbContext db, Case c, CancellationToken ct)
    {
        if (c.PersonName is null && c.MobilePhone is null && c.Email is null && c.WorkerId is null) return;
        var owner = c.OwnerOrganisationId;
        // The public form has no organisation of its own: the owner is named explicitly, the row filter set aside.
        var candidates = await db.Set<Case>().IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.OwnerOrganisationId == owner && x.Id != c.Id
                        && (x.FirstName != null || x.SecondName != null || x.MobilePhone != null || x.Email != null || x.WorkerId != null))
            .OrderByDescending(x => x.Id).Take(MaxCandidates)
            .Select(x => new { x.Id, x.ReceivedAt, x.FirstName, x.SecondName, x.MobilePhone, x.Email, x.Employer, x.WorkerId })
            .ToListAsync(ct);
        var record = Record(c.FirstName, c.SecondName, c.MobilePhone, c.Email, c.Employer, c.WorkerId);
        foreach (var x in candidates)
        {
            var s = ScreeningModels.Case.Score(record, Record(x.FirstName, x.SecondName, x.MobilePhone, x.Email, x.Employer, x.WorkerId));
            if (s.Probability < ScreeningModels.ReportAt) continue;
            db.Add(new CaseDuplicateFlag
            {
                CaseId = c.Id, OwnerOrganisationId = owner, OtherCaseId = x.Id, OtherReceivedAt = x.ReceivedAt,
                Score = s.Probability, Weight = s.Weight, Evidence = s.Evidence.ToList(), CreatedAt = c.ReceivedAt,
            });
        }
    }

    internal static async Task<IReadOnlyList<CaseDuplicateView>> ViewsAsync(CebuDbContext db, Guid caseId, CancellationToken ct)
    {
        var flags = await db.Set<CaseDuplicateFlag>().AsNoTracking().Where(f => f.CaseId == caseId).ToListAsync(ct);
        var ids = flags.Select(f => f.OtherCaseId).ToList();
        var others = await db.Set<Case>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        return flags.OrderByDescending(f => f.Score).ThenBy(f => f.Id)
            .Select(f => others.TryGetValue(f.OtherCaseId, out var o)
                ? new CaseDuplicateView(f.Id, f.OtherCaseId, o.PersonName, f.OtherReceivedAt, o.State, f.Score, f.Weight, f.Evidence, f.Decision, f.DecidedBy, f.DecidedAt)
                : null)
            .OfType<CaseDuplicateView>().ToList();
    }
}

/// <summary>The duplicate flags of a case the caller's organisation holds.</summary>
public sealed class GetCaseDuplicates(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<CaseDuplicateView>>> Handle(Guid caseId, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        if (await CaseAccess.Find(db, caseId, ct) is null) return Problem.NotFound("The case");
        return (await CaseDuplicates.ViewsAsync(db, caseId, ct)).ToList();
    }
}

/// <summary>The caseworker decides a flag: the same person (the cases concern one person) or different people.</summary>
public sealed class DecideCaseDuplicate(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<CaseDuplicateView>>> Handle(Guid caseId, Guid flagId, DuplicateDecision? decision, CancellationToken ct)
    {
        var who = db.Access;
        if (CaseAccess.Check(who) is { } denied) return denied;
        if (await CaseAccess.Find(db, caseId, ct) is null) return Problem.NotFound("The case");
        var flag = await db.Set<CaseDuplicateFlag>().SingleOrDefaultAsync(f => f.Id == flagId && f.CaseId == caseId, ct);
        if (flag is null) return Problem.NotFound("The duplicate flag");
        if (decision is null) return Problem.Invalid("decision", "Choose samePerson or differentPeople.");
        flag.Decision = decision;
        flag.DecidedBy = who.UserName ?? "system";
        flag.DecidedAt = db.Clock.GetUtcNow();
        db.AuditAction = "case.duplicate";
        db.AuditReason = $"Case {caseId} and case {flag.OtherCaseId}: {(decision == DuplicateDecision.SamePerson ? "the same person" : "different people")}.";
        await db.SaveChangesAsync(ct);
        return (await CaseDuplicates.ViewsAsync(db, caseId, ct)).ToList();
    }
}
