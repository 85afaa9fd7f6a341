using System.Text.Json.Nodes;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Cases;

/// <summary>The worker's consent as the form and the API send it.</summary>
public sealed record ConsentInput(string? GivenBy, ConsentGiver? GivenByRole, ConsentForm? Form, DateTimeOffset? GivenAt, DateTimeOffset? Until);

/// <summary>A referral as the sender fills it in. Fields left out are the service's minimum (<see cref="ConsentRules.FieldsFor"/>).</summary>
public sealed record ReferralInput(string? Recipient, ReferralService? Service, ReferralReason? Reason, string? Details, List<string>? Fields, ConsentInput? Consent);

public sealed record ReferralUpdateView(ReferralStatus Status, string? Event, string? Note, string By, string ByOrganisationId, DateTimeOffset At);

/// <summary>The consent as a referral shows it. The giver's name is shown to the sender only.</summary>
public sealed record ReferralConsentView(string? GivenBy, ConsentGiver GivenByRole, ConsentForm Form, DateTimeOffset GivenAt, DateTimeOffset Until, string RecordedBy,
    DateTimeOffset? RevokedAt, string? RevokedBy, string? RevocationReason, bool Active);

/// <summary>
/// A referral for the sender (with the case id) or the recipient (with <see cref="Shared"/>: the HTCDS-named case fields the
/// consent allows now, and no case id).
/// </summary>
public sealed record ReferralView(Guid Id, Guid? CaseId, string SenderOrganisationId, string SenderOrganisationName, string SenderState, string SentBy, DateTimeOffset SentAt,
    string RecipientOrganisationId, string RecipientOrganisationName, string RecipientState, ReferralService Service, ReferralReason Reason, string? Details,
    IReadOnlyList<string> Fields, ReferralStatus Status, string? StatusReason, DateTimeOffset StatusChangedAt, ReferralConsentView Consent,
    IReadOnlyList<ReferralUpdateView> Updates, JsonObject? Shared);

/// <summary>One line of a recipient's inbox: nothing about the person, only the referral.</summary>
public sealed record ReferralInboxItem(Guid Id, string SenderOrganisationId, string SenderOrganisationName, string SenderState, ReferralService Service, ReferralStatus Status,
    DateTimeOffset SentAt, DateTimeOffset StatusChangedAt, DateTimeOffset ConsentUntil);

public static class ReferralRules
{
    public const int MaxText = 2000;
    public const int MinReason = 10;
}

/// <summary>
/// Access rule 7 (docs/architecture.md): a referral is seen by the organisation that sent it (its caseworkers, through the
/// case they hold) and by the recipient organisation's officials with <c>referrals.receive</c> while it is active: not
/// declined, not withdrawn, consent given, not revoked and not expired. The recipient sees only the fields shared within
/// the consent (<see cref="ConsentRules.Access"/>), never the case itself; every read it makes is logged on the case.
/// </summary>
public static class ReferralAccess
{
    public static bool IsSender(IAccessContext who, CaseReferral r) =>
        who.Has(Permissions.CasesHandle) && who.OrganisationId is not null && who.OrganisationId == r.SenderOrganisationId;

    public static bool IsRecipient(IAccessContext who, CaseReferral r) =>
        who.Has(Permissions.ReferralsReceive) && who.OrganisationId is not null && who.OrganisationId == r.RecipientOrganisationId;

    /// <summary>The consent allows sharing now (given, not revoked, not expired).</summary>
    public static bool ConsentActive(CaseReferral r, DateTimeOffset now) =>
        ConsentRules.Access([r.Consent()], r.RecipientOrganisationId, r.Service, now).Allowed;

    /// <summary>The recipient may read it now: not declined or withdrawn, and the consent active.</summary>
    public static bool ActiveForRecipient(CaseReferral r, DateTimeOffset now) =>
        r.Status is not (ReferralStatus.Declined or ReferralStatus.Withdrawn) && ConsentActive(r, now);

    /// <summary>Open referrals that still count for the case workflow (a revoked or expired consent ends them for the workflow too).</summary>
    public static async Task<int> OpenCount(CebuDbContext db, Guid caseId, DateTimeOffset now, CancellationToken ct) =>
        (await db.Set<CaseReferral>().AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(ct)).Count(r => r.IsOpen && ConsentActive(r, now));

