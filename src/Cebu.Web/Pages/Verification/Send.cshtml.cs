using Cebu.Core.Features.Verification;
using Cebu.Core.Platform.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Verification;

/// <summary>The receiving state uploads a CSV batch of declared identities to a sending state; a bad row rejects the whole batch.</summary>
public sealed class SendModel(SubmitBatch submit) : PageModel
{
    [BindProperty] public string? ToState { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Reference { get; set; }
    public IReadOnlyList<RowError> Errors { get; private set; } = [];
    public string? Summary { get; private set; }
    public static IEnumerable<string> SendingStates => ["KH", "MM", "LA", "VN", "ID", "PH"];

    public void OnGet() => Deadline ??= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    public IActionResult OnGetTemplate() => File(System.Text.Encoding.UTF8.GetBytes(VerificationInput.Template), "text/csv", "verification-template.csv");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        List<VerificationRequest> rows;
        List<RowError> errors;
        if (file is null || file.Length == 0) (rows, errors) = ([], [new RowError(0, "file", "Choose the CSV file of the batch (download the template for its columns).")]);
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            (rows, errors) = VerificationInput.ReadCsv(reader);
        }
        var outcome = await submit.Handle(ToState, Deadline, Reference, rows, errors, csv: true, ct);
        if (outcome.Ok) return Redirect($"/Verification/Batch/{outcome.Value!.Id}");
        var p = outcome.Problem!;
        if (p.Kind == Cebu.Core.Platform.Results.ProblemKind.Forbidden) return Forbid();
        Summary = p.Title;
        // Header problems (state, deadline) go beside their fields; row problems are listed by line.
        var header = VerificationInput.CheckHeader(User.FindFirst(Cebu.Core.Platform.Access.CebuClaims.State)?.Value, ToState, Deadline, Reference, DateOnly.FromDateTime(DateTime.UtcNow));
        foreach (var e in header) ModelState.AddModelError(e.Field switch { "toState" => nameof(ToState), "deadline" => nameof(Deadline), _ => nameof(Reference) }, e.Message);
        Errors = errors;
        return Page();
    }

    public static string CountryName(string code) => ReferenceData.Shared.Country(code)?.Name ?? code;
}
