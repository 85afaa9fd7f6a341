using Cebu.Core.Features.Agencies;
using System.Globalization;
using Cebu.Core.Platform;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Seed;
using Cebu.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Scalar.AspNetCore;

namespace Cebu.Web.Platform;

public static class CebuWeb
{
    public const string SmartScheme = "Cebu";

    /// <summary>Languages of the pages; English is the source.</summary>
    public static readonly string[] Cultures = ["en", "km", "my", "id", "th", "vi"];

    public static readonly IReadOnlyDictionary<string, string> CultureNames = new Dictionary<string, string>
    {
        ["en"] = "English", ["km"] = "ខ្មែរ", ["my"] = "မြန်မာ", ["id"] = "Bahasa Indonesia", ["th"] = "ไทย", ["vi"] = "Tiếng Việt",
    };

    public static void AddCebu(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        services.AddCebuCore(builder.Configuration);
        services.AddHttpContextAccessor();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddScoped<IRequestCaller, HttpRequestCaller>();

        services.AddIdentityCore<CebuUser>().AddRoles<IdentityRole>().AddSignInManager().AddClaimsPrincipalFactory<CebuClaimsFactory>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie for pages, bearer token for the API", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "cebu.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers 401/403 with problem details rather than redirecting to a page.
            o.Events.OnRedirectToLogin = ctx => Redirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Redirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            // Secure by default: anything not marked otherwise needs a signed-in official.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPermissionPolicies();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Write Khmer, Burmese, Thai... as characters, not HTML entities: a Khmer page was 2.6 times the size of the English one.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Dates are ISO 8601 in every language: Thai's default Buddhist calendar would print 2026 as 2569.
            var cultures = Cultures.Select(c =>
            {
                var culture = new CultureInfo(c);
                if (culture.DateTimeFormat.Calendar is not GregorianCalendar) culture.DateTimeFormat.Calendar = new GregorianCalendar();
                return culture;
            }).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Agencies", Permissions.AgenciesView);
                o.Conventions.AuthorizePage("/Agencies/Create", Permissions.AgenciesManage);
                o.Conventions.AuthorizePage("/Agencies/Edit", Permissions.AgenciesManage);
                o.Conventions.AuthorizePage("/Agencies/Import", Permissions.AgenciesManage);
                o.Conventions.AuthorizeFolder("/Reports", Permissions.AgenciesReport);
                o.Conventions.AuthorizeFolder("/Workers", Permissions.WorkersView);
                o.Conventions.AuthorizePage("/Workers/Register", Permissions.WorkersRegister);
                o.Conventions.AuthorizePage("/Workers/Edit", Permissions.WorkersRegister);
                o.Conventions.AuthorizeFolder("/Contracts", Permissions.ContractsView);
                o.Conventions.AuthorizePage("/Contracts/Record", Permissions.ContractsRecord);
                o.Conventions.AuthorizePage("/Workers/Import", Permissions.WorkersRegister);
                o.Conventions.AuthorizeFolder("/ContractRules", Permissions.ContractRulesPublish);
                o.Conventions.AuthorizeFolder("/Cases", Permissions.CasesHandle);
                o.Conventions.AuthorizePage("/Cases/Escalations", Permissions.CasesSupervise);
                o.Conventions.AuthorizeFolder("/Detentions", Permissions.DetentionsView);
                o.Conventions.AuthorizePage("/Cases/Refer", Permissions.ReferralsSend);
                o.Conventions.AuthorizeFolder("/Referrals", Permissions.ReferralsReceive);
                o.Conventions.AuthorizePage("/Detentions/Record", Permissions.DetentionsNotify);
                o.Conventions.AuthorizeFolder("/Employers", Permissions.EmployersManage);
                o.Conventions.AuthorizeFolder("/Screening", Permissions.ScreeningReview);
                o.Conventions.AuthorizeFolder("/Verification", Permissions.VerificationView);
                o.Conventions.AuthorizePage("/Verification/Send", Permissions.VerificationRequest);
                o.Conventions.AuthorizePage("/Verification/Review", Permissions.VerificationRegistry);
                o.Conventions.AuthorizePage("/Verification/Registry", Permissions.VerificationRegistry);
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization();

        services.AddComplaintRateLimits(builder.Configuration);
        // Escalates overdue cases every Cebu:Escalation:IntervalMinutes (default 15; 0 turns it off).
        services.AddHostedService<Cebu.Core.Features.Cases.CaseEscalationJob>();
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Cebu API";
            doc.Info.Description = "The officials' and public API of Cebu, the platform for the ASEAN Declaration on the Protection and Promotion of the Rights of Migrant Workers.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<CebuDbContext>("database");
        if (builder.Configuration.GetValue("Cebu:VerificationRunner", true)) services.AddHostedService<VerificationRunnerService>();
    }

