using System.Text.Json;
using System.Text.RegularExpressions;
using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;

namespace Cebu.Core.Features.Contracts;

/// <summary>
/// Check a contract's terms against the law of both states and the ILO baseline (Declaration art. 8 and 14). The
/// request is read field by field from JSON so that a missing or malformed term is named ("wage.amount"), not
/// reported as an unreadable body.
/// </summary>
public static partial class CheckContract
{
    public sealed record Result(string CheckedOn, IReadOnlyList<string> Packs, IReadOnlyList<Finding> Findings);

    public static readonly string[] WagePeriods = ["month", "day", "hour"];
    public static readonly string[] PassportKeepers = ["worker", "employer", "agency"];
    public static readonly string[] PaymentForms = ["money", "kind", "mixed"];
    public static readonly string[] InsurancePayers = ["employer", "worker", "shared"];
    public const int MaxCharges = 50;

    public static Outcome<Result> Handle(JsonElement body, RulePacks packs, DateOnly today)
    {
        var read = Read(body);
        if (!read.Ok) return read.Problem!;
        var terms = read.Value!;
        var on = terms.Date ?? today;
        var used = new[] { terms.OriginState, terms.DestinationState, "ILO" }.Select(c => packs.InForce(c, on)?.Label).OfType<string>().Distinct().ToList();
        return new Result(on.ToString("yyyy-MM-dd"), used, ContractCheck.Check(terms, packs, today));
    }

    public static Outcome<ContractTerms> Read(JsonElement body)
    {
        var v = new Validation();
        if (body.ValueKind != JsonValueKind.Object)
        {
            v.Add("body", "Send the contract's terms as a JSON object.");
            return v.ToProblem();
        }
        var origin = State(body, "originState", v);
        var destination = State(body, "destinationState", v);
        var sector = Text(body, "sector", v, required: true)?.ToLowerInvariant();
        if (sector is not null && !Sectors.All.Contains(sector)) v.Add("sector", $"'{sector}' is not one of: {string.Join(", ", Sectors.All)}.");

        Wage? wage = null;
        if (!body.TryGetProperty("wage", out var w) || w.ValueKind == JsonValueKind.Null) v.Add("wage", "Send the wage as {\"amount\", \"currency\", \"per\"}.");
        else if (w.ValueKind != JsonValueKind.Object) v.Add("wage", "The wage must be an object {\"amount\", \"currency\", \"per\"}.");
        else
        {
            var amount = Number(w, "amount", "wage.amount", v, required: true, min: 0.01m, max: 1_000_000_000m);
            var currency = Currency(w, "currency", "wage.currency", v);
            var per = Choice(w, "per", "wage.per", WagePeriods, v, required: true);
            if (amount is not null && currency is not null && per is not null) wage = new Wage(amount.Value, currency, per);
        }
        var hoursPerWeek = Number(body, "hoursPerWeek", "hoursPerWeek", v, required: true, min: 0, max: 168);
        var restDays = Number(body, "restDaysPerWeek", "restDaysPerWeek", v, required: true, min: 0, max: 7, whole: true);
        var passport = Choice(body, "passportKeptBy", "passportKeptBy", PassportKeepers, v, required: true);
        var fees = Charges(body, "feesChargedToWorker", v, required: true);
        var hoursPerDay = Number(body, "hoursPerDay", "hoursPerDay", v, required: false, min: 0, max: 24);
        var overtime = Number(body, "overtimeRate", "overtimeRate", v, required: false, min: 0, max: 10);
        var leave = Number(body, "annualLeaveDays", "annualLeaveDays", v, required: false, min: 0, max: 366, whole: true);
        var paidIn = Choice(body, "paidIn", "paidIn", PaymentForms, v, required: false);
        var deductions = Charges(body, "deductions", v, required: false);
        var region = Text(body, "region", v, required: false);
        var duration = Number(body, "durationMonths", "durationMonths", v, required: false, min: 1, max: 120, whole: true);
        DateOnly? date = null;
        if (Text(body, "date", v, required: false) is { } d)
        {
            if (DateOnly.TryParseExact(d, "yyyy-MM-dd", out var parsed)) date = parsed;
            else v.Add("date", "Send the contract's date as yyyy-MM-dd.");
        }
        var languages = Languages(body, "contractLanguages", v);
        var workerLanguage = Text(body, "workerLanguage", v, required: false)?.ToLowerInvariant();
        if (workerLanguage is not null && !LanguageCode().IsMatch(workerLanguage)) { v.Add("workerLanguage", $"'{workerLanguage}' is not an ISO 639-1 language code (two letters, e.g. km)."); workerLanguage = null; }
        var notice = Number(body, "noticeDays", "noticeDays", v, required: false, min: 0, max: 366, whole: true);
        Insurance? insurance = null;
        if (body.TryGetProperty("insurance", out var ins) && ins.ValueKind != JsonValueKind.Null)
        {
            if (ins.ValueKind != JsonValueKind.Object) v.Add("insurance", "The insurance must be an object {\"medical\": true|false, \"paidBy\": \"employer\"|\"worker\"|\"shared\"}.");
            else
            {
                bool? medical = null;
                if (!ins.TryGetProperty("medical", out var m) || m.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) v.Add("insurance.medical", "'insurance.medical' must be true or false.");
                else medical = m.GetBoolean();
                var payer = Choice(ins, "paidBy", "insurance.paidBy", InsurancePayers, v, required: true);
                if (medical is not null && payer is not null) insurance = new Insurance(medical.Value, payer);
            }
        }
        if (v.HasErrors) return v.ToProblem();
        return new ContractTerms(origin!, destination!, sector!, wage!, hoursPerWeek!.Value, (int)restDays!.Value, passport!, fees!,
            hoursPerDay, overtime, (int?)leave, paidIn, deductions, region, (int?)duration, date,
            languages, workerLanguage, (int?)notice, insurance);
    }

