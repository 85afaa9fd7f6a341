namespace Cebu.Web.Tests.Infrastructure;

/// <summary>Requests the tests send, with every field valid unless a test changes one.</summary>
public static class Samples
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A licence no demo agency resembles (its name, principal and address are unlike the blacklisted ones).</summary>
    public static Dictionary<string, object?> Agency(string licenceNumber, string legalName, string principal = "Rithy Testperson", string address = "7 Quality Avenue, Battambang") => new()
    {
        ["licenceNumber"] = licenceNumber,
        ["legalName"] = legalName,
        ["otherNames"] = Array.Empty<object>(),
        ["address"] = address,
        ["phone"] = "+855 53 000 777",
        ["email"] = "office@test-agency.example.org",
        ["website"] = null,
        ["principals"] = new[] { new { name = principal, role = "owner" } },
        ["validFrom"] = Today.AddDays(-1),
        ["validUntil"] = Today.AddYears(3),
        ["accreditations"] = new[] { new { destination = "TH", sector = "construction" }, new { destination = "MY", sector = "manufacturing" } },
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> agency, string field, object? value) =>
        new(agency) { [field] = value };

    public static object Create(Dictionary<string, object?> agency, bool reviewed = false, string? justification = null) =>
        new { agency, resemblanceReviewed = reviewed, justification };
}
