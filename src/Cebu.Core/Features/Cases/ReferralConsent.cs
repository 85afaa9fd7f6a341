using System.Globalization;
using System.Text.Json.Nodes;
using Cebu.Core.Platform.Results;

namespace Cebu.Core.Features.Cases;

/// <summary>Who gave consent: the person themself, or for a child or a person who cannot consent, a parent, guardian or legal representative.</summary>
public enum ConsentGiver { Person, ParentOrGuardian, LegalRepresentative }

/// <summary>How the consent was given: signed, said in person, said on the telephone (hotline), or sent electronically.</summary>
public enum ConsentForm { Written, Verbal, Phone, Electronic }

/// <summary>
/// The person's consent to share named fields of their case with one recipient organisation for one purpose, until a
/// date. Revocable: <see cref="RevokedAt"/> ends it at once.
/// </summary>
/// <param name="GivenBy">The name of the person who gave consent (the worker, or their parent, guardian or representative).</param>
/// <param name="RecordedBy">The caseworker who recorded it.</param>
/// <param name="Recipient">The receiving organisation's identifier (HTCDS cas_ReferredOrganisation).</param>
/// <param name="Fields">HTCDS or cebu_ field names the person agreed to share.</param>
public sealed record ReferralConsent(
    Guid Id,
    string GivenBy,
    ConsentGiver GivenByRole,
    ConsentForm Form,
    DateTimeOffset GivenAt,
    ReferralService Purpose,
    string Recipient,
    IReadOnlyList<string> Fields,
    DateTimeOffset Until,
    string RecordedBy,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBy = null);

/// <summary>Whether a recipient may read a case now, which fields, and why (or why not).</summary>
public sealed record ConsentAccess(bool Allowed, IReadOnlySet<string> Fields, IReadOnlyList<Guid> Consents, IReadOnlyList<string> Reasons);

/// <summary>
/// Referral consent rules. Pure: the storage layer loads a case's consents; every read by a recipient goes through
/// <see cref="Access"/> with the clock's time, so a revocation or an expiry removes access on the next read.
/// </summary>
public static class ConsentRules
{
    /// <summary>Cebu's policy: consent is asked again after a year at most.</summary>
    public static readonly TimeSpan LongestConsent = TimeSpan.FromDays(366);

    /// <summary>Fields describing the referral itself, always in an export: not personal data about the case.</summary>
    public static readonly IReadOnlySet<string> ReferralFields = new HashSet<string>
    {
        HtcdsFields.ReferringOrganisation, HtcdsFields.ReferredOrganisation, HtcdsFields.ReasonForOutgoingReferral,
        HtcdsFields.OutgoingReferralDate, HtcdsFields.OutgoingReferralDetails, HtcdsFields.ReferringPrimaryCaseWorker,
        HtcdsFields.SupportPlanType, HtcdsFields.CebuReferralService, HtcdsFields.CebuReferralId, HtcdsFields.Consent,
    };

    private static readonly string[] Name = [HtcdsFields.FirstName, HtcdsFields.SecondName];
    private static readonly string[] Reach = [HtcdsFields.PrimaryLanguage, HtcdsFields.MobilePhone];

