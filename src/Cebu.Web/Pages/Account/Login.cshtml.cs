using Cebu.Core.Platform.Data;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Pages.Account;

[PublicEndpoint("Officials sign in here.")]
public sealed class LoginModel(SignInManager<CebuUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    // Required fields are checked in OnPostAsync so that the messages come from the shared resources.
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), t["Enter your e-mail address."]);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), t["Enter your password."]);
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", t["This account is locked after too many failed sign-ins. Try again in 15 minutes."]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", t["The e-mail or password is wrong."]);
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
