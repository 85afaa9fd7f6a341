using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;

namespace Cebu.Core.Features.Contracts;

/// <summary>Checks the terms of a contract on record before they are saved: each bad term is named ("terms.wageAmount").</summary>
public static class ContractRules
{
    public static readonly string[] WagePeriods = CheckContract.WagePeriods;
    public static readonly string[] PassportKeepers = CheckContract.PassportKeepers;
    public const int MaxCharges = CheckContract.MaxCharges;

    public static void Validate(ContractTermsRecord? t, Validation v)
    {
        if (t is null) { v.Add("terms", "Send the contract's terms in 'terms'."); return; }
        Text(t.Employer?.Name, "terms.employer.name", v, required: true, "Enter the employer's name as written in the contract.");
        Text(t.Employer?.RegistrationNumber, "terms.employer.registrationNumber", v, required: false);
        Text(t.Employer?.Address, "terms.employer.address", v, required: false);
        Text(t.JobTitle, "terms.jobTitle", v, required: true, "Enter the job title.");
        if (!Sectors.All.Contains(t.Sector ?? "")) v.Add("terms.sector", $"Choose the sector: one of {string.Join(", ", Sectors.All)}.");
        Text(t.Workplace, "terms.workplace", v, required: true, "Enter the workplace (address or site) named in the contract.");
        Text(t.Region, "terms.region", v, required: false);
        if (t.DurationMonths is { } d && d is < 1 or > 120) v.Add("terms.durationMonths", "The duration is in months, from 1 to 120.");
        if (t.WageAmount is <= 0 or > 1_000_000_000m) v.Add("terms.wageAmount", "Enter the wage as an amount above 0.");
        Currency(t.WageCurrency, "terms.wageCurrency", v);
        if (!WagePeriods.Contains(t.WagePer ?? "")) v.Add("terms.wagePer", "The wage is per month, day or hour.");
        if (t.HoursPerWeek is <= 0 or > 168) v.Add("terms.hoursPerWeek", "Normal hours a week: a number from 1 to 168.");
        if (t.HoursPerDay is { } h && h is <= 0 or > 24) v.Add("terms.hoursPerDay", "Normal hours a day: a number from 1 to 24, or leave it empty.");
        if (t.RestDaysPerWeek is < 0 or > 7) v.Add("terms.restDaysPerWeek", "Rest days a week: a whole number from 0 to 7.");
        if (t.OvertimeRate is { } o && o is < 1 or > 10) v.Add("terms.overtimeRate", "The overtime rate is a multiple of the hourly rate, e.g. 1.5; from 1 to 10.");
        if (t.AnnualLeaveDays is { } l && l is < 0 or > 366) v.Add("terms.annualLeaveDays", "Annual leave: days from 0 to 366.");
        Provision(t.Accommodation, "terms.accommodation", v);
        Provision(t.Food, "terms.food", v);
        Charges(t.Deductions, "terms.deductions", v, paidTo: false);
        Charges(t.Fees, "terms.fees", v, paidTo: true);
        if (!PassportKeepers.Contains(t.PassportKeptBy ?? "")) v.Add("terms.passportKeptBy", "Who keeps the passport: worker, employer or agency.");
        if (t.Languages is not { Count: > 0 }) v.Add("terms.languages", "Name at least one language the contract is written in (ISO 639, e.g. km, th, en).");
        else
            foreach (var (lang, i) in t.Languages.Select((l, i) => (l, i)))
                if (lang is null || lang.Length is < 2 or > 3 || !lang.All(char.IsAsciiLetterLower)) v.Add($"terms.languages[{i}]", "Use ISO 639 codes in lower case, e.g. km, my, th, en.");
        if (t.TerminationNoticeDays is { } n && n is < 0 or > 365) v.Add("terms.terminationNoticeDays", "Notice of termination: days from 0 to 365.");
        if (t.TerminationTerms is { Length: > 2000 }) v.Add("terms.terminationTerms", "The termination terms are longer than 2,000 characters: summarise them.");
    }