    /// <summary>
    /// The most a recipient may see for each purpose (the minimum needed to give the service). A consent cannot widen
    /// it. Labour inspection gets no name: ILO Convention No. 81 (1947), art. 15(c), has inspectors keep the source of a
    /// complaint confidential, and the workplace and issues are enough to inspect.
    /// </summary>
    public static IReadOnlySet<string> FieldsFor(ReferralService purpose) => purpose switch
    {
        ReferralService.Shelter => Set(Name, Reach, HtcdsFields.Gender, HtcdsFields.Birthdate, HtcdsFields.CebuPriority),
        ReferralService.Medical => Set(Name, Reach, HtcdsFields.Gender, HtcdsFields.Birthdate),
        ReferralService.LegalAid => Set(Name, Reach, HtcdsFields.Birthdate, HtcdsFields.Citizenship, HtcdsFields.TraffickingStatus,
            HtcdsFields.MethodsOfControl, HtcdsFields.TypeOfExploitation, HtcdsFields.CebuLabourIssues, HtcdsFields.CebuEmployer,
            HtcdsFields.CebuAgencyLicence, HtcdsFields.CebuForcedLabourIndicators, HtcdsFields.CebuDetentionPlace),
        ReferralService.LabourInspection => Set(Reach, HtcdsFields.CebuEmployer, HtcdsFields.CebuWorkplace, HtcdsFields.CebuLabourIssues,
            HtcdsFields.ForcedLabourIndustry, HtcdsFields.CebuForcedLabourIndicators),
        ReferralService.AntiTraffickingPolice => Set(Name, Reach, HtcdsFields.Birthdate, HtcdsFields.Gender, HtcdsFields.Citizenship,
            HtcdsFields.TraffickingStatus, HtcdsFields.MethodsOfControl, HtcdsFields.TypeOfExploitation, HtcdsFields.ForcedLabourIndustry,
            HtcdsFields.LocationOfExploitation, HtcdsFields.MethodOfRecruitment, HtcdsFields.CebuEmployer, HtcdsFields.CebuAgencyLicence,
            HtcdsFields.CebuWorkplace, HtcdsFields.CebuForcedLabourIndicators),
        ReferralService.Consulate => Set(Name, Reach, HtcdsFields.Birthdate, HtcdsFields.Citizenship, HtcdsFields.IdentityNumber,
            HtcdsFields.CebuDetentionPlace, HtcdsFields.CebuEmployer, HtcdsFields.CebuLabourIssues),
        _ => Set(Name, Reach, HtcdsFields.IdentityNumber, HtcdsFields.CebuEmployer, HtcdsFields.CebuAgencyLicence, HtcdsFields.CebuWorkplace,
            HtcdsFields.CebuLabourIssues, HtcdsFields.CebuAmountClaimed), // wage claim
    };

