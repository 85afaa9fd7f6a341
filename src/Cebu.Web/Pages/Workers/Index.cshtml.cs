using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Workers;

/// <summary>The lists of workers: the sending state's, those placed on the receiving state's territory, a consul's nationals.</summary>
public sealed class IndexModel(ListWorkers list, IAccessContext who) : PageModel
{
    public WorkerView View { get; private set; }
    public JourneyPhase? Phase { get; private set; }
    public string? Destination { get; private set; }
    public int? Expiring { get; private set; }
    public string? Q { get; private set; }
    public DateOnly? Dob { get; private set; }
    public Paged<WorkerSummary>? Result { get; private set; }
    public string? State => who.State;
    public string? LocatedIn => who.LocatedIn;
    public bool CanRegister => who.Has(Permissions.WorkersRegister);

    /// <summary>This list's address on another page.</summary>
    public string PageLink(int page) => "/Workers" + Microsoft.AspNetCore.Http.QueryString.Create(
        Request.Query.Where(kv => kv.Key != "p").Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value.ToString())).Append(KeyValuePair.Create("p", (string?)page.ToString())));

    public async Task OnGetAsync(WorkerView? view, JourneyPhase? phase, string? destination, int? expiring, string? q, DateOnly? dob, int p = 1, CancellationToken ct = default)
    {
        View = view ?? (who.LocatedIn is not null && who.LocatedIn != who.State ? WorkerView.Nationals : who.Has(Permissions.WorkersRegister) ? WorkerView.Own : WorkerView.PlacedHere);
        (Phase, Destination, Expiring, Q, Dob) = (phase, destination, expiring, q, dob);
        var outcome = await list.Handle(new ListWorkers.Request(View, phase, destination, expiring, q, dob, p, 100), ct);
        if (outcome.Ok) Result = outcome.Value;
        else outcome.Problem!.AddTo(ModelState);
    }
}
