using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Cases;

/// <summary>The facts beside the screening answers, as the API and the form send them (a fact left out is false).</summary>
public sealed record ScreeningFactsInput(bool? InDangerNow = null, bool? Minor = null, bool? Detained = null, bool? Injured = null,
    bool? NoSafePlaceToStay = null, bool? OutsideCountryOfNationality = null, List<LabourIssue>? LabourIssues = null);

/// <summary>
/// Screens a case with the ILO's eleven indicators (<see cref="ForcedLabourScreening"/>): stores the answers and facts,
/// sets the priority, the trafficking flag and the rules behind them, and the new due date. The result is a suggestion:
/// the trafficking status itself (vic_TraffickingStatus) is decided separately.
/// </summary>
public sealed class ScreenCase(CebuDbContext db)
{
    public sealed record Request(Guid Id, IReadOnlyDictionary<string, string?>? Answers, ScreeningFactsInput? Facts);

    public async Task<Outcome<CaseDetails>> Handle(Request r, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var c = await CaseAccess.Find(db, r.Id, ct);
        if (c is null) return Problem.NotFound("The case");
        if (c.State == CaseState.Closed) return Problem.Invalid("status", "The case is closed: reopen it before screening it again.");
        var v = new Validation();
        var answers = ForcedLabourScreening.ReadAnswers(r.Answers, v);
        if (r.Answers is null || r.Answers.Count == 0) v.Add("answers", "Answer the screening questions (yes, no or unknown for each); a question left out counts as unknown, but send at least one.");
        if (v.HasErrors) return v.ToProblem();

        var f = r.Facts ?? new ScreeningFactsInput();
        var facts = new CaseScreeningFacts
        {
            InDangerNow = f.InDangerNow == true, Minor = f.Minor == true, Detained = f.Detained == true, Injured = f.Injured == true,
            NoSafePlaceToStay = f.NoSafePlaceToStay == true, OutsideCountryOfNationality = f.OutsideCountryOfNationality ?? c.ScreeningFacts.OutsideCountryOfNationality,
        };
        if (f.LabourIssues is not null) c.LabourIssues = f.LabourIssues.Distinct().ToList();
        c.ScreeningAnswers = answers.ToDictionary(a => ForcedLabourScreening.JsonName(a.Key), a => a.Value.ToString().ToLowerInvariant());
        c.ScreeningFacts = facts;
        var result = CaseAccess.Screen(c);
        var now = db.Clock.GetUtcNow();
        c.Priority = result.Priority;
        c.SignsOfTrafficking = result.SignsOfTrafficking;
        c.ForcedLabourIndicators = result.IndicatorsPresent.ToList();
        c.ScreeningRules = result.PriorityReasons.Select(x => x.Rule).Distinct().ToList();
        c.Screened = true;
        c.ScreenedAt = now;
        c.ScreenedBy = db.Access.UserName;
        c.LastActivityAt = now;
        c.UpdatedAt = now;
        c.Reschedule();
        db.AuditAction = "case.screen";
        db.AuditReason = $"Screened: priority {c.Priority}, rules {string.Join(", ", c.ScreeningRules)}.";
        await db.SaveChangesAsync(ct);
        return await GetCase.Details(db, c, ct);
    }
}

/// <summary>
/// Moves a case through the workflow (<see cref="CaseWorkflow"/>): every refusal names its field and nothing is saved;
/// an accepted step is recorded in the status history with who, when and why, and sets the next due date.
/// </summary>
public sealed class ChangeCaseStatus(CebuDbContext db)
{
    public sealed record Request(Guid Id, CaseState? Target, string? AssigneeId = null, CaseOutcome? Outcome = null, CaseResolution? Resolution = null, string? Reason = null, Guid? ReferralId = null);