    /// <summary>An empty error response gets a body: problem details for the API, a short page for people.</summary>
    private static async Task StatusCodePage(Microsoft.AspNetCore.Diagnostics.StatusCodeContext ctx)
    {
        var http = ctx.HttpContext;
        var status = http.Response.StatusCode;
        if (http.Request.Path.StartsWithSegments("/api") || !http.Request.Headers.Accept.ToString().Contains("text/html"))
        {
            await http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>().WriteAsync(new()
            {
                HttpContext = http,
                ProblemDetails = { Status = status, Title = status == 404 ? "Nothing here." : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
                    Detail = status == 404 ? "Check the address; the API reference is at /api-docs." : null },
            });
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        var text = status == 404 ? "This page does not exist." : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{status} · Cebu</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main><h1>{status}: {System.Net.WebUtility.HtmlEncode(text)}</h1><p><a href=\"/\">Cebu home</a> · <a href=\"/check-agency\">Check an agency</a></p></main></body></html>");
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Results.Problem(statusCode: status,
                title: status == 401 ? "Sign in first." : "You may not do this.",
                detail: status == 401 ? "Send 'Authorization: Bearer <accessToken>' from POST /api/v1/auth/login." : "Your role does not grant the permission this endpoint needs.")
                .ExecuteAsync(ctx.HttpContext);
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var p in Permissions.All)
            builder.AddPolicy(p, policy => policy.RequireAuthenticatedUser().RequireClaim(CebuClaims.Permission, p));
        return builder;
    }

    /// <summary>Creates and migrates the database, loads reference data, and seeds demo data when empty.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.System;
        var seeder = scope.ServiceProvider.GetRequiredService<DatabaseSeeder>();
        await seeder.MigrateAsync();
        await seeder.SeedReferenceAsync();
        if (app.Configuration.GetValue("Cebu:DemoData", true)) await seeder.SeedDemoAsync();

        // The public registry's in-memory copy is built in the background once the server listens (seconds for
        // 100,000 agencies); a look-up that arrives first waits for it.
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await app.Services.GetRequiredService<PublicAgencyRegistry>().WarmAsync(app.Lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                app.Logger.LogWarning(e, "The public agency registry could not be loaded at start; the first look-up will load it.");
            }
        }));
    }

    public static void MapCebu(this WebApplication app)
    {
        app.UseMiddleware<RequestLogging>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodePage);
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        // An address no endpoint serves is 404 for everyone; otherwise the fallback policy would answer an anonymous caller 401.
        app.Use((ctx, next) =>
        {
            if (ctx.GetEndpoint() is not null) return next(ctx);
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.UseAuthentication();
        app.UseMiddleware<SecondFactorEnrolment>();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health").Public("Load balancers and monitors check that the database answers.");
        app.MapOpenApi().Public("The API's description is public; every operation in it still needs its own permission.");
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("Cebu API").WithOpenApiRoutePattern("/openapi/v1.json")).Public("Browsable API documentation.");
        app.MapGet("/language", (string culture, string? returnUrl, HttpContext ctx) =>
        {
            if (!Cultures.Contains(culture))
                return Results.Problem(statusCode: 400, title: "Unknown language.", detail: $"Choose one of: {string.Join(", ", Cultures)}.");
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl);
        }).Public("Anyone may choose the language of the pages.").ExcludeFromDescription();

        var api = app.MapGroup("/api/v1");
        api.MapAuthApi();
        api.MapAgenciesApi();
        api.MapWorkersApi();
        api.MapDocumentsApi();
        api.MapContractsApi();
        api.MapCasesApi();
        api.MapCaseworkApi();
        api.MapReferralsApi();
        api.MapDetentionsApi();
        api.MapContractRecordsApi();
        api.MapScreeningApi();
        api.MapVerificationApi();
        app.MapRazorPages();
    }
}

/// <summary>An administrator signed in without a second factor may only enrol one (or sign out).</summary>
internal sealed class SecondFactorEnrolment(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext ctx)
    {
        if (ctx.User.HasClaim(CebuClaimsFactory.MustEnrolSecondFactor, "true")
            && !ctx.Request.Path.StartsWithSegments("/Account") && !ctx.Request.Path.StartsWithSegments("/css") && !ctx.Request.Path.StartsWithSegments("/api")
            && !ctx.Request.Path.StartsWithSegments("/language"))
        {
            ctx.Response.Redirect("/Account/SetupAuthenticator");
            return Task.CompletedTask;
        }
        return next(ctx);
    }
}
