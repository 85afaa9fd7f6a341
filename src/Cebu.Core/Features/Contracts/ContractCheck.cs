using System.Globalization;

namespace Cebu.Core.Features.Contracts;

public sealed record Money(decimal Amount, string Currency)
{
    public override string ToString() => $"{Amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {Currency}";
}

public sealed record Wage(decimal Amount, string Currency, string Per);

public sealed record Charge(decimal Amount, string Currency, string Purpose);

/// <summary>The terms of an employment contract that the law speaks to. Optional terms the contract does not state are null.</summary>
public sealed record ContractTerms(
    string OriginState, string DestinationState, string Sector, Wage Wage,
    decimal HoursPerWeek, int RestDaysPerWeek, string PassportKeptBy, IReadOnlyList<Charge> FeesChargedToWorker,
    decimal? HoursPerDay = null, decimal? OvertimeRate = null, int? AnnualLeaveDays = null, string? PaidIn = null,
    IReadOnlyList<Charge>? Deductions = null, string? Region = null, int? DurationMonths = null, DateOnly? Date = null);

public sealed record FindingCitation(string Law, string Article, string Source, string Checked, string Pack);

/// <summary>One thing the check found: how serious, which rule, where the rule comes from, what the contract says, what the law requires, and why.</summary>
public sealed record Finding(string Severity, string Rule, string Kind, FindingCitation? Citation, string ContractValue, string Required, string Explanation);

public static class Severities
{
    public const string Violation = "violation", Warning = "warning", Information = "information";
}

/// <summary>
/// Judges a contract against the origin state's pack, the destination state's pack and the ILO baseline, each in the
/// version in force on the contract's date. Pure: the same terms and packs always give the same findings.
/// </summary>
public static class ContractCheck
{
    /// <summary>Days worked in a month when a daily wage is turned into a monthly one: a six-day week (52 × 6 / 12 = 26).</summary>
    public const decimal WorkingDaysPerMonth = 26m;

    public static IReadOnlyList<Finding> Check(ContractTerms terms, RulePacks packs, DateOnly today)
    {
        var on = terms.Date ?? today;
        var findings = new List<Finding>();
        var origin = packs.InForce(terms.OriginState, on);
        var destination = packs.InForce(terms.DestinationState, on);
        var baseline = packs.InForce("ILO", on);
        foreach (var (pack, country, role) in new[] { (origin, terms.OriginState, "origin"), (destination, terms.DestinationState, "destination"), (baseline, "ILO", "baseline") })
            if (pack is null)
                findings.Add(new Finding(Severities.Information, $"{country.ToUpperInvariant()}-pack", "pack", null, on.ToString("yyyy-MM-dd"),
                    $"a rule pack for {country.ToUpperInvariant()} in force on {on:yyyy-MM-dd}",
                    $"Cebu holds no {role} rule pack for {country.ToUpperInvariant()} in force on {on:yyyy-MM-dd}; the contract was not checked against that state's law."));
        var destinationForbidsFees = destination?.Rules.Any(r => r.Kind == "workerFeesAllowed" && r.None == true && r.WhenDestinationForbidsFees != true && r.AppliesTo(terms.Sector)) == true;
        foreach (var pack in new[] { origin, destination, baseline }.OfType<RulePack>())
        {
            var rules = pack.Rules.Where(r => r.AppliesTo(terms.Sector)).ToList();
            var wageRules = rules.Where(r => r.Kind == "minimumWage").ToList();
            if (wageRules.Count > 0) findings.AddRange(MinimumWage(terms, wageRules, pack, packs.Rates));
            foreach (var rule in rules.Where(r => r.Kind != "minimumWage"))
            {
                if (rule.WhenDestinationForbidsFees == true && !destinationForbidsFees) continue;
                if (Uncovered(terms, rule, pack, packs.Rates) is { } outside) { findings.Add(outside); continue; }
                if (Judge(terms, rule, pack, packs.Rates) is { } finding) findings.Add(finding);
            }
        }
        // No pack encodes a limit on deductions yet (none could be confirmed): say so rather than pass them silently.
        if (terms.Deductions is { Count: > 0 } deductions)
            findings.Add(new Finding(Severities.Information, "deductions", "deductions", null,
                string.Join(", ", deductions.Select(d => $"{new Money(d.Amount, d.Currency)} ({d.Purpose})")), "deductions within the limits set by law",
                "Cebu holds no confirmed rule on deductions from wages for these states, so the deductions were not checked; ask the labour office whether they are allowed."));
        return findings;
    }

