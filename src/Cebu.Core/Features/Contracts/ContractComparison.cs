using System.Globalization;

namespace Cebu.Core.Features.Contracts;

/// <summary>One term where a later contract is worse for the worker than the verified one, with both values.</summary>
public sealed record TermDifference(string Term, string Verified, string Now, string Explanation);

/// <summary>
/// Contract substitution (issue 4): compares a contract recorded later with the verified one, term by term, and lists
/// every term that is worse for the worker. Money in different currencies is compared through the checker's dated
/// rate table; a pair without a rate is listed too, because it cannot be shown to be no worse. Pure.
/// </summary>
public static class ContractComparison
{
    public static IReadOnlyList<TermDifference> Worse(ContractTermsRecord verified, ContractTermsRecord now, ExchangeRateTable rates)
    {
        var d = new List<TermDifference>();
        Wage(verified, now, rates, d);
        if (now.HoursPerWeek > verified.HoursPerWeek)
            d.Add(new("hoursPerWeek", $"{N(verified.HoursPerWeek)} hours a week", $"{N(now.HoursPerWeek)} hours a week",
                $"{N(now.HoursPerWeek - verified.HoursPerWeek)} more normal hours a week."));
        if (now.HoursPerDay is { } day && (verified.HoursPerDay is null || day > verified.HoursPerDay))
            d.Add(new("hoursPerDay", verified.HoursPerDay is { } v ? $"{N(v)} hours a day" : "not stated", $"{N(day)} hours a day", "Longer working days."));
        if (now.RestDaysPerWeek < verified.RestDaysPerWeek)
            d.Add(new("restDaysPerWeek", $"{verified.RestDaysPerWeek} rest day(s) a week", $"{now.RestDaysPerWeek} rest day(s) a week", "Fewer weekly rest days."));
        if (verified.OvertimeRate is { } ot && (now.OvertimeRate is null || now.OvertimeRate < ot))
            d.Add(new("overtimeRate", $"{N(ot)} × the hourly rate", now.OvertimeRate is { } o ? $"{N(o)} × the hourly rate" : "not stated",
                now.OvertimeRate is null ? "The overtime rate is no longer stated." : "Overtime paid at a lower rate."));
        if (verified.AnnualLeaveDays is { } leave && (now.AnnualLeaveDays is null || now.AnnualLeaveDays < leave))
            d.Add(new("annualLeaveDays", $"{leave} days", now.AnnualLeaveDays is { } l ? $"{l} days" : "not stated",
                now.AnnualLeaveDays is null ? "Paid annual leave is no longer stated." : "Less paid annual leave."));
        Charges("deductions", "deduction", verified.Deductions, now.Deductions, rates, d);
        Charges("fees", "fee charged to the worker", verified.Fees, now.Fees, rates, d);
        if (verified.PassportKeptBy == "worker" && now.PassportKeptBy != "worker")
            d.Add(new("passportKeptBy", "the worker", $"the {now.PassportKeptBy}", "The worker no longer keeps their own passport."));
        if (verified.TerminationNoticeDays is { } notice && (now.TerminationNoticeDays is null || now.TerminationNoticeDays < notice))
            d.Add(new("terminationNoticeDays", $"{notice} days", now.TerminationNoticeDays is { } n ? $"{n} days" : "not stated",
                now.TerminationNoticeDays is null ? "Notice of termination is no longer stated." : "Shorter notice of termination."));
        Provision("accommodation", verified.Accommodation, now.Accommodation, rates, d);
        Provision("food", verified.Food, now.Food, rates, d);
        return d;
    }