    /// <summary>The referral if the caller sent it or may receive it now; a referral the caller may not see is not found.</summary>
    internal static async Task<(CaseReferral? Referral, bool Sender)> Find(CebuDbContext db, Guid id, CancellationToken ct)
    {
        var who = db.Access;
        var org = who.OrganisationId;
        if (org is null) return (null, false);
        var r = await db.Set<CaseReferral>().FirstOrDefaultAsync(x => x.Id == id && (x.SenderOrganisationId == org || x.RecipientOrganisationId == org), ct);
        if (r is null) return (null, false);
        if (IsSender(who, r)) return (r, true);
        return IsRecipient(who, r) && ActiveForRecipient(r, db.Clock.GetUtcNow()) ? (r, false) : (null, false);
    }

    /// <summary>The case's values keyed by HTCDS (or cebu_) field name, for <see cref="ReferralExport.Build"/>. A confidential note is never among them.</summary>
    public static IReadOnlyDictionary<string, object?> CaseValues(Case c) => new Dictionary<string, object?>
    {
        [HtcdsFields.FirstName] = c.FirstName,
        [HtcdsFields.SecondName] = c.SecondName,
        [HtcdsFields.Citizenship] = c.Citizenship,
        [HtcdsFields.PrimaryLanguage] = c.PrimaryLanguage,
        [HtcdsFields.MobilePhone] = c.MobilePhone,
        [HtcdsFields.Email] = c.Email,
        [HtcdsFields.LocationOfExploitation] = c.LocationOfExploitation,
        [HtcdsFields.TraffickingStatus] = c.TraffickingStatus,
        [HtcdsFields.MethodsOfControl] = c.MethodsOfControl.Count == 0 ? null : c.MethodsOfControl,
        [HtcdsFields.CebuLabourIssues] = c.LabourIssues.Count == 0 ? null : c.LabourIssues,
        [HtcdsFields.CebuEmployer] = c.Employer,
        [HtcdsFields.CebuAgencyLicence] = c.AgencyName,
        [HtcdsFields.CebuWorkplace] = c.LocationOfExploitation,
        [HtcdsFields.CebuForcedLabourIndicators] = c.ForcedLabourIndicators.Count == 0 ? null : c.ForcedLabourIndicators,
        [HtcdsFields.CebuPriority] = c.Priority,
    };

    /// <summary>What the referral shares now, HTCDS-named; a problem when the consent allows nothing.</summary>
    public static Outcome<JsonObject> Export(CaseReferral r, Case c, DateTimeOffset now) =>
        ReferralExport.Build(r.Share(), [r.Consent()], CaseValues(c), now);

    internal static async Task<ReferralView> View(CebuDbContext db, CaseReferral r, bool sender, JsonObject? shared, CancellationToken ct)
    {
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == r.SenderOrganisationId || o.Id == r.RecipientOrganisationId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var updates = await db.Set<CaseReferralUpdate>().AsNoTracking().Where(u => u.ReferralId == r.Id).ToListAsync(ct);
        var now = db.Clock.GetUtcNow();
        var consent = new ReferralConsentView(sender ? r.ConsentGivenBy : null, r.ConsentGivenByRole, r.ConsentForm, r.ConsentGivenAt, r.ConsentUntil,
            r.ConsentRecordedBy, r.ConsentRevokedAt, r.ConsentRevokedBy, sender ? r.ConsentRevocationReason : null, ConsentActive(r, now));
        return new ReferralView(r.Id, sender ? r.CaseId : null, r.SenderOrganisationId, names.GetValueOrDefault(r.SenderOrganisationId, r.SenderOrganisationId), r.SenderState,
            r.SentBy, r.SentAt, r.RecipientOrganisationId, names.GetValueOrDefault(r.RecipientOrganisationId, r.RecipientOrganisationId), r.RecipientState,
            r.Service, r.Reason, r.Details, r.Fields, r.Status, r.StatusReason, r.StatusChangedAt, consent,
            updates.OrderBy(u => u.At).ThenBy(u => u.Id).Select(u => new ReferralUpdateView(u.Status, u.Event, u.Note, u.By, u.ByOrganisationId, u.At)).ToList(), shared);
    }
}

