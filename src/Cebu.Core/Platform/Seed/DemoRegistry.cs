using Cebu.Core.Features.Verification;

namespace Cebu.Core.Platform.Seed;

/// <summary>
/// Fictional extracts of Cambodia's and Myanmar's civil registries (240 people each, registry numbers KH-CR-DEMO-...,
/// MM-CR-DEMO-...), for nationality verification. The first of each is written out, so that tests and the demo can
/// refer to a known person.
/// </summary>
public static class DemoRegistry
{
    public const int PerState = 240;

    /// <summary>A known Cambodian registry person (fictional).</summary>
    public static CivilRegistryRecord KnownKh() => new()
    {
        State = "KH", RegistryNumber = "KH-CR-DEMO-0000000", FamilyName = "Meas", GivenNames = "Sophea Kunthea", DateOfBirth = new DateOnly(1993, 4, 9),
        PlaceOfBirth = "Kampot", FatherName = "Meas Vuthy", MotherName = "Keo Thida", DocumentNumbers = "K52081736",
    };

    /// <summary>A known Burmese registry person (fictional).</summary>
    public static CivilRegistryRecord KnownMm() => new()
    {
        State = "MM", RegistryNumber = "MM-CR-DEMO-0000000", FamilyName = "Htun", GivenNames = "Aung Kyaw", DateOfBirth = new DateOnly(1990, 2, 11),
        PlaceOfBirth = "Magway", FatherName = "Soe Win", MotherName = "Khin Mar", DocumentNumbers = "M61508230",
    };

    public static IEnumerable<CivilRegistryRecord> Build(DateTimeOffset now)
    {
        foreach (var (state, known, seed) in new[] { ("KH", KnownKh(), 6), ("MM", KnownMm(), 7) })
        {
            var g = new SyntheticRegistry(state, seed);
            foreach (var r in new[] { known }.Concat(Enumerable.Range(1, PerState - 1).Select(g.Person)))
            {
                r.ImportedAt = now;
                VerificationModel.SetKeys(r);
                yield return r;
            }
        }
    }
}
