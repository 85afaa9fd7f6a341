using System.Text.RegularExpressions;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Cases;

/// <summary>Where a wage claim is heard.</summary>
public enum WageClaimForum { LabourOffice, LabourCourt, IndustrialCourt, Mediation, Other }

/// <summary>How far a wage claim has gone. The order of the members is the order of the steps.</summary>
public enum WageClaimStage { Filed, Conciliation, Hearing, Award, Enforcement, Closed }

/// <summary>What the forum decided, or how the claim ended.</summary>
public enum WageClaimOutcome { Pending, AwardedInFull, AwardedInPart, Settled, Dismissed, Withdrawn, Other }

/// <summary>What a claim is for: one line per item (unpaid wages, overtime, fees to refund, ...), each in its currency.</summary>
public enum WageClaimItemKind { UnpaidWages, Overtime, RecruitmentFees, UnlawfulDeductions, Severance, Compensation, Other }

/// <summary>One line of a claim: what for, how much claimed and, once decided, how much awarded.</summary>
public sealed class WageClaimItem
{
    public WageClaimItemKind Kind { get; set; }
    public string? Description { get; set; }
    public decimal Claimed { get; set; }
    /// <summary>Null until the forum decides (award/judgment or settlement).</summary>
    public decimal? Awarded { get; set; }
    /// <summary>ISO 4217 code, e.g. MYR.</summary>
    public string Currency { get; set; } = "";
}

/// <summary>
/// A wage claim or labour-court matter brought for the worker of a case (issue 5): its forum, stage, outcome, the
/// amounts claimed and awarded per item, and the dates filed, heard and decided. Held by the case's organisation.
/// </summary>
public sealed class WageClaim : IOwnedByOrganisation, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    [OwnerOrganisation] public string OwnerOrganisationId { get; set; } = "";
    public WageClaimForum Forum { get; set; }
    /// <summary>The forum's name and place, as the caseworker writes it (e.g. "Labour Court, Kuala Lumpur").</summary>
    public string? ForumName { get; set; }
    /// <summary>The forum's file or docket number.</summary>
    public string? Reference { get; set; }
    /// <summary>Who the claim is against (usually the employer).</summary>
    public string Respondent { get; set; } = "";
    public WageClaimStage Stage { get; set; }
    public WageClaimOutcome Outcome { get; set; }
    public List<WageClaimItem> Items { get; set; } = [];
    public DateOnly FiledOn { get; set; }
    public DateOnly? HeardOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>An amount recovered for a claim: when, how much, in which currency, from whom.</summary>
