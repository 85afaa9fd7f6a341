using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Platform;

/// <summary>
/// The flow shared by the CSV import pages: choose a file and check it ("Check file"), then import it ("Import"). A
/// checked file is kept in the page, so that importing it needs no second upload; a problem with the file itself is
/// shown beside the file field.
/// </summary>
public abstract class CsvImportPageModel : PageModel
{
    /// <summary>A checked file up to this size is kept in the page, so that importing it needs no second upload.</summary>
    public const int KeepChars = 2 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool DryRun { get; set; } = true;
    /// <summary>The text of the file just checked, sent back with "Import" when no new file is chosen.</summary>
    [BindProperty] public string? CheckedCsv { get; set; }
    [BindProperty] public string? CheckedName { get; set; }
    public ImportReport? Report { get; private set; }

    /// <summary>What the page says of a file over <see cref="CsvUpload.MaxBytes"/>.</summary>
    protected abstract string TooLargeMessage { get; }

    /// <summary>Whether a checked file is kept in the page for the "Import" that follows.</summary>
    protected abstract bool KeepForImport(ImportReport check);

    protected abstract Task<Outcome<ImportReport>> Import(TextReader csv, bool dryRun, CancellationToken ct);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string text;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > CsvUpload.MaxBytes)
            {
                ModelState.AddModelError(nameof(Upload), TooLargeMessage);
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
        var outcome = await Import(new StringReader(text), DryRun, ct);
        // Keep a checked file for the "Import" that follows; forget it once imported (its name stays, to say what was imported).
        ModelState.Remove(nameof(CheckedCsv));
        ModelState.Remove(nameof(CheckedName));
        CheckedCsv = outcome.Ok && DryRun && KeepForImport(outcome.Value!) && text.Length <= KeepChars ? text : null;
        if (CheckedCsv is null && !(outcome.Ok && outcome.Value!.Committed)) CheckedName = null;
        if (outcome.Ok) Report = outcome.Value;
        else if (outcome.Problem!.Errors?.TryGetValue("file", out var file) == true) ModelState.AddModelError(nameof(Upload), file[0]);
        else outcome.Problem.AddTo(ModelState, "");
        return Page();
    }
}
