using System.Globalization;
using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Reference;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Pages.Contracts;

/// <summary>
/// A verified contract to print: every label in the worker's language and in the destination's language (or English),
/// side by side, with the check code and the content hash.
/// </summary>
public sealed class PrintModel(GetContract get, IStringLocalizer<SharedResource> t) : PageModel
{
    public ContractDetails? Details { get; private set; }
    public string First { get; private set; } = "en";
    public string Second { get; private set; } = "en";
    public bool TwoLanguages => First != Second;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return NotFound();
        Details = outcome.Value!;
        if (Details.Contract.Status != ContractStatus.Verified) return Redirect($"/Contracts/Details/{id}");
        (First, Second) = Languages(Details.Worker.Languages, Details.Contract.WorkplaceState);
        return Page();
    }

    /// <summary>
    /// The worker's language (the first of theirs Cebu has) and the destination's (the first of the state's languages in
    /// the reference data that Cebu has), or English when they are the same or Cebu has none of the state's.
    /// </summary>
    public static (string First, string Second) Languages(IEnumerable<string> workerLanguages, string destination)
    {
        var first = workerLanguages.FirstOrDefault(l => CebuWeb.Cultures.Contains(l)) ?? "en";
        var second = ReferenceData.Shared.Country(destination)?.Languages.FirstOrDefault(l => CebuWeb.Cultures.Contains(l)) ?? "en";
        if (second == first) second = "en";
        return (first, second);
    }

    /// <summary>One text in both languages: the localizer is read once under each culture.</summary>
    public (string A, string B) Pair(Func<string> text) => (In(First, text), In(Second, text));

    private static string In(string culture, Func<string> text)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return text();
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    public (string A, string B) Keeper(string who) => who switch
    {
        "employer" => Pair(() => t["The employer"]),
        "agency" => Pair(() => t["The agency"]),
        _ => Pair(() => t["The worker"]),
    };

    public (string A, string B) Per(string per) => per switch
    {
        "day" => Pair(() => t["per day"]),
        "hour" => Pair(() => t["per hour"]),
        _ => Pair(() => t["per month"]),
    };

    public (string A, string B) Provision(ContractProvision p) => !p.Provided
        ? Pair(() => t["not provided"])
        : p.CostToWorker is > 0 ? Pair(() => t["provided, the worker pays {0} a month", new Money(p.CostToWorker.Value, p.Currency ?? "")])
        : Pair(() => t["provided free"]);

    public (string A, string B) None => Pair(() => t["none"]);
}
