using System.Globalization;

namespace Cebu.Core.Features.Contracts;

public sealed record Money(decimal Amount, string Currency)
{
    public override string ToString() => $"{Amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {Currency}";
}

public sealed record Wage(decimal Amount, string Currency, string Per);

public sealed record Charge(decimal Amount, string Currency, string Purpose);

/// <summary>The insurance the contract provides: whether it includes medical insurance and who pays its premium (employer, worker or shared).</summary>
public sealed record Insurance(bool Medical, string PaidBy);

/// <summary>The terms of an employment contract that the law speaks to. Optional terms the contract does not state are null.</summary>
public sealed record ContractTerms(
    string OriginState, string DestinationState, string Sector, Wage Wage,
    decimal HoursPerWeek, int RestDaysPerWeek, string PassportKeptBy, IReadOnlyList<Charge> FeesChargedToWorker,
    decimal? HoursPerDay = null, decimal? OvertimeRate = null, int? AnnualLeaveDays = null, string? PaidIn = null,
    IReadOnlyList<Charge>? Deductions = null, string? Region = null, int? DurationMonths = null, DateOnly? Date = null,
    IReadOnlyList<string>? ContractLanguages = null, string? WorkerLanguage = null, int? NoticeDays = null, Insurance? Insurance = null);

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
        // Deductions that no rule limits in amount are said to be unchecked rather than passed silently.
        if (terms.Deductions is { Count: > 0 } deductions && !findings.Any(f => f.Kind == "deductionsLimit")
            && !new[] { origin, destination, baseline }.OfType<RulePack>().Any(p => p.Rules.Any(r => r.Kind == "deductionsLimit" && r.AppliesTo(terms.Sector)
                && (r.MaxShareOfWage is not null || r.MaxShareEach is not null))))
            findings.Add(new Finding(Severities.Information, "deductions", "deductions", null,
                string.Join(", ", deductions.Select(d => $"{new Money(d.Amount, d.Currency)} ({d.Purpose})")), "deductions within the limits set by law",
                "Cebu holds no confirmed limit on the amount of deductions from wages for these states, so their amounts were not checked; ask the labour office whether they are allowed."));
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
        "deductionsLimit" => Deductions(t, rule, pack, rates),
        "contractLanguage" => t.WorkerLanguage is not { } language || t.ContractLanguages is not { Count: > 0 } languages
            ? Make(rule, pack, Severities.Information, "not stated", "the contract in a language the worker understands",
                "The contract's language or the worker's language was not given, so this could not be checked; make sure you can read every term before you sign.")
            : !languages.Contains(language, StringComparer.OrdinalIgnoreCase)
                ? Make(rule, pack, rule.Severity ?? Severities.Violation, $"contract in {string.Join(", ", languages)}; worker reads {language}", $"the contract in a language the worker understands ({language})",
                    $"The contract is written in {string.Join(", ", languages)}, not in the worker's language ({language}).")
                : null,
        "noticeOfTermination" => Notice(t, rule, pack),
        "insurance" => t.Insurance is not { } insurance
            ? Make(rule, pack, Severities.Warning, "not stated", $"{rule.Cover} insurance bought and paid for by the {rule.PaidBy}",
                $"The contract does not say who provides {rule.Cover} insurance; ask for it in writing.")
            : !insurance.Medical && rule.Cover == "medical"
                ? Make(rule, pack, rule.Severity ?? Severities.Violation, "no medical insurance", $"medical insurance bought and paid for by the {rule.PaidBy}",
                    "The contract provides no medical insurance.")
                : rule.PaidBy is { } payer && !insurance.PaidBy.Equals(payer, StringComparison.OrdinalIgnoreCase)
                    ? Make(rule, pack, rule.Severity ?? Severities.Violation, $"insurance paid by the {insurance.PaidBy}", $"{rule.Cover} insurance paid for by the {payer}",
                        $"The contract makes the {insurance.PaidBy} pay for the {rule.Cover} insurance; the {payer} must pay for it.")
                    : null,
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

    /// <summary>Deductions from a month's wage: any for a forbidden purpose, any above its own share of the wage, and the total above the total share.</summary>
    private static Finding? Deductions(ContractTerms t, ContractRule rule, RulePack pack, ExchangeRateTable rates)
    {
        var deductions = (t.Deductions ?? []).Where(d => d.Amount > 0).ToList();
        if (deductions.Count == 0) return null;
        var listed = string.Join(", ", deductions.Select(d => $"{new Money(d.Amount, d.Currency)} ({d.Purpose})"));
        var severity = rule.Severity ?? Severities.Violation;
        if (rule.ForbiddenPurposes is { Length: > 0 } forbidden
            && deductions.FirstOrDefault(d => forbidden.Contains(d.Purpose, StringComparer.OrdinalIgnoreCase)) is { } bad)
            return Make(rule, pack, severity, listed, $"no deduction for: {string.Join(", ", forbidden)}",
                $"The contract deducts {new Money(bad.Amount, bad.Currency)} from the wage for '{bad.Purpose}'; the law forbids deductions for that purpose.");
        if (rule.MaxShareOfWage is null && rule.MaxShareEach is null) return null;
        var monthly = Monthly(t.Wage.Amount, t.Wage.Per, t.HoursPerWeek);
        decimal total = 0;
        foreach (var d in deductions)
        {
            if (rates.Convert(d.Amount, d.Currency, t.Wage.Currency) is not { } c)
                return Make(rule, pack, Severities.Information, listed, "deductions within the share of the wage the law allows",
                    $"A deduction is in {d.Currency} and Cebu has no dated exchange rate between {d.Currency} and {t.Wage.Currency}, so it could not be compared with the wage.");
            if (rule.MaxShareEach is { } each && c > each * monthly)
                return Make(rule, pack, severity, listed, $"each deduction at most {Percent(each)} of the wage ({new Money(Math.Round(each * monthly, 2), t.Wage.Currency)} a month)",
                    $"The deduction for '{d.Purpose}' is {new Money(Math.Round(c, 2), t.Wage.Currency)} a month, more than {Percent(each)} of the wage.");
            total += c;
        }
        if (rule.MaxShareOfWage is { } share && total > share * monthly)
            return Make(rule, pack, severity, listed, $"deductions of at most {Percent(share)} of the wage ({new Money(Math.Round(share * monthly, 2), t.Wage.Currency)} a month)",
                $"The deductions total {new Money(Math.Round(total, 2), t.Wage.Currency)} a month, {Percent(total / monthly)} of the wage, more than the {Percent(share)} the law allows.");
        return null;
    }

    private static Finding? Notice(ContractTerms t, ContractRule rule, RulePack pack)
    {
        if (t.NoticeDays is not { } notice)
            return rule.Days is { } d
                ? Make(rule, pack, rule.MustBeStated == true ? Severities.Warning : Severities.Information, "not stated", $"at least {d} days' notice of termination",
                    $"The contract does not state the notice of termination; the law then gives {d} days' notice.")
                : Make(rule, pack, Severities.Warning, "not stated", "the notice of termination stated in the contract",
                    "The contract does not state how much notice either side must give to end it; ask for it in writing.");
        if (rule.Days is { } days && notice < days)
            return Make(rule, pack, rule.Severity ?? Severities.Violation, $"{notice} days' notice", $"at least {days} days' notice of termination",
                $"The contract gives {notice} days' notice of termination, less than the {days} days the law sets.");
        return null;
    }

    private static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

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