    private static void Wage(ContractTermsRecord verified, ContractTermsRecord now, ExchangeRateTable rates, List<TermDifference> d)
    {
        var before = verified.MonthlyWage;
        var after = rates.Convert(now.MonthlyWage, now.WageCurrency, verified.WageCurrency);
        var was = $"{new Money(verified.WageAmount, verified.WageCurrency)} a {verified.WagePer}";
        var is_ = $"{new Money(now.WageAmount, now.WageCurrency)} a {now.WagePer}";
        if (after is null)
            d.Add(new("wage", was, is_, $"The wage is now in {now.WageCurrency}; Cebu has no dated rate to {verified.WageCurrency}, so it cannot be shown to be no lower. Check it by hand."));
        else if (Math.Round(after.Value, 2) < Math.Round(before, 2))
            d.Add(new("wage", was, is_, $"Lower wage: {new Money(Math.Round(after.Value, 2), verified.WageCurrency)} a month against {new Money(Math.Round(before, 2), verified.WageCurrency)}"
                + (Same(now.WageCurrency, verified.WageCurrency) ? "." : $" (converted at {rates.Describe(now.WageCurrency, verified.WageCurrency)}).")));
    }

    private static void Charges(string term, string word, List<ContractCharge> verified, List<ContractCharge> now, ExchangeRateTable rates, List<TermDifference> d)
    {
        foreach (var group in now.Where(c => c.Amount > 0).GroupBy(c => Key(c.Purpose)))
        {
            var later = group.ToList();
            var earlier = verified.Where(c => Key(c.Purpose) == group.Key).ToList();
            var laterText = string.Join(" + ", later.Select(c => new Money(c.Amount, c.Currency).ToString()));
            if (earlier.Count == 0 || earlier.All(c => c.Amount == 0))
            {
                d.Add(new(term, "none", $"{laterText} ({later[0].Purpose})", $"A new {word}: {later[0].Purpose}."));
                continue;
            }
            var currency = earlier[0].Currency;
            var before = Sum(earlier, currency, rates);
            var after = Sum(later, currency, rates);
            var earlierText = string.Join(" + ", earlier.Select(c => new Money(c.Amount, c.Currency).ToString()));
            if (before is null || after is null)
                d.Add(new(term, $"{earlierText} ({earlier[0].Purpose})", $"{laterText} ({later[0].Purpose})", $"The {word} for {later[0].Purpose} changed currency and Cebu has no dated rate to compare it."));
            else if (Math.Round(after.Value, 2) > Math.Round(before.Value, 2))
                d.Add(new(term, $"{earlierText} ({earlier[0].Purpose})", $"{laterText} ({later[0].Purpose})", $"A higher {word} for {later[0].Purpose}."));
        }
    }

    private static void Provision(string term, ContractProvision verified, ContractProvision now, ExchangeRateTable rates, List<TermDifference> d)
    {
        if (!verified.Provided) return;
        if (!now.Provided)
        {
            d.Add(new(term, Describe(verified), "not provided", $"The employer no longer provides {term}."));
            return;
        }
        var before = verified.CostToWorker ?? 0;
        var currency = verified.Currency ?? now.Currency ?? "";
        var after = now.CostToWorker is { } cost ? rates.Convert(cost, now.Currency ?? currency, currency) : 0;
        if (after is null)
            d.Add(new(term, Describe(verified), Describe(now), $"The cost of {term} changed currency and Cebu has no dated rate to compare it."));
        else if (after > before)
            d.Add(new(term, Describe(verified), Describe(now), $"The worker pays more for {term}."));
    }

    private static string Describe(ContractProvision p) =>
        !p.Provided ? "not provided" : p.CostToWorker is > 0 ? $"provided, {new Money(p.CostToWorker.Value, p.Currency ?? "")} a month" : "provided free";

    private static decimal? Sum(IEnumerable<ContractCharge> charges, string currency, ExchangeRateTable rates)
    {
        decimal total = 0;
        foreach (var c in charges)
        {
            if (rates.Convert(c.Amount, c.Currency, currency) is not { } v) return null;
            total += v;
        }
        return total;
    }

    private static string Key(string purpose) => purpose.Trim().ToLowerInvariant();
    private static bool Same(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);
    private static string N(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
