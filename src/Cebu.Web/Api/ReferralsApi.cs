using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Access;
using Cebu.Web.Platform;

namespace Cebu.Web.Api;

/// <summary>A referral's answer or report: a reason (decline, withdraw, revoke) or a note (report), and for a report the new status.</summary>
public sealed record ReferralAnswerBody(string? Reason);
public sealed record ReferralReportBody(ReferralStatus? Status, string? Note);

public static class ReferralsApi
{
    public static void MapReferralsApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Referrals").RequireAuthorization(Permissions.CasesHandle);
        cases.MapPost("/{id:guid}/referrals", async (Guid id, ReferralInput body, SendReferral send, CancellationToken ct) =>
                (await send.Handle(id, body, ct)).ToResult(r => TypedResults.Created($"/api/v1/referrals/{r.Id}", r)))
            .RequireAuthorization(Permissions.ReferralsSend)
            .WithSummary("Refer the case to another organisation (across the border too) for a service, sharing the named fields (the service's minimum when left out), with the worker's consent.");
        cases.MapGet("/{id:guid}/referrals", async (Guid id, ListCaseReferrals list, CancellationToken ct) => (await list.Handle(id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The case's referrals with their consent, status and the updates the recipients reported back.");

        // A referral's parties: the sender's caseworkers (cases.handle) or the recipient's officials (referrals.receive); ReferralAccess decides which referral.
        var g = api.MapGroup("/referrals").WithTags("Referrals")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(CebuClaims.Permission, Permissions.CasesHandle, Permissions.ReferralsReceive));
        g.MapGet("/", async (ListReferralInbox inbox, CancellationToken ct) => (await inbox.Handle(ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.ReferralsReceive)
            .WithSummary("Referrals to your organisation that are active now (not declined or withdrawn, consent valid): no personal data in the list.");
        g.MapGet("/{id:guid}", async (Guid id, GetReferral get, CancellationToken ct) => (await get.Handle(id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("A referral: for the recipient with the fields the consent shares now (a read logged on the case), for the sender with its history. Otherwise 404.");
        g.MapGet("/{id:guid}/export", async (Guid id, ExportReferral export, CancellationToken ct) => (await export.Handle(id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The HTCDS-named JSON of exactly what the referral shares now (recipient: a logged read; sender: 409 once the consent ended).");
        g.MapPost("/{id:guid}/accept", async (Guid id, ChangeReferral change, CancellationToken ct) =>
                (await change.Handle(new ChangeReferral.Request(id, ReferralAction.Accept), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.ReferralsReceive)
            .WithSummary("Accept a referral sent to your organisation (409 unless it is sent).");
        Answer(g, "decline", ReferralAction.Decline, Permissions.ReferralsReceive, "Decline a referral with a reason (10+ characters); your organisation loses access at once.");
        g.MapPost("/{id:guid}/status", async (Guid id, ReferralReportBody b, ChangeReferral change, CancellationToken ct) =>
                (await change.Handle(new ChangeReferral.Request(id, ReferralAction.Report, b.Status, b.Note), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Permissions.ReferralsReceive)
            .WithSummary("Report back to the sender: inProgress (with a note) or completed.");
        Answer(g, "withdraw", ReferralAction.Withdraw, Permissions.ReferralsSend, "Withdraw an open referral your organisation sent, with a reason; the recipient loses access at once.");
        Answer(g, "consent/revoke", ReferralAction.RevokeConsent, Permissions.ReferralsSend,
            "Record that the worker revoked consent (how and when, as the reason); the recipient loses access at once.");
    }

    /// <summary>A step that takes a reason: decline, withdraw, revoke consent.</summary>
    private static void Answer(RouteGroupBuilder g, string path, ReferralAction action, string permission, string summary) =>
        g.MapPost("/{id:guid}/" + path, async (Guid id, ReferralAnswerBody b, ChangeReferral change, CancellationToken ct) =>
                (await change.Handle(new ChangeReferral.Request(id, action, Note: b.Reason), ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(permission)
            .WithSummary(summary);
}