    /// <summary>A rule that covers only wages up to a ceiling is not applied above it; the finding says so.</summary>
    private static Finding? Uncovered(ContractTerms t, ContractRule rule, RulePack pack, ExchangeRateTable rates)
    {
        if (rule.CoversMonthlyWageUpTo is not { } ceiling) return null;
        var monthly = rates.Convert(Monthly(t.Wage.Amount, t.Wage.Per, t.HoursPerWeek), t.Wage.Currency, ceiling.Currency);
        if (monthly is not { } m || m <= ceiling.Amount) return null;
        return Make(rule, pack, Severities.Information, $"{new Money(Math.Round(m, 2), ceiling.Currency)} a month", $"applies to wages up to {ceiling} a month",
            $"This rule covers workers paid up to {ceiling} a month; at this wage it does not apply and the contract's own terms govern.");
    }

    private static Finding? Judge(ContractTerms t, ContractRule rule, RulePack pack, ExchangeRateTable rates) => rule.Kind switch
    {
        "maxNormalHoursPerWeek" => t.HoursPerWeek > rule.Hours
            ? Make(rule, pack, Severities.Violation, $"{N(t.HoursPerWeek)} hours a week", $"at most {N(rule.Hours!.Value)} normal hours a week",
                $"The contract sets {N(t.HoursPerWeek)} normal hours a week, {N(t.HoursPerWeek - rule.Hours!.Value)} more than the limit.")
            : null,
        "maxNormalHoursPerDay" => t.HoursPerDay is not { } day
            ? Make(rule, pack, Severities.Information, "not stated", $"at most {N(rule.Hours!.Value)} normal hours a day",
                "The contract does not state the hours of a working day, so the daily limit could not be checked.")
            : day > rule.Hours
                ? Make(rule, pack, Severities.Violation, $"{N(day)} hours a day", $"at most {N(rule.Hours!.Value)} normal hours a day",
                    $"The contract sets {N(day)} normal hours a day, more than the limit of {N(rule.Hours!.Value)}.")
                : null,
        "weeklyRestDays" => t.RestDaysPerWeek < rule.Days
            ? Make(rule, pack, Severities.Violation, $"{t.RestDaysPerWeek} rest day(s) a week", $"at least {rule.Days} rest day(s) a week",
                t.RestDaysPerWeek == 0 ? "The contract gives no weekly rest day." : $"The contract gives {t.RestDaysPerWeek} rest day(s) a week, fewer than the law requires.")
            : null,
        "annualLeaveDays" => t.AnnualLeaveDays is not { } leave
            ? Make(rule, pack, Severities.Warning, "not stated", $"at least {rule.Days} days of paid annual leave",
                "The contract does not state the annual leave; ask for it in writing.")
            : leave < rule.Days
                ? Make(rule, pack, Severities.Violation, $"{leave} days of annual leave", $"at least {rule.Days} days of paid annual leave",
                    $"The contract gives {leave} days of annual leave, fewer than the {rule.Days} the law requires.")
                : null,
        "overtimePremium" => t.OvertimeRate is not { } rate
            ? Make(rule, pack, Severities.Warning, "not stated", $"overtime paid at least {N(rule.Multiplier!.Value)} times the hourly rate",
                "The contract does not state the overtime rate; ask for it in writing.")
            : rate < rule.Multiplier
                ? Make(rule, pack, Severities.Violation, $"overtime at {N(rate)} times the hourly rate", $"at least {N(rule.Multiplier!.Value)} times the hourly rate",
                    $"The contract pays overtime at {N(rate)} times the hourly rate, below the {N(rule.Multiplier!.Value)} the law requires.")
                : null,
        "passportRetention" => t.PassportKeptBy != "worker"
            ? Make(rule, pack, rule.Severity ?? Severities.Violation, $"passport kept by the {t.PassportKeptBy}", "the worker keeps their own passport",
                $"The contract has the {t.PassportKeptBy} keep the worker's passport.")
            : null,
        "paymentInMoney" => PaymentInMoney(t, rule, pack),
        "workerFeesAllowed" => Fees(t, rule, pack, rates),
        _ => null,
    };

