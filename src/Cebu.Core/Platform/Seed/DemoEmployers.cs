using Cebu.Core.Features.Employers;

namespace Cebu.Core.Platform.Seed;

/// <summary>Fictional demo employers registered by Malaysia and Thailand; MY-DEMO-EMP-002 is errant.</summary>
public static class DemoEmployers
{
    public const string Errant = "MY-DEMO-EMP-002";
    /// <summary>The errant employer's director: a new registration or licence naming him is a screening hit.</summary>
    public const string ErrantDirector = "Rahim Fictional";

    public static IEnumerable<Employer> Build(DateOnly today, DateTimeOffset now)
    {
        yield return new Employer
        {
            RegisteringState = "MY", RegistrationNumber = "MY-DEMO-EMP-001", Name = "Example Palm Estates Sdn. Bhd. (demo)", TradingNames = ["Example Estate"],
            Principals = [new EmployerPrincipal { Name = "Aminah Example", Role = "owner" }], Addresses = ["1 Example Road, Kuantan, Pahang (demo)"],
            Sector = "agriculture", StatusSince = today.AddYears(-2), RegisteredBy = "inspector@my.demo", CreatedAt = now.AddYears(-2), UpdatedAt = now.AddYears(-2),
        };
        yield return new Employer
        {
            RegisteringState = "MY", RegistrationNumber = Errant, Name = "Fictional Gloves Manufacturing Sdn. Bhd. (demo)", TradingNames = ["FG Gloves (demo)"],
            Principals = [new EmployerPrincipal { Name = ErrantDirector, Role = "director" }, new EmployerPrincipal { Name = "Siti Placeholder", Role = "owner" }],
            Addresses = ["8 Sample Industrial Park, Klang, Selangor (demo)"], Phone = "+60 3 0000 0202", Sector = "manufacturing",
            Status = EmployerStatus.Errant, StatusSince = today.AddDays(-60),
            StatusReason = "Withheld the passports of forty workers and paid wages late for three months (demo finding).",
            StatusSource = "Demo inspection report DEMO-INS-0042 (fictional)", RegisteredBy = "inspector@my.demo",
            CreatedAt = now.AddYears(-3), UpdatedAt = now.AddDays(-60),
        };
        yield return new Employer
        {
            RegisteringState = "TH", RegistrationNumber = "TH-DEMO-EMP-001", Name = "Example Seafood Processing Co., Ltd. (demo)",
            Principals = [new EmployerPrincipal { Name = "Somchai Example", Role = "owner" }], Addresses = ["5 Example Pier Road, Samut Sakhon (demo)"],
            Sector = "fishing", StatusSince = today.AddYears(-1), RegisteredBy = "inspector@th.demo", CreatedAt = now.AddYears(-1), UpdatedAt = now.AddYears(-1),
        };
    }
}