    private static string? State(JsonElement body, string name, Validation v)
    {
        var code = Text(body, name, v, required: true)?.ToUpperInvariant();
        if (code is not null && !ReferenceData.Shared.IsCountry(code)) v.Add(name, $"'{code}' is not an ISO 3166-1 alpha-2 country code.");
        return code;
    }

    /// <summary>A trimmed, non-empty string property (at most <paramref name="maxLength"/> characters), or an error naming <paramref name="field"/>.</summary>
    internal static string? Text(JsonElement obj, string name, Validation v, bool required, string? field = null, int maxLength = 200)
    {
        field ??= name;
        if (!obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            if (required) v.Add(field, $"'{field}' is required.");
            return null;
        }
        if (e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()))
        {
            v.Add(field, $"'{field}' must be a non-empty string.");
            return null;
        }
        var s = e.GetString()!.Trim();
        if (s.Length > maxLength) { v.Add(field, $"'{field}' is longer than {maxLength} characters."); return null; }
        return s;
    }

    private static string? Choice(JsonElement obj, string name, string field, string[] allowed, Validation v, bool required)
    {
        var s = Text(obj, name, v, required, field)?.ToLowerInvariant();
        if (s is not null && !allowed.Contains(s)) { v.Add(field, $"'{s}' is not one of: {string.Join(", ", allowed)}."); return null; }
        return s;
    }

    private static string? Currency(JsonElement obj, string name, string field, Validation v)
    {
        var s = Text(obj, name, v, required: true, field)?.ToUpperInvariant();
        if (s is not null && !CurrencyCode().IsMatch(s)) { v.Add(field, $"'{s}' is not an ISO 4217 currency code (three letters, e.g. MYR)."); return null; }
        return s;
    }

    private static decimal? Number(JsonElement obj, string name, string field, Validation v, bool required, decimal min, decimal max, bool whole = false)
    {
        if (!obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            if (required) v.Add(field, $"'{field}' is required.");
            return null;
        }
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var n)) { v.Add(field, $"'{field}' must be a number."); return null; }
        if (whole && n != decimal.Truncate(n)) { v.Add(field, $"'{field}' must be a whole number."); return null; }
        if (n < min || n > max) { v.Add(field, $"'{field}' must be between {min} and {max}."); return null; }
        return n;
    }

    private static List<Charge>? Charges(JsonElement body, string name, Validation v, bool required)
    {
        if (!body.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            if (required) v.Add(name, $"'{name}' is required: send [] when the worker pays nothing.");
            return required ? null : [];
        }
        if (list.ValueKind != JsonValueKind.Array) { v.Add(name, $"'{name}' must be a list of {{\"amount\", \"currency\", \"purpose\"}}."); return null; }
        // The check is public: a contract lists a handful of charges, not thousands.
        if (list.GetArrayLength() > MaxCharges) { v.Add(name, $"'{name}' may list at most {MaxCharges} items."); return null; }
        var charges = new List<Charge>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var prefix = $"{name}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) { v.Add(prefix, "Each item must be {\"amount\", \"currency\", \"purpose\"}."); continue; }
            var amount = Number(item, "amount", prefix + ".amount", v, required: true, min: 0, max: 1_000_000_000m);
            var currency = Currency(item, "currency", prefix + ".currency", v);
            var purpose = Text(item, "purpose", v, required: true, prefix + ".purpose");
            if (amount is not null && currency is not null && purpose is not null) charges.Add(new Charge(amount.Value, currency, purpose));
        }
        return charges;
    }

    private static List<string>? Languages(JsonElement body, string name, Validation v)
    {
        if (!body.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null) return null;
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > 10) { v.Add(name, $"'{name}' must be a list of at most 10 ISO 639-1 language codes, e.g. [\"en\", \"ms\"]."); return null; }
        var codes = new List<string>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var field = $"{name}[{i++}]";
            var code = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim().ToLowerInvariant() : null;
            if (code is null || !LanguageCode().IsMatch(code)) v.Add(field, $"'{field}' must be an ISO 639-1 language code (two letters, e.g. en).");
            else codes.Add(code);
        }
        return codes;
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