/// <summary>
/// Refers a case to another organisation, in the sender's state or across the border, with the worker's consent recorded
/// on the referral. The case becomes "referred" (when the workflow allows it); bad input names each field and saves nothing.
/// </summary>
public sealed class SendReferral(CebuDbContext db)
{
    private static readonly HashSet<string> ConsentFields = ["givenBy", "givenByRole", "givenAt", "until", "form"];

    public async Task<Outcome<ReferralView>> Handle(Guid caseId, ReferralInput input, CancellationToken ct)
    {
        var who = db.Access;
        if (CaseAccess.Check(who) is { } denied) return denied;
        if (!who.Has(Permissions.ReferralsSend)) return Problem.Forbidden("Referring a case needs the referrals.send permission of a caseworker or consular officer.");
        var c = await CaseAccess.Find(db, caseId, ct);
        if (c is null) return Problem.NotFound("The case");
        if (c.State != CaseState.Referred && !CaseWorkflow.Next(c.State).Contains(CaseState.Referred))
            return Problem.Conflict($"A case that is {CaseWorkflow.Words(c.State)} cannot be referred.",
                c.State == CaseState.New ? "Screen and assess the case first." : "Reopen the case first.");

        var now = db.Clock.GetUtcNow();
        var v = new Validation();
        var recipientId = input.Recipient?.Trim();
        var recipient = string.IsNullOrEmpty(recipientId) ? null : await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == recipientId, ct);
        if (string.IsNullOrEmpty(recipientId)) v.Add("recipient", "Choose the organisation the case is referred to.");
        else if (recipient is null) v.Add("recipient", $"No organisation '{recipientId}' is on record: choose one from the list.");
        else if (recipient.Id == c.OwnerOrganisationId) v.Add("recipient", "Your organisation already holds the case: refer it to another organisation.");
        else if (recipient.Kind == OrganisationKind.RecruitmentAgency) v.Add("recipient", "A case is not referred to a recruitment agency: choose a public authority, a consulate or a service provider.");
        if (input.Service is null) v.Add("service", "Choose the service the case is referred for (shelter, medical, legal aid, labour inspection, ...).");
        var details = input.Details?.Trim();
        if (details is { Length: > ReferralRules.MaxText }) v.Add("details", $"At most {ReferralRules.MaxText} characters.");
        var k = input.Consent;
        if (k is null) v.Add("consent", "Record the worker's consent to this referral: who gave it, how, when, and until when.");
        else
        {
            if (k.GivenByRole is null) v.Add("consent.givenByRole", "Say who gave consent: the person, a parent or guardian, or a legal representative.");
            if (k.Form is null) v.Add("consent.form", "Say how consent was given: written, verbal, by phone or electronically.");
            if (k.Until is null) v.Add("consent.until", "Say until when the consent holds (a year at most).");
            else if (k.Until <= now) v.Add("consent.until", "The consent's end date has passed: ask the worker again and record a date in the future.");
        }
        // The consent rules run as soon as the consent can be read, so that every error shows at once.
        ReferralConsent? consent = null;
        if (input.Service is { } purpose && k is not null)
        {
            // A missing role, form or end date is already named above: stand-ins let the other rules speak in the same answer.
            var chosen = (input.Fields ?? HtcdsFields.All.Where(ConsentRules.FieldsFor(purpose).Contains).ToList()).Select(f => f.Trim()).Distinct().ToList();
            var givenAt = k.GivenAt ?? now;
            consent = new ReferralConsent(Guid.Empty, k.GivenBy?.Trim() ?? "", k.GivenByRole ?? ConsentGiver.LegalRepresentative, k.Form ?? ConsentForm.Written, givenAt,
                purpose, recipient?.Id ?? recipientId ?? "", chosen, k.Until ?? givenAt.AddDays(1), who.UserName ?? "");
            foreach (var (field, messages) in ConsentRules.Validate(consent, c.ScreeningFacts.Minor, now).ToProblem().Errors ?? new Dictionary<string, string[]>())
                if (field != "recipient") // checked above against the organisations on record
                    foreach (var m in messages) v.Add(ConsentFields.Contains(field) ? $"consent.{field}" : field, m);
        }
        if (v.HasErrors || consent is null || recipient is null) return v.ToProblem();
        var service = consent.Purpose;
        var fields = consent.Fields.ToList();