    private static Finding? PaymentInMoney(ContractTerms t, ContractRule rule, RulePack pack)
    {
        if (t.PaidIn == "kind")
            return Make(rule, pack, Severities.Violation, "wages paid in kind", "wages paid in money",
                "The contract pays the wage in kind (goods, food or lodging) instead of money.");
        if (t.PaidIn == "mixed" && rule.Currency is null)
            return Make(rule, pack, Severities.Warning, "wages paid partly in kind", "wages paid in money; payment in kind only partly and under conditions",
                "Part of the wage is paid in kind: that part must be appropriate for the worker's use and fairly valued.");
        if (rule.Currency is { } currency && !t.Wage.Currency.Equals(currency, StringComparison.OrdinalIgnoreCase))
            return Make(rule, pack, Severities.Warning, $"wage in {t.Wage.Currency}", $"wage in {currency} unless the worker consents otherwise",
                $"The wage is stated in {t.Wage.Currency}; the law requires {currency} unless the worker consents to another currency.");
        return null;
    }

    private static IEnumerable<Finding> MinimumWage(ContractTerms t, List<ContractRule> rules, RulePack pack, ExchangeRateTable rates)
    {
        // A rule for the contract's region wins; without one, the national rule, or the lowest regional one.
        var regional = rules.Where(r => r.Regions is { Length: > 0 }).ToList();
        var national = rules.Where(r => r.Regions is not { Length: > 0 }).ToList();
        var forRegion = t.Region is null ? null : regional.FirstOrDefault(r => r.Regions!.Contains(t.Region, StringComparer.OrdinalIgnoreCase));
        var regionUnknown = forRegion is null && national.Count == 0;
        var rule = forRegion ?? national.FirstOrDefault() ?? regional.MinBy(r => Monthly(r.Amount!.Value, r.Per!, t.HoursPerWeek));
        if (rule is null) yield break;

        var required = Monthly(rule.Amount!.Value, rule.Per!, t.HoursPerWeek);
        var offered = Monthly(t.Wage.Amount, t.Wage.Per, t.HoursPerWeek);
        var assumptions = Assumptions(rule.Per!, t.Wage.Per, t.HoursPerWeek);
        var inRuleCurrency = rates.Convert(offered, t.Wage.Currency, rule.Currency!);
        var requiredText = $"at least {new Money(rule.Amount!.Value, rule.Currency!)} a {rule.Per}" + (rule.Per != "month" ? $" (about {new Money(Math.Round(required, 2), rule.Currency!)} a month)" : "");
        if (inRuleCurrency is not { } converted)
        {
            yield return Make(rule, pack, Severities.Information, $"{new Money(t.Wage.Amount, t.Wage.Currency)} a {t.Wage.Per}", requiredText,
                $"The wage is in {t.Wage.Currency} and Cebu has no dated exchange rate between {t.Wage.Currency} and {rule.Currency}, so it could not be compared.");
            yield break;
        }
        var rateNote = t.Wage.Currency.Equals(rule.Currency, StringComparison.OrdinalIgnoreCase) ? ""
            : $" Converted at {rates.Describe(t.Wage.Currency, rule.Currency!)}: {new Money(Math.Round(converted, 2), rule.Currency!)} a month.";
        var contractValue = $"{new Money(t.Wage.Amount, t.Wage.Currency)} a {t.Wage.Per}";
        if (converted < required)
        {
            var where = forRegion is not null ? $" in {t.Region}" : regionUnknown ? " even in the province with the lowest rate" : "";
            yield return Make(rule, pack, Severities.Violation, contractValue, requiredText,
                $"The wage is below the minimum wage{where}: {new Money(Math.Round(converted, 2), rule.Currency!)} a month against {new Money(Math.Round(required, 2), rule.Currency!)}.{rateNote}{assumptions}");
        }
        else if (regionUnknown && regional.Max(r => Monthly(r.Amount!.Value, r.Per!, t.HoursPerWeek)) is var highest && converted < highest)
        {
            yield return Make(rule, pack, Severities.Warning, contractValue, $"the minimum wage of the province where the work is done (from {new Money(rule.Amount!.Value, rule.Currency!)} a {rule.Per})",
                $"The contract does not name the province and the wage is below some provinces' minimum; send 'region' to check it.{rateNote}{assumptions}");
        }
    }

