using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Workers;

public sealed class CrisisModel(ListCrisis list, SetCrisisStatus set, IAccessContext who) : PageModel
{
    public string? Country { get; private set; }
    public string? Region { get; private set; }
    public IReadOnlyList<CrisisRow>? Rows { get; private set; }
    public string? State => who.State;

    public async Task OnGetAsync(string? country, string? region, CancellationToken ct)
    {
        (Country, Region) = (country, region);
        if (country is null) return;
        var outcome = await list.Handle(country, region, ct);
        if (outcome.Ok) Rows = outcome.Value;
        else outcome.Problem!.AddTo(ModelState);
    }

    public async Task<IActionResult> OnPostAsync(Guid workerId, string? country, string? region, CrisisStatus? status, string? note, CancellationToken ct)
    {
        var outcome = await set.Handle(workerId, country, status, note, ct);
        if (!outcome.Ok) { outcome.Problem!.AddTo(ModelState); await OnGetAsync(country, region, ct); return Page(); }
        return Redirect($"/Workers/Crisis?country={country}&region={Uri.EscapeDataString(region ?? "")}");
    }
}
