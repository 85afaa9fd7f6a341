using System.Globalization;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Workers;

/// <summary>A worker's record, journey and timeline; each next step of the journey is a form with the evidence it needs.</summary>
public sealed class DetailsModel(GetWorker get, AdvanceJourney advance, SetDocumentationStatus documentation, RecordPlacement placement,
    Cebu.Core.Platform.Access.IAccessContext who) : PageModel
{
    /// <summary>The sending state that owns the record edits it and records its journey.</summary>
    public bool CanManage => Worker is { } w && w.OwnerState == who.State && who.Has(Cebu.Core.Platform.Access.Permissions.WorkersRegister);
    /// <summary>The sending state, or the state where the worker is placed, records documentation status.</summary>
    public bool CanRecordDocumentation => CanManage || (Worker is { } w && w.PlacementState is not null && w.PlacementState == who.State);
    /// <summary>The sending state, or the receiving state where the worker works or is going (the contract handed on arrival).</summary>
    public bool CanRecordContract => Worker is { } w && who.Has(Cebu.Core.Platform.Access.Permissions.ContractsRecord)
        && (CanManage || (who.Has(Cebu.Core.Platform.Access.Permissions.InspectionsConduct) && (w.PlacementState == who.State || w.Destination == who.State)));
    /// <summary>
    /// A placed worker's permit and placement: the labour inspectorate of the state where the worker is placed, or the
    /// owning state (RecordPlacement decides; this only shows the form to those it would let in).
    /// </summary>
    public bool CanRecordPlacement => Worker is { Phase: JourneyPhase.Placement, PlacementState: { } placed }
        && ((placed == who.State && who.Has(Cebu.Core.Platform.Access.Permissions.WorkersPlacement)) || CanManage);
    /// <summary>Errors of the permit and placement form, by field ("" for the form as a whole), shown beside each field.</summary>
    public Dictionary<string, List<string>> PlacementErrors { get; } = [];
    /// <summary>What the officer typed in the placement form, shown again after a refusal.</summary>
    public RecordPlacement.Request? PostedPlacement { get; private set; }
    public Worker? Worker { get; private set; }
    public IReadOnlyList<WorkerEventDto> Timeline { get; private set; } = [];
    public IReadOnlyList<WorkerRead> ReadBy { get; private set; } = [];
    public List<(string Gate, string Message)> GateErrors { get; } = [];
    public string? GateTitle { get; private set; }
    /// <summary>The step and evidence of a refused move, shown again in its form.</summary>
    public JourneyPhase? PostedTarget { get; private set; }
    public JourneyEvidence? Posted { get; private set; }
    public string? PostedFees { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAdvanceAsync(Guid id, JourneyPhase? target, JourneyEvidence evidence, string? fees,
        string? serviceKind, string? serviceProvider, DateOnly? serviceOn, CancellationToken ct)
    {
        ModelState.Clear();
        (PostedTarget, Posted, PostedFees) = (target, evidence, fees);
        if (target == JourneyPhase.Cleared)
        {
            var parsed = ParseFees(fees, out var bad);
            if (bad is not null) { GateErrors.Add(("Fees", bad)); GateTitle = "The fees could not be read."; return await Load(id, ct) ? Page() : NotFound(); }
            evidence = evidence with { Fees = parsed };
        }
        if (target == JourneyPhase.Reintegration && !string.IsNullOrWhiteSpace(serviceProvider) && serviceOn is { } on)
            evidence = evidence with { Reintegration = [new ReintegrationService { Kind = serviceKind ?? "counselling", Provider = serviceProvider.Trim(), On = on }] };
        var outcome = await advance.Handle(new AdvanceJourney.Request(id, target, evidence), ct);
        if (outcome.Ok) return Redirect($"/Workers/Details/{id}");
        return await Refused(id, outcome.Problem!, ct);
    }

    public async Task<IActionResult> OnPostDocumentationAsync(Guid id, DocumentationStatus? docStatus, string? docReason, DateOnly? docSince, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await documentation.Handle(new SetDocumentationStatus.Request(id, docStatus, docReason, docSince), ct);
        if (outcome.Ok) return Redirect($"/Workers/Details/{id}");
        return await Refused(id, outcome.Problem!, ct);
    }

    public async Task<IActionResult> OnPostPlacementAsync(Guid id, string? workPermitNumber, DateOnly? workPermitExpiry, string? employer, string? workplace,
        string? placementRegion, string? placementReason, CancellationToken ct)
    {
        ModelState.Clear();
        PostedPlacement = new RecordPlacement.Request(id, workPermitNumber, workPermitExpiry, employer, workplace, placementRegion, placementReason);
        var outcome = await placement.Handle(PostedPlacement, ct);
        if (outcome.Ok) return Redirect($"/Workers/Details/{id}#placement");
        var p = outcome.Problem!;
        if (p.Kind == ProblemKind.NotFound) return NotFound();
        // A refusal of who may write is said at the top of the page: the form is not shown to those it refuses.
        if (p.Kind != ProblemKind.Validation) return await Refused(id, p, ct);
        if (p.Errors is { } errors)
            foreach (var (field, messages) in errors)
            {
                var key = field is "workPermitNumber" or "workPermitExpiry" or "employer" or "workplace" or "placementRegion" or "reason" ? field : "";
                if (!PlacementErrors.TryGetValue(key, out var list)) PlacementErrors[key] = list = [];
                list.AddRange(messages);
            }
        else PlacementErrors[""] = [p.Detail ?? p.Title];
        return await Load(id, ct) ? Page() : NotFound();
    }

    /// <summary>The placement form's errors for one field.</summary>
    public IReadOnlyList<string> PlacementError(string field) => PlacementErrors.TryGetValue(field, out var list) ? list : [];

    private async Task<IActionResult> Refused(Guid id, Problem p, CancellationToken ct)
    {
        if (p.Kind == ProblemKind.NotFound) return NotFound();
        GateTitle = p.Title;
        if (p.Errors is { } errors) foreach (var (gate, messages) in errors) foreach (var m in messages) GateErrors.Add((GateName(gate), m));
        else GateErrors.Add(("", p.Detail ?? p.Title));
        return await Load(id, ct) ? Page() : NotFound();
    }

    /// <summary>A gate's name in words: "healthCheck" → "Health check", "fees[1]" → "Fees, line 2".</summary>
    internal static string GateName(string gate)
    {
        var bracket = gate.IndexOf('[');
        var line = bracket > 0 && int.TryParse(gate[(bracket + 1)..gate.IndexOf(']')], out var i) ? $", line {i + 1}" : "";
        var name = bracket > 0 ? gate[..bracket] : gate;
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        return words.Length == 0 ? "" : char.ToUpperInvariant(words[0]) + words[1..] + line;
    }

    /// <summary>Reads "150 USD | KH-DEMO-001 | medical check" lines.</summary>
    internal static List<FeePaid> ParseFees(string? text, out string? error)
    {
        error = null;
        var fees = new List<FeePaid>();
        foreach (var (line, n) in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, n) => (l, n + 1)))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var money = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || money.Length != 2 || !decimal.TryParse(money[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                error = $"Line {n}: write 'amount currency | to whom | what for', e.g. '150 USD | Example Agency | medical check'.";
                return [];
            }
            fees.Add(new FeePaid { Amount = amount, Currency = money[1].ToUpperInvariant(), PaidTo = parts[1], Purpose = parts[2] });
        }
        return fees;
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var outcome = await get.Handle(id, ct);
        if (!outcome.Ok) return false;
        Worker = outcome.Value!.Worker;
        Timeline = outcome.Value.Timeline;
        ReadBy = outcome.Value.ReadBy;
        return true;
    }
}
