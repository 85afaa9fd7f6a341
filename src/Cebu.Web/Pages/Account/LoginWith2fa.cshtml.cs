using Cebu.Core.Platform.Data;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Pages.Account;

[PublicEndpoint("The second step of signing in; the first step's cookie says who is signing in.")]
public sealed class LoginWith2faModel(SignInManager<CebuUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Code)) ModelState.AddModelError(nameof(Code), t["Enter the 6-digit code."]);
        if (!ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code!.Replace(" ", "").Replace("-", ""), isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(result.IsLockedOut ? "" : nameof(Code), result.IsLockedOut ? t["This account is locked. Try again in 15 minutes."] : t["The code is wrong or has expired. Enter the current code."]);
        return Page();
    }
}
