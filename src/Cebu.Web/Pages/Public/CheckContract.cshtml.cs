using System.Globalization;
using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Reference;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Pages.Public;

/// <summary>
/// A worker checks a contract's main terms against the law of both states and the ILO baseline, with no account, in
/// their own language: each finding in plain words, the law it comes from, and what to do next. The form is a GET so
/// that it needs no script and no cookie, and an answer can be shared as a link.
/// </summary>
[PublicEndpoint("Workers check a contract before signing it, in their own language (Declaration art. 14).")]
public sealed class CheckContractModel(RulePackStore store, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int FeeRows = 3;
    public static readonly string[] Currencies = ["MYR", "SGD", "THB", "USD", "PHP", "IDR", "KHR", "MMK", "VND", "LAK", "BND"];
    public static readonly string[] FeePurposes = ["placement", "training", "medical", "visa", "transport", "other"];

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Wage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Currency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Per { get; set; }
    [BindProperty(SupportsGet = true)] public string? Hours { get; set; }
    [BindProperty(SupportsGet = true)] public string? RestDays { get; set; }
    [BindProperty(SupportsGet = true)] public string? Passport { get; set; }
    [BindProperty(SupportsGet = true)] public List<string?> FeeAmount { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<string?> FeeCurrency { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<string?> FeePurpose { get; set; } = [];

    /// <summary>Messages to show beside each field, by the field's name.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public ContractTerms? Terms { get; private set; }
    public IReadOnlyList<Answer> Answers { get; private set; } = [];
    public IReadOnlyList<OrganisationInfo> Contacts { get; private set; } = [];

    /// <summary>One finding for the worker: how serious, a plain title, what it means for them, the law, and what to do next.</summary>
    public sealed record Answer(string Severity, string Rule, string Title, string Text, string? Law, string? Source, string Next);

    public IEnumerable<Country> States => ReferenceData.Shared.AseanMembers.OrderBy(c => c.Code, StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A first visit shows the empty form; a submitted one carries "to".
        if (!Request.Query.ContainsKey("to")) return;
        var terms = Read();
        if (terms is null) { Response.StatusCode = StatusCodes.Status400BadRequest; return; }
        Terms = terms;
        var packs = (await store.CurrentAsync(ct)).Packs;
        var findings = ContractCheck.Check(terms, packs, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Answers = findings
            .OrderBy(f => f.Severity switch { Severities.Violation => 0, Severities.Warning => 1, _ => 2 })
            .Select(f => Explain(f, terms, packs)).ToList();
        Contacts = ContactsFor(terms.OriginState, terms.DestinationState);
    }

    private ContractTerms? Read()
    {
        var countries = States.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        if (From is null || !countries.Contains(From)) Errors["From"] = t["Choose the country you come from."];
        if (To is null || !countries.Contains(To)) Errors["To"] = t["Choose the country where you will work."];
        else if (To == From) Errors["To"] = t["Choose a country other than the one you come from."];
        if (Sector is null || !Sectors.All.Contains(Sector)) Errors["Sector"] = t["Choose the kind of work."];
        var wage = Number(Wage);
        if (wage is null || wage <= 0 || wage > 1_000_000_000m) Errors["Wage"] = t["Write the wage as a number, for example 1500."];
        if (Currency is null || !Currencies.Contains(Currency)) Errors["Currency"] = t["Choose the currency of the wage."];
        if (Per is null || !CheckContract.WagePeriods.Contains(Per)) Errors["Per"] = t["Choose whether the wage is for a month, a day or an hour."];
        var hours = Number(Hours);
        if (hours is null || hours < 0 || hours > 168) Errors["Hours"] = t["Write the hours of work in a week, a number from 0 to 168."];
        var rest = Number(RestDays);
        if (rest is null || rest < 0 || rest > 7 || rest != decimal.Truncate(rest.Value)) Errors["RestDays"] = t["Write the rest days in a week, a whole number from 0 to 7."];
        if (Passport is null || !CheckContract.PassportKeepers.Contains(Passport)) Errors["Passport"] = t["Choose who will keep your passport."];

        var fees = new List<Charge>();
        for (var i = 0; i < FeeRows; i++)
        {
            var amountText = i < FeeAmount.Count ? FeeAmount[i] : null;
            if (string.IsNullOrWhiteSpace(amountText)) continue;
            var amount = Number(amountText);
            var currency = i < FeeCurrency.Count ? FeeCurrency[i] : null;
            var purpose = i < FeePurpose.Count ? FeePurpose[i] : null;
            if (amount is null || amount < 0 || amount > 1_000_000_000m) Errors[$"Fee{i}"] = t["Write the amount of this fee as a number, or leave the row empty."];
            else if (currency is null || !Currencies.Contains(currency)) Errors[$"Fee{i}"] = t["Choose the currency of this fee."];
            else if (purpose is null || !FeePurposes.Contains(purpose)) Errors[$"Fee{i}"] = t["Choose what this fee was for."];
            else fees.Add(new Charge(amount.Value, currency, purpose));
        }
        if (Errors.Count > 0) return null;
        return new ContractTerms(From!, To!, Sector!, new Wage(wage!.Value, Currency!, Per!), hours!.Value, (int)rest!.Value, Passport!, fees);
    }

    /// <summary>A number as people type it: "1,500", "1500.50" or "1500,50".</summary>
    private static decimal? Number(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (s.Count(c => c == ',') == 1 && !s.Contains('.', StringComparison.Ordinal) && s.Length - s.IndexOf(',', StringComparison.Ordinal) - 1 is 1 or 2) s = s.Replace(',', '.');
        else s = s.Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string N(decimal d) => d.ToString("#,0.##", CultureInfo.InvariantCulture);

    public string Money(decimal amount, string currency, string per) => per switch
    {
        "day" => t["{0} a day", $"{N(amount)} {currency}"],
        "hour" => t["{0} an hour", $"{N(amount)} {currency}"],
        _ => t["{0} a month", $"{N(amount)} {currency}"],
    };

    public string Keeper(string who) => who switch
    {
        "employer" => t["your employer"],
        _ => t["your agency"],
    };

    public string PurposeName(string purpose) => purpose switch
    {
        "placement" => t["placement or recruitment"],
        "training" => t["training"],
        "medical" => t["medical check"],
        "visa" => t["visa or work permit"],
        "transport" => t["travel"],
        _ => t["other"],
    };

    public string PerName(string per) => per switch { "day" => t["a day"], "hour" => t["an hour"], _ => t["a month"] };

    public string CountryName(string? code) => t.CountryName(code);

    public string OrganisationName(OrganisationInfo org) => t[org.Name];

    private Answer Explain(Finding f, ContractTerms terms, RulePacks packs)
    {
        var rule = f.Citation is { } c ? packs.All.FirstOrDefault(p => p.Label == c.Pack)?.Rules.FirstOrDefault(r => r.Id == f.Rule) : null;
        var law = f.Citation is { } cite ? $"{cite.Law}, {cite.Article}" : null;
        Answer A(string title, string text, string next) => new(f.Severity, f.Rule, title, text, law, f.Citation?.Source, next);
        var askInWriting = t["Before you sign, ask for this to be written in the contract."];

        if (f.Kind == "pack")
            return A(t["Cebu does not know this country's law yet"], t["The contract could not be checked against the law of {0}.", CountryName(f.Rule.Split('-')[0])],
                t["Ask the labour office of your country to check the contract with you."]);
        if (rule?.CoversMonthlyWageUpTo is { } ceiling && f.Severity == Severities.Information && f.Required.StartsWith("applies to wages up to", StringComparison.Ordinal))
            return A(t["This rule protects workers who earn less than you"], t["This rule covers workers paid up to {0} a month. Your wage is higher, so your contract decides.", $"{N(ceiling.Amount)} {ceiling.Currency}"],
                t["Read the contract's own terms carefully before you sign."]);

        switch (f.Kind)
        {
            case "minimumWage" when rule is not null:
                var minimum = Money(rule.Amount!.Value, rule.Currency!, rule.Per!);
                var yours = Money(terms.Wage.Amount, terms.Wage.Currency, terms.Wage.Per);
                return f.Severity switch
                {
                    Severities.Violation => A(t["Your wage is below the minimum wage"], t["The law says you must be paid at least {0}. Your contract says {1}.", minimum, yours],
                        t["Do not sign for less than the minimum wage. Ask for the wage to be raised in the contract."]),
                    Severities.Warning => A(t["Your wage may be below the minimum wage where you will work"], t["The minimum wage is different in each province, from {0}. Your contract says {1}.", minimum, yours],
                        t["Ask in which province you will work, and check the minimum wage there."]),
                    _ => A(t["Cebu could not compare your wage with the minimum wage"], t["Your wage is in a currency Cebu cannot convert. The minimum wage is {0}.", minimum],
                        t["Ask the labour office whether the wage is at least the minimum wage."]),
                };
            case "maxNormalHoursPerWeek" when rule?.Hours is { } week:
                return A(t["Too many working hours"], t["You would work {0} hours a week. The law allows {1} normal hours a week. More hours are overtime and must be paid extra.", N(terms.HoursPerWeek), N(week)],
                    t["Ask for the normal hours to be within the limit, and for overtime to be paid extra."]);
            case "maxNormalHoursPerDay" when rule?.Hours is { } day:
                return f.Severity == Severities.Violation
                    ? A(t["Too many working hours in a day"], t["The law allows {0} normal hours a day.", N(day)], t["Ask for the normal hours to be within the limit, and for overtime to be paid extra."])
                    : A(t["Ask how many hours you will work each day"], t["The law allows {0} normal hours a day.", N(day)], askInWriting);
            case "weeklyRestDays" when rule?.Days is { } days:
                return A(terms.RestDaysPerWeek == 0 ? t["You have no weekly rest day"] : t["Too few rest days"],
                    t["You must have at least {0} rest day(s) every week. Your contract gives {1}.", days, terms.RestDaysPerWeek],
                    t["Ask for a weekly rest day in the contract. Working without rest is not allowed."]);
            case "annualLeaveDays" when rule?.Days is { } leave:
                return A(t["Ask for paid holidays"], t["The law gives at least {0} days of paid holiday a year.", leave], askInWriting);
            case "overtimePremium" when rule?.Multiplier is { } times:
                return A(t["Ask how overtime is paid"], t["Overtime must be paid at least {0} times your normal pay for an hour.", N(times)], askInWriting);
            case "workerFeesAllowed":
                var listed = string.Join(", ", terms.FeesChargedToWorker.Where(x => x.Amount > 0).Select(x => $"{N(x.Amount)} {x.Currency} ({PurposeName(x.Purpose)})"));
                var feeNext = t["Do not pay more. Ask for a receipt for what you have paid, and tell the labour office of your country."];
                if (f.Severity == Severities.Information)
                    return A(t["Cebu could not compare the fees with the limit"], t["A fee is in a currency Cebu cannot convert. You were asked to pay {0}.", listed], feeNext);
                return rule?.None == true
                    ? A(t["You should not pay this fee"], t["This law says workers must not be charged fees to get a job. You were asked to pay {0}.", listed], feeNext)
                    : A(t["The fees are higher than the law allows"], t["You were asked to pay {0}. This is more than the law allows.", listed], feeNext);
            case "passportRetention":
                return f.Severity == Severities.Violation
                    ? A(t["Your passport must stay with you"], t["No one may keep your passport. Your contract says {0} will keep it.", Keeper(terms.PassportKeptBy)],
                        t["Do not give your passport away. If someone keeps it, ask for it back, and tell the labour office or your embassy."])
                    : A(t["Keeping a worker's passport is a sign of forced labour"], t["Your contract says {0} will keep your passport. This is one of the signs of forced labour.", Keeper(terms.PassportKeptBy)],
                        t["Do not give your passport away. If someone keeps it, ask for it back, and tell the labour office or your embassy."]);
            case "paymentInMoney" when rule?.Currency is { } currency:
                return A(t["Your wage should be paid in {0}", currency], t["The law says the wage is paid in {0} unless you agree to another currency. Your contract says {1}.", currency, terms.Wage.Currency], askInWriting);
            case "paymentInMoney":
                return A(t["Your wage must be paid in money"], t["The wage must be paid in money, not in goods, food or housing."], askInWriting);
            case "noticeOfTermination":
                return rule?.Days is { } notice
                    ? A(t["Ask how much notice is needed to end the contract"], t["If the contract does not say, the law gives {0} days' notice.", notice], askInWriting)
                    : A(t["Ask how much notice is needed to end the contract"], t["The contract should say how much notice you or the employer must give to end it."], askInWriting);
            case "insurance":
                return A(t["Ask who pays for your medical insurance"], t["Your employer must buy medical insurance for you and pay for it. You must not pay for it."], askInWriting);
            case "contractLanguage":
                return A(t["Make sure you can read your contract"], t["Your contract must be in a language you understand. Ask for a copy in your language."], askInWriting);
            default:
                return A(f.Severity == Severities.Violation ? t["This term breaks the law"] : t["Check this term"], t["Cebu found a problem with this term; the law is named below."],
                    t["Ask the labour office of your country to check the contract with you."]);
        }
    }

    /// <summary>
    /// Whom to contact: the origin state's licensing authority, the destination's labour inspectorate and ministry, and the
    /// origin state's embassy in the destination; only organisations whose reference data names a source and the date it was checked.
    /// </summary>
    private static List<OrganisationInfo> ContactsFor(string origin, string destination) =>
        ReferenceData.Shared.Organisations.Where(o => !string.IsNullOrWhiteSpace(o.Source) && !string.IsNullOrWhiteSpace(o.Checked) && (
                (o.Kind == OrganisationKind.LicensingAuthority && o.HomeState == origin)
                || (o.Kind is OrganisationKind.LabourInspectorate or OrganisationKind.LabourMinistry && o.HomeState == destination)
                || (o.Kind == OrganisationKind.EmbassyOrConsulate && o.HomeState == origin && o.LocatedIn == destination)))
            .OrderBy(o => o.Kind == OrganisationKind.LicensingAuthority ? 0 : o.Kind == OrganisationKind.EmbassyOrConsulate ? 2 : 1).ToList();

    public string ContactRole(OrganisationInfo o) => o.Kind switch
    {
        OrganisationKind.LicensingAuthority => t["Licenses recruitment agencies in {0}: report fees and agencies that break the rules.", CountryName(o.HomeState)],
        OrganisationKind.EmbassyOrConsulate => t["Your embassy in {0}: help if your passport is kept or you are in trouble.", CountryName(o.LocatedIn)],
        _ => t["Labour office in {0}: complaints about wages, hours and rest days.", CountryName(o.HomeState)],
    };

    public string SeverityWord(string severity) => severity switch
    {
        Severities.Violation => t["Against the law"],
        Severities.Warning => t["Check this"],
        _ => t["Good to know"],
    };
}
