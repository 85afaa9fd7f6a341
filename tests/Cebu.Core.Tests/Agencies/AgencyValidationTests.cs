using Cebu.Core.Features.Agencies;

namespace Cebu.Core.Tests.Agencies;

public class AgencyValidationTests
{
    private static AgencyInput Valid() => new()
    {
        LicenceNumber = "KH-TEST-1", LegalName = "Example Manpower Co., Ltd.", Address = "1 Example Street, Phnom Penh",
        ValidFrom = new DateOnly(2026, 1, 1), ValidUntil = new DateOnly(2029, 1, 1),
        Accreditations = [new AccreditationDto("TH", "construction")],
    };

    [Fact]
    public void Complete_licence_is_valid() => Assert.False(AgencyRules.Validate(Valid()).HasErrors);

    [Fact]
    public void Every_missing_field_is_named_with_how_to_fix_it()
    {
        var errors = AgencyRules.Validate(new AgencyInput()).ToProblem().Errors!;
        Assert.Equal(["accreditations", "address", "legalName", "licenceNumber", "validFrom", "validUntil"], errors.Keys.Order().ToArray());
        Assert.Contains("YYYY-MM-DD", errors["validFrom"][0]);
    }

    [Fact]
    public void Licence_must_end_after_it_starts()
    {
        var errors = AgencyRules.Validate(Valid() with { ValidUntil = new DateOnly(2025, 1, 1) }).ToProblem().Errors!;
        Assert.Contains("must end after it starts", errors["validUntil"][0]);
    }

    [Fact]
    public void Unknown_destination_and_sector_are_rejected_with_the_allowed_values()
    {
        var errors = AgencyRules.Validate(Valid() with { Accreditations = [new("ZZ", "spying")] }).ToProblem().Errors!;
        Assert.Contains("ISO 3166-1", errors["accreditations[0].destination"][0]);
        Assert.Contains("construction", errors["accreditations[0].sector"][0]);
    }

    [Fact]
    public void Principal_role_must_be_owner_director_or_manager()
    {
        var errors = AgencyRules.Validate(Valid() with { Principals = [new("Sokha Example", "cousin")] }).ToProblem().Errors!;
        Assert.Contains("owner, director, manager", errors["principals[0].role"][0]);
    }
}
