using System.Text.Json;
using Cebu.Core.Features.Cases;
using Cebu.Core.Platform.Results;

namespace Cebu.Core.Tests.Cases;

public class ReferralConsentTests
{
    private static readonly DateTimeOffset Given = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private const string Shelter = "DEMO-SHELTER-TH";
    private const string Inspectorate = "DEMO-LABOUR-INSPECTORATE-TH";

    private static ReferralConsent Consent(ReferralService purpose = ReferralService.Shelter, string recipient = Shelter, string[]? fields = null, DateTimeOffset? until = null,
        DateTimeOffset? revokedAt = null, ConsentGiver by = ConsentGiver.Person) =>
        new(Guid.NewGuid(), "EXAMPLE Sokha (DEMO)", by, ConsentForm.Verbal, Given, purpose, recipient,
            fields ?? [HtcdsFields.FirstName, HtcdsFields.SecondName, HtcdsFields.MobilePhone, HtcdsFields.PrimaryLanguage],
            until ?? Given.AddDays(90), "caseworker.demo", revokedAt, revokedAt is null ? null : "EXAMPLE Sokha (DEMO)");

    private static Dictionary<string, string[]> Errors(Validation v) => v.ToProblem().Errors!.ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public void A_consented_recipient_reads_the_consented_fields_for_the_purpose_now()
    {
        var access = ConsentRules.Access([Consent()], Shelter, ReferralService.Shelter, Now);
        Assert.True(access.Allowed);
        Assert.Equal(new HashSet<string> { HtcdsFields.FirstName, HtcdsFields.SecondName, HtcdsFields.MobilePhone, HtcdsFields.PrimaryLanguage }, access.Fields);
        Assert.Empty(access.Reasons);
    }

    [Fact]
    public void Revocation_removes_access_from_that_moment()
    {
        var revoked = Consent(revokedAt: Now.AddHours(-1));
        var access = ConsentRules.Access([revoked], Shelter, ReferralService.Shelter, Now);
        Assert.False(access.Allowed);
        Assert.Empty(access.Fields);
        Assert.Contains("revoked on 2026-11-23 11:00 UTC", Assert.Single(access.Reasons));
        Assert.True(ConsentRules.Access([revoked], Shelter, ReferralService.Shelter, Now.AddHours(-2)).Allowed); // before the revocation
    }

    [Fact]
    public void Expiry_removes_access()
    {
        var access = ConsentRules.Access([Consent(until: Now.AddMinutes(-1))], Shelter, ReferralService.Shelter, Now);
        Assert.False(access.Allowed);
        Assert.Contains("expired", Assert.Single(access.Reasons));
    }

    [Fact]
    public void Consent_does_not_reach_another_recipient_or_another_purpose()
    {
        var consent = Consent();
        var other = ConsentRules.Access([consent], "DEMO-OTHER-NGO", ReferralService.Shelter, Now);
        Assert.False(other.Allowed);
        Assert.Contains("has not consented to sharing with DEMO-OTHER-NGO", other.Reasons.Single());
        var purpose = ConsentRules.Access([consent], Shelter, ReferralService.LegalAid, Now);
        Assert.False(purpose.Allowed);
        Assert.Contains("for shelter only, not for legal aid", purpose.Reasons.Single());
    }

    [Fact]
    public void A_consent_never_widens_access_beyond_the_purposes_minimum()
    {
        // Recorded before the rule, or by hand in the database: the name for a labour inspection stays withheld.
        var wide = Consent(ReferralService.LabourInspection, Inspectorate, [HtcdsFields.FirstName, HtcdsFields.CebuEmployer, HtcdsFields.CebuLabourIssues]);
        var access = ConsentRules.Access([wide], Inspectorate, ReferralService.LabourInspection, Now);
        Assert.True(access.Allowed);
        Assert.Equal(new HashSet<string> { HtcdsFields.CebuEmployer, HtcdsFields.CebuLabourIssues }, access.Fields);
        Assert.Contains("withheld: prs_FirstName", Assert.Single(access.Reasons));
    }