    private static Finding? Fees(ContractTerms t, ContractRule rule, RulePack pack, ExchangeRateTable rates)
    {
        var fees = t.FeesChargedToWorker.Where(f => f.Amount > 0).ToList();
        if (fees.Count == 0) return null;
        var listed = string.Join(", ", fees.Select(f => $"{new Money(f.Amount, f.Currency)} ({f.Purpose})"));
        if (rule.None == true)
            return Make(rule, pack, rule.Severity ?? Severities.Violation, listed, "no fee or cost charged to the worker",
                $"The worker is charged {listed}; this rule allows no fee to be charged to the worker.");
        decimal? cap = null;
        string capText = "", capCurrency = t.Wage.Currency, note = "";
        if (rule.MaxMonthsOfWage is { } months)
        {
            var monthly = Monthly(t.Wage.Amount, t.Wage.Per, t.HoursPerWeek);
            if (rule.MonthsOfWagePerYearOfContract is { } perYear)
            {
                if (t.DurationMonths is { } duration) months = Math.Min(months, perYear * Math.Ceiling(duration / 12m));
                else note = $" The cap is also {N(perYear)} month(s) of wage per year of the contract; send 'durationMonths' to apply it.";
            }
            cap = months * monthly;
            capText = $"fees of at most {N(months)} month(s) of wage ({new Money(Math.Round(cap.Value, 2), capCurrency)})";
        }
        else if (rule.MaxAmount is { } max && rule.Currency is { } currency)
        {
            cap = max;
            capCurrency = currency;
            capText = $"fees of at most {new Money(max, currency)}";
        }
        if (cap is null) return null;
        decimal total = 0;
        var conversions = new List<string>();
        foreach (var fee in fees)
        {
            if (rates.Convert(fee.Amount, fee.Currency, capCurrency) is not { } c)
                return Make(rule, pack, Severities.Information, listed, capText,
                    $"A fee is in {fee.Currency} and Cebu has no dated exchange rate between {fee.Currency} and {capCurrency}, so the total could not be compared with the cap.");
            total += c;
            if (!fee.Currency.Equals(capCurrency, StringComparison.OrdinalIgnoreCase)) conversions.Add(rates.Describe(fee.Currency, capCurrency));
        }
        var rateNote = conversions.Count > 0 ? $" Converted at {string.Join("; ", conversions.Distinct())}." : "";
        return total > cap
            ? Make(rule, pack, Severities.Violation, listed, capText,
                $"The fees total {new Money(Math.Round(total, 2), capCurrency)}, above the cap of {new Money(Math.Round(cap.Value, 2), capCurrency)}.{rateNote}{note}")
            : note.Length > 0 ? Make(rule, pack, Severities.Information, listed, capText, $"The fees are within {N(rule.MaxMonthsOfWage ?? 0)} month(s) of wage.{note}") : null;
    }

    /// <summary>A wage per day or hour as a monthly amount: 26 working days a month, or the weekly hours × 52 / 12.</summary>
    public static decimal Monthly(decimal amount, string per, decimal hoursPerWeek) => per switch
    {
        "day" => amount * WorkingDaysPerMonth,
        "hour" => amount * hoursPerWeek * 52m / 12m,
        _ => amount,
    };

    private static string Assumptions(string rulePer, string wagePer, decimal hoursPerWeek)
    {
        var notes = new List<string>();
        if (rulePer == "day" || wagePer == "day") notes.Add($"a daily amount is counted as {N(WorkingDaysPerMonth)} working days a month (a six-day week)");
        if (rulePer == "hour" || wagePer == "hour") notes.Add($"an hourly amount is counted as {N(hoursPerWeek)} hours a week × 52 weeks / 12 months");
        return notes.Count == 0 ? "" : " Assumed: " + string.Join("; ", notes) + ".";
    }

    private static Finding Make(ContractRule rule, RulePack pack, string severity, string contractValue, string required, string explanation) =>
        new(severity, rule.Id, rule.Kind, new FindingCitation(rule.Citation.Law, rule.Citation.Article, rule.Citation.Source, rule.Citation.Checked, pack.Label),
            contractValue, required, rule.Condition is null ? explanation : $"{explanation} ({rule.Condition})");

    private static string N(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
