using Cebu.Core.Features.Cases;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Cases;

/// <summary>A caseworker enters a case from a hotline call or a walk-in; their organisation holds it.</summary>
public sealed class CreateModel(FileComplaint file) : PageModel
{
    [BindProperty] public string Channel { get; set; } = "Hotline";
    [BindProperty] public string? Language { get; set; } = "en";
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public bool InDangerNow { get; set; }
    [BindProperty] public string? CurrentCountry { get; set; }
    [BindProperty] public string? Nationality { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? SecondName { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public bool ContactConsent { get; set; }
    [BindProperty] public string? Employer { get; set; }
    [BindProperty] public string? AgencyName { get; set; }
    [BindProperty] public string? ContractId { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var channel = Channel == "WalkIn" ? CaseChannel.WalkIn : CaseChannel.Hotline;
        var outcome = await file.Handle(new FileComplaint.Request(new ComplaintInput(Language, Description, CurrentCountry, Nationality, FirstName, SecondName, Phone, Email,
            ContactConsent, Employer, AgencyName, null, InDangerNow), channel, ContractId: ContractId), ct);
        if (outcome.Ok) return Redirect($"/Cases/Details/{outcome.Value!.CaseId}");
        outcome.Problem!.AddTo(ModelState);
        return Page();
    }
}