        var referral = new CaseReferral
        {
            CaseId = c.Id, SenderOrganisationId = c.OwnerOrganisationId, SenderState = c.OwnerState, SentBy = who.UserName ?? "", SentAt = now,
            RecipientOrganisationId = recipient.Id, RecipientState = recipient.HomeState ?? "", Service = service, Reason = input.Reason ?? ReferralReason.AdditionalServicesRequired,
            Details = string.IsNullOrEmpty(details) ? null : details, Fields = fields, Status = ReferralStatus.Sent, StatusChangedAt = now, StatusChangedBy = who.UserName ?? "",
            ConsentGivenBy = consent.GivenBy, ConsentGivenByRole = consent.GivenByRole, ConsentForm = consent.Form, ConsentGivenAt = consent.GivenAt, ConsentUntil = consent.Until,
            ConsentRecordedBy = consent.RecordedBy,
        };
        if (c.State != CaseState.Referred)
        {
            var step = new CaseTransition(CaseState.Referred, ReferralId: referral.Id);
            if (CaseWorkflow.ToProblem(CaseState.Referred, CaseWorkflow.Check(new CaseSnapshot(c.State, c.Screened, c.AssigneeGuid, c.Outcome), step)) is { } refused) return refused;
            db.Add(new CaseStatusChange
            {
                CaseId = c.Id, OwnerOrganisationId = c.OwnerOrganisationId, From = c.State, To = CaseState.Referred, ChangedBy = who.UserName ?? "system", ChangedAt = now,
                Reason = $"Referred to {recipient.Name} for {Htcds.ReferralServices.Label(service).ToLowerInvariant()}.",
            });
            c.State = CaseState.Referred;
            c.StateSince = now;
        }
        c.LastActivityAt = now;
        c.UpdatedAt = now;
        c.Reschedule();
        db.Add(referral);
        db.Add(new CaseReferralUpdate { ReferralId = referral.Id, Status = ReferralStatus.Sent, Event = "sent", Note = referral.Details, By = referral.SentBy, ByOrganisationId = referral.SenderOrganisationId, At = now });
        db.AuditAction = "referral.send";
        db.AuditReason = $"Case referred to {recipient.Id} ({recipient.HomeState}) for {service}, sharing {string.Join(", ", fields)}; consent {consent.Form} by {consent.GivenByRole} until {consent.Until:yyyy-MM-dd}.";
        await db.SaveChangesAsync(ct);
        return await ReferralAccess.View(db, referral, true, null, ct);
    }
}

/// <summary>The referrals of a case, for the organisation that holds it.</summary>
public sealed class ListCaseReferrals(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<ReferralView>>> Handle(Guid caseId, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var c = await CaseAccess.Find(db, caseId, ct);
        if (c is null) return Problem.NotFound("The case");
        var rows = await db.Set<CaseReferral>().AsNoTracking().Where(r => r.CaseId == c.Id && r.SenderOrganisationId == c.OwnerOrganisationId).ToListAsync(ct);
        var list = new List<ReferralView>();
        foreach (var r in rows.OrderBy(r => r.SentAt)) list.Add(await ReferralAccess.View(db, r, true, null, ct));
        return list;
    }
}

/// <summary>The recipient's inbox: referrals to the caller's organisation that are active now (newest first).</summary>
public sealed class ListReferralInbox(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<ReferralInboxItem>>> Handle(CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ReferralsReceive) || who.OrganisationId is null)
            return Problem.Forbidden("Receiving referrals needs the referrals.receive permission of an organisation's official.");
        var org = who.OrganisationId;
        var now = db.Clock.GetUtcNow();
        var rows = (await db.Set<CaseReferral>().AsNoTracking().Where(r => r.RecipientOrganisationId == org).ToListAsync(ct))
            .Where(r => ReferralAccess.ActiveForRecipient(r, now)).OrderByDescending(r => r.SentAt).ToList();
        var senders = rows.Select(r => r.SenderOrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => senders.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return rows.Select(r => new ReferralInboxItem(r.Id, r.SenderOrganisationId, names.GetValueOrDefault(r.SenderOrganisationId, r.SenderOrganisationId), r.SenderState,
            r.Service, r.Status, r.SentAt, r.StatusChangedAt, r.ConsentUntil)).ToList();
    }
}

