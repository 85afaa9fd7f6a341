using Cebu.Core.Features.Employers;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Employers;

/// <summary>Registers an employer; the registration is screened and any hit queued for review (shown on the employer's page).</summary>
public sealed class RegisterModel(RegisterEmployer register) : PageModel
{
    [BindProperty] public string? RegistrationNumber { get; set; }
    [BindProperty] public string? Name { get; set; }
    /// <summary>One per line.</summary>
    [BindProperty] public string? TradingNames { get; set; }
    /// <summary>One per line: "Name (role)", the role owner, director or manager (director when left out).</summary>
    [BindProperty] public string? Principals { get; set; }
    /// <summary>One per line.</summary>
    [BindProperty] public string? Addresses { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Sector { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var input = new EmployerInput
        {
            RegistrationNumber = RegistrationNumber, Name = Name, TradingNames = Lines(TradingNames), Addresses = Lines(Addresses), Phone = Phone, Sector = Sector,
            Principals = Lines(Principals).Select(Principal).ToList(),
        };
        var outcome = await register.Handle(input, ct);
        if (outcome.Ok) return Redirect($"/Employers/Details/{outcome.Value!.Employer.Id}");
        if (outcome.Problem!.Kind == ProblemKind.Forbidden) return Forbid();
        outcome.Problem.AddTo(ModelState);
        return Page();
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>"Somchai Example (owner)" gives the name and the role; without parentheses the role is director.</summary>
    internal static EmployerPrincipalDto Principal(string line)
    {
        var open = line.LastIndexOf('(');
        return open > 0 && line.EndsWith(')')
            ? new EmployerPrincipalDto(line[..open].Trim(), line[(open + 1)..^1].Trim().ToLowerInvariant())
            : new EmployerPrincipalDto(line);
    }
}
