using System.Text.RegularExpressions;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Detentions;

/// <summary>
/// The arrest or detention of a migrant worker, as the detaining (receiving) state records it, and the notice it sends at
/// once to the consulate of the worker's state in that country (ASEAN Declaration 2007 art. 10; Vienna Convention on
/// Consular Relations 1963 art. 36(1)(b)). Seen only by the detaining state's officials who handle detentions and by the
/// notified consulate: access is checked by <see cref="DetentionAccess"/>, not by a row filter, because the two parties
/// are a state and one organisation of another state.
/// </summary>
public sealed class DetentionNotice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The state that detains the worker: the recording official's state.</summary>
    public string DetainingState { get; set; } = "";
    public string RecordedByOrganisationId { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The worker's record when known; the fields below are then copied from it, else as given.</summary>
    public Guid? WorkerId { get; set; }
    public string WorkerName { get; set; } = "";
    public string Nationality { get; set; } = "";
    public DateOnly? DateOfBirth { get; set; }
    public string? DocumentNumber { get; set; }

    public DateTimeOffset DetainedAt { get; set; }
    public string PlaceDetained { get; set; } = "";
    public string Authority { get; set; } = "";
    public string Grounds { get; set; } = "";
    public string PlaceOfCustody { get; set; } = "";

    /// <summary>The consulate notified; null when none of the worker's state is on record in the detaining state.</summary>
    public string? ConsulateId { get; set; }
    public string? ConsulateName { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgementNote { get; set; }
}

/// <summary>
/// When a notice is overdue: not acknowledged within <see cref="AcknowledgeWithin"/> (24 hours) of being recorded.
/// Cebu's service rule, the one place it is written: VCCR art. 36(1)(b) says "without delay" and sets no hours; 24 hours
/// makes "without delay" checkable. A notice with no consulate on record is never overdue (nobody can acknowledge it).
/// </summary>
public static class DetentionRules
{
    public static readonly TimeSpan AcknowledgeWithin = TimeSpan.FromHours(24);

    public static DateTimeOffset DueAt(DetentionNotice n) => n.RecordedAt + AcknowledgeWithin;

    public static bool Overdue(DetentionNotice n, DateTimeOffset now) => n.ConsulateId is not null && n.AcknowledgedAt is null && now > DueAt(n);

    public const int MaxText = 500;
    public const int MaxNote = 2000;
}

/// <summary>Who sees a notice: officials of the detaining state who record detentions, and the notified consulate.</summary>
public static class DetentionAccess
{
    public static bool IsSender(IAccessContext who, DetentionNotice n) => who.Has(Permissions.DetentionsNotify) && who.State is not null && who.State == n.DetainingState;
    public static bool IsConsulate(IAccessContext who, DetentionNotice n) => who.Has(Permissions.DetentionsView) && who.OrganisationId is not null && who.OrganisationId == n.ConsulateId;
    public static bool CanSee(IAccessContext who, DetentionNotice n) => who.IsSystem || IsSender(who, n) || IsConsulate(who, n);

    /// <summary>The same rule as a query.</summary>
    public static IQueryable<DetentionNotice> Visible(IQueryable<DetentionNotice> q, IAccessContext who)
    {
        if (who.IsSystem) return q;
        var state = who.Has(Permissions.DetentionsNotify) ? who.State : null;
        var org = who.Has(Permissions.DetentionsView) ? who.OrganisationId : null;
        return q.Where(n => (state != null && n.DetainingState == state) || (org != null && n.ConsulateId == org));
    }
}

/// <summary>A notice as the sender and the consulate see it.</summary>
public sealed record DetentionView(
    Guid Id, string DetainingState, string RecordedBy, DateTimeOffset RecordedAt,
    Guid? WorkerId, string WorkerName, string Nationality, DateOnly? DateOfBirth, string? DocumentNumber,
    DateTimeOffset DetainedAt, string PlaceDetained, string Authority, string Grounds, string PlaceOfCustody,
    string? ConsulateId, string? ConsulateName, bool NoConsulateOnRecord,
    DateTimeOffset DueAt, bool Overdue, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgementNote)
{
    public static DetentionView Of(DetentionNotice n, DateTimeOffset now) => new(
        n.Id, n.DetainingState, n.RecordedBy, n.RecordedAt, n.WorkerId, n.WorkerName, n.Nationality, n.DateOfBirth, n.DocumentNumber,
        n.DetainedAt, n.PlaceDetained, n.Authority, n.Grounds, n.PlaceOfCustody, n.ConsulateId, n.ConsulateName, n.ConsulateId is null,
        DetentionRules.DueAt(n), DetentionRules.Overdue(n, now), n.AcknowledgedAt, n.AcknowledgedBy, n.AcknowledgementNote);
}

/// <summary>What the detaining state's official sends (the API body and the form).</summary>
public sealed record DetentionInput(
    Guid? WorkerId = null, string? WorkerName = null, string? Nationality = null, DateOnly? DateOfBirth = null, string? DocumentNumber = null,
    DateTimeOffset? DetainedAt = null, string? PlaceDetained = null, string? Authority = null, string? Grounds = null, string? PlaceOfCustody = null);

/// <summary>
/// Records a detention and notifies at once the consulate of the worker's nationality located in the detaining state
/// (an <see cref="OrganisationKind.EmbassyOrConsulate"/> with that home state there); with none, the notice says
/// "no consulate on record". Audited as <c>detention.notify</c>.
/// </summary>
public sealed partial class RecordDetention(CebuDbContext db)
{
    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex CountryCode();

    public async Task<Outcome<DetentionView>> Handle(DetentionInput? r, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.DetentionsNotify) || who.State is null)
            return Problem.Forbidden("Only a receiving state's inspectors and caseworkers record detentions.");
        if (r is null) return Problem.Invalid("body", "Send the detention as JSON: worker (workerId, or workerName and nationality), detainedAt, placeDetained, authority, grounds, placeOfCustody.");
        var now = db.Clock.GetUtcNow();
        var v = new Validation();
        var notice = new DetentionNotice { DetainingState = who.State, RecordedByOrganisationId = who.OrganisationId ?? "", RecordedBy = who.UserName ?? "", RecordedAt = now };

        if (r.WorkerId is { } workerId)
        {
            var worker = await db.Set<Worker>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == workerId, ct);
            if (worker is null) v.Add("workerId", "No worker with this id that your state may see: leave workerId out and give the name, nationality, date of birth and document number instead.");
            else
            {
                db.RecordRead(nameof(Worker), worker.Id.ToString());
                notice.WorkerId = worker.Id;
                notice.WorkerName = $"{worker.FamilyName} {worker.GivenNames}".Trim();
                notice.Nationality = worker.Nationality;
                notice.DateOfBirth = worker.DateOfBirth;
                notice.DocumentNumber = worker.PassportNumber ?? worker.CertificateOfIdentityNumber ?? worker.NationalIdNumber;
            }
        }
        else
        {
            var name = r.WorkerName?.Trim() ?? "";
            var nationality = r.Nationality?.Trim().ToUpperInvariant() ?? "";
            v.Require(name.Length > 0, "workerName", "Give the worker's name as on their documents (or the workerId of their record).");
            v.Require(name.Length <= 200, "workerName", "Keep the name to 200 characters.");
            v.Require(CountryCode().IsMatch(nationality), "nationality", "Give the worker's nationality as a two-letter country code (ISO 3166-1), for example KH or MM.");
            if (r.DateOfBirth is { } dob) v.Require(dob <= DateOnly.FromDateTime(now.UtcDateTime) && dob.Year > 1900, "dateOfBirth", "Give a date of birth in the past (yyyy-MM-dd), or leave it out if unknown.");
            v.Require((r.DocumentNumber?.Trim().Length ?? 0) <= 40, "documentNumber", "Keep the document number to 40 characters.");
            notice.WorkerName = name;
            notice.Nationality = nationality;
            notice.DateOfBirth = r.DateOfBirth;
            notice.DocumentNumber = string.IsNullOrWhiteSpace(r.DocumentNumber) ? null : r.DocumentNumber.Trim();
        }
        if (notice.Nationality.Length == 2 && notice.Nationality == who.State)
            v.Add("nationality", "The worker is a national of your own state: there is no foreign consulate to notify.");

        if (r.DetainedAt is not { } detainedAt) v.Add("detainedAt", "Give when the worker was arrested or detained (date and time, ISO 8601).");
        else if (detainedAt > now.AddMinutes(5)) v.Add("detainedAt", "The time of detention is in the future: give when it happened.");
        else notice.DetainedAt = detainedAt.ToUniversalTime();
        notice.PlaceDetained = Text(v, r.PlaceDetained, "placeDetained", "Give where the worker was arrested or detained (place, town).");
        notice.Authority = Text(v, r.Authority, "authority", "Give the authority that detained the worker (for example the immigration police of the province).");
        notice.Grounds = Text(v, r.Grounds, "grounds", "Give the grounds for the detention (the offence or the legal basis).");
        notice.PlaceOfCustody = Text(v, r.PlaceOfCustody, "placeOfCustody", "Give where the worker is held now, so that the consulate can visit.");
        if (v.HasErrors) return v.ToProblem();

        var consulate = await db.Organisations.ConsulateOfAsync(notice.Nationality, notice.DetainingState, ct);
        notice.ConsulateId = consulate?.Id;
        notice.ConsulateName = consulate?.Name;
        db.Add(notice);
        db.AuditAction = "detention.notify";
        db.AuditReason = consulate is null
            ? $"Detention recorded; no consulate of {notice.Nationality} on record in {notice.DetainingState}."
            : $"Detention recorded; {consulate.Name} notified.";
        await db.SaveChangesAsync(ct);
        return DetentionView.Of(notice, now);
    }

    private static string Text(Validation v, string? value, string field, string message)
    {
        var t = value?.Trim() ?? "";
        v.Require(t.Length > 0, field, message);
        v.Require(t.Length <= DetentionRules.MaxText, field, $"Keep it to {DetentionRules.MaxText} characters.");
        return t;
    }
}

