using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;
using Cebu.Matching;

namespace Cebu.Core.Features.Workers;

/// <summary>A worker's identity and contacts, as an officer of the sending state enters them.</summary>
public sealed record WorkerInput
{
    /// <summary>Family name as in the passport.</summary>
    public string? FamilyName { get; init; }
    /// <summary>Given names as in the passport.</summary>
    public string? GivenNames { get; init; }
    public string? NameInLocalScript { get; init; }
    public Sex? Sex { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? PlaceOfBirth { get; init; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Nationality { get; init; }
    public string? NationalIdNumber { get; init; }
    public string? PassportNumber { get; init; }
    public DateOnly? PassportExpiry { get; init; }
    public string? CertificateOfIdentityNumber { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? AddressAtHome { get; init; }
    public string? NextOfKinName { get; init; }
    public string? NextOfKinRelationship { get; init; }
    public string? NextOfKinPhone { get; init; }
    /// <summary>ISO 639 codes of the languages the worker reads.</summary>
    public List<string> Languages { get; init; } = [];
}

public sealed record WorkerSummary(Guid Id, string OwnerState, string FamilyName, string GivenNames, DateOnly DateOfBirth, JourneyPhase Phase,
    string Destination, string? PlacementState, string? Employer, string? WorkPermitNumber, DateOnly? WorkPermitExpiry, DocumentationStatus DocumentationStatus);

/// <summary>A timeline entry; <c>changes</c> lists each field an edit changed, with its old and new value.</summary>
public sealed record WorkerEventDto(DateOnly On, string Kind, string Summary, string RecordedBy, IReadOnlyList<FieldChange> Changes);

/// <summary>A worker's full record, for the sending state that owns it.</summary>
public sealed record WorkerDetails(Worker Worker, IReadOnlyList<WorkerEventDto> Timeline, IReadOnlyList<WorkerRead> ReadBy);

/// <summary>Who read a worker's record, and when.</summary>
public sealed record WorkerRead(DateTimeOffset At, string? UserName, string? OrganisationId);

internal static class WorkerRules
{
    public static Validation Validate(WorkerInput i, DateOnly today)
    {
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(i.FamilyName), "familyName", "Enter the family name as written in the passport.");
        v.Require(i.Sex is not null, "sex", "Choose female, male or unspecified.");
        v.Require(i.DateOfBirth is not null, "dateOfBirth", "Enter the date of birth (YYYY-MM-DD).");
        if (i.DateOfBirth is { } dob)
        {
            v.Require(dob <= today, "dateOfBirth", "The date of birth cannot be in the future.");
            v.Require(dob > today.AddYears(-100), "dateOfBirth", "The date of birth is more than 100 years ago: check the year.");
        }
        // The columns' sizes (WorkerConfiguration): longer text is the caller's error on both databases, not a failed write.
        v.Require(i.FamilyName is not { Length: > 200 }, "familyName", "The family name has at most 200 characters.");
        v.Require(i.GivenNames is not { Length: > 200 }, "givenNames", "The given names have at most 200 characters.");
        v.Require(i.NameInLocalScript is not { Length: > 200 }, "nameInLocalScript", "The name in the local script has at most 200 characters.");
        v.Require(Document(i.PassportNumber) is not { Length: > 20 }, "passportNumber", "A passport number has at most 20 letters and digits.");
        v.Require(Document(i.NationalIdNumber) is not { Length: > 30 }, "nationalIdNumber", "A national ID number has at most 30 letters and digits.");
        v.Require(Document(i.CertificateOfIdentityNumber) is not { Length: > 30 }, "certificateOfIdentityNumber", "A Certificate of Identity number has at most 30 letters and digits.");
        v.Require(ReferenceData.Shared.IsCountry(i.Nationality), "nationality", "Enter the nationality as an ISO 3166-1 alpha-2 code, e.g. KH.");
        if (i.Email is { Length: > 0 } email) v.Require(email.IndexOf('@') > 0, "email", "Enter an e-mail address such as name@example.com, or leave it empty.");
        foreach (var (l, n) in i.Languages.Select((l, n) => (l, n)))
            v.Require(l.Length is 2 or 3 && l.All(char.IsAsciiLetterLower), $"languages[{n}]", "Use ISO 639 codes in lower case, e.g. km, my, th.");
        return v;
    }

    public static void Apply(Worker w, WorkerInput i)
    {
        ApplyFields(w, i);
        w.SearchName = SearchName(w);
        Index(w);
    }

    /// <summary>
    /// The fields of <see cref="Apply"/> without the search name and the name keys, for a caller that computes those
    /// itself (the bulk import, through a <see cref="NameKeyCache"/>, from <see cref="SearchName"/>).
    /// </summary>
    public static void ApplyFields(Worker w, WorkerInput i)
    {
        w.FamilyName = i.FamilyName!.Trim();
        w.GivenNames = i.GivenNames?.Trim() ?? "";
        w.NameInLocalScript = Blank(i.NameInLocalScript);
        w.Sex = i.Sex!.Value;
        w.DateOfBirth = i.DateOfBirth!.Value;
        w.PlaceOfBirth = Blank(i.PlaceOfBirth);
        w.Nationality = i.Nationality!.ToUpperInvariant();
        w.NationalIdNumber = Document(i.NationalIdNumber);
        w.PassportNumber = Document(i.PassportNumber);
        w.PassportExpiry = i.PassportExpiry;
        w.CertificateOfIdentityNumber = Document(i.CertificateOfIdentityNumber);
        w.Contacts = new WorkerContacts { Phone = Blank(i.Phone), Email = Blank(i.Email), AddressAtHome = Blank(i.AddressAtHome), AddressAbroad = w.Contacts.AddressAbroad };
        w.NextOfKin = new NextOfKin { Name = Blank(i.NextOfKinName), Relationship = Blank(i.NextOfKinRelationship), Phone = Blank(i.NextOfKinPhone), Address = w.NextOfKin.Address };
        w.Languages = i.Languages.Distinct().ToList();
    }

    /// <summary>
    /// The fields an officer edits (<see cref="WorkerInput"/>), each as text under its API name: compared before and
    /// after an edit, they give the timeline each change with its old and new value.
    /// </summary>
    public static IReadOnlyList<(string Field, string? Value)> EditableFields(Worker w) =>
    [
        ("familyName", w.FamilyName), ("givenNames", w.GivenNames), ("nameInLocalScript", w.NameInLocalScript), ("sex", w.Sex.ToString()),
        ("dateOfBirth", Day(w.DateOfBirth)), ("placeOfBirth", w.PlaceOfBirth), ("nationality", w.Nationality), ("nationalIdNumber", w.NationalIdNumber),
        ("passportNumber", w.PassportNumber), ("passportExpiry", Day(w.PassportExpiry)), ("certificateOfIdentityNumber", w.CertificateOfIdentityNumber),
        ("phone", w.Contacts.Phone), ("email", w.Contacts.Email), ("addressAtHome", w.Contacts.AddressAtHome),
        ("nextOfKinName", w.NextOfKin.Name), ("nextOfKinRelationship", w.NextOfKin.Relationship), ("nextOfKinPhone", w.NextOfKin.Phone),
        ("languages", w.Languages.Count == 0 ? null : string.Join(", ", w.Languages)),
    ];

    /// <summary>The fields whose text differs between two snapshots of <see cref="EditableFields"/>, in the form's order.</summary>
    public static List<FieldChange> Changes(IReadOnlyList<(string Field, string? Value)> before, IReadOnlyList<(string Field, string? Value)> after) =>
        before.Zip(after).Where(p => !string.Equals(p.First.Value ?? "", p.Second.Value ?? "", StringComparison.Ordinal))
            .Select(p => new FieldChange(p.First.Field, p.First.Value, p.Second.Value)).ToList();

    public static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Keeps the worker's name keys in step with the name.</summary>
    public static void Index(Worker w)
    {
        var name = IndexedName(w);
        var keys = NameKeys.For(name).Concat(NameKeys.Pairs(name)).Select(k => NameFolding.Cut(k)).ToHashSet();
        w.SearchTerms.RemoveAll(t => !keys.Contains(t.Key));
        foreach (var k in keys.Where(k => w.SearchTerms.All(t => t.Key != k))) w.SearchTerms.Add(new WorkerSearchTerm { WorkerId = w.Id, Key = k });
    }

    public static string SearchName(Worker w) => NameFolding.Fold(IndexedName(w));

    /// <summary>The name the search name and the name keys are made of.</summary>
    public static string IndexedName(Worker w) => $"{w.GivenNames} {w.FamilyName} {w.NameInLocalScript}";

    /// <summary>Document numbers are compared without spaces or dashes, in upper case.</summary>
    public static string? Document(string? s) => string.IsNullOrWhiteSpace(s) ? null : new string(s.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
