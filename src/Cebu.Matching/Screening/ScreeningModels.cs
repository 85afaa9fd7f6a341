namespace Cebu.Matching.Screening;

/// <summary>
/// The fixed models Cebu scores single records with. Their m and u values are set by hand and justified in
/// src/Cebu.Matching/README.md (person fields from what EM estimated on FEBRL 1-3, the rest from the size of the
/// registries they screen); a test pins the weights, so that a change to them is a decision, not an accident.
/// </summary>
public static class ScreeningModels
{
    /// <summary>Field names of the person models.</summary>
    public const string Name = "name", DateOfBirth = "dateOfBirth", Passport = "passportNumber", NationalId = "nationalIdNumber",
        Phone = "phone", Sex = "sex", Email = "email", Employer = "employer", LinkedWorker = "worker";

    /// <summary>Field names of the party (agency, employer) model.</summary>
    public const string PartyName = "name", Principal = "principal", Address = "address";

    /// <summary>Posterior at or above which a pair is reported (a duplicate warning, a case flag, a screening hit).</summary>
    public const double ReportAt = 0.5;

    private static FieldModel PersonName(string field) => new(field, PersonNameComparer.Instance,
        [0, 0.02, 0.05, 0.18, 0.75],
        [1, 0.945, 0.05, 0.004, 0.0005]);

    private static FieldModel Document(string field) => new(field, DocumentNumberComparer.Instance,
        [0, 0.05, 0.03, 0.07, 0.05, 0.80],
        [1, 0.999, 0.0008, 0.00015, 0.00001, 0.000001]);

    /// <summary>
    /// Workers of one sending state's registry: a new registration against the candidates that share a name key, the
    /// passport or national identity number, or the date of birth. Prior 1/1000: most candidates share only a common word.
    /// </summary>
    public static readonly EvidenceModel Worker = new(0.001,
        PersonName(Name),
        new FieldModel(DateOfBirth, DateComparer.Instance,
            [0, 0.02, 0.01, 0.02, 0.06, 0.03, 0.86],
            [1, 0.95, 0.03, 0.012, 0.004, 0.0001, 0.0003]),
        Document(Passport),
        Document(NationalId),
        // No phone: agencies register their own number for many of their recruits, so a shared phone says little here.
        new FieldModel(Sex, ExactComparer.Instance, [0, 0.02, 0.98], [1, 0.5, 0.5]));

    /// <summary>
    /// Cases of one organisation: the person's name, phone, e-mail, the employer named, and the worker record when linked.
    /// Prior 1/100: an organisation's cases are few, and the same person coming back is common.
    /// </summary>
    public static readonly EvidenceModel Case = new(0.01,
        PersonName(Name),
        new FieldModel(Phone, PhoneComparer.Instance, [0, 0.3, 0.7], [1, 0.9999, 0.0001]),
        new FieldModel(Email, ExactComparer.Instance, [0, 0.2, 0.8], [1, 0.9999, 0.0001]),
        new FieldModel(Employer, OrganisationNameComparer.Instance, [0, 0.3, 0.1, 0.1, 0.5], [1, 0.95, 0.03, 0.01, 0.01]),
        new FieldModel(LinkedWorker, ExactComparer.Instance, [0, 0.05, 0.95], [1, 0.99999, 0.00001]));

    /// <summary>
    /// A new agency licence or employer registration against blacklisted agencies and errant employers: names (legal,
    /// trading, former), principals and directors, addresses (no phone: a switchboard or an agent's number is shared). A blacklisted business that comes back changes
    /// whatever it can, so disagreement weighs little (m of "different" is high); agreement on any one of them is rare
    /// between unrelated businesses. Prior 1/100.
    /// </summary>
    public static readonly EvidenceModel Party = new(0.01,
        new FieldModel(PartyName, OrganisationNameComparer.Instance, [0, 0.55, 0.15, 0.15, 0.15], [1, 0.995, 0.004, 0.0003, 0.0002]),
        new FieldModel(Principal, PersonNameComparer.Instance, [0, 0.55, 0.05, 0.2, 0.2], [1, 0.99, 0.008, 0.0003, 0.0002]),
        new FieldModel(Address, AddressComparer.Instance, [0, 0.6, 0.15, 0.25], [1, 0.995, 0.004, 0.0005]));
}
