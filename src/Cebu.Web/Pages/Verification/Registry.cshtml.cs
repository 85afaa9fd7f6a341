using Cebu.Core.Features.Verification;
using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Verification;

/// <summary>The sending state's civil registry extract: search it, and replace it with a new CSV extract.</summary>
public sealed class RegistryModel(ListRegistry list, ImportRegistry import) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public Paged<RegistryRecordView> Records { get; private set; } = new([], 1, 50, 0);
    public IReadOnlyList<RowError> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) Message = "Choose the CSV file of the extract.";
        else
        {
            var path = Path.GetTempFileName();
            try
            {
                await using (var target = System.IO.File.Create(path)) await file.CopyToAsync(target, ct);
                var outcome = await import.Handle(() => new StreamReader(path), null, ct);
                if (outcome.Ok) Message = $"Imported {outcome.Value!.Imported} records (the previous extract of {outcome.Value.Replaced} records was replaced).";
                else if (outcome.Problem!.Kind == ProblemKind.Forbidden) return Forbid();
                else
                {
                    Message = outcome.Problem.Title;
                    Errors = outcome.Problem.Errors?.SelectMany(e => e.Value.Select(m => new RowError(0, e.Key, m))).ToList() ?? [];
                }
            }
            finally { System.IO.File.Delete(path); }
        }
        return await Load(ct) ? Page() : Forbid();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var outcome = await list.Handle(Q, P, ct);
        if (!outcome.Ok) return false;
        Records = outcome.Value!;
        return true;
    }
}
