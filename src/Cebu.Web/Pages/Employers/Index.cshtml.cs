using Cebu.Core.Features.Employers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Reference;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Employers;

/// <summary>The employer registry of the official's own state.</summary>
public sealed class IndexModel(ListEmployers list, IAccessContext who) : PageModel
{
    public string? Q { get; private set; }
    public EmployerStatus? Status { get; private set; }
    public IReadOnlyList<Employer> Employers { get; private set; } = [];
    public string StateName => ReferenceData.Shared.Country(who.State)?.Name ?? who.State ?? "";

    public async Task OnGetAsync(string? q, EmployerStatus? status, CancellationToken ct)
    {
        (Q, Status) = (q, status);
        var outcome = await list.Handle(q, status, ct);
        if (outcome.Ok) Employers = outcome.Value!;
        else outcome.Problem!.AddTo(ModelState);
    }
}
