using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;

namespace Cebu.Core.Features.Agencies;

/// <summary>The fields of a licence that an officer enters when granting or editing it.</summary>
public sealed record AgencyInput
{
    /// <summary>Unique within the licensing state.</summary>
    public string? LicenceNumber { get; init; }
    public string? LegalName { get; init; }
    /// <summary>Trading names, names in the local script, former names.</summary>
    public List<AgencyNameDto> OtherNames { get; init; } = [];
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    /// <summary>Owners, directors and managers.</summary>
    public List<PrincipalDto> Principals { get; init; } = [];
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    /// <summary>Destinations (ISO 3166-1 alpha-2) and sectors the agency may recruit for.</summary>
    public List<AccreditationDto> Accreditations { get; init; } = [];
}

public sealed record AgencyNameDto(string Name, AgencyNameKind Kind = AgencyNameKind.Trading);
public sealed record PrincipalDto(string Name, string Role = "director");
public sealed record AccreditationDto(string Destination, string Sector);

/// <summary>A licence as its licensing state sees it, with the history of every decision.</summary>
public sealed record AgencyDetails(
    Guid Id, string LicensingState, string LicenceNumber, string LegalName, IReadOnlyList<AgencyNameDto> OtherNames,
    string Address, string? Phone, string? Email, string? Website, IReadOnlyList<PrincipalDto> Principals,
    LicenceStatus Status, DateOnly ValidFrom, DateOnly ValidUntil, IReadOnlyList<AccreditationDto> Accreditations,
    DateOnly? StatusSince, string? StatusReason, string? StatusLegalReference, int Version,
    IReadOnlyList<StatusChangeDto> History)
{
    public static AgencyDetails From(Agency a, DateOnly today) => new(
        a.Id, a.LicensingState, a.LicenceNumber, a.LegalName, a.OtherNames.Select(n => new AgencyNameDto(n.Name, n.Kind)).ToList(),
        a.Address, a.Contacts.Phone, a.Contacts.Email, a.Contacts.Website, a.Principals.Select(p => new PrincipalDto(p.Name, p.Role)).ToList(),
        a.StatusOn(today), a.ValidFrom, a.ValidUntil, a.Accreditations.Select(x => new AccreditationDto(x.Destination, x.Sector)).ToList(),
        a.StatusSince, a.StatusReason, a.StatusLegalReference, a.Version,
        a.History.OrderBy(h => h.EffectiveOn).ThenBy(h => h.Id).Select(StatusChangeDto.Of).ToList());

    public AgencyInput ToInput() => new()
    {
        LicenceNumber = LicenceNumber, LegalName = LegalName, OtherNames = OtherNames.ToList(), Address = Address,
        Phone = Phone, Email = Email, Website = Website, Principals = Principals.ToList(), ValidFrom = ValidFrom,
        ValidUntil = ValidUntil, Accreditations = Accreditations.ToList(),
    };
}

public sealed record StatusChangeDto(string Action, LicenceStatus? From, LicenceStatus To, DateOnly EffectiveOn, string Reason, string? LegalReference, string DecidedBy, string? DecidedByOrganisation)
{
    public static StatusChangeDto Of(AgencyStatusChange h) => new(h.Action, h.From, h.To, h.EffectiveOn, h.Reason, h.LegalReference, h.DecidedBy, h.DecidedByOrganisation);
}

/// <summary>One line of an officials' list.</summary>
public sealed record AgencySummary(Guid Id, string LicensingState, string LicenceNumber, string LegalName, LicenceStatus Status, DateOnly ValidUntil);


internal static class AgencyRules
{
    public static readonly string[] PrincipalRoles = ["owner", "director", "manager"];

