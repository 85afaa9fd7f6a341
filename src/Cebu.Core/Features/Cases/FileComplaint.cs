using System.Text.RegularExpressions;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Cases;

/// <summary>A complaint as the public form, a partner system or a caseworker sends it. Only language and description are required.</summary>
public sealed record ComplaintInput(
    string? Language,
    string? Description,
    string? CurrentCountry = null,
    string? Nationality = null,
    string? FirstName = null,
    string? SecondName = null,
    string? Phone = null,
    string? Email = null,
    bool? ContactConsent = null,
    string? Employer = null,
    string? AgencyName = null,
    string? Location = null,
    bool? InDangerNow = null,
    List<LabourIssue>? LabourIssues = null);

/// <summary>What the person gets back: the receipt code to follow the complaint, nothing else.</summary>
public sealed record ComplaintReceipt(Guid CaseId, string ReceiptCode)
{
    /// <summary>The code as shown: three groups of five.</summary>
    public string Formatted => ReceiptCodes.Format(ReceiptCode);
}

public static partial class CaseRules
{
    public const int MinDescription = 10;
    public const int MaxDescription = 8000;
    public const int MaxNote = 4000;

    /// <summary>Languages a complaint may be written in (ISO 639-1): the six of the pages, and Lao, Malay, Filipino.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "km", "my", "id", "th", "vi", "lo", "ms", "tl"];

    [GeneratedRegex(@"^\+?[0-9 ()\-]{6,24}$")] private static partial Regex PhonePattern();
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")] private static partial Regex EmailPattern();

    public static Validation Validate(ComplaintInput i)
    {
        var v = new Validation();
        var language = i.Language?.Trim().ToLowerInvariant();
        v.Require(language is not null && Languages.Contains(language), "language", $"Choose the language of the complaint: one of {string.Join(", ", Languages)}.");
        var description = i.Description?.Trim() ?? "";
        v.Require(description.Length >= MinDescription, "description", $"Say what happened, in your own words: at least {MinDescription} characters.");
        v.Require(description.Length <= MaxDescription, "description", $"The description is {description.Length} characters long; the limit is {MaxDescription}.");
        v.Require(string.IsNullOrWhiteSpace(i.CurrentCountry) || ReferenceData.Shared.IsCountry(i.CurrentCountry.Trim().ToUpperInvariant()), "currentCountry", "Use the two-letter country code (ISO 3166-1 alpha-2), for example TH or MY.");
        v.Require(string.IsNullOrWhiteSpace(i.Nationality) || ReferenceData.Shared.IsCountry(i.Nationality.Trim().ToUpperInvariant()), "nationality", "Use the two-letter country code (ISO 3166-1 alpha-2), for example KH or MM.");
        v.Require(string.IsNullOrWhiteSpace(i.Phone) || PhonePattern().IsMatch(i.Phone.Trim()), "phone", "Write the phone number with digits only (a leading + and spaces are fine), for example +66 81 234 5678.");
        v.Require(string.IsNullOrWhiteSpace(i.Email) || (i.Email.Trim().Length <= 256 && EmailPattern().IsMatch(i.Email.Trim())), "email", "Write the e-mail address as name@example.com, or leave it empty.");
        foreach (var (field, value) in new[] { ("firstName", i.FirstName), ("secondName", i.SecondName), ("employer", i.Employer), ("agencyName", i.AgencyName), ("location", i.Location) })
            v.Require(value is null || value.Trim().Length <= 200, field, "At most 200 characters.");
        return v;
    }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// Files a complaint. From the public (the form or <c>POST /api/v1/public/complaints</c>): anonymous allowed, routed by
/// <see cref="CaseIntakeRouting"/>. From a caseworker or a partner system (cases.handle): hotline, walk-in or partner
/// entry, held by the caller's organisation. Every case gets a receipt code to follow it.
/// </summary>
public sealed class FileComplaint(CebuDbContext db)
{
    public sealed record Request(ComplaintInput Complaint, CaseChannel Channel, Guid? WorkerId = null, Guid? AgencyId = null, string? ContractId = null);

    public async Task<Outcome<ComplaintReceipt>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        var isPublic = r.Channel == CaseChannel.PublicForm;
        if (!isPublic && (!who.Has(Permissions.CasesHandle) || who.OrganisationId is null))
            return Problem.Forbidden("Entering cases needs the cases.handle permission of a caseworker or consular officer.");
        var v = CaseRules.Validate(r.Complaint);
        v.Require(r.ContractId is null || r.ContractId.Trim().Length <= 64, "contractId", "At most 64 characters.");
        if (v.HasErrors) return v.ToProblem();

