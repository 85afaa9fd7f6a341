using System.Globalization;
using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Pages.Public;

[PublicEndpoint("Declaration art. 9: a worker files a complaint without an account, anonymously if they wish; the answer shows only the receipt code.")]
[EnableRateLimiting(ComplaintRateLimits.File)]
public sealed class ComplainModel(FileComplaint file, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public bool InDangerNow { get; set; }
    [BindProperty] public string? CurrentCountry { get; set; }
    [BindProperty] public string? Nationality { get; set; }
    [BindProperty] public string? Employer { get; set; }
    [BindProperty] public string? AgencyName { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public bool ContactConsent { get; set; }

    /// <summary>The receipt code, formatted, once the complaint is filed.</summary>
    public string? Receipt { get; private set; }
    public IReadOnlyList<string> Countries { get; } = ReferenceData.Shared.AseanMembers.Select(c => c.Code).ToList();
    private IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    public void OnGet() => Language ??= CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await file.Handle(new FileComplaint.Request(new ComplaintInput(Language, Description, CurrentCountry, Nationality, FirstName, null, Phone, Email,
            ContactConsent, Employer, AgencyName, null, InDangerNow), CaseChannel.PublicForm), ct);
        if (outcome.Ok)
        {
            Receipt = outcome.Value!.Formatted;
            // Nothing of what was written stays on the receipt page.
            (Description, FirstName, Phone, Email, Employer, AgencyName) = (null, null, null, null, null, null);
            return Page();
        }
        Errors = outcome.Problem!.Errors ?? new Dictionary<string, string[]> { [""] = [outcome.Problem.Title] };
        return Page();
    }

    /// <summary>The error beside a field, in the reader's language.</summary>
    public string? ErrorFor(string field) => !Errors.ContainsKey(field) ? null : Message(field).Value;

    private LocalizedString Message(string field) => field switch
    {
        "language" => t["Choose the language of your complaint."],
        "description" => t["Please say what happened, in at least 10 letters (at most 8000)."],
        "currentCountry" or "nationality" => t["Choose a country from the list."],
        "phone" => t["Write the phone number with digits only, for example +66 81 234 5678."],
        "email" => t["Write the e-mail address as name@example.com, or leave it empty."],
        _ => t["Please check this field."],
    };
}
