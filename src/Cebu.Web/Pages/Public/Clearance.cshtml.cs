using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Pages.Public;

[PublicEndpoint("An immigration officer, or anyone shown a clearance, checks its code; only what is needed is shown.")]
public sealed class ClearanceModel(CheckClearance check, IStringLocalizer<SharedResource> t) : PageModel
{
    public string? Code { get; private set; }
    public string? Error { get; private set; }
    public PublicClearance? Result { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken ct)
    {
        Code = code;
        if (code is null) return;
        var outcome = await check.Handle(code, ct);
        if (outcome.Ok) Result = outcome.Value;
        else Error = outcome.Problem!.Kind == ProblemKind.NotFound ? t["No clearance has this code. Check each letter and digit."] : t["A clearance code has 10 letters and digits."];
    }

    /// <summary>The clearance's state (CheckClearance's English words) in the reader's language.</summary>
    public string StatusText(string status) => status switch
    {
        "valid: cleared for departure" => t["valid: cleared for departure"],
        "used: the worker has departed" => t["used: the worker has departed"],
        "used: the worker is placed" => t["used: the worker is placed"],
        "no longer valid: the worker has returned" => t["no longer valid: the worker has returned"],
        _ => status,
    };
}
