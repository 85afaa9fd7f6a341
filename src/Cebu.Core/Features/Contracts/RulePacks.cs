using System.Reflection;
using System.Text.Json;

namespace Cebu.Core.Features.Contracts;

/// <summary>Where a rule comes from: the law, the article, when Cebu last checked it, and a public copy of it.</summary>
public sealed record RuleCitation(string Law, string Article, string Checked, string Source);

/// <summary>
/// One rule of a pack, readable by a machine. <see cref="Kind"/> says which fields matter:
/// minimumWage (amount, currency, per, regions?), maxNormalHoursPerWeek / maxNormalHoursPerDay (hours),
/// weeklyRestDays / annualLeaveDays (days), overtimePremium (multiplier), workerFeesAllowed (none, or maxAmount with
/// currency, or maxMonthsOfWage with monthsOfWagePerYearOfContract), passportRetention (forbidden), paymentInMoney
/// (currency?), deductionsLimit (maxShareOfWage?, maxShareEach?, forbiddenPurposes?), contractLanguage (the worker's
/// language among the contract's), noticeOfTermination (days?, mustBeStated?), insurance (cover, paidBy). Sectors limit a rule to those sectors; excludedSectors take sectors out of it; coversMonthlyWageUpTo
/// leaves out workers paid more than the law covers (Singapore's Part IV).
/// </summary>
public sealed record ContractRule(
    string Id, string Kind, RuleCitation Citation,
    decimal? Amount = null, string? Currency = null, string? Per = null, string[]? Regions = null,
    decimal? Hours = null, int? Days = null, decimal? Multiplier = null,
    bool? None = null, decimal? MaxAmount = null, decimal? MaxMonthsOfWage = null, decimal? MonthsOfWagePerYearOfContract = null,
    bool? WhenDestinationForbidsFees = null,
    string[]? Sectors = null, string[]? ExcludedSectors = null, string? Severity = null, string? Condition = null,
    Money? CoversMonthlyWageUpTo = null,
    decimal? MaxShareOfWage = null, decimal? MaxShareEach = null, string[]? ForbiddenPurposes = null,
    bool? MustBeStated = null, string? Cover = null, string? PaidBy = null)
{
    public bool AppliesTo(string sector) =>
        (Sectors is not { Length: > 0 } || Sectors.Contains(sector, StringComparer.OrdinalIgnoreCase))
        && (ExcludedSectors is null || !ExcludedSectors.Contains(sector, StringComparer.OrdinalIgnoreCase));
}

/// <summary>A state's rules (or the ILO baseline) from a date on; a newer version of the same country replaces it from its own date.</summary>
public sealed record RulePack(string Country, string Name, string Version, DateOnly EffectiveFrom, IReadOnlyList<ContractRule> Rules, IReadOnlyList<string> Notes)
{
    public string Label => $"{Country} {Version}";
}

public sealed record ExchangeRate(string Currency, decimal MyrPerUnit, string Date, string Quote, string Source);

public sealed record ExchangeRateTable(string Version, string Description, string Base, IReadOnlyList<ExchangeRate> Rates, IReadOnlyList<string> Notes)
{
    public ExchangeRate? For(string currency) => Rates.FirstOrDefault(r => r.Currency.Equals(currency, StringComparison.OrdinalIgnoreCase));

    /// <summary>Converts through the ringgit; null when either currency is not in the table.</summary>
    public decimal? Convert(decimal amount, string from, string to)
    {
        if (from.Equals(to, StringComparison.OrdinalIgnoreCase)) return amount;
        if (For(from) is not { } f || For(to) is not { } t) return null;
        return amount * f.MyrPerUnit / t.MyrPerUnit;
    }

    public string Describe(string from, string to) =>
        string.Join("; ", new[] { For(from), For(to) }.Where(r => r is not null && r.Currency != Base)
            .Select(r => $"{r!.Currency}: {r.Quote} on {r.Date} ({r.Source})"));
}

/// <summary>
/// The rule packs and the exchange-rate table shipped in the assembly (Features/Contracts/Packs, ExchangeRates.json).
/// They change by a reviewed commit, like the reference data, so every node judges a contract the same way.
/// </summary>
public sealed class RulePacks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RulePacks Shipped { get; } = Load();

    public IReadOnlyList<RulePack> All { get; }
    public ExchangeRateTable Rates { get; }

    public RulePacks(IEnumerable<RulePack> packs, ExchangeRateTable rates)
    {
        All = packs.OrderBy(p => p.Country, StringComparer.Ordinal).ThenBy(p => p.EffectiveFrom).ToList();
        Rates = rates;
    }

    /// <summary>The version of a country's pack in force on a date: the latest that took effect on or before it.</summary>
    public RulePack? InForce(string country, DateOnly on) =>
        All.Where(p => p.Country.Equals(country, StringComparison.OrdinalIgnoreCase) && p.EffectiveFrom <= on).MaxBy(p => p.EffectiveFrom);

    private static RulePacks Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var packs = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Cebu.ContractPacks.", StringComparison.Ordinal))
            .Select(n => Read<RulePack>(assembly, n)).ToList();
        if (packs.Count == 0) throw new InvalidOperationException("No contract rule packs are embedded in the assembly.");
        return new RulePacks(packs, Read<ExchangeRateTable>(assembly, "Cebu.ContractRates.json"));
    }

    private static T Read<T>(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is missing from the assembly.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"{name} is empty.");
    }
}