    [Fact]
    public void An_active_consent_still_gives_access_beside_a_revoked_one()
    {
        var access = ConsentRules.Access([Consent(revokedAt: Now.AddDays(-1)), Consent(fields: [HtcdsFields.MobilePhone])], Shelter, ReferralService.Shelter, Now);
        Assert.True(access.Allowed);
        Assert.Equal(new HashSet<string> { HtcdsFields.MobilePhone }, access.Fields);
    }

    [Fact]
    public void Labour_inspection_gets_no_name_and_every_purpose_gets_a_minimum_of_known_fields()
    {
        Assert.DoesNotContain(HtcdsFields.FirstName, ConsentRules.FieldsFor(ReferralService.LabourInspection));
        Assert.DoesNotContain(HtcdsFields.SecondName, ConsentRules.FieldsFor(ReferralService.LabourInspection));
        Assert.Contains(HtcdsFields.IdentityNumber, ConsentRules.FieldsFor(ReferralService.Consulate));
        Assert.DoesNotContain(HtcdsFields.IdentityNumber, ConsentRules.FieldsFor(ReferralService.Shelter));
        foreach (var purpose in Enum.GetValues<ReferralService>())
            Assert.All(ConsentRules.FieldsFor(purpose), f => Assert.Contains(f, HtcdsFields.All));
    }

    [Fact]
    public void A_valid_consent_has_no_errors()
    {
        Assert.False(ConsentRules.Validate(Consent(), personIsMinor: false, Now).HasErrors);
    }

    [Fact]
    public void A_consent_asking_for_more_than_the_purpose_needs_is_refused_naming_the_fields()
    {
        var v = ConsentRules.Validate(Consent(ReferralService.LabourInspection, Inspectorate, [HtcdsFields.FirstName, HtcdsFields.CebuEmployer]), false, Now);
        var message = Assert.Single(Errors(v)["fields"]);
        Assert.Equal("Not needed for labour inspection, so not shared: prs_FirstName. Remove them.", message);
    }

    [Fact]
    public void A_consent_needs_a_giver_a_recipient_fields_known_to_cebu_and_a_sensible_period()
    {
        var bad = Consent(fields: ["prs_ShoeSize"]) with { GivenBy = " ", Recipient = "", Until = Given.AddDays(400), RecordedBy = "" };
        var errors = Errors(ConsentRules.Validate(bad, false, Now));
        Assert.Equal(["fields", "givenBy", "recipient", "recordedBy", "until"], errors.Keys.Order());
        Assert.Contains("'prs_ShoeSize' is not a case field.", errors["fields"]);
        Assert.Contains("a year at most", errors["until"].Single());
        Assert.Contains("after it was given", Errors(ConsentRules.Validate(Consent(until: Given), false, Now))["until"].Single());
        Assert.Contains("future", Errors(ConsentRules.Validate(Consent() with { GivenAt = Now.AddDays(1), Until = Now.AddDays(30) }, false, Now))["givenAt"].Single());
    }

    [Fact]
    public void A_child_cannot_consent_alone()
    {
        Assert.Contains("parent, guardian or legal representative", Errors(ConsentRules.Validate(Consent(), personIsMinor: true, Now))["givenByRole"].Single());
        Assert.False(ConsentRules.Validate(Consent(by: ConsentGiver.ParentOrGuardian), personIsMinor: true, Now).HasErrors);
    }

    private static readonly ReferralShare Referral = new(Guid.Parse("00000000-0000-0000-0000-0000000000a1"), "DEMO-NGO-KH", Shelter, ReferralService.Shelter,
        ReferralReason.AdditionalServicesRequired, new DateOnly(2026, 11, 20), "Needs a bed tonight; speaks Khmer only.");