public sealed class WageClaimPayment : IOwnedByOrganisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WageClaimId { get; set; }
    public Guid CaseId { get; set; }
    [OwnerOrganisation] public string OwnerOrganisationId { get; set; } = "";
    public DateOnly PaidOn { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
    /// <summary>Who paid: the employer, the agency, a guarantee fund, ...</summary>
    public string Payer { get; set; } = "";
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Per currency: what was claimed, awarded (null before any award) and recovered, and what is still owed.</summary>
public sealed record CurrencyTotal(string Currency, decimal Claimed, decimal? Awarded, decimal Recovered)
{
    /// <summary>What the worker is still owed: the award (or, before one, the claim) less what was recovered, never below zero.</summary>
    public decimal Outstanding => Math.Max(0, (Awarded ?? Claimed) - Recovered);
}

/// <summary>A remark on a claim that does not stop the record but a caseworker should look at.</summary>
public sealed record WageClaimWarning(string Code, string Message);

/// <summary>
/// The rules of wage claims, pure: the order of the stages, what each stage needs, the totals per currency and the
/// warnings (recovered more than awarded, a payment in a currency never claimed, ...).
/// </summary>
public static partial class WageClaimRules
{
    public const int MaxItems = 20;
    public const decimal MaxAmount = 1_000_000_000m;

    [GeneratedRegex("^[A-Z]{3}$")] private static partial Regex CurrencyPattern();

    public static bool IsCurrency(string? code) => code is not null && CurrencyPattern().IsMatch(code);

    /// <summary>
    /// Whether a claim may move from one stage to another. Forward only, one or more steps (conciliation or a hearing
    /// may be skipped: a labour office may decide at once); closed is reachable from every stage (withdrawn, settled,
    /// dismissed); nothing leaves closed; staying where it is is allowed (to correct the other fields).
    /// </summary>
    public static bool CanMove(WageClaimStage from, WageClaimStage to) =>
        from == to || (from != WageClaimStage.Closed && to > from);

    /// <summary>Stages at which the forum has decided: the award is known.</summary>
    public static bool Decided(WageClaimStage s) => s is WageClaimStage.Award or WageClaimStage.Enforcement;

    /// <summary>
    /// Checks a claim as it would be saved, after a change from <paramref name="previous"/> (null for a new claim).
    /// Answers the field errors; nothing is saved when there are any.
    /// </summary>
    public static Validation Check(WageClaim c, WageClaimStage? previous, DateOnly today)
    {
        var v = new Validation();
        if (previous is { } from && !CanMove(from, c.Stage))
            v.Add("stage", from == WageClaimStage.Closed
                ? "The claim is closed: record a new claim instead of reopening this one."
                : $"A claim moves forward only (filed, conciliation, hearing, award/judgment, enforcement, closed): it cannot go back from {Words(from)} to {Words(c.Stage)}.");
        if (string.IsNullOrWhiteSpace(c.Respondent)) v.Add("respondent", "Name who the claim is against (usually the employer).");
        else if (c.Respondent.Length > 200) v.Add("respondent", "At most 200 characters.");
        if (c.ForumName is { Length: > 200 }) v.Add("forumName", "At most 200 characters.");
        if (c.Reference is { Length: > 64 }) v.Add("reference", "At most 64 characters.");
        if (c.Items.Count == 0) v.Add("items", "Add at least one amount claimed (what for, how much, in which currency).");
        if (c.Items.Count > MaxItems) v.Add("items", $"At most {MaxItems} items.");
        for (var i = 0; i < c.Items.Count; i++)
        {
            var item = c.Items[i];
            if (!IsCurrency(item.Currency)) v.Add($"items[{i}].currency", "Use the three-letter currency code (ISO 4217), for example MYR or THB.");
            if (item.Claimed <= 0 || item.Claimed > MaxAmount) v.Add($"items[{i}].claimed", "The amount claimed must be more than zero.");
            if (item.Awarded is { } a && (a < 0 || a > MaxAmount)) v.Add($"items[{i}].awarded", "The amount awarded cannot be negative.");
            if (item.Description is { Length: > 200 }) v.Add($"items[{i}].description", "At most 200 characters.");
        }
        if (c.FiledOn > today) v.Add("filedOn", "The claim cannot be filed in the future.");
        if (c.HeardOn is { } heard && heard < c.FiledOn) v.Add("heardOn", "The hearing cannot come before the claim was filed.");
        if (c.DecidedOn is { } decided && decided < c.FiledOn) v.Add("decidedOn", "The decision cannot come before the claim was filed.");
        if (c.DecidedOn is { } d2 && d2 > today) v.Add("decidedOn", "The decision date cannot be in the future.");
        if (c.Stage == WageClaimStage.Hearing && c.HeardOn is null) v.Add("heardOn", "Give the date of the hearing.");
        if (Decided(c.Stage))
        {
            if (c.DecidedOn is null) v.Add("decidedOn", "Give the date of the award or judgment.");
            if (c.Outcome == WageClaimOutcome.Pending) v.Add("outcome", "Say what was decided (awarded in full or in part, settled, dismissed).");
            if ((c.Outcome is WageClaimOutcome.AwardedInFull or WageClaimOutcome.AwardedInPart or WageClaimOutcome.Settled) && c.Items.Any(i => i.Awarded is null))
                v.Add("items", "Give the amount awarded for each item (0 where nothing was awarded).");
        }
        if (c.Stage == WageClaimStage.Closed && c.Outcome == WageClaimOutcome.Pending) v.Add("outcome", "Say how the claim ended before closing it.");
        if (c.Stage < WageClaimStage.Award && (c.Outcome is WageClaimOutcome.AwardedInFull or WageClaimOutcome.AwardedInPart))
            v.Add("outcome", "An award is recorded at the stage award/judgment: move the claim there.");
        return v;
    }

    /// <summary>Claimed, awarded and recovered per currency, in the order of the currencies' first appearance.</summary>
    public static IReadOnlyList<CurrencyTotal> Totals(IEnumerable<WageClaimItem> items, IEnumerable<WageClaimPayment> payments)
    {
        var list = items.ToList();
        var paid = payments.ToList();
        var currencies = list.Select(i => i.Currency).Concat(paid.Select(p => p.Currency)).Distinct().ToList();
        return currencies.Select(cur =>
        {
            var these = list.Where(i => i.Currency == cur).ToList();
            decimal? awarded = these.Any(i => i.Awarded is not null) ? these.Sum(i => i.Awarded ?? 0) : null;
            return new CurrencyTotal(cur, these.Sum(i => i.Claimed), awarded, paid.Where(p => p.Currency == cur).Sum(p => p.Amount));
        }).ToList();
    }

    /// <summary>What a caseworker should look at: more recovered than awarded (or claimed), a currency never claimed, payments on a dismissed claim.</summary>
    public static IReadOnlyList<WageClaimWarning> Warnings(WageClaim c, IEnumerable<WageClaimPayment> payments)
    {
        var paid = payments.ToList();
        var warnings = new List<WageClaimWarning>();
        foreach (var t in Totals(c.Items, paid))
        {
            if (c.Items.All(i => i.Currency != t.Currency))
                warnings.Add(new("W1", $"{t.Recovered:0.##} {t.Currency} recovered in a currency the claim does not name: check the currency of the payment."));
            else if (t.Awarded is { } awarded && t.Recovered > awarded)
                warnings.Add(new("W2", $"{t.Recovered:0.##} {t.Currency} recovered is more than the {awarded:0.##} {t.Currency} awarded: check the payments (interest or costs belong in a note)."));
            else if (t.Awarded is null && t.Recovered > t.Claimed)
                warnings.Add(new("W3", $"{t.Recovered:0.##} {t.Currency} recovered is more than the {t.Claimed:0.##} {t.Currency} claimed."));
        }
        if (c.Outcome is WageClaimOutcome.Dismissed && paid.Count > 0)
            warnings.Add(new("W4", "The claim was dismissed, yet payments are recorded: a settlement outside the forum? Record the outcome as settled."));
        if (paid.Any(p => p.PaidOn < c.FiledOn))
            warnings.Add(new("W5", "A payment is dated before the claim was filed."));
        if (warnings.Count == 0 && c.Stage == WageClaimStage.Enforcement && Totals(c.Items, paid).All(t => t.Outstanding == 0))
            warnings.Add(new("W6", "Everything awarded is recovered: the claim can be closed."));
        return warnings;
    }

    /// <summary>Checks a payment before it is added.</summary>
    public static Validation CheckPayment(WageClaim c, DateOnly paidOn, decimal? amount, string? currency, string? payer, DateOnly today)
    {
        var v = new Validation();
        if (c.Stage == WageClaimStage.Closed) v.Add("wageClaim", "The claim is closed: no more payments are recorded on it.");
        if (amount is not { } a || a <= 0 || a > MaxAmount) v.Add("amount", "The amount recovered must be more than zero.");
        if (!IsCurrency(currency)) v.Add("currency", "Use the three-letter currency code (ISO 4217), for example MYR.");
        if (string.IsNullOrWhiteSpace(payer)) v.Add("payer", "Say who paid (the employer, the agency, a fund, ...).");
        else if (payer.Trim().Length > 200) v.Add("payer", "At most 200 characters.");
        if (paidOn > today) v.Add("paidOn", "The payment cannot be in the future.");
        return v;
    }

    public static string Words(WageClaimStage s) => s switch
    {
        WageClaimStage.Filed => "filed",
        WageClaimStage.Conciliation => "conciliation",
        WageClaimStage.Hearing => "hearing",
        WageClaimStage.Award => "award/judgment",
        WageClaimStage.Enforcement => "enforcement",
        _ => "closed",
    };

    public static string Words(WageClaimForum f) => f switch
    {
        WageClaimForum.LabourOffice => "labour office",
        WageClaimForum.LabourCourt => "labour court",
        WageClaimForum.IndustrialCourt => "industrial court",
        WageClaimForum.Mediation => "mediation",
        _ => "other",
    };
}

internal sealed class WageClaimConfiguration : IEntityTypeConfiguration<WageClaim>
{
    public void Configure(EntityTypeBuilder<WageClaim> w)
    {
        w.Property(x => x.OwnerOrganisationId).HasMaxLength(64);
        w.Property(x => x.Forum).HasConversion<string>().HasMaxLength(20);
        w.Property(x => x.ForumName).HasMaxLength(200);
        w.Property(x => x.Reference).HasMaxLength(64);
        w.Property(x => x.Respondent).HasMaxLength(200);
        w.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        w.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        w.Property(x => x.RecordedBy).HasMaxLength(256);
        w.Property(x => x.Version).IsConcurrencyToken();
        CebuDbContext.JsonColumn(w.Property(x => x.Items));
        w.HasIndex(x => x.CaseId);
        w.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WageClaimPaymentConfiguration : IEntityTypeConfiguration<WageClaimPayment>
{
    public void Configure(EntityTypeBuilder<WageClaimPayment> p)
    {
        p.Property(x => x.OwnerOrganisationId).HasMaxLength(64);
        p.Property(x => x.Amount).HasPrecision(18, 2);
        p.Property(x => x.Currency).HasMaxLength(3);
        p.Property(x => x.Payer).HasMaxLength(200);
        p.Property(x => x.Note).HasMaxLength(1000);
        p.Property(x => x.RecordedBy).HasMaxLength(256);
        p.HasIndex(x => x.WageClaimId);
        p.HasIndex(x => x.CaseId);
        p.HasOne<WageClaim>().WithMany().HasForeignKey(x => x.WageClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}
