using System.Text.Json;
using Cebu.Core.Features.Contracts;
using Cebu.Web.Platform;

namespace Cebu.Web.Api;

/// <summary>The findings of a contract check, each with its citation.</summary>
public sealed record ContractCheckResponse(string CheckedOn, IReadOnlyList<string> Packs, IReadOnlyList<Finding> Findings);

/// <summary>The shipped rule packs (every version) and the exchange-rate table the check uses.</summary>
public sealed record RulePacksResponse(IReadOnlyList<RulePack> Packs, ExchangeRateTable ExchangeRates);

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
        contracts.MapGet("/packs", () => TypedResults.Ok(new RulePacksResponse(RulePacks.Shipped.All, RulePacks.Shipped.Rates)))
            .WithSummary("The rule packs with their versions, rules, citations and notes, and the dated exchange rates.")
            .Public("The law a contract is checked against is public, with its sources (art. 14)");
    }

    private static IResult Check(JsonElement body, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return CheckContract.Handle(body, RulePacks.Shipped, today)
            .ToResult(r => TypedResults.Ok(new ContractCheckResponse(r.CheckedOn, r.Packs, r.Findings)));
    }
}
