using System.Text.Json;
using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Access;
using Cebu.Web.Platform;

namespace Cebu.Web.Api;

/// <summary>The findings of a contract check, each with its citation.</summary>
public sealed record ContractCheckResponse(string CheckedOn, IReadOnlyList<string> Packs, IReadOnlyList<Finding> Findings);

/// <summary>A pack version, and who published it (null for the versions shipped with Cebu).</summary>
public sealed record RulePackVersion(string Country, string Name, string Version, DateOnly EffectiveFrom, IReadOnlyList<ContractRule> Rules, IReadOnlyList<string> Notes,
    string Origin, RulePackPublication? Published);

/// <summary>Every rule pack version (shipped and published) and the exchange-rate table the check uses.</summary>
public sealed record RulePacksResponse(IReadOnlyList<RulePackVersion> Packs, ExchangeRateTable ExchangeRates);

public static class ContractsApi
{
    public static void MapContractsApi(this RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/contracts").WithTags("Contracts");
        contracts.MapPost("/check", Check)
            .Accepts<JsonElement>("application/json")
            .ProducesValidationProblem()
            .WithSummary("Check a contract's terms against the law of the origin and destination states and the ILO baseline, in the versions in force on its date.")
            .WithDescription("Required: originState, destinationState, sector, wage {amount, currency, per: month|day|hour}, hoursPerWeek, restDaysPerWeek, "
                             + "passportKeptBy (worker|employer|agency), feesChargedToWorker [{amount, currency, purpose}]. Optional: hoursPerDay, overtimeRate, "
                             + "annualLeaveDays, paidIn (money|kind|mixed), deductions, region, durationMonths, date (yyyy-MM-dd, default today).")
            .Public("Workers check a contract before signing it (art. 14)");
        contracts.MapGet("/packs", Packs)
            .WithSummary("The rule packs with their versions, rules, citations and notes, who published each version, and the dated exchange rates.")
            .Public("The law a contract is checked against is public, with its sources (art. 14)");
        contracts.MapPost("/packs/{country}", Publish)
            .Accepts<JsonElement>("application/json")
            .ProducesValidationProblem()
            .RequireAuthorization(Permissions.ContractRulesPublish)
            .WithSummary("Publish a new version of your own state's rule pack (the JSON of Packs/*.json). ?dryRun=true only validates it.")
            .WithDescription("Every rule needs a known kind, the values of its kind and a citation {law, article, checked (yyyy-MM-dd), source (https)}; "
                             + "effectiveFrom must be later than the current version's. Contracts dated before it keep being judged by the older version.");
    }

    private static async Task<IResult> Check(JsonElement body, TimeProvider clock, RulePackStore store, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var packs = (await store.CurrentAsync(ct)).Packs;
        return CheckContract.Handle(body, packs, today)
            .ToResult(r => TypedResults.Ok(new ContractCheckResponse(r.CheckedOn, r.Packs, r.Findings)));
    }

    private static async Task<IResult> Packs(RulePackStore store, CancellationToken ct)
    {
        var current = await store.CurrentAsync(ct);
        return TypedResults.Ok(new RulePacksResponse(Versions(current), current.Packs.Rates));
    }

    /// <summary>Every version with who published it; shipped versions say so.</summary>
    public static IReadOnlyList<RulePackVersion> Versions(RulePackSnapshot current) =>
        current.Packs.All.Select(p => current.Publications.TryGetValue(p.Label, out var who)
            ? new RulePackVersion(p.Country, p.Name, p.Version, p.EffectiveFrom, p.Rules, p.Notes, "published", who)
            : new RulePackVersion(p.Country, p.Name, p.Version, p.EffectiveFrom, p.Rules, p.Notes, "shipped", null)).ToList();

    private static async Task<IResult> Publish(string country, JsonElement body, PublishRulePack publish, CancellationToken ct, bool dryRun = false) =>
        (await publish.Handle(country, body, dryRun, ct)).ToResult(r => r.Published
            ? TypedResults.Created($"/api/v1/contracts/packs#{r.Country}-{r.Version}", r)
            : TypedResults.Ok(r));
}
