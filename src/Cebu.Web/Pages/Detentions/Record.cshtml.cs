using Cebu.Core.Features.Detentions;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Detentions;

/// <summary>A receiving state's inspector or caseworker records an arrest or detention; the worker's consulate is notified at once.</summary>
public sealed class RecordModel(RecordDetention record) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? WorkerId { get; set; }
    [BindProperty(SupportsGet = true)] public string? WorkerName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Nationality { get; set; }
    [BindProperty] public DateOnly? DateOfBirth { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public DateTime? DetainedAt { get; set; }
    [BindProperty] public string? PlaceDetained { get; set; }
    [BindProperty] public string? Authority { get; set; }
    [BindProperty] public string? Grounds { get; set; }
    [BindProperty] public string? PlaceOfCustody { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var badDate = ModelState.TryGetValue(nameof(DetainedAt), out var d) && d.Errors.Count > 0;
        var badBirth = ModelState.TryGetValue(nameof(DateOfBirth), out var b) && b.Errors.Count > 0;
        ModelState.Clear();
        if (badBirth && WorkerId is null)
        {
            // An unreadable date of birth would otherwise be recorded as unknown, the consulate notified, and the page
            // still ask to fix the date (so a second submit would record the detention twice): nothing is saved until it reads.
            ModelState.AddModelError(nameof(DateOfBirth), "Give the date of birth as yyyy-MM-dd, or leave it empty.");
            if (badDate) ModelState.AddModelError(nameof(DetainedAt), "Give the date and time of detention as yyyy-MM-dd HH:mm.");
            return Page();
        }
        // The form's date and time are UTC (the page says so).
        DateTimeOffset? detainedAt = DetainedAt is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
        var outcome = await record.Handle(new DetentionInput(WorkerId, WorkerName, Nationality, DateOfBirth, DocumentNumber,
            detainedAt, PlaceDetained, Authority, Grounds, PlaceOfCustody), ct);
        if (outcome.Ok) return Redirect($"/Detentions?recorded={outcome.Value!.Id}");
        outcome.Problem!.AddTo(ModelState);
        if (badDate) ModelState.AddModelError(nameof(DetainedAt), "Give the date and time of detention as yyyy-MM-dd HH:mm.");
        return Page();
    }
}
