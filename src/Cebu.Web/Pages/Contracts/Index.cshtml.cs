using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Contracts;

/// <summary>The contracts the official may see, with a filter by status; substitution alerts are one click away.</summary>
public sealed class IndexModel(ListContracts list, ListContractAlerts alerts, IAccessContext who) : PageModel
{
    public Paged<ContractSummary>? Result { get; private set; }
    public ContractStatus? Status { get; private set; }
    public Guid? WorkerId { get; private set; }
    public int OpenAlerts { get; private set; }
    public bool CanRecord => who.Has(Permissions.ContractsRecord);
    /// <summary>Alerts go to the labour offices and consulates, not to agencies.</summary>
    public bool SeesAlerts => who.AgencyId is null;

    public async Task OnGetAsync(ContractStatus? status, Guid? workerId, int page = 1, CancellationToken ct = default)
    {
        (Status, WorkerId) = (status, workerId);
        var outcome = await list.Handle(new ListContracts.Request(status, workerId, false, Math.Max(1, page), 50), ct);
        if (outcome.Ok) Result = outcome.Value;
        var open = await alerts.Handle(true, ct);
        if (open.Ok) OpenAlerts = open.Value!.Count;
    }
}