/// <summary>The notices the caller may see: overdue ones first, then unacknowledged, then the latest.</summary>
public sealed class ListDetentions(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<DetentionView>>> Handle(CancellationToken ct)
    {
        if (!db.Access.Has(Permissions.DetentionsView)) return Problem.Forbidden("Only officials who handle detentions and consulates see detention notices.");
        var now = db.Clock.GetUtcNow();
        var notices = await DetentionAccess.Visible(db.Set<DetentionNotice>().AsNoTracking(), db.Access).ToListAsync(ct);
        var views = notices.Select(n => DetentionView.Of(n, now))
            .OrderByDescending(n => n.Overdue).ThenBy(n => n.AcknowledgedAt is not null).ThenByDescending(n => n.RecordedAt).ToList();
        foreach (var n in views) db.RecordRead(nameof(DetentionNotice), n.Id.ToString());
        if (views.Count > 0) await db.SaveChangesAsync(ct);
        return views;
    }
}

/// <summary>The notified consulate acknowledges a notice: who, when, a note. Audited as <c>detention.acknowledge</c>.</summary>
public sealed class AcknowledgeDetention(CebuDbContext db)
{
    public async Task<Outcome<DetentionView>> Handle(Guid id, string? note, CancellationToken ct)
    {
        var who = db.Access;
        var n = await db.Set<DetentionNotice>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !DetentionAccess.CanSee(who, n)) return Problem.NotFound("The detention notice");
        if (!DetentionAccess.IsConsulate(who, n)) return Problem.Forbidden("Only the notified consulate acknowledges a detention notice.");
        if (n.AcknowledgedAt is not null) return Problem.Conflict("Already acknowledged.", $"{n.AcknowledgedBy} acknowledged this notice at {n.AcknowledgedAt:yyyy-MM-dd HH:mm} UTC.");
        var text = note?.Trim();
        if (text?.Length > DetentionRules.MaxNote) return Problem.Invalid("note", $"Keep the note to {DetentionRules.MaxNote} characters.");
        var now = db.Clock.GetUtcNow();
        n.AcknowledgedAt = now;
        n.AcknowledgedBy = who.UserName;
        n.AcknowledgementNote = string.IsNullOrEmpty(text) ? null : text;
        db.AuditAction = "detention.acknowledge";
        await db.SaveChangesAsync(ct);
        return DetentionView.Of(n, now);
    }
}

