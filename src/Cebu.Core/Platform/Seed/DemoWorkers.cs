using Cebu.Core.Features.Agencies;
using Cebu.Core.Features.Workers;

namespace Cebu.Core.Platform.Seed;

/// <summary>Obviously fictional workers (family names Example, Sample, Placeholder...) at every phase of the journey.</summary>
internal static class DemoWorkers
{
    private static readonly (string State, string Agency, string[] Families, string[] Given, string Lang, string? Local)[] People =
    [
        ("KH", "KH-DEMO-001", ["EXAMPLE", "SAMPLE", "PLACEHOLDER"], ["SOKHA", "DARA", "CHANTHA", "VANNAK"], "km", "សុខា"),
        ("MM", "MM-DEMO-001", ["EXAMPLE", "SAMPLE", "FICTIONAL"], ["AUNG KYAW HTUN", "KHIN MAR", "MIN THU", "THIDA"], "my", "အောင်ကျော်ထွန်း"),
        ("ID", "ID-DEMO-001", ["CONTOH", "SAMPEL", "FIKTIF"], ["SITI", "BUDI", "DEWI", "AGUS"], "id", null),
        ("PH", "PH-DEMO-001", ["EXAMPLE", "SAMPLE", "PLACEHOLDER"], ["MARIA", "JUAN", "ANA", "JOSE"], "fil", null),
    ];

    private static readonly JourneyPhase[] Phases =
        [JourneyPhase.Recruitment, JourneyPhase.PreDeparture, JourneyPhase.Cleared, JourneyPhase.Travel, JourneyPhase.Placement, JourneyPhase.Placement, JourneyPhase.Placement, JourneyPhase.Returned];

    public const int Cohorts = 9;

    public static IEnumerable<Worker> Build(IReadOnlyDictionary<string, Agency> agencies, DateOnly today, DateTimeOffset now)
    {
        var n = 0;
        // Several cohorts per state, so that lists, filters and search have something to show (a few hundred workers).
        for (var cohort = 0; cohort < Cohorts; cohort++)
        foreach (var p in People)
        {
            var agency = agencies[p.Agency];
            var accreditation = agency.Accreditations[0];
            for (var i = 0; i < Phases.Length; i++, n++)
            {
                var phase = Phases[i];
                var w = new Worker
                {
                    OwnerState = p.State, Nationality = p.State, FamilyName = p.Families[(i + cohort) % p.Families.Length], GivenNames = p.Given[(i + 2 * cohort) % p.Given.Length],
                    NameInLocalScript = i == 0 ? p.Local : null, Sex = i % 2 == 0 ? Sex.Female : Sex.Male, DateOfBirth = new DateOnly(1985 + i + cohort, 1 + (i + cohort) % 12, 10 + i),
                    PlaceOfBirth = "Example Village", Languages = [p.Lang], PassportNumber = $"{p.State}D{n:0000000}", PassportExpiry = today.AddYears(4),
                    NationalIdNumber = $"{p.State}ID{n:000000}",
                    Contacts = new WorkerContacts { Phone = $"+000 555 {n:0000}", AddressAtHome = "1 Example Lane" },
                    NextOfKin = new NextOfKin { Name = "Parent Example", Relationship = "mother", Phone = $"+000 555 9{n:000}" },
                    AgencyId = agency.Id, Destination = accreditation.Destination, Sector = accreditation.Sector,
                    JobOrder = new JobOrder { Number = $"JO-DEMO-{n:000}", Employer = $"Example {accreditation.Sector} employer (fictional)", JobTitle = "worker" },
                    Phase = phase, CreatedAt = now, UpdatedAt = now, DocumentationStatusSince = today.AddYears(-1),
                };
                if (phase >= JourneyPhase.Cleared)
                {
                    w.PreDeparture = new PreDeparture
                    {
                        ContractReference = $"C-DEMO-{n:000}", ContractSignedOn = today.AddMonths(-14), OrientationAttendedOn = today.AddMonths(-13), OrientationProvider = "Example Training Centre",
                        HealthCheckOn = today.AddMonths(-13), HealthCheckFit = true, InsurancePolicy = $"INS-DEMO-{n:000}", Insurer = "Example Mutual (fictional)", InsuranceValidUntil = today.AddYears(1),
                        Fees = [new FeePaid { Amount = 150, Currency = "USD", PaidTo = agency.LicenceNumber, Purpose = "passport and medical check", PaidOn = today.AddMonths(-14) }],
                    };
                    // Demo codes are recognisable (DEMQ...) and unique: state, cohort and phase, in the code alphabet.
                    const string digits = "23456789";
                    w.ClearanceCode = $"DEMQ{p.State}{digits[cohort % 8]}{digits[i]}{digits[cohort / 8]}2";
                    w.ClearanceIssuedOn = today.AddMonths(-12);
                }
                if (phase >= JourneyPhase.Travel) { w.DepartedOn = today.AddMonths(-12).AddDays(7); w.BorderCrossingPoint = "Example International Airport"; }
                if (phase == JourneyPhase.Placement)
                {
                    w.PlacementState = w.Destination; w.PlacedOn = today.AddMonths(-12).AddDays(9); w.Employer = w.JobOrder.Employer;
                    w.Workplace = $"{10 + i} Example Industrial Road"; w.PlacementRegion = i == 4 ? "North" : "Capital";
                    w.WorkPermitNumber = $"WP-DEMO-{n:0000}"; w.WorkPermitExpiry = today.AddDays(i == 4 ? 25 + cohort : i == 5 ? 55 + cohort : 400 + 30 * cohort);
                    w.Contacts.AddressAbroad = $"{w.Workplace}, {w.PlacementRegion}";
                }
                if (phase == JourneyPhase.Returned)
                {
                    w.ReturnedOn = today.AddMonths(-1); w.ReturnReason = ReturnReason.ContractCompleted;
                }
                if (i == 6 && cohort % 3 == 1) { w.DocumentationStatus = DocumentationStatus.Undocumented; w.DocumentationStatusReason = "Overstayed after the permit expired (demo)."; }
                else if (i == 6) { w.DocumentationStatus = DocumentationStatus.UndocumentedNoFault; w.DocumentationStatusReason = "The employer did not renew the work permit (demo)."; }
                w.SearchName = WorkerRules.SearchName(w);
                WorkerRules.Index(w);
                yield return w;
            }
        }
    }
}