    private static HashSet<string> Set(params object[] parts) =>
        parts.SelectMany(p => p is string s ? new[] { s } : (IEnumerable<string>)p).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every field error of a consent about to be recorded; empty when it may be recorded.</summary>
    public static Validation Validate(ReferralConsent c, bool personIsMinor, DateTimeOffset now)
    {
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(c.GivenBy), "givenBy", "Name the person who gave consent.");
        v.Require(!string.IsNullOrWhiteSpace(c.RecordedBy), "recordedBy", "Name the caseworker who recorded the consent.");
        v.Require(!string.IsNullOrWhiteSpace(c.Recipient), "recipient", "Name the organisation the case is referred to.");
        v.Require(c.GivenAt <= now.AddMinutes(5), "givenAt", "Consent cannot be given in the future: give the date and time it was given.");
        if (c.Until <= c.GivenAt) v.Add("until", "The consent must end after it was given.");
        else if (c.Until - c.GivenAt > LongestConsent) v.Add("until", "Consent lasts a year at most: choose an earlier end date and ask again then.");
        if (personIsMinor && c.GivenByRole == ConsentGiver.Person)
            v.Add("givenByRole", "The person is a child: a parent, guardian or legal representative must consent (ask the child too, and record their view in the notes).");
        if (c.Fields.Count == 0) v.Add("fields", "Choose the fields to share.");
        var allowed = FieldsFor(c.Purpose);
        foreach (var f in c.Fields.Where(f => !HtcdsFields.All.Contains(f)))
            v.Add("fields", $"'{f}' is not a case field.");
        var tooMuch = c.Fields.Where(f => HtcdsFields.All.Contains(f) && !allowed.Contains(f) && !ReferralFields.Contains(f)).ToList();
        if (tooMuch.Count > 0)
            v.Add("fields", $"Not needed for {Htcds.ReferralServices.Label(c.Purpose).ToLowerInvariant()}, so not shared: {string.Join(", ", tooMuch)}. Remove them.");
        return v;
    }

    /// <summary>
    /// Which fields <paramref name="recipient"/> may read now for <paramref name="purpose"/>: those of the consents for
    /// this recipient and purpose that are given, not expired and not revoked, within the purpose's minimum.
    /// </summary>
    public static ConsentAccess Access(IEnumerable<ReferralConsent> consents, string recipient, ReferralService purpose, DateTimeOffset now)
    {
        var reasons = new List<string>();
        var mine = consents.Where(c => c.Recipient == recipient).ToList();
        if (mine.Count == 0) return Denied($"The person has not consented to sharing with {recipient}.");
        var forPurpose = mine.Where(c => c.Purpose == purpose).ToList();
        if (forPurpose.Count == 0)
            return Denied($"The person consented to sharing with {recipient} for {string.Join(", ", mine.Select(c => Htcds.ReferralServices.Label(c.Purpose).ToLowerInvariant()).Distinct())} only, not for {Htcds.ReferralServices.Label(purpose).ToLowerInvariant()}.");
        var active = new List<ReferralConsent>();
        foreach (var c in forPurpose)
        {
            if (c.RevokedAt is { } revoked && revoked <= now) reasons.Add($"Consent {c.Id} was revoked on {revoked.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
            else if (c.Until <= now) reasons.Add($"Consent {c.Id} expired on {c.Until.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
            else if (c.GivenAt > now) reasons.Add($"Consent {c.Id} starts on {c.GivenAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
            else active.Add(c);
        }
        if (active.Count == 0) return new(false, new HashSet<string>(), [], reasons);
        var allowed = FieldsFor(purpose);
        var fields = active.SelectMany(c => c.Fields).Where(f => allowed.Contains(f) || ReferralFields.Contains(f)).ToHashSet(StringComparer.Ordinal);
        var withheld = active.SelectMany(c => c.Fields).Where(f => !fields.Contains(f)).Distinct().ToList();
        if (withheld.Count > 0) reasons.Add($"Not needed for {Htcds.ReferralServices.Label(purpose).ToLowerInvariant()}, so withheld: {string.Join(", ", withheld)}.");
        return new(true, fields, active.Select(c => c.Id).ToList(), reasons);

        static ConsentAccess Denied(string why) => new(false, new HashSet<string>(), [], [why]);
    }
}

/// <summary>The referral itself, as the sender recorded it.</summary>
public sealed record ReferralShare(
    Guid ReferralId,
    string ReferringOrganisation,
    string ReferredOrganisation,
    ReferralService Service,
    ReferralReason Reason,
    DateOnly ReferredOn,
    string? Details = null,
    string? ReferringCaseWorker = null);

/// <summary>The HTCDS-named JSON export of what a referral shares.</summary>
public static class ReferralExport
{
    /// <summary>
    /// The export for the recipient now: the referral's own fields, then only the case fields the consents allow
    /// (<paramref name="caseValues"/> is keyed by HTCDS or cebu_ field name; values are strings, numbers, dates,
    /// picklist enums or lists of them). Refused when no consent allows it.
    /// </summary>
    public static Outcome<JsonObject> Build(ReferralShare referral, IEnumerable<ReferralConsent> consents, IReadOnlyDictionary<string, object?> caseValues, DateTimeOffset now)
    {
        var access = ConsentRules.Access(consents, referral.ReferredOrganisation, referral.Service, now);
        if (!access.Allowed) return Problem.Forbidden(string.Join(" ", access.Reasons));
        var json = new JsonObject
        {
            ["htcdsVersion"] = Htcds.Version,
            ["attribution"] = Htcds.Attribution,
            [HtcdsFields.CebuReferralId] = referral.ReferralId.ToString(),
            [HtcdsFields.ReferringOrganisation] = referral.ReferringOrganisation,
            [HtcdsFields.ReferredOrganisation] = referral.ReferredOrganisation,
            [HtcdsFields.ReasonForOutgoingReferral] = Htcds.ReferralReasons.Code(referral.Reason),
            [HtcdsFields.OutgoingReferralDate] = referral.ReferredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [HtcdsFields.SupportPlanType] = Htcds.SupportTypes.Code(Htcds.SupportTypeOf(referral.Service)),
            [HtcdsFields.CebuReferralService] = Htcds.ReferralServices.Code(referral.Service),
            [HtcdsFields.Consent] = true,
        };
        if (referral.Details is not null) json[HtcdsFields.OutgoingReferralDetails] = referral.Details;
        if (referral.ReferringCaseWorker is not null) json[HtcdsFields.ReferringPrimaryCaseWorker] = referral.ReferringCaseWorker;
        foreach (var field in HtcdsFields.All.Where(f => access.Fields.Contains(f) && !ConsentRules.ReferralFields.Contains(f)))
            if (caseValues.TryGetValue(field, out var value) && value is not null) json[field] = Node(value);
        return json;
    }

    private static JsonNode? Node(object value) => value switch
    {
        string s => s,
        Enum e => e.ToString(), // picklist codes are the enum names (see Picklist<T>)
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b,
        int i => i,
        long l => l,
        decimal m => m,
        double x => x,
        System.Collections.IEnumerable list => new JsonArray(list.Cast<object>().Select(Node).ToArray()),
        _ => throw new ArgumentException($"A case value of type {value.GetType().Name} cannot be exported; pass a string, number, date, picklist value or a list of them."),
    };
}
