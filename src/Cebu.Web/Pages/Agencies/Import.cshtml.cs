using Cebu.Core.Features.Agencies;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Agencies;

/// <summary>Upload a CSV of agencies: check it (dry run), then import all valid rows in one transaction.</summary>
[RequestSizeLimit(ImportModel.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(ImportAgencies import) : PageModel
{
    public const long MaxBytes = 20 * 1024 * 1024;
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool DryRun { get; set; } = true;
    public ImportReport? Report { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file to check or import.");
            return Page();
        }
        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"The file is larger than {MaxBytes / 1024 / 1024} MB: split it into smaller files.");
            return Page();
        }
        using var reader = new StreamReader(Upload.OpenReadStream());
        var outcome = await import.Handle(reader, DryRun, null, ct);
        if (outcome.Ok) Report = outcome.Value;
        else outcome.Problem!.AddTo(ModelState, "");
        if (!outcome.Ok && outcome.Problem!.Errors?.ContainsKey("file") == true)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(Upload), outcome.Problem.Errors["file"][0]);
        }
        return Page();
    }
}
