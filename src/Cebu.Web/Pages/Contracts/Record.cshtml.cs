using System.Globalization;
using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Contracts;

/// <summary>Records a worker's contract, or corrects one that is not verified yet. Every error shows beside its field.</summary>
public sealed class RecordModel(RecordContract record, UpdateContract update, GetContract get) : PageModel
{
    [BindProperty] public ContractTermsRecord Terms { get; set; } = new() { WageCurrency = "", Languages = [] };
    [BindProperty] public Guid? WorkerId { get; set; }
    [BindProperty] public Guid? Id { get; set; }
    [BindProperty] public string? WorkplaceState { get; set; }
    [BindProperty] public string? AgencyLicenceNumber { get; set; }
    [BindProperty] public string? DeductionsText { get; set; }
    [BindProperty] public string? FeesText { get; set; }
    [BindProperty] public string? LanguagesText { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? workerId, Guid? id, CancellationToken ct)
    {
        WorkerId = workerId;
        if (id is not { } existing) return Page();
        var outcome = await get.Handle(existing, ct);
        if (!outcome.Ok) return NotFound();
        var c = outcome.Value!.Contract;
        if (c.IsFrozen) return Redirect($"/Contracts/Details/{c.Id}");
        (Id, WorkerId, WorkplaceState, Terms) = (c.Id, c.WorkerId, c.WorkplaceState, c.Terms);
        DeductionsText = string.Join("\n", c.Terms.Deductions.Select(d => $"{N(d.Amount)} {d.Currency} | {d.Purpose}"));
        FeesText = string.Join("\n", c.Terms.Fees.Select(f => $"{N(f.Amount)} {f.Currency} | {f.Purpose}" + (f.PaidTo is { } to ? $" | {to}" : "")));
        LanguagesText = string.Join(", ", c.Terms.Languages);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Terms.Deductions = ParseCharges(DeductionsText, nameof(DeductionsText), fees: false);
        Terms.Fees = ParseCharges(FeesText, nameof(FeesText), fees: true);
        Terms.Languages = (LanguagesText ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().ToLowerInvariant()).ToList();
        Terms.Employer ??= new();
        Terms.Accommodation ??= new();
        Terms.Food ??= new();
        if (!ModelState.IsValid) return Page();
        Outcome<EmploymentContract> outcome = Id is { } id
            ? await update.Handle(new UpdateContract.Request(id, Terms), ct)
            : await record.Handle(new RecordContract.Request(WorkerId, Terms, WorkplaceState, null, AgencyLicenceNumber), ct);
        if (outcome.Ok) return Redirect($"/Contracts/Details/{outcome.Value!.Id}");
        var p = outcome.Problem!;
        if (p.Kind == ProblemKind.NotFound && Id is not null) return NotFound();
        if (p.Kind == ProblemKind.NotFound) ModelState.AddModelError(nameof(WorkerId), "No worker with this id that you may record a contract for.");
        else if (p.Errors is { } errors)
            foreach (var (field, messages) in errors)
            {
                var key = field switch
                {
                    "workerId" => nameof(WorkerId), "workplaceState" => nameof(WorkplaceState), "agencyLicenceNumber" => nameof(AgencyLicenceNumber),
                    _ when field.StartsWith("terms.deductions", StringComparison.Ordinal) => nameof(DeductionsText),
                    _ when field.StartsWith("terms.fees", StringComparison.Ordinal) => nameof(FeesText),
                    _ when field.StartsWith("terms.languages", StringComparison.Ordinal) => nameof(LanguagesText),
                    _ => string.Join('.', field.Split('.').Select(s => char.ToUpperInvariant(s[0]) + s[1..])),
                };
                var line = field.Contains('[') && int.TryParse(field[(field.IndexOf('[') + 1)..field.IndexOf(']')], out var i) ? $"Line {i + 1}: " : "";
                foreach (var m in messages) ModelState.AddModelError(key, line + m);
            }
        else p.AddTo(ModelState);
        return Page();
    }

    /// <summary>Reads "550 THB | social security" lines (fees: "5000 THB | recruitment | paid to").</summary>
    private List<ContractCharge> ParseCharges(string? text, string field, bool fees)
    {
        var list = new List<ContractCharge>();
        foreach (var (line, n) in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, n) => (l, n + 1)))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var money = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || money.Length != 2 || !decimal.TryParse(money[0].Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                ModelState.AddModelError(field, $"Line {n}: write it as '550 THB | purpose'{(fees ? " | paid to" : "")}.");
                continue;
            }
            list.Add(new ContractCharge { Amount = amount, Currency = money[1], Purpose = parts[1], PaidTo = fees && parts.Length > 2 ? parts[2] : null });
        }
        return list;
    }

    private static string N(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
