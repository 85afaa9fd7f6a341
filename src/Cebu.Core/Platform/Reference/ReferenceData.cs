using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cebu.Core.Platform.Reference;

public sealed record Country(string Code, string Name, DateOnly? AseanMemberSince, string[] Languages, string[] Currencies)
{
    public bool IsAseanMember => AseanMemberSince is not null;
}

public sealed record ReferenceSource(string What, string Source, string Checked);

public enum OrganisationKind
{
    LabourMinistry, LicensingAuthority, LabourInspectorate, Immigration, EmbassyOrConsulate, Ngo,
    InternationalOrganisation, RegionalBody, Parliament, PlatformOperator, RecruitmentAgency,
}

public sealed record OrganisationInfo(string Id, string Name, OrganisationKind Kind, string? HomeState, string? LocatedIn, string Source, string Checked);

/// <summary>
/// Versioned reference files shipped in the assembly (Platform/Reference/Data): states, languages, currencies,
/// organisations. They change by a reviewed commit, never at run time, so every node reads the same.
/// </summary>
public sealed class ReferenceData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string CountriesVersion { get; }
    public IReadOnlyList<Country> Countries { get; }
    public IReadOnlyList<ReferenceSource> Sources { get; }
    public IReadOnlyList<OrganisationInfo> Organisations { get; }
    private readonly Dictionary<string, Country> _byCode;

    public static ReferenceData Shared { get; } = new();

    private ReferenceData()
    {
        var countries = Read<CountriesFile>("countries.json");
        CountriesVersion = countries.Version;
        Countries = countries.Countries;
        Sources = countries.Sources;
        Organisations = Read<OrganisationsFile>("organisations.json").Organisations;
        _byCode = Countries.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<Country> AseanMembers => Countries.Where(c => c.IsAseanMember);

    public Country? Country(string? code) => code is not null && _byCode.TryGetValue(code, out var c) ? c : null;

    public bool IsCountry(string? code) => Country(code) is not null;

    public bool IsAseanMember(string? code) => Country(code)?.IsAseanMember == true;

    private static T Read<T>(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cebu.Reference." + name)
            ?? throw new InvalidOperationException($"Reference file {name} is missing from the assembly.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"Reference file {name} is empty.");
    }

    private sealed record CountriesFile(string Version, List<ReferenceSource> Sources, List<Country> Countries);
    private sealed record OrganisationsFile(string Version, List<OrganisationInfo> Organisations);
}

/// <summary>Economic sectors that licences and job orders name.</summary>
public static class Sectors
{
    public static readonly IReadOnlyList<string> All =
        ["manufacturing", "construction", "agriculture", "fishing", "domestic-work", "hospitality", "care", "services", "seafaring", "mining"];
}