    private static readonly Dictionary<string, object?> CaseValues = new()
    {
        [HtcdsFields.FirstName] = "Sokha",
        [HtcdsFields.SecondName] = "EXAMPLE",
        [HtcdsFields.MobilePhone] = "+66800000000",
        [HtcdsFields.PrimaryLanguage] = "khm",
        [HtcdsFields.Birthdate] = new DateOnly(1999, 1, 2), // not consented: must not appear
        [HtcdsFields.MethodsOfControl] = new[] { MethodOfControl.WithholdsDocuments }, // not for a shelter
        [HtcdsFields.TraffickingStatus] = TraffickingStatus.PossibleVictimOfTrafficking,
    };

    [Fact]
    public void The_export_uses_htcds_names_and_holds_only_the_consented_minimum()
    {
        var outcome = ReferralExport.Build(Referral, [Consent()], CaseValues, Now);
        Assert.True(outcome.Ok);
        var json = JsonDocument.Parse(outcome.Value!.ToJsonString()).RootElement;
        Assert.Equal("2.0", json.GetProperty("htcdsVersion").GetString());
        Assert.Equal("DEMO-NGO-KH", json.GetProperty("cas_ReferringOrganisation").GetString());
        Assert.Equal(Shelter, json.GetProperty("cas_ReferredOrganisation").GetString());
        Assert.Equal("AdditionalServicesRequired", json.GetProperty("cas_ReasonForOutgoingReferral").GetString());
        Assert.Equal("2026-11-20", json.GetProperty("cas_OutgoingReferralDate").GetString());
        Assert.Equal("SocialCare", json.GetProperty("spl_Type").GetString());
        Assert.Equal("Shelter", json.GetProperty("cebu_ReferralService").GetString());
        Assert.True(json.GetProperty("con_Consent").GetBoolean());
        Assert.Equal("Sokha", json.GetProperty("prs_FirstName").GetString());
        Assert.Equal("khm", json.GetProperty("prs_PrimaryLanguage").GetString());
        Assert.Equal(["attribution", "cas_OutgoingReferralDate", "cas_OutgoingReferralDetails", "cas_ReasonForOutgoingReferral", "cas_ReferredOrganisation",
            "cas_ReferringOrganisation", "cebu_ReferralId", "cebu_ReferralService", "con_Consent", "htcdsVersion", "prs_FirstName", "prs_MobilePhone",
            "prs_PrimaryLanguage", "prs_SecondName", "spl_Type"], json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var withheld in new[] { "prs_Birthdate", "vic_MethodsOfControl", "vic_TraffickingStatus" })
            Assert.False(json.TryGetProperty(withheld, out _), $"{withheld} was exported without consent.");
    }

    [Fact]
    public void The_export_writes_picklists_as_htcds_codes_and_lists_as_arrays()
    {
        var police = Consent(ReferralService.AntiTraffickingPolice, "DEMO-ATIPD-TH", [HtcdsFields.MethodsOfControl, HtcdsFields.TraffickingStatus, HtcdsFields.Birthdate]);
        var share = Referral with { ReferredOrganisation = "DEMO-ATIPD-TH", Service = ReferralService.AntiTraffickingPolice };
        var json = JsonDocument.Parse(ReferralExport.Build(share, [police], CaseValues, Now).Value!.ToJsonString()).RootElement;
        Assert.Equal(["WithholdsDocuments"], json.GetProperty("vic_MethodsOfControl").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("PossibleVictimOfTrafficking", json.GetProperty("vic_TraffickingStatus").GetString());
        Assert.Equal("1999-01-02", json.GetProperty("prs_Birthdate").GetString());
        Assert.Equal("Legal", json.GetProperty("spl_Type").GetString());
        Assert.False(json.TryGetProperty("prs_FirstName", out _));
    }

    [Fact]
    public void No_export_after_the_consent_is_revoked()
    {
        var outcome = ReferralExport.Build(Referral, [Consent(revokedAt: Now.AddMinutes(-5))], CaseValues, Now);
        Assert.False(outcome.Ok);
        Assert.Equal(ProblemKind.Forbidden, outcome.Problem!.Kind);
        Assert.Contains("revoked", outcome.Problem.Detail);
    }
}
