using Cebu.Core.Features.Agencies;
using Cebu.Matching;

namespace Cebu.Web.Pages.Agencies;

/// <summary>A licence as the create and edit pages show it: lists as one line per item, usable without JavaScript.</summary>
public sealed class AgencyForm
{
    public string? LicenceNumber { get; set; }
    public string? LegalName { get; set; }
    /// <summary>One name per line.</summary>
    public string? OtherNames { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    /// <summary>One "Name (role)" per line.</summary>
    public string? Principals { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    /// <summary>One "TH:construction" per line.</summary>
    public string? Accreditations { get; set; }

    public AgencyInput ToInput() => new()
    {
        LicenceNumber = LicenceNumber, LegalName = LegalName, Address = Address, Phone = Phone, Email = Email, Website = Website,
        ValidFrom = ValidFrom, ValidUntil = ValidUntil,
        OtherNames = Lines(OtherNames).Select(n => new AgencyNameDto(n, NameFolding.IsUnspacedScript(n) ? AgencyNameKind.LocalScript : AgencyNameKind.Trading)).ToList(),
        Principals = AgencyCsv.ParsePrincipals(string.Join(';', Lines(Principals))),
        Accreditations = AgencyCsv.ParseAccreditations(string.Join(';', Lines(Accreditations))),
    };

    public static AgencyForm From(AgencyDetails a) => new()
    {
        LicenceNumber = a.LicenceNumber, LegalName = a.LegalName, Address = a.Address, Phone = a.Phone, Email = a.Email, Website = a.Website,
        ValidFrom = a.ValidFrom, ValidUntil = a.ValidUntil,
        OtherNames = string.Join('\n', a.OtherNames.Select(n => n.Name)),
        Principals = string.Join('\n', a.Principals.Select(p => $"{p.Name} ({p.Role})")),
        Accreditations = string.Join('\n', a.Accreditations.Select(x => $"{x.Destination}:{x.Sector}")),
    };

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
