using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Cases;

/// <summary>
/// Which organisation receives a public complaint. In order:
/// 1. a route for the country the person says they are in and their nationality (a deployment may send, say,
///    Myanmar nationals in Thailand to a partner that speaks Burmese);
/// 2. a route for the country they are in: the caseworkers of that state (art. 9: the receiving state gives access
///    to remedies where the worker is);
/// 3. otherwise the embassy or consulate of their state in that country (art. 10: the consulate can act there);
/// 4. otherwise the catch-all route (no country given, or a country with neither).
/// Routes are rows of <see cref="CaseIntakeRoute"/>, seeded from <see cref="Defaults"/> when the table is empty.
/// </summary>
public static class CaseIntakeRouting
{
    /// <summary>The demo's routes: the three receiving states whose caseworkers use Cebu, and a catch-all.</summary>
    public static IReadOnlyList<CaseIntakeRoute> Defaults { get; } =
    [
        new() { Country = "TH", OrganisationId = "th-doe", Why = "The person is in Thailand: Thailand's Department of Employment handles complaints there." },
        new() { Country = "MY", OrganisationId = "my-mohr", Why = "The person is in Malaysia: Malaysia's Ministry of Human Resources handles complaints there." },
        new() { Country = "SG", OrganisationId = "sg-mom", Why = "The person is in Singapore: Singapore's Ministry of Manpower handles complaints there." },
        new() { Country = null, OrganisationId = "th-doe", Why = "No route for the country given (or none given): the catch-all route of this deployment (demo: Thailand's Department of Employment) reads it and passes it on." },
    ];

    public static async Task<(string OrganisationId, string OwnerState, string Why)> RouteAsync(CebuDbContext db, string? country, string? nationality, CancellationToken ct)
    {
        var routes = await db.Set<CaseIntakeRoute>().AsNoTracking().ToListAsync(ct);
        var route = routes.FirstOrDefault(r => country is not null && r.Country == country && nationality is not null && r.Nationality == nationality)
                    ?? routes.FirstOrDefault(r => country is not null && r.Country == country && r.Nationality is null);
        if (route is null && country is not null && nationality is not null && country != nationality)
        {
            var consulate = await db.Organisations.ConsulateOfAsync(nationality, country, ct);
            if (consulate is not null)
                return (consulate.Id, consulate.HomeState ?? nationality, $"No caseworkers of {country} use Cebu: the person's consulate there ({consulate.Name}) receives it.");
        }
        route ??= routes.FirstOrDefault(r => r.Country is null)
                  ?? throw new InvalidOperationException("No catch-all intake route (CaseIntakeRoute with no country): seed the reference data.");
        var org = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == route.OrganisationId, ct);
        return (org.Id, org.HomeState ?? "", route.Why);
    }
}
