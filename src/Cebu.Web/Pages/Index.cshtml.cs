using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages;

[PublicEndpoint("The home page tells anyone what Cebu is and where to check an agency.")]
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