/// <summary>
/// One referral: for the recipient with the case fields the consent shares now (the read is logged on the case), for the
/// sender with its history. Anyone else, and the recipient after a decline, withdrawal, revocation or expiry: not found.
/// </summary>
public sealed class GetReferral(CebuDbContext db)
{
    public async Task<Outcome<ReferralView>> Handle(Guid id, CancellationToken ct)
    {
        var (r, sender) = await ReferralAccess.Find(db, id, ct);
        if (r is null) return Problem.NotFound("The referral");
        if (sender) return await ReferralAccess.View(db, r, true, null, ct);
        var c = await db.Set<Case>().IgnoreQueryFilters().AsNoTracking().FirstAsync(x => x.Id == r.CaseId, ct);
        var shared = ReferralAccess.Export(r, c, db.Clock.GetUtcNow());
        if (!shared.Ok) return Problem.NotFound("The referral");
        db.RecordRead(nameof(Case), c.Id.ToString());
        await db.SaveChangesAsync(ct);
        return await ReferralAccess.View(db, r, false, shared.Value, ct);
    }
}

/// <summary>
/// The HTCDS-named JSON of what the referral shares now (<see cref="ReferralExport"/>): for the recipient (a logged read of
/// the case) and for the sender, to see what left. Nothing once the consent is revoked or expired.
/// </summary>
public sealed class ExportReferral(CebuDbContext db)
{
    public async Task<Outcome<JsonObject>> Handle(Guid id, CancellationToken ct)
    {
        var (r, sender) = await ReferralAccess.Find(db, id, ct);
        if (r is null) return Problem.NotFound("The referral");
        var c = await db.Set<Case>().IgnoreQueryFilters().AsNoTracking().FirstAsync(x => x.Id == r.CaseId, ct);
        var export = ReferralAccess.Export(r, c, db.Clock.GetUtcNow());
        if (!export.Ok)
            return sender ? Problem.Conflict("Nothing is shared under this referral now.", export.Problem!.Detail ?? "The consent is no longer valid.") : Problem.NotFound("The referral");
        db.RecordRead(nameof(Case), c.Id.ToString());
        await db.SaveChangesAsync(ct);
        return export.Value!;
    }
}

/// <summary>What a referral's party does: the recipient accepts, declines or reports; the sender withdraws or records a revocation.</summary>
public enum ReferralAction { Accept, Decline, Report, Withdraw, RevokeConsent }

/// <summary>
/// Moves a referral: accept (sent → accepted), decline with a reason (sent → declined), report progress or completion
/// (accepted or in progress → in progress or completed, with a note), withdraw with a reason (the sender, while open),
/// revoke the consent with a reason (the sender, on the worker's word: the recipient loses access at once). A step the
/// referral's status does not allow is a 409; every step is audited and reported back in the referral's history.
/// </summary>
public sealed class ChangeReferral(CebuDbContext db)
{
    public sealed record Request(Guid Id, ReferralAction Action, ReferralStatus? Status = null, string? Note = null);