internal sealed class DetentionNoticeConfiguration : IEntityTypeConfiguration<DetentionNotice>
{
    public void Configure(EntityTypeBuilder<DetentionNotice> d)
    {
        d.Property(x => x.DetainingState).HasMaxLength(2);
        d.Property(x => x.RecordedByOrganisationId).HasMaxLength(64);
        d.Property(x => x.RecordedBy).HasMaxLength(256);
        d.Property(x => x.WorkerName).HasMaxLength(200);
        d.Property(x => x.Nationality).HasMaxLength(2);
        d.Property(x => x.DocumentNumber).HasMaxLength(40);
        d.Property(x => x.PlaceDetained).HasMaxLength(DetentionRules.MaxText);
        d.Property(x => x.Authority).HasMaxLength(DetentionRules.MaxText);
        d.Property(x => x.Grounds).HasMaxLength(DetentionRules.MaxText);
        d.Property(x => x.PlaceOfCustody).HasMaxLength(DetentionRules.MaxText);
        d.Property(x => x.ConsulateId).HasMaxLength(64);
        d.Property(x => x.ConsulateName).HasMaxLength(200);
        d.Property(x => x.AcknowledgedBy).HasMaxLength(256);
        d.Property(x => x.AcknowledgementNote).HasMaxLength(DetentionRules.MaxNote);
        d.HasIndex(x => x.DetainingState);
        d.HasIndex(x => x.ConsulateId);
    }
}
