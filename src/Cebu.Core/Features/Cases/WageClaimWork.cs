using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Cases;

/// <summary>
/// A wage claim as the API and the page send it. On an update, a field left out keeps its value; <c>Awarded</c> sets
/// the amounts awarded item by item (in the order of the items; null leaves an item's award as it is).
/// </summary>
public sealed record WageClaimInput(
    WageClaimForum? Forum = null,
    string? ForumName = null,
    string? Reference = null,
    string? Respondent = null,
    WageClaimStage? Stage = null,
    WageClaimOutcome? Outcome = null,
    List<WageClaimItem>? Items = null,
    DateOnly? FiledOn = null,
    DateOnly? HeardOn = null,
    DateOnly? DecidedOn = null,
    List<decimal?>? Awarded = null);

/// <summary>An amount recovered, as the API and the page send it.</summary>
public sealed record WageClaimPaymentInput(DateOnly? PaidOn, decimal? Amount, string? Currency, string? Payer, string? Note = null);

/// <summary>A claim with its payments, its totals per currency and the warnings of <see cref="WageClaimRules"/>.</summary>
public sealed record WageClaimView(WageClaim Claim, IReadOnlyList<WageClaimPayment> Payments, IReadOnlyList<CurrencyTotal> Totals, IReadOnlyList<WageClaimWarning> Warnings,
    IReadOnlyList<WageClaimStage> NextStages);

/// <summary>A case's claims, and the totals per currency over all of them.</summary>
public sealed record CaseWageClaims(Guid CaseId, IReadOnlyList<WageClaimView> Claims, IReadOnlyList<CurrencyTotal> Totals);

internal static class WageClaimAccess
{
    public static async Task<WageClaimView> View(CebuDbContext db, WageClaim c, CancellationToken ct)
    {
        var payments = await db.Set<WageClaimPayment>().AsNoTracking().Where(p => p.WageClaimId == c.Id).ToListAsync(ct);
        return View(c, payments);
    }

    /// <summary>The case and its claim, both tracked, if the caller's organisation holds the case (else nulls: 404).</summary>
    public static async Task<(Case? Case, WageClaim? Claim)> Find(CebuDbContext db, Guid caseId, Guid claimId, CancellationToken ct)
    {
        var c = await CaseAccess.Find(db, caseId, ct);
        return c is null ? (null, null) : (c, await db.Set<WageClaim>().FirstOrDefaultAsync(w => w.Id == claimId && w.CaseId == caseId, ct));
    }

    public static WageClaimView View(WageClaim c, List<WageClaimPayment> payments)
    {
        var ordered = payments.OrderBy(p => p.PaidOn).ThenBy(p => p.Id).ToList();
        return new WageClaimView(c, ordered, WageClaimRules.Totals(c.Items, ordered), WageClaimRules.Warnings(c, ordered),
            Enum.GetValues<WageClaimStage>().Where(s => s != c.Stage && WageClaimRules.CanMove(c.Stage, s)).ToList());
    }

    public static List<WageClaimItem> Clean(List<WageClaimItem> items) => items.Select(i => new WageClaimItem
    {
        Kind = i.Kind, Description = CaseRules.Clean(i.Description), Claimed = i.Claimed, Awarded = i.Awarded, Currency = (i.Currency ?? "").Trim().ToUpperInvariant(),
    }).ToList();

    /// <summary>Work on a claim is activity on its case: the case's activity deadline starts again.</summary>
    public static void Touch(CebuDbContext db, Case c)
    {
        var now = db.Clock.GetUtcNow();
        c.LastActivityAt = now;
        c.UpdatedAt = now;
        c.Reschedule();
    }
}

/// <summary>The wage claims of a case (the organisation that holds the case only; another one gets 404).</summary>
public sealed class ListWageClaims(CebuDbContext db)
{
    public async Task<Outcome<CaseWageClaims>> Handle(Guid caseId, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        if (!await db.Set<Case>().AnyAsync(c => c.Id == caseId, ct)) return Problem.NotFound("The case");
        var claims = await db.Set<WageClaim>().AsNoTracking().Where(w => w.CaseId == caseId).ToListAsync(ct);
        var payments = await db.Set<WageClaimPayment>().AsNoTracking().Where(p => p.CaseId == caseId).ToListAsync(ct);
        var views = claims.OrderBy(c => c.FiledOn).ThenBy(c => c.Id).Select(c => WageClaimAccess.View(c, payments.Where(p => p.WageClaimId == c.Id).ToList())).ToList();
        return new CaseWageClaims(caseId, views, WageClaimRules.Totals(claims.SelectMany(c => c.Items), payments));
    }
}