    public async Task<Outcome<ReferralView>> Handle(Request q, CancellationToken ct)
    {
        var (r, sender) = await ReferralAccess.Find(db, q.Id, ct);
        if (r is null) return Problem.NotFound("The referral");
        var forSender = q.Action is ReferralAction.Withdraw or ReferralAction.RevokeConsent;
        if (forSender != sender)
            return sender ? Problem.Forbidden("Only the recipient organisation accepts, declines or reports on a referral.")
                : Problem.Forbidden("Only the organisation that sent the referral withdraws it or records a revocation of consent.");
        var note = q.Note?.Trim();
        if (note is { Length: > ReferralRules.MaxText }) return Problem.Invalid(q.Action == ReferralAction.Report ? "note" : "reason", $"At most {ReferralRules.MaxText} characters.");
        var needsReason = q.Action is ReferralAction.Decline or ReferralAction.Withdraw or ReferralAction.RevokeConsent;
        if (needsReason && (note is null || note.Length < ReferralRules.MinReason))
            return Problem.Invalid("reason", q.Action switch
            {
                ReferralAction.Decline => $"Say why you decline the referral, so the sender can find other help: at least {ReferralRules.MinReason} characters.",
                ReferralAction.Withdraw => $"Say why the referral is withdrawn: at least {ReferralRules.MinReason} characters.",
                _ => $"Say how and when the worker withdrew consent: at least {ReferralRules.MinReason} characters.",
            });

        var now = db.Clock.GetUtcNow();
        ReferralStatus target;
        string? evt = null;
        switch (q.Action)
        {
            case ReferralAction.Accept:
                if (r.Status != ReferralStatus.Sent) return Refuse(r, "accepted");
                target = ReferralStatus.Accepted;
                break;
            case ReferralAction.Decline:
                if (r.Status != ReferralStatus.Sent) return Refuse(r, "declined");
                target = ReferralStatus.Declined;
                break;
            case ReferralAction.Report:
                if (q.Status is not (ReferralStatus.InProgress or ReferralStatus.Completed))
                    return Problem.Invalid("status", "Report inProgress (with what is being done) or completed.");
                if (r.Status is not (ReferralStatus.Accepted or ReferralStatus.InProgress)) return Refuse(r, q.Status == ReferralStatus.Completed ? "completed" : "reported on");
                if (q.Status == ReferralStatus.InProgress && string.IsNullOrEmpty(note)) return Problem.Invalid("note", "Say what is being done, for the sender.");
                target = q.Status.Value;
                break;
            case ReferralAction.Withdraw:
                if (!r.IsOpen) return Refuse(r, "withdrawn");
                target = ReferralStatus.Withdrawn;
                break;
            default:
                if (r.ConsentRevokedAt is not null)
                    return Problem.Conflict("The consent is already revoked.", $"It was revoked on {r.ConsentRevokedAt.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {r.ConsentRevokedBy}.");
                target = r.Status;
                evt = "consent-revoked";
                r.ConsentRevokedAt = now;
                r.ConsentRevokedBy = db.Access.UserName;
                r.ConsentRevocationReason = note;
                break;
        }
        if (evt is null)
        {
            r.Status = target;
            r.StatusReason = string.IsNullOrEmpty(note) ? null : note;
            r.StatusChangedAt = now;
            r.StatusChangedBy = db.Access.UserName ?? "";
        }
        db.Add(new CaseReferralUpdate
        {
            ReferralId = r.Id, Status = target, Event = evt ?? target.ToString().ToLowerInvariant(), Note = string.IsNullOrEmpty(note) ? null : note,
            By = db.Access.UserName ?? "", ByOrganisationId = db.Access.OrganisationId ?? "", At = now,
        });
        db.AuditAction = q.Action switch
        {
            ReferralAction.Accept => "referral.accept",
            ReferralAction.Decline => "referral.decline",
            ReferralAction.Report => "referral.status",
            ReferralAction.Withdraw => "referral.withdraw",
            _ => "referral.consent.revoke",
        };
        db.AuditReason = evt is null ? $"Referral {target}" + (string.IsNullOrEmpty(note) ? "." : $": {note}") : $"Consent revoked: {note}";
        await db.SaveChangesAsync(ct);
        if (!sender && !ReferralAccess.ActiveForRecipient(r, now)) return await ReferralAccess.View(db, r, false, null, ct);
        return await ReferralAccess.View(db, r, sender, null, ct);
    }

    private static Problem Refuse(CaseReferral r, string what) => Problem.Conflict($"A referral that is {Words(r.Status)} cannot be {what}.",
        $"The referral is {Words(r.Status)} since {r.StatusChangedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.", new { referralStatus = r.Status.ToString() });

    public static string Words(ReferralStatus s) => s switch
    {
        ReferralStatus.Sent => "sent",
        ReferralStatus.Accepted => "accepted",
        ReferralStatus.Declined => "declined",
        ReferralStatus.InProgress => "in progress",
        ReferralStatus.Completed => "completed",
        _ => "withdrawn",
    };
}