        var c = r.Complaint;
        var country = CaseRules.Clean(c.CurrentCountry)?.ToUpperInvariant();
        var nationality = CaseRules.Clean(c.Nationality)?.ToUpperInvariant();
        string owner, ownerState, why;
        if (isPublic) (owner, ownerState, why) = await CaseIntakeRouting.RouteAsync(db, country, nationality, ct);
        else
        {
            owner = who.OrganisationId!;
            ownerState = who.State ?? "";
            why = $"Entered by {who.UserName} ({ChannelWords(r.Channel)}).";
        }

        var now = db.Clock.GetUtcNow();
        var inDanger = c.InDangerNow == true;
        var entity = new Case
        {
            OwnerOrganisationId = owner, OwnerState = ownerState, RoutedBecause = why, Channel = r.Channel, ReceivedAt = now,
            ReceivedBy = isPublic ? null : who.UserName,
            FirstName = CaseRules.Clean(c.FirstName), SecondName = CaseRules.Clean(c.SecondName), Citizenship = nationality,
            PrimaryLanguage = c.Language!.Trim().ToLowerInvariant(), MobilePhone = CaseRules.Clean(c.Phone), Email = CaseRules.Clean(c.Email),
            ContactConsent = c.ContactConsent == true, CurrentCountry = country, Description = c.Description!.Trim(),
            LocationOfExploitation = CaseRules.Clean(c.Location), Employer = CaseRules.Clean(c.Employer), AgencyName = CaseRules.Clean(c.AgencyName),
            WorkerId = r.WorkerId, AgencyId = r.AgencyId, ContractId = CaseRules.Clean(r.ContractId),
            LabourIssues = c.LabourIssues?.Distinct().ToList() ?? [],
            ScreeningFacts = new CaseScreeningFacts { InDangerNow = inDanger, OutsideCountryOfNationality = country is not null && nationality is not null && country != nationality },
            // Until it is screened: urgent when the person says they are in danger now (rule P1), otherwise normal (P7: not yet asked).
            Priority = inDanger ? CasePriority.Urgent : CasePriority.Normal,
            ScreeningRules = inDanger ? ["P1"] : [],
            State = CaseState.New, StateSince = now, LastActivityAt = now, CreatedAt = now, UpdatedAt = now,
        };
        do entity.ReceiptCode = ReceiptCodes.New();
        while (await db.Set<Case>().IgnoreQueryFilters().AnyAsync(x => x.ReceiptCode == entity.ReceiptCode, ct));
        entity.Reschedule();
        db.Add(entity);
        db.Add(new CaseStatusChange { CaseId = entity.Id, OwnerOrganisationId = owner, To = CaseState.New, Reason = why, ChangedBy = who.UserName ?? "public", ChangedAt = now });
        db.AuditAction = isPublic ? "case.complaint" : "case.enter";
        db.AuditReason = isPublic ? "Complaint filed on the public form or API." : $"Case entered ({ChannelWords(r.Channel)}).";
        await db.SaveChangesAsync(ct);
        return new ComplaintReceipt(entity.Id, entity.ReceiptCode!);
    }

    public static string ChannelWords(CaseChannel c) => c switch
    {
        CaseChannel.PublicForm => "public form",
        CaseChannel.PartnerApi => "partner system",
        CaseChannel.Hotline => "hotline",
        _ => "walk-in",
    };
}

/// <summary>
/// The public status of a complaint by its receipt code: a mistyped code is a validation problem on
/// <c>receiptCode</c>, a well-formed code with no case is not found, and a known one answers only its public status.
/// </summary>
public sealed class GetPublicCaseStatus(CebuDbContext db)
{
    public async Task<Outcome<PublicCaseStatus>> Handle(string? receiptCode, CancellationToken ct)
    {
        var check = ReceiptCodes.Check(receiptCode);
        if (!check.IsValid)
            return new Problem(ProblemKind.Validation, "The receipt code was probably mistyped.", "Check each letter and digit against the code you were given, and try again.",
                new Dictionary<string, string[]> { ["receiptCode"] = [check.Message!] }, new { reason = check.Status.ToString() });
        // The public reads one column of one case: the row filter is bypassed on purpose, and nothing else is selected.
        var cases = await db.Set<Case>().IgnoreQueryFilters().AsNoTracking().Where(c => c.ReceiptCode == check.Code).Select(c => new { c.Id, c.State }).ToListAsync(ct);
        if (cases.Count == 0)
            return new Problem(ProblemKind.NotFound, "No complaint has this receipt code.", "The code is well formed but we have no complaint with it. Check it again, or file a new complaint.");
        // The latest referral's stage only (no recipient, no field): PublicCaseStatuses decides the words.
        var id = cases[0].Id;
        var latest = (await db.Set<CaseReferral>().AsNoTracking().Where(r => r.CaseId == id).ToListAsync(ct)).MaxBy(r => r.SentAt);
        return PublicCaseStatuses.For(cases[0].State, latest?.Status, latest is not null && !ReferralAccess.ConsentActive(latest, db.Clock.GetUtcNow()));
    }
}
