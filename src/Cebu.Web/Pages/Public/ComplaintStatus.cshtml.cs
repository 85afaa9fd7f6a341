using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Pages.Public;

/// <summary>The code is posted, not put in the address, so that it stays out of the browser's history and the server's logs.</summary>
[PublicEndpoint("The person who filed a complaint follows it with the receipt code alone; only the status is shown.")]
[EnableRateLimiting(ComplaintRateLimits.Status)]
public sealed class ComplaintStatusModel(GetPublicCaseStatus get, IStringLocalizer<SharedResource> t) : PageModel
{
    public string? Code { get; private set; }
    public string? Error { get; private set; }
    public PublicCaseStatus? Status { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(string? code, CancellationToken ct)
    {
        Code = code;
        var outcome = await get.Handle(code, ct);
        if (outcome.Ok) { Status = outcome.Value; return; }
        Error = outcome.Problem!.Kind == ProblemKind.NotFound
            ? t["We have no complaint with this code. Check it again, or make a new complaint."]
            : t["This code seems to have a typing mistake. Check each letter and digit against the code you were given."];
    }
}
