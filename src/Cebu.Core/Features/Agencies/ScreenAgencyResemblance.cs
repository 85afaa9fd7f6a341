using Cebu.Core.Features.Employers;
using Cebu.Core.Features.Screening;

namespace Cebu.Core.Features.Agencies;

/// <summary>
/// Screens a new licence against blacklisted agencies of every state (blacklists are public) and errant or blacklisted
/// employers, with the matching engine (<see cref="ScreenParties"/>): names, principals, addresses and phone, each
/// field's evidence kept. Catches an errant agency that comes back under a new name (art. 14).
/// </summary>
public sealed class ScreenAgencyResemblance(ScreenParties screen)
{
    public Task<IReadOnlyList<ScreeningMatch>> Handle(AgencyInput input, Guid? exceptId, CancellationToken ct) =>
        screen.Handle(PartyProfile.Of(input), exceptId, ct);

    /// <summary>Pure: compares the input with each blacklisted agency and keeps those that resemble it, best first.</summary>
    public static IReadOnlyList<ScreeningMatch> Screen(AgencyInput input, IEnumerable<Agency> blacklisted) =>
        ScreenParties.Screen(PartyProfile.Of(input), blacklisted, Array.Empty<Employer>());
}
