using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Account;

/// <summary>Shown to a signed-in official who lacks the permission a page needs.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() { }
}