    /// <summary>Trims the text and upper-cases the codes, so that equal terms are stored (and hashed) alike.</summary>
    public static ContractTermsRecord Normalise(ContractTermsRecord t) => new()
    {
        Employer = new ContractEmployer { Name = t.Employer.Name.Trim(), RegistrationNumber = Blank(t.Employer.RegistrationNumber), Address = Blank(t.Employer.Address) },
        JobTitle = t.JobTitle.Trim(), Sector = t.Sector, Workplace = t.Workplace.Trim(), Region = Blank(t.Region), StartDate = t.StartDate, DurationMonths = t.DurationMonths,
        WageAmount = t.WageAmount, WageCurrency = t.WageCurrency.Trim().ToUpperInvariant(), WagePer = t.WagePer, HoursPerDay = t.HoursPerDay, HoursPerWeek = t.HoursPerWeek,
        RestDaysPerWeek = t.RestDaysPerWeek, OvertimeRate = t.OvertimeRate, AnnualLeaveDays = t.AnnualLeaveDays,
        Accommodation = Provision(t.Accommodation), Food = Provision(t.Food),
        Deductions = t.Deductions.Select(c => Charge(c, false)).ToList(), Fees = t.Fees.Select(c => Charge(c, true)).ToList(),
        PassportKeptBy = t.PassportKeptBy, Languages = t.Languages.Select(l => l.Trim()).Distinct().ToList(),
        TerminationNoticeDays = t.TerminationNoticeDays, TerminationTerms = Blank(t.TerminationTerms),
    };

    private static ContractProvision Provision(ContractProvision p) => new()
    {
        Provided = p.Provided, CostToWorker = p.Provided ? p.CostToWorker : null, Currency = p.Provided && p.CostToWorker is > 0 ? p.Currency?.Trim().ToUpperInvariant() : null,
    };

    private static ContractCharge Charge(ContractCharge c, bool fee) =>
        new() { Amount = c.Amount, Currency = c.Currency.Trim().ToUpperInvariant(), Purpose = c.Purpose.Trim(), PaidTo = fee ? Blank(c.PaidTo) : null };

    private static void Provision(ContractProvision? p, string field, Validation v)
    {
        if (p is null) { v.Add(field, "Say whether it is provided."); return; }
        if (p.CostToWorker is { } cost)
        {
            if (cost is < 0 or > 1_000_000_000m) v.Add(field + ".costToWorker", "The cost to the worker is an amount of 0 or more.");
            else if (cost > 0) Currency(p.Currency, field + ".currency", v);
        }
    }

    private static void Charges(List<ContractCharge>? list, string field, Validation v, bool paidTo)
    {
        if (list is null) { v.Add(field, "Send a list ([] when there are none)."); return; }
        if (list.Count > MaxCharges) { v.Add(field, $"At most {MaxCharges} items."); return; }
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            if (c is null) { v.Add($"{field}[{i}]", "Each item is {amount, currency, purpose}."); continue; }
            if (c.Amount is < 0 or > 1_000_000_000m) v.Add($"{field}[{i}].amount", "The amount is 0 or more.");
            Currency(c.Currency, $"{field}[{i}].currency", v);
            Text(c.Purpose, $"{field}[{i}].purpose", v, required: true, "Say what it is for.");
            if (paidTo) Text(c.PaidTo, $"{field}[{i}].paidTo", v, required: false);
        }
    }

    private static void Currency(string? s, string field, Validation v)
    {
        var code = s?.Trim() ?? "";
        if (code.Length != 3 || !code.All(char.IsAsciiLetter)) v.Add(field, "Use an ISO 4217 currency code of three letters, e.g. THB, MYR, USD.");
    }

    private static void Text(string? s, string field, Validation v, bool required, string? message = null)
    {
        if (string.IsNullOrWhiteSpace(s)) { if (required) v.Add(field, message ?? "Required."); return; }
        if (s.Length > 200) v.Add(field, "Longer than 200 characters.");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
