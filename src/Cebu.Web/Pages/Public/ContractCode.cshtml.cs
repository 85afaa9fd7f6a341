using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Pages.Public;

[PublicEndpoint("A worker, employer or inspector shown a printed contract checks its code; only the terms a worker compares are shown (art. 14).")]
public sealed class ContractCodeModel(CheckContractCode check, IStringLocalizer<SharedResource> t) : PageModel
{
    public string? Code { get; private set; }
    public string? Error { get; private set; }
    public PublicContract? Result { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken ct)
    {
        Code = code;
        if (code is null) return;
        var outcome = await check.Handle(code, ct);
        if (outcome.Ok) Result = outcome.Value;
        else Error = outcome.Problem!.Kind == ProblemKind.NotFound ? t["No contract has this code. Check each letter and digit."] : t["A contract check code has 10 letters and digits."];
    }

    /// <summary>An office's name in the reader's language where the resources have it (the reference organisations' names are keys), else as recorded.</summary>
    public string? Office(string? name) => name is null ? null : t[name].Value;

    public string Per(string per) => per switch
    {
        "day" => t["per day"],
        "hour" => t["per hour"],
        _ => t["per month"],
    };

    public string Keeper(string who) => who switch
    {
        "employer" => t["The employer"],
        "agency" => t["The agency"],
        _ => t["The worker"],
    };
}