    public async Task<Outcome<CaseDetails>> Handle(Request r, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var c = await CaseAccess.Find(db, r.Id, ct);
        if (c is null) return Problem.NotFound("The case");
        if (r.Target is not { } target)
            return Problem.Invalid("status", $"Choose the new status: {string.Join(", ", CaseWorkflow.Next(c.State).Select(s => s.ToString()))}.");

        CaseAssignee? assignee = null;
        if (!string.IsNullOrWhiteSpace(r.AssigneeId))
        {
            assignee = (await CaseAccess.Assignees(db, c.OwnerOrganisationId, ct)).FirstOrDefault(a => a.Id == r.AssigneeId);
            if (assignee is null) return Problem.Invalid("assigneeId", "Assign the case to a caseworker of the organisation that holds it.");
        }
        // A step to "referred" is made by sending a referral (SendReferral); here it is refused for want of one.
        var open = await ReferralAccess.OpenCount(db, c.Id, db.Clock.GetUtcNow(), ct);
        var snapshot = new CaseSnapshot(c.State, c.Screened, c.AssigneeGuid, c.Outcome, OpenReferrals: open);
        var step = new CaseTransition(target, assignee is null ? null : Guid.Parse(assignee.Id), r.ReferralId, r.Outcome, r.Resolution, r.Reason);
        if (CaseWorkflow.ToProblem(target, CaseWorkflow.Check(snapshot, step)) is { } refused) return refused;

        var now = db.Clock.GetUtcNow();
        var from = c.State;
        if (assignee is not null) (c.AssigneeId, c.AssigneeName) = (assignee.Id, assignee.Email);
        if (r.Outcome is { } outcome) c.Outcome = outcome;
        if (target == CaseState.Closed) c.Resolution = r.Resolution;
        if (target == CaseState.Reopened) { c.Screened = false; c.Resolution = null; }
        c.State = target;
        c.StateSince = now;
        c.LastActivityAt = now;
        c.UpdatedAt = now;
        c.Reschedule();
        db.Add(new CaseStatusChange
        {
            CaseId = c.Id, OwnerOrganisationId = c.OwnerOrganisationId, From = from, To = target, ChangedBy = db.Access.UserName ?? "system", ChangedAt = now,
            Reason = CaseRules.Clean(r.Reason) ?? (r.Resolution is { } res ? res.ToString() : r.Outcome?.ToString()),
        });
        db.AuditAction = "case.status";
        db.AuditReason = $"{CaseWorkflow.Words(from)} → {CaseWorkflow.Words(target)}" + (CaseRules.Clean(r.Reason) is { } why ? $": {why}" : ".");
        await db.SaveChangesAsync(ct);
        return await GetCase.Details(db, c, ct);
    }
}

/// <summary>Assigns a case to a caseworker of the organisation that holds it (or unassigns it, with an empty id).</summary>
public sealed class AssignCase(CebuDbContext db)
{
    public async Task<Outcome<CaseDetails>> Handle(Guid id, string? assigneeId, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var c = await CaseAccess.Find(db, id, ct);
        if (c is null) return Problem.NotFound("The case");
        if (string.IsNullOrWhiteSpace(assigneeId))
        {
            if (c.State == CaseState.InProgress) return Problem.Invalid("assigneeId", "A case in progress needs a caseworker: assign another one instead.");
            (c.AssigneeId, c.AssigneeName) = (null, null);
        }
        else
        {
            var a = (await CaseAccess.Assignees(db, c.OwnerOrganisationId, ct)).FirstOrDefault(x => x.Id == assigneeId);
            if (a is null) return Problem.Invalid("assigneeId", "Assign the case to a caseworker of the organisation that holds it.");
            (c.AssigneeId, c.AssigneeName) = (a.Id, a.Email);
        }
        var now = db.Clock.GetUtcNow();
        c.LastActivityAt = now;
        c.UpdatedAt = now;
        c.Reschedule();
        db.AuditAction = "case.assign";
        db.AuditReason = c.AssigneeName is null ? "Unassigned." : $"Assigned to {c.AssigneeName}.";
        await db.SaveChangesAsync(ct);
        return await GetCase.Details(db, c, ct);
    }
}

/// <summary>Adds a note to a case (HTCDS cco_CaseComment); a confidential note never leaves the owning organisation.</summary>
public sealed class AddCaseNote(CebuDbContext db)
{
    public async Task<Outcome<CaseNoteView>> Handle(Guid id, string? text, bool confidential, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var c = await CaseAccess.Find(db, id, ct);
        if (c is null) return Problem.NotFound("The case");
        var body = text?.Trim() ?? "";
        if (body.Length == 0) return Problem.Invalid("text", "Write the note.");
        if (body.Length > CaseRules.MaxNote) return Problem.Invalid("text", $"The note is {body.Length} characters long; the limit is {CaseRules.MaxNote}.");
        var now = db.Clock.GetUtcNow();
        var note = new CaseNote { CaseId = c.Id, OwnerOrganisationId = c.OwnerOrganisationId, Text = body, Confidential = confidential, WrittenBy = db.Access.UserName ?? "system", WrittenAt = now };
        db.Add(note);
        c.LastActivityAt = now;
        c.UpdatedAt = now;
        c.Reschedule();
        db.AuditAction = "case.note";
        db.AuditReason = confidential ? "Confidential note added." : "Note added.";
        await db.SaveChangesAsync(ct);
        return new CaseNoteView(note.Id, note.Text, note.Confidential, note.WrittenBy, note.WrittenAt);
    }
}