    /// <summary>Checks every field and names each one that is wrong, with how to fix it.</summary>
    public static Validation Validate(AgencyInput input)
    {
        var v = new Validation();
        var reference = ReferenceData.Shared;
        v.Require(!string.IsNullOrWhiteSpace(input.LicenceNumber), "licenceNumber", "Enter the licence number as printed on the licence.");
        v.Require(input.LicenceNumber is null || input.LicenceNumber.Trim().Length <= 64, "licenceNumber", "A licence number has at most 64 characters.");
        v.Require(!string.IsNullOrWhiteSpace(input.LegalName), "legalName", "Enter the agency's registered legal name.");
        v.Require(input.LegalName is null || input.LegalName.Trim().Length <= 300, "legalName", "A legal name has at most 300 characters.");
        v.Require(!string.IsNullOrWhiteSpace(input.Address), "address", "Enter the address of the agency's office.");
        v.Require(input.Address is null || input.Address.Trim().Length <= 500, "address", "An address has at most 500 characters.");
        v.Require(input.ValidFrom is not null, "validFrom", "Enter the date the licence starts (YYYY-MM-DD).");
        v.Require(input.ValidUntil is not null, "validUntil", "Enter the date the licence ends (YYYY-MM-DD).");
        if (input.ValidFrom is { } from && input.ValidUntil is { } until)
            v.Require(until > from, "validUntil", "The licence must end after it starts.");
        if (!string.IsNullOrWhiteSpace(input.Email))
            v.Require(input.Email.Contains('@') && input.Email.IndexOf('@') > 0 && input.Email.IndexOf('@') < input.Email.Length - 1, "email", "Enter an e-mail address such as office@example.com, or leave it empty.");
        for (var i = 0; i < input.OtherNames.Count; i++)
            v.Require(!string.IsNullOrWhiteSpace(input.OtherNames[i].Name), $"otherNames[{i}]", "Each other name needs text; remove empty ones.");
        for (var i = 0; i < input.Principals.Count; i++)
        {
            v.Require(!string.IsNullOrWhiteSpace(input.Principals[i].Name), $"principals[{i}].name", "Each principal needs a name; remove empty ones.");
            v.Require(PrincipalRoles.Contains(input.Principals[i].Role), $"principals[{i}].role", $"A principal's role is one of: {string.Join(", ", PrincipalRoles)}.");
        }
        v.Require(input.Accreditations.Count > 0, "accreditations", "Name at least one destination and sector the agency is accredited for.");
        for (var i = 0; i < input.Accreditations.Count; i++)
        {
            var a = input.Accreditations[i];
            v.Require(reference.IsCountry(a.Destination), $"accreditations[{i}].destination",
                $"'{a.Destination}' is not a destination Cebu knows. Use an ISO 3166-1 alpha-2 code: {string.Join(", ", reference.Countries.Select(c => c.Code))}.");
            v.Require(Sectors.All.Contains(a.Sector), $"accreditations[{i}].sector", $"'{a.Sector}' is not a sector. Use one of: {string.Join(", ", Sectors.All)}.");
        }
        return v;
    }

    public static void Apply(Agency agency, AgencyInput input)
    {
        agency.LicenceNumber = input.LicenceNumber!.Trim();
        agency.LegalName = input.LegalName!.Trim();
        agency.OtherNames = input.OtherNames.Select(n => new AgencyName { Name = n.Name.Trim(), Kind = n.Kind }).ToList();
        agency.Address = input.Address!.Trim();
        agency.Contacts = new AgencyContacts { Phone = Blank(input.Phone), Email = Blank(input.Email), Website = Blank(input.Website) };
        agency.Principals = input.Principals.Select(p => new Principal { Name = p.Name.Trim(), Role = p.Role }).ToList();
        agency.ValidFrom = input.ValidFrom!.Value;
        agency.ValidUntil = input.ValidUntil!.Value;
        agency.Accreditations = input.Accreditations.Select(x => new Accreditation { Destination = x.Destination.ToUpperInvariant(), Sector = x.Sector })
            .DistinctBy(x => (x.Destination, x.Sector)).ToList();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
