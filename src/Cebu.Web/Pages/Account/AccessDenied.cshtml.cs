using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.Account;

/// <summary>Shown to a signed-in official who lacks the permission a page needs.</summary>
[Authorize]
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() { }
}
