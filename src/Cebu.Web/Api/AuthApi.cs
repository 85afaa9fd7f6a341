using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Cebu.Web.Api;

/// <summary>Credentials for an official. <c>twoFactorCode</c> is the 6-digit code of the authenticator app, when enrolled.</summary>
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode);

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", Login)
            .WithTags("Auth").WithSummary("Exchange an official's e-mail and password (and second factor) for a bearer token.")
            .Public("Signing in must be possible before one is signed in.");
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> Login(
        LoginRequest request, UserManager<CebuUser> users, SignInManager<CebuUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.Password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request.Email) ? ["Send the official's e-mail address."] : [],
                ["password"] = string.IsNullOrWhiteSpace(request.Password) ? ["Send the password."] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary(), title: "E-mail and password are required.");

        var wrong = TypedResults.Problem(statusCode: 401, title: "The e-mail or password is wrong.", detail: "Check both and try again. After 5 failures the account is locked for 15 minutes.");
        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null) return wrong;
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
            return TypedResults.Problem(statusCode: 423, title: "This account is locked.", detail: $"Too many failed sign-ins. Try again after {(await users.GetLockoutEndDateAsync(user))?.UtcDateTime:u}.");
        if (!check.Succeeded) return wrong;

        var roles = await users.GetRolesAsync(user);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
                return TypedResults.Problem(statusCode: 401, title: "A second factor is required.", detail: "Send 'twoFactorCode' with the 6-digit code from your authenticator app.",
                    extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = true });
            var code = request.TwoFactorCode.Replace(" ", "").Replace("-", "");
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return TypedResults.Problem(statusCode: 401, title: "The two-factor code is wrong.", detail: "Use the current 6-digit code from your authenticator app.");
            }
        }
        else if (roles.Any(Roles.RequiresTwoFactor))
            return TypedResults.Problem(statusCode: 403, title: "Administrators must use a second factor.",
                detail: "Sign in on the web page once and enrol an authenticator app at /Account/SetupAuthenticator; then send 'twoFactorCode' here.");

        await users.ResetAccessFailedCountAsync(user);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
