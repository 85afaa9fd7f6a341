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
    /// <summary>A checked file up to this size is kept in the page, so that importing it needs no second upload.</summary>
    public const int KeepChars = 2 * 1024 * 1024;
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool DryRun { get; set; } = true;
    /// <summary>The text of the file just checked, sent back with "Import" when no new file is chosen.</summary>
    [BindProperty] public string? CheckedCsv { get; set; }
    [BindProperty] public string? CheckedName { get; set; }
    public ImportReport? Report { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string text;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > MaxBytes)
            {
                ModelState.AddModelError(nameof(Upload), $"The file is larger than {MaxBytes / 1024 / 1024} MB: split it into smaller files.");
                return Page();
            }
            using var file = new StreamReader(Upload.OpenReadStream());
            text = await file.ReadToEndAsync(ct);
            CheckedName = Path.GetFileName(Upload.FileName);
        }
        else if (!DryRun && !string.IsNullOrEmpty(CheckedCsv)) text = CheckedCsv; // "Import" after a check: the same file
        else
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file to check or import.");
            return Page();
        }
        var outcome = await import.Handle(new StringReader(text), DryRun, null, ct);
        // Keep a checked file with valid rows for the "Import" that follows; forget it once imported.
        ModelState.Remove(nameof(CheckedCsv));
        ModelState.Remove(nameof(CheckedName));
        CheckedCsv = outcome.Ok && DryRun && outcome.Value!.Valid > 0 && text.Length <= KeepChars ? text : null;
        if (CheckedCsv is null) CheckedName = null;
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
