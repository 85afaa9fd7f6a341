using Cebu.Core.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cebu.Web.Pages.Account;

/// <summary>Any signed-in official may enrol an authenticator (TOTP); administrators must.</summary>
[Authorize]
public sealed class SetupAuthenticatorModel(UserManager<CebuUser> users, SignInManager<CebuUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public bool Enabled { get; private set; }
    public bool Required => User.HasClaim(Platform.CebuClaimsFactory.MustEnrolSecondFactor, "true");

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrWhiteSpace(Code)) ModelState.AddModelError(nameof(Code), t["Enter the 6-digit code from your app."]);
        if (ModelState.IsValid)
        {
            var code = Code!.Replace(" ", "").Replace("-", "");
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                await signIn.RefreshSignInAsync(user);
                return RedirectToPage();
            }
            ModelState.AddModelError(nameof(Code), t["The code does not match. Check the key in your app and the time on your phone, then enter the current code."]);
        }
        await Load(user);
        return Page();
    }

    private async Task Load(CebuUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = key!;
        AuthenticatorUri = $"otpauth://totp/Cebu:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Cebu&digits=6";
    }
}
