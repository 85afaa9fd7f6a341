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

public sealed record WorkerEventDto(DateOnly On, string Kind, string Summary, string RecordedBy);

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
        v.Require(ReferenceData.Shared.IsCountry(i.Nationality), "nationality", "Enter the nationality as an ISO 3166-1 alpha-2 code, e.g. KH.");
        if (i.Email is { Length: > 0 } email) v.Require(email.IndexOf('@') > 0, "email", "Enter an e-mail address such as name@example.com, or leave it empty.");
        foreach (var (l, n) in i.Languages.Select((l, n) => (l, n)))
            v.Require(l.Length is 2 or 3 && l.All(char.IsAsciiLetterLower), $"languages[{n}]", "Use ISO 639 codes in lower case, e.g. km, my, th.");
        return v;
    }

    public static void Apply(Worker w, WorkerInput i)
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
        w.NextOfKin = new NextOfKin { Name = Blank(i.NextOfKinName), Relationship = Blank(i.NextOfKinRelationship), Phone = Blank(i.NextOfKinPhone) };
        w.Languages = i.Languages.Distinct().ToList();
        w.SearchName = SearchName(w);
        Index(w);
    }

    /// <summary>Keeps the worker's name keys in step with the name.</summary>
    public static void Index(Worker w)
    {
        var name = $"{w.GivenNames} {w.FamilyName} {w.NameInLocalScript}";
        var keys = NameKeys.For(name).Concat(NameKeys.Pairs(name)).Select(k => NameFolding.Cut(k)).ToHashSet();
        w.SearchTerms.RemoveAll(t => !keys.Contains(t.Key));
        foreach (var k in keys.Where(k => w.SearchTerms.All(t => t.Key != k))) w.SearchTerms.Add(new WorkerSearchTerm { WorkerId = w.Id, Key = k });
    }

    public static string SearchName(Worker w) => NameFolding.Fold($"{w.GivenNames} {w.FamilyName} {w.NameInLocalScript}");

    /// <summary>Document numbers are compared without spaces or dashes, in upper case.</summary>
    public static string? Document(string? s) => string.IsNullOrWhiteSpace(s) ? null : new string(s.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