/// <summary>Records a wage claim or labour-court matter on a case; checked by <see cref="WageClaimRules.Check"/>, audited as case.wage-claim.</summary>
public sealed class RecordWageClaim(CebuDbContext db)
{
    public async Task<Outcome<WageClaimView>> Handle(Guid caseId, WageClaimInput i, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var c = await CaseAccess.Find(db, caseId, ct);
        if (c is null) return Problem.NotFound("The case");
        var v = new Validation();
        if (i.Forum is null) v.Add("forum", "Choose the forum: labourOffice, labourCourt, industrialCourt, mediation or other.");
        if (i.FiledOn is null) v.Add("filedOn", "Give the date the claim was filed.");
        if (v.HasErrors) return v.ToProblem();
        var now = db.Clock.GetUtcNow();
        var claim = new WageClaim
        {
            CaseId = c.Id, OwnerOrganisationId = c.OwnerOrganisationId, Forum = i.Forum!.Value, ForumName = CaseRules.Clean(i.ForumName), Reference = CaseRules.Clean(i.Reference),
            Respondent = CaseRules.Clean(i.Respondent) ?? c.Employer ?? "", Stage = i.Stage ?? WageClaimStage.Filed, Outcome = i.Outcome ?? WageClaimOutcome.Pending,
            Items = WageClaimAccess.Clean(i.Items ?? []), FiledOn = i.FiledOn!.Value, HeardOn = i.HeardOn, DecidedOn = i.DecidedOn,
            RecordedBy = db.Access.UserName ?? "system", RecordedAt = now, UpdatedAt = now,
        };
        var check = WageClaimRules.Check(claim, null, DateOnly.FromDateTime(now.UtcDateTime));
        if (check.HasErrors) return check.ToProblem();
        db.Add(claim);
        WageClaimAccess.Touch(db, c);
        db.AuditAction = "case.wage-claim";
        db.AuditReason = $"Wage claim recorded: {WageClaimRules.Words(claim.Forum)}, {WageClaimRules.Words(claim.Stage)}, against {claim.Respondent}.";
        await db.SaveChangesAsync(ct);
        return WageClaimAccess.View(claim, []);
    }
}

/// <summary>Moves a claim on (stage, outcome, awards, dates): forward only, and nothing is saved when a rule refuses.</summary>
public sealed class UpdateWageClaim(CebuDbContext db)
{
    public async Task<Outcome<WageClaimView>> Handle(Guid caseId, Guid claimId, WageClaimInput i, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        if (await WageClaimAccess.Find(db, caseId, claimId, ct) is not ({ } c, { } claim)) return Problem.NotFound("The wage claim");
        var previous = claim.Stage;
        if (i.Forum is { } forum) claim.Forum = forum;
        if (i.ForumName is not null) claim.ForumName = CaseRules.Clean(i.ForumName);
        if (i.Reference is not null) claim.Reference = CaseRules.Clean(i.Reference);
        if (i.Respondent is not null) claim.Respondent = i.Respondent.Trim();
        if (i.Stage is { } stage) claim.Stage = stage;
        if (i.Outcome is { } outcome) claim.Outcome = outcome;
        if (i.Items is not null) claim.Items = WageClaimAccess.Clean(i.Items);
        if (i.Awarded is not null)
        {
            if (i.Awarded.Count > claim.Items.Count) { db.ChangeTracker.Clear(); return Problem.Invalid("awarded", $"The claim has {claim.Items.Count} item(s): give at most that many amounts awarded."); }
            claim.Items = claim.Items.Select((item, n) => new WageClaimItem
            {
                Kind = item.Kind, Description = item.Description, Claimed = item.Claimed, Currency = item.Currency, Awarded = n < i.Awarded.Count ? i.Awarded[n] ?? item.Awarded : item.Awarded,
            }).ToList();
        }
        if (i.FiledOn is { } filed) claim.FiledOn = filed;
        if (i.HeardOn is { } heard) claim.HeardOn = heard;
        if (i.DecidedOn is { } decided) claim.DecidedOn = decided;
        var now = db.Clock.GetUtcNow();
        var check = WageClaimRules.Check(claim, previous, DateOnly.FromDateTime(now.UtcDateTime));
        if (check.HasErrors)
        {
            db.ChangeTracker.Clear();
            return check.ToProblem();
        }
        claim.UpdatedAt = now;
        WageClaimAccess.Touch(db, c);
        db.AuditAction = "case.wage-claim";
        db.AuditReason = previous == claim.Stage ? "Wage claim corrected." : $"Wage claim: {WageClaimRules.Words(previous)} → {WageClaimRules.Words(claim.Stage)}.";
        await db.SaveChangesAsync(ct);
        return await WageClaimAccess.View(db, claim, ct);
    }
}

/// <summary>Records an amount recovered for a claim (dated, with its payer); the totals and warnings follow.</summary>
public sealed class AddWageClaimPayment(CebuDbContext db)
{
    public async Task<Outcome<WageClaimView>> Handle(Guid caseId, Guid claimId, WageClaimPaymentInput i, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        if (await WageClaimAccess.Find(db, caseId, claimId, ct) is not ({ } c, { } claim)) return Problem.NotFound("The wage claim");
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var currency = i.Currency?.Trim().ToUpperInvariant();
        var v = WageClaimRules.CheckPayment(claim, i.PaidOn ?? today, i.Amount, currency, i.Payer, today);
        if (i.PaidOn is null) v.Add("paidOn", "Give the date of the payment.");
        if (i.Note is { Length: > 1000 }) v.Add("note", "At most 1000 characters.");
        if (v.HasErrors) return v.ToProblem();
        var payment = new WageClaimPayment
        {
            WageClaimId = claim.Id, CaseId = c.Id, OwnerOrganisationId = c.OwnerOrganisationId, PaidOn = i.PaidOn!.Value, Amount = i.Amount!.Value, Currency = currency!,
            Payer = i.Payer!.Trim(), Note = CaseRules.Clean(i.Note), RecordedBy = db.Access.UserName ?? "system", RecordedAt = now,
        };
        db.Add(payment);
        claim.UpdatedAt = now;
        WageClaimAccess.Touch(db, c);
        db.AuditAction = "case.wage-claim.payment";
        db.AuditReason = $"Recovered {payment.Amount:0.##} {payment.Currency} from {payment.Payer} on {payment.PaidOn:yyyy-MM-dd}.";
        await db.SaveChangesAsync(ct);
        return await WageClaimAccess.View(db, claim, ct);
    }
}
