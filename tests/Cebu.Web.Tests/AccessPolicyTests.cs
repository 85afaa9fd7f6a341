using System.Net;
using System.Net.Http.Json;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Features.Cases;
using Cebu.Core.Features.Contracts;
using Cebu.Core.Features.Detentions;
using Cebu.Core.Features.Employers;
using Cebu.Core.Features.Screening;
using Cebu.Core.Features.Verification;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Audit;
using Cebu.Web.Platform;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Web.Tests;

/// <summary>
/// The access rules, proven over every endpoint the application maps (read from its endpoint data source, not from a
/// list kept here): anonymous callers reach only endpoints marked public with a reason; an official of one state can
/// neither read nor change another state's records through any API endpoint or page; an administrator without a
/// second factor sees nothing.
/// </summary>
public abstract class AccessPolicyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    /// <summary>Records that belong to Cambodia and are shared with none of the foreign callers below, and text only they contain.</summary>
    private sealed record Foreign(Guid Agency, Guid Report, Guid Worker, int AgencyVersion, int WorkerVersion, Guid Case, int CaseVersion, string[] Markers, Guid Contract = default, Guid Alert = default, Guid Detention = default, Guid Referral = default,
        Guid Employer = default, Guid ScreeningHit = default)
    {
        // Nationality verification (issue 6): a batch Malaysia sent to Cambodia, one of its requests, and a record of Cambodia's civil registry extract.
        public Guid VerificationBatch { get; init; }
        public Guid VerificationRequest { get; init; }
        public Guid RegistryRecord { get; init; }
    }

    private async Task<Foreign> KhRecords()
    {
        var agency = await app.Agency(Demo.GoldenLotus);
        // Filed by Malaysia: Cambodia and Malaysia see it, nobody else.
        var report = await app.Db(db => db.Set<ErrantAgencyReport>().AsNoTracking().SingleAsync(r => r.AgencyId == agency.Id && r.ReportingState == "MY"));
        // A Cambodian worker still at recruitment: placed nowhere, so no receiving state sees the record.
        var worker = await app.Db(db => db.Set<Worker>().AsNoTracking().Where(w => w.OwnerState == "KH" && w.PlacementState == null && w.Phase == JourneyPhase.Recruitment)
            .OrderBy(w => w.PassportNumber).FirstAsync());
        // A case held by Cambodia's embassy in Bangkok (a walk-in): only that organisation sees it.
        var @case = await app.Db(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.OwnerOrganisationId == "kh-embassy-th"));
                // A Cambodian worker's contract for a workplace in Malaysia (recorded by the agency, not submitted): Cambodia and Malaysia see it, nobody else.
        var contract = await app.Db(db => db.Set<EmploymentContract>().AsNoTracking().SingleAsync(c => c.OwnerState == "KH" && c.WorkplaceState == "MY"));
        // And a substitution alert about it for Cambodia's labour office (made here: the demo's alerts concern Thailand, which sees them).
        var alert = await app.Db(async db =>
        {
            var existing = await db.Set<ContractAlert>().AsNoTracking().FirstOrDefaultAsync(a => a.ContractId == contract.Id);
            if (existing is not null) return existing;
            var a = new ContractAlert
            {
                OwnerState = "KH", ReceivingState = "MY", Audience = AlertAudience.SendingState, WorkerId = contract.WorkerId, WorkerName = "Test", ContractId = contract.Id,
                VerifiedContractId = contract.Id, Employer = contract.Terms.Employer.Name, RaisedAt = DateTimeOffset.UtcNow, RaisedBy = "test",
                Differences = [new TermDifference("wage", "1", "0", "Access test marker: KH-MY-ALERT-MARKER")],
            };
            db.Add(a);
            await db.SaveChangesAsync();
            return a;
        });
        // A Cambodian worker detained in Malaysia, recorded by Malaysia (no Cambodian consulate there is on record): only Malaysia sees it.
        var detention = await app.Db(async db =>
        {
            var existing = await db.Set<DetentionNotice>().AsNoTracking().FirstOrDefaultAsync(d => d.DetainingState == "MY" && d.Nationality == "KH");
            if (existing is not null) return existing;
            var d = new DetentionNotice
            {
                DetainingState = "MY", RecordedByOrganisationId = "my-mohr", RecordedBy = Demo.InspectorMY, RecordedAt = DateTimeOffset.UtcNow.AddDays(-2),
                WorkerName = "DEMO DETAINED", Nationality = "KH", DetainedAt = DateTimeOffset.UtcNow.AddDays(-2), PlaceDetained = "Example Street, Johor Bahru",
                Authority = "Immigration (demo)", Grounds = "Access test marker: KH-MY-DETENTION-MARKER", PlaceOfCustody = "Demo depot",
            };
            db.Add(d);
            await db.SaveChangesAsync();
            return d;
        });
        // Employers and screening (issue 6): Malaysia's demo employer (no sweep caller is Malaysian), and a screening hit of Cambodia's.
        var employer = await app.Db(db => db.Set<Employer>().AsNoTracking().SingleAsync(e => e.RegistrationNumber == "MY-DEMO-EMP-001"));
        var hit = await app.Db(async db =>
        {
            var existing = await db.Set<ScreeningHit>().AsNoTracking().FirstOrDefaultAsync(h => h.SubjectReference == "KH-SCREENING-MARKER");
            if (existing is not null) return existing;
            var h = new ScreeningHit
            {
                OwnerState = "KH", SubjectKind = PartyKind.Agency, SubjectId = agency.Id, SubjectReference = "KH-SCREENING-MARKER", SubjectName = "Access test subject",
                MatchedKind = PartyKind.Agency, MatchedId = agency.Id, MatchedState = "KH", MatchedReference = "KH-SCREENING-MARKER", MatchedName = "Access test match",
                MatchedStatus = "blacklisted", Score = 0.9, Weight = 3, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Add(h);
            await db.SaveChangesAsync();
            return h;
        });
        // Referrals (issue 5): the embassy's case referred to Cambodia's labour ministry with consent; only those two organisations see it.
        var referral = await app.Db(async db =>
        {
            var existing = await db.Set<CaseReferral>().AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == @case.Id);
            if (existing is not null) return existing;
            var now = DateTimeOffset.UtcNow;
            var r = new CaseReferral
            {
                CaseId = @case.Id, SenderOrganisationId = "kh-embassy-th", SenderState = "KH", SentBy = Demo.ConsulKHinTH, SentAt = now.AddHours(-1), RecipientOrganisationId = "kh-mlvt",
                RecipientState = "KH", Service = ReferralService.WageClaim, Details = "Access test marker: KH-REFERRAL-MARKER", Fields = ["prs_FirstName", "cebu_Employer"],
                StatusChangedAt = now.AddHours(-1), StatusChangedBy = Demo.ConsulKHinTH, ConsentGivenBy = "Sokha DEMO-CASE", ConsentForm = ConsentForm.Verbal,
                ConsentGivenAt = now.AddHours(-2), ConsentUntil = now.AddDays(60), ConsentRecordedBy = Demo.ConsulKHinTH,
            };
            db.Add(r);
            await db.SaveChangesAsync();
            return r;
        });
        // ---- Nationality verification (issue 6) ----
        // A batch Malaysia sent to Cambodia, already matched (so the background matcher writes nothing during the sweep):
        // Cambodia and Malaysia see it, nobody else; its candidate is Cambodia's registry record, which only Cambodia sees.
        var registry = await app.Db(db => db.Set<CivilRegistryRecord>().AsNoTracking().SingleAsync(c => c.RegistryNumber == Cebu.Core.Platform.Seed.DemoRegistry.KnownKh().RegistryNumber));
        var verification = await app.Db(async db =>
        {
            var existing = await db.Set<VerificationRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.LocalReference == "KH-MY-VERIFY-MARKER");
            if (existing is not null) return existing;
            var b = new VerificationBatch { ToState = "KH", FromState = "MY", Reference = "MY batch (access test)", SubmittedBy = Demo.InspectorMY, SubmittedAt = DateTimeOffset.UtcNow,
                Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20), Status = BatchStatus.AwaitingDecisions, Total = 1, Processed = 1, Possible = 1 };
            var r = new VerificationRequest { BatchId = b.Id, ToState = "KH", FromState = "MY", Line = 1, LocalReference = "KH-MY-VERIFY-MARKER", FamilyName = "Mias", GivenNames = "Sophia",
                DateOfBirth = registry.DateOfBirth, Outcome = MatchOutcome.Possible, Score = 0.9, CandidateSource = CandidateSource.CivilRegistry, CandidateId = registry.Id };
            db.AddRange(b, r, new VerificationBlock { BatchId = b.Id, Number = 0, DoneAt = DateTimeOffset.UtcNow, LeaseOwner = "test" });
            await db.SaveChangesAsync();
            return r;
        });
        return new Foreign(agency.Id, report.Id, worker.Id, agency.Version, worker.Version, @case.Id, @case.Version,
        [
            agency.Contacts.Email!, agency.Address, agency.Principals[0].Name,
            "passports held by the agency", report.Place,
            worker.PassportNumber!, worker.NationalIdNumber!, worker.Contacts.Phone!,
            "fictional packing plant", @case.MobilePhone!.TrimStart('+'),
            contract.Terms.Employer.RegistrationNumber!, "KH-MY-ALERT-MARKER", "KH-MY-DETENTION-MARKER", "KH-REFERRAL-MARKER",
            "KH-MY-VERIFY-MARKER", registry.RegistryNumber,
            "KH-SCREENING-MARKER", employer.Addresses[0],
        ], contract.Id, alert.Id, detention.Id, referral.Id, employer.Id, hit.Id)
        { VerificationBatch = verification.BatchId, VerificationRequest = verification.Id, RegistryRecord = registry.Id };
    }

    /// <summary>Officials of states other than Cambodia (and Malaysia, which filed the report), with every role.</summary>
    public static readonly TheoryData<string> ForeignOfficials =
    [
        Demo.LicensingPH, Demo.LabourPH, Demo.ConsulPHinSG, Demo.LicensingMM, Demo.ConsulMMinTH, Demo.InspectorTH, Demo.CaseworkerSG, Demo.Analyst, Demo.AgencyMM,
    ];

    /// <summary>A plausible body for each write that names a record, so that the request reaches the use case.</summary>
    private static object? JsonBody(string key) => key switch
    {
        "PUT /api/v1/agencies/{id:guid}" => new { agency = Samples.Agency(Demo.GoldenLotus, "Hijacked Lotus Co., Ltd."), reason = "Taking it over." },
        "POST /api/v1/agencies/{id:guid}/status" => new { action = "blacklist", reason = "Foreign decision.", legalReference = "None" },
        "POST /api/v1/errant-reports/{id:guid}/action" => new { actionTaken = "Closed by a foreign state." },
        "PUT /api/v1/workers/{id:guid}" => new { familyName = "HIJACKED", givenNames = "NAME", sex = "female", dateOfBirth = "1990-01-01", nationality = "KH", passportNumber = "KHX1234567", languages = new[] { "km" } },
        "POST /api/v1/workers/{id:guid}/journey" => new { target = "preDeparture", evidence = new { agencyLicenceNumber = Demo.GoldenLotus, destination = "TH", sector = "construction", jobOrderNumber = "JO-X", employer = "X", jobTitle = "x" } },
        "POST /api/v1/workers/{id:guid}/documentation-status" => new { status = "undocumented", reason = "Foreign state says so.", since = Samples.Today },
        "POST /api/v1/workers/{id:guid}/placement" => new { workPermitNumber = "HIJACK-1", workPermitExpiry = Samples.Today.AddDays(200), employer = "Foreign employer" },
        "POST /api/v1/crisis/workers/{id:guid}" => new { country = "TH", status = "needsHelp", note = "Foreign note." },
        "POST /api/v1/cases/{id:guid}/screening" => new { answers = new { deception = "yes" } },
        "POST /api/v1/cases/{id:guid}/status" => new { status = "closed", resolution = "duplicate", reason = "Closed by a foreign organisation." },
        "POST /api/v1/cases/{id:guid}/assignment" => new { assigneeId = "someone" },
        "POST /api/v1/cases/{id:guid}/notes" => new { text = "Foreign note.", confidential = false },
        "PUT /api/v1/contracts/{id:guid}" => new { terms = new { jobTitle = "Hijacked" } },
        "POST /api/v1/contracts/{id:guid}/verify" => new { overrideReason = "Foreign decision." },
        "POST /api/v1/contracts/{id:guid}/reject" => new { reasons = "Foreign decision." },
        "POST /api/v1/contracts/{id:guid}/attest" => new { note = "Foreign attestation." },
        "POST /api/v1/contract-alerts/{id:guid}/acknowledge" => new { note = "Foreign acknowledgement." },
        "POST /api/v1/detentions/{id:guid}/acknowledge" => new { note = "Foreign acknowledgement." },
        // Employers and screening (issue 6)
        "PUT /api/v1/employers/{id:guid}" => new { registrationNumber = "MY-DEMO-EMP-001", name = "Hijacked Estates", sector = "agriculture", addresses = new[] { "1 Elsewhere" } },
        "POST /api/v1/employers/{id:guid}/status" => new { status = "blacklisted", reason = "Foreign decision.", source = "None" },
        "POST /api/v1/screening-hits/{id:guid}/review" => new { decision = "dismissed", reason = "Foreign decision." },
        "POST /api/v1/cases/{id:guid}/duplicates/{flagId:guid}/decision" => new { decision = "samePerson" },
        "POST /api/v1/verification/requests/{id:guid}/decision" => new { decision = "confirm", reason = "Foreign decision." },
        // Referrals (issue 5)
        "POST /api/v1/cases/{id:guid}/referrals" => new
        {
            recipient = "ph-dmw", service = "wageClaim",
            consent = new { givenBy = "Foreign", givenByRole = "person", form = "phone", givenAt = DateTimeOffset.UtcNow.AddMinutes(-5), until = DateTimeOffset.UtcNow.AddDays(30) },
        },
        "POST /api/v1/referrals/{id:guid}/decline" => new { reason = "Declined by a foreign organisation." },
        "POST /api/v1/referrals/{id:guid}/status" => new { status = "completed", note = "Completed by a foreign organisation." },
        "POST /api/v1/referrals/{id:guid}/withdraw" => new { reason = "Withdrawn by a foreign organisation." },
        "POST /api/v1/referrals/{id:guid}/consent/revoke" => new { reason = "Revoked by a foreign organisation." },
        // Casework (wage claims, escalations): the ids name Cambodia's case, or nothing of the caller's.
        "POST /api/v1/cases/{id:guid}/wage-claims" => new { forum = "labourCourt", respondent = "Foreign", filedOn = "2026-01-01", items = new[] { new { kind = "unpaidWages", claimed = 1, currency = "THB" } } },
        "PUT /api/v1/cases/{id:guid}/wage-claims/{claimId:guid}" => new { stage = "closed", outcome = "withdrawn" },
        "POST /api/v1/cases/{id:guid}/wage-claims/{claimId:guid}/payments" => new { paidOn = "2026-01-01", amount = 1, currency = "THB", payer = "Foreign" },
        "POST /api/v1/cases/escalations/{escalationId:guid}/acknowledge" => new { note = "Foreign acknowledgement." },
        _ => null,
    };

    private static Dictionary<string, string>? FormBody(string key) => key switch
    {
        "POST /Agencies/Details" => new() { ["Action"] = "Blacklist", ["Reason"] = "Foreign decision.", ["LegalReference"] = "None" },
        "POST /Agencies/Edit" => new()
        {
            ["Input.LicenceNumber"] = Demo.GoldenLotus, ["Input.LegalName"] = "Hijacked Lotus Co., Ltd.", ["Input.Address"] = "1 Elsewhere", ["Input.ValidFrom"] = "2026-01-01",
            ["Input.ValidUntil"] = "2030-01-01", ["Input.Accreditations"] = "TH:construction", ["Input.Principals"] = "Someone Else (owner)", ["Reason"] = "Taking it over.",
        },
        "POST /Agencies/Reports" => new() { ["actionTaken"] = "Closed by a foreign state." },
        "POST /Workers/Details?handler=Advance" => new() { ["target"] = "PreDeparture", ["AgencyLicenceNumber"] = Demo.GoldenLotus, ["Destination"] = "TH", ["Sector"] = "construction" },
        "POST /Workers/Details?handler=Documentation" => new() { ["docStatus"] = "Undocumented", ["docReason"] = "Foreign state says so.", ["docSince"] = "2026-01-01" },
        "POST /Workers/Details?handler=Placement" => new() { ["workPermitNumber"] = "HIJACK-1", ["workPermitExpiry"] = "2030-01-01", ["employer"] = "Foreign employer" },
        "POST /Workers/Crisis" => new() { ["country"] = "TH", ["status"] = "NeedsHelp", ["note"] = "Foreign note." },
        "POST /Cases/Details?handler=Screen" => new() { ["answers[deception]"] = "yes" },
        "POST /Cases/Details?handler=Status" => new() { ["status"] = "Closed", ["resolution"] = "Duplicate", ["reason"] = "Closed by a foreign organisation." },
        "POST /Cases/Details?handler=Assign" => new() { ["assigneeId"] = "" },
        "POST /Cases/Details?handler=Note" => new() { ["text"] = "Foreign note." },
        "POST /Workers/Edit" => new()
        {
            ["Input.FamilyName"] = "HIJACKED", ["Input.GivenNames"] = "NAME", ["Input.Sex"] = "Female", ["Input.DateOfBirth"] = "1990-01-01", ["Input.Nationality"] = "KH",
            ["Input.PassportNumber"] = "KHX1234567", ["Languages"] = "km", ["Reason"] = "Taking it over.", ["Version"] = "1",
        },
        "POST /Contracts/Details?handler=Document" => new(),
        "POST /Contracts/Details?handler=Submit" => new(),
        "POST /Contracts/Details?handler=Verify" => new() { ["overrideReason"] = "Foreign decision." },
        "POST /Contracts/Details?handler=Reject" => new() { ["reasons"] = "Foreign decision." },
        "POST /Contracts/Details?handler=Attest" => new() { ["note"] = "Foreign attestation." },
        "POST /Contracts/Record" => new() { ["Terms.JobTitle"] = "Hijacked", ["Terms.WageAmount"] = "1", ["Terms.WageCurrency"] = "THB", ["LanguagesText"] = "km" },
        "POST /Contracts/Alerts" => new() { ["note"] = "Foreign acknowledgement." },
        "POST /Detentions/Index?handler=Acknowledge" => new() { ["note"] = "Foreign acknowledgement." },
        // Casework forms of the case page (posted to /Cases/Work/{id}) and the supervisor's inbox.
        "POST /Cases/Work?handler=Claim" => new() { ["forum"] = "LabourCourt", ["respondent"] = "Foreign", ["filedOn"] = "2026-01-01", ["claimed"] = "1", ["currency"] = "THB" },
        "POST /Cases/Work?handler=Stage" => new() { ["stage"] = "Closed", ["outcome"] = "Withdrawn" },
        "POST /Cases/Work?handler=Payment" => new() { ["paidOn"] = "2026-01-01", ["amount"] = "1", ["currency"] = "THB", ["payer"] = "Foreign" },
        "POST /Cases/Work?handler=File" => new() { ["description"] = "Foreign file." },
        "POST /Cases/Escalations?handler=Acknowledge" => new() { ["note"] = "Foreign acknowledgement." },
        // Names Cambodia's worker (WorkerId): a foreign state may not take the record's details into a notice.
        "POST /Detentions/Record" => new()
        {
            ["DetainedAt"] = "2026-01-01T08:00", ["PlaceDetained"] = "Example Street", ["Authority"] = "Foreign police", ["Grounds"] = "Foreign grounds.", ["PlaceOfCustody"] = "Foreign cell",
        },
        // Employers and screening (issue 6)
        "POST /Employers/Details" => new() { ["NewStatus"] = "Blacklisted", ["Reason"] = "Foreign decision.", ["Source"] = "None" },
        "POST /Screening/Index" => new() { ["Decision"] = "Dismissed", ["Reason"] = "Foreign decision." },
        "POST /Cases/Duplicate" => new() { ["decision"] = "SamePerson" },
        "POST /Verification/Review" => new() { ["decision"] = "confirm", ["Reason"] = "Foreign decision." },
        // Referrals (issue 5)
        "POST /Cases/Refer" => new()
        {
            ["Service"] = "WageClaim", ["Recipient"] = "ph-dmw", ["Fields"] = "prs_FirstName", ["GivenBy"] = "Foreign", ["GivenByRole"] = "Person", ["ConsentForm"] = "Phone",
            ["GivenAt"] = "2026-01-01T08:00", ["Until"] = "2030-01-01",
        },
        "POST /Cases/Details?handler=Withdraw" => new() { ["reason"] = "Withdrawn by a foreign organisation." },
        "POST /Cases/Details?handler=Revoke" => new() { ["reason"] = "Revoked by a foreign organisation." },
        "POST /Referrals/Details?handler=Accept" => new(),
        "POST /Referrals/Details?handler=Decline" => new() { ["reason"] = "Declined by a foreign organisation." },
        "POST /Referrals/Details?handler=Report" => new() { ["status"] = "Completed", ["note"] = "Completed by a foreign organisation." },
        "POST /Workers/Edit?handler=Mrz" => new() { ["Mrz"] = "P<KHMHIJACKED<<NAME<<<<<<<<<<<<<<<<<<<<<<<<<<<\nKHX12345670KHM9001014F3001012<<<<<<<<<<<<<<04" },
        _ => null,
    };

    /// <summary>Which record a Guid parameter names, from its name or the address it belongs to.</summary>
    private static Guid IdFor(Probe probe, string parameter, Foreign kh)
    {
        var name = parameter.ToLowerInvariant();
        var path = probe.Pattern.ToLowerInvariant();
        if (path.Contains("detention")) return kh.Detention;
        if (path.Contains("employer")) return kh.Employer;
        if (path.Contains("screening")) return kh.ScreeningHit;
        if (path.Contains("verification/registry")) return kh.RegistryRecord;
        if (path.Contains("verification/requests") || path.Contains("verification/review")) return kh.VerificationRequest;
        if (path.Contains("verification")) return kh.VerificationBatch;
        // Referrals (issue 5): a referral's own id (not the case's referrals list).
        if (name.Contains("referral") || (path.Contains("referral") && !path.Contains("/cases/"))) return kh.Referral;
        if (name.Contains("report")) return kh.Report;
        if (name.Contains("worker")) return kh.Worker;
        if (name.Contains("agency")) return kh.Agency;
        if (path.Contains("contract-alerts") || path.Contains("/contracts/alerts")) return kh.Alert;
        if (path.Contains("contract")) return kh.Contract;
        if (path.Contains("report")) return kh.Report;
        if (path.Contains("worker")) return kh.Worker;
        if (path.Contains("agenc")) return kh.Agency;
        if (path.Contains("case")) return kh.Case;
        throw new Xunit.Sdk.XunitException($"{probe} takes a record id '{parameter}' the access test does not know: teach IdFor which record it names.");
    }

    private static string ValueFor(Probe probe, string parameter, Foreign kh) =>
        probe.Ids.Any(i => i.Name.Equals(parameter, StringComparison.OrdinalIgnoreCase)) || parameter == "id" ? IdFor(probe, parameter, kh).ToString()
        : parameter switch { "country" => "TH", "code" => "DEMQKH2222", "documentName" => "v1", "receiptCode" => Cebu.Core.Platform.Seed.DemoCases.EmbassyReceipt, _ => "x" };

    private static HttpRequestMessage Request(Probe probe, string url, object? json, Dictionary<string, string>? form)
    {
        var request = new HttpRequestMessage(new HttpMethod(probe.Method), url);
        if (probe.IsPage) request.Headers.Accept.ParseAdd("text/html");
        if (json is not null) request.Content = JsonContent.Create(json, options: Http.JsonOptions);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        return request;
    }

    private static bool IsSignInChallenge(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Unauthorized
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location is { } l && new Uri(new Uri("http://localhost"), l) is var u
            && u.AbsolutePath == "/Account/Login" && u.Query.Contains("ReturnUrl=", StringComparison.Ordinal));

    // ---------------------------------------------------------------------------------------------------------------
    // Anonymous callers

    [Fact]
    public void The_catalogue_covers_the_api_and_the_pages()
    {
        var probes = EndpointCatalog.Probes(app.Services);
        Assert.Contains(probes, p => p.Key == "GET /api/v1/public/agencies/");
        Assert.Contains(probes, p => p.Key == "POST /api/v1/agencies/{id:guid}/status");
        Assert.Contains(probes, p => p.Key == "POST /Agencies/Details");
        Assert.Contains(probes, p => p.Key == "GET /Agencies/Index?handler=Export");
        Assert.True(probes.Count(p => p.IsPage) >= 20 && probes.Count(p => p.IsApi) >= 20, string.Join("\n", probes));
    }

    [Fact]
    public void Every_endpoint_that_allows_anonymous_access_is_marked_public_with_a_reason()
    {
        var endpoints = EndpointCatalog.Endpoints(app.Services);
        Assert.Empty(EndpointCatalog.AnonymousWithoutReason(endpoints));
        // The public ones are few and known for what they are.
        var open = endpoints.Where(EndpointCatalog.IsPublic).Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();
        Assert.Contains("/api/v1/public/agencies/", open);
        Assert.Contains("/api/v1/auth/login", open);
        Assert.Contains("/check-agency", open);
        Assert.Contains("/check-contract", open);
        Assert.Contains("/api/v1/contracts/check", open);
        Assert.Contains("/api/v1/contracts/packs", open);
        Assert.DoesNotContain("/api/v1/contracts/packs/{country}", open);
        Assert.DoesNotContain(open, p => p.StartsWith("/ContractRules", StringComparison.Ordinal));
        Assert.Contains("/Account/Login", open);
        Assert.Contains("/api/v1/public/complaints/", open);
        Assert.Contains("/api/v1/public/complaints/{receiptCode}", open);
        Assert.Contains("/complain", open);
        Assert.Contains("/complaint-status", open);
        Assert.DoesNotContain(open, p => p.StartsWith("/Agencies", StringComparison.Ordinal) || p.StartsWith("/api/v1/agencies", StringComparison.Ordinal)
                                         || p.StartsWith("/api/v1/errant-reports", StringComparison.Ordinal) || p.StartsWith("/Workers", StringComparison.Ordinal)
                                         || p.StartsWith("/Cases", StringComparison.Ordinal) || p.StartsWith("/api/v1/cases", StringComparison.Ordinal));
    }

    [Fact]
    public void The_public_mark_check_catches_a_plain_AllowAnonymous()
    {
        // The check above must be able to fail: an endpoint opened with [AllowAnonymous] alone is caught, one with the mark is not.
        RouteEndpoint Endpoint(string name, params object[] metadata) =>
            new(_ => Task.CompletedTask, RoutePatternFactory.Parse("/" + name), 0, new EndpointMetadataCollection(metadata), name);
        var caught = EndpointCatalog.AnonymousWithoutReason(
        [
            Endpoint("sloppy", new AllowAnonymousAttribute()),
            Endpoint("marked", new PublicEndpointAttribute("Because.")),
            Endpoint("blank-reason", new PublicEndpointAttribute(" ")),
            Endpoint("closed", new AuthorizeAttribute()),
        ]);
        Assert.Equal(["sloppy", "blank-reason"], caught);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused_everywhere_except_at_public_endpoints()
    {
        var kh = await KhRecords();
        using var anonymous = app.Anonymous();
        var failures = new List<string>();
        foreach (var probe in EndpointCatalog.Probes(app.Services))
        {
            var url = probe.Url(p => ValueFor(probe, p, kh));
            var response = await anonymous.SendAsync(Request(probe, url, null, null));
            var body = await response.Content.ReadAsStringAsync();
            if (probe.IsPublic)
            {
                if (IsSignInChallenge(response)) failures.Add($"{probe} is marked public but asked an anonymous caller to sign in ({(int)response.StatusCode}).");
                continue;
            }
            if (probe.IsApi)
            {
                if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{probe} {url}: anonymous got {(int)response.StatusCode}, expected 401. {Http.Cut(body, 200)}");
                else if (response.Content.Headers.ContentType?.MediaType != Http.ProblemJson) failures.Add($"{probe}: 401 without a problem document.");
            }
            else if (!IsSignInChallenge(response))
                failures.Add($"{probe} {url}: anonymous got {(int)response.StatusCode} {response.Headers.Location}, expected a redirect to /Account/Login?ReturnUrl=...");
            foreach (var marker in kh.Markers)
                if (body.Contains(marker, StringComparison.OrdinalIgnoreCase)) failures.Add($"{probe}: an anonymous answer contains '{marker}'.");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_page_under_Agencies_redirects_anonymous_users_to_sign_in()
    {
        var kh = await KhRecords();
        using var anonymous = app.Anonymous();
        var pages = EndpointCatalog.Probes(app.Services).Where(p => p.IsPage && p.PagePath!.StartsWith("/Agencies/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/Agencies/Create", "/Agencies/Details", "/Agencies/Edit", "/Agencies/Import", "/Agencies/Index", "/Agencies/Reports"],
            pages.Select(p => p.PagePath!).Distinct().Order(StringComparer.Ordinal));
        foreach (var page in pages)
        {
            var url = page.Url(p => ValueFor(page, p, kh));
            var response = await anonymous.SendAsync(Request(page, url, null, page.IsWrite ? new Dictionary<string, string>() : null));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page} {url}: {(int)response.StatusCode}");
            var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
            Assert.Equal("/Account/Login", location.AbsolutePath);
            var returnUrl = Uri.UnescapeDataString(location.Query.Split("ReturnUrl=")[1].Split('&')[0]);
            Assert.Equal(url, returnUrl);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Officials of another state

    [Theory]
    [MemberData(nameof(ForeignOfficials))]
    public async Task No_official_of_another_state_can_read_or_change_Cambodias_records_through_any_endpoint(string email)
    {
        var kh = await KhRecords();
        var auditBefore = await app.Db(db => db.AuditEvents.LongCountAsync());
        using var client = await app.As(email);
        var token = await client.AntiforgeryToken("/Account/Logout");
        var failures = new List<string>();
        var missingBodies = new List<string>();
        var targeted = 0;

        foreach (var probe in EndpointCatalog.Probes(app.Services).Where(p => !p.IsPublic))
        {
            // A write that names no record creates the caller's own state's records: not a way into another state's.
            if (probe.IsWrite && probe.Ids.Count == 0) continue;
            object? json = null;
            Dictionary<string, string>? form = null;
            if (probe.IsWrite && probe.IsPage)
            {
                form = FormBody(probe.Key);
                if (form is null) { missingBodies.Add(probe.Key); continue; }
                form = new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token };
                foreach (var id in probe.Ids.Where(i => i.In == IdIn.Form)) form[id.Name] = IdFor(probe, id.Name, kh).ToString();
            }
            else if (probe.IsWrite && probe.AcceptsBody)
            {
                json = JsonBody(probe.Key);
                if (json is null) { missingBodies.Add(probe.Key); continue; }
            }
            if (probe.Ids.Count > 0) targeted++;

            var url = probe.Url(p => ValueFor(probe, p, kh));
            var response = await client.SendAsync(Request(probe, url, json, form));
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status >= 500) failures.Add($"{probe} {url}: {status}. {Http.Cut(body, 300)}");
            if (probe.Ids.Any(i => i.In == IdIn.Route) && status is not (403 or 404))
                failures.Add($"{probe} {url}: answered {status} for Cambodia's record, expected 403 or 404. {Http.Cut(body, 300)}");
            if (probe.IsPage && probe.IsWrite && status == 400)
                failures.Add($"{probe} {url}: 400, so the request never reached the page (antiforgery?). {Http.Cut(body, 300)}");
            foreach (var marker in kh.Markers)
                if (body.Contains(marker, StringComparison.OrdinalIgnoreCase)) failures.Add($"{probe} {url}: the answer to {email} contains Cambodia's '{marker}'.");
        }

        Assert.True(missingBodies.Count == 0, $"Give the access test a plausible body for: {string.Join(", ", missingBodies.Distinct())}");
        Assert.True(targeted >= 15, $"Only {targeted} requests named a Cambodian record.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Nothing of Cambodia's changed: the records are as they were, and no registry or worker data was written at all.
        var agency = await app.Agency(Demo.GoldenLotus);
        Assert.Equal((kh.AgencyVersion, LicenceStatus.Active, Demo.GoldenLotusName), (agency.Version, agency.Status, agency.LegalName));
        Assert.Null((await app.Db(db => db.Set<ErrantAgencyReport>().AsNoTracking().SingleAsync(r => r.Id == kh.Report))).ActionTaken);
        var worker = await app.Db(db => db.Set<Worker>().AsNoTracking().SingleAsync(w => w.Id == kh.Worker));
        Assert.Equal((kh.WorkerVersion, JourneyPhase.Recruitment, DocumentationStatus.Documented), (worker.Version, worker.Phase, worker.DocumentationStatus));
        Assert.False(await app.Db(db => db.Set<CrisisCheck>().AnyAsync(c => c.WorkerId == kh.Worker)));
        var held = await app.Db(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == kh.Case));
        Assert.Equal((kh.CaseVersion, CaseState.New, false), (held.Version, held.State, held.Screened));
        Assert.False(await app.Db(db => db.Set<CaseNote>().AnyAsync(n => n.CaseId == kh.Case)));
        var contract = await app.Db(db => db.Set<EmploymentContract>().AsNoTracking().SingleAsync(c => c.Id == kh.Contract));
        Assert.Equal((ContractStatus.Recorded, "domestic worker", null), (contract.Status, contract.Terms.JobTitle, contract.DocumentSha256));
        Assert.Null((await app.Db(db => db.Set<ContractAlert>().AsNoTracking().SingleAsync(a => a.Id == kh.Alert))).AcknowledgedAt);
        Assert.Null((await app.Db(db => db.Set<DetentionNotice>().AsNoTracking().SingleAsync(d => d.Id == kh.Detention))).AcknowledgedAt);
        Assert.Equal(EmployerStatus.Active, (await app.Db(db => db.Set<Employer>().AsNoTracking().SingleAsync(e => e.Id == kh.Employer))).Status);
        Assert.Equal(ScreeningHitStatus.Open, (await app.Db(db => db.Set<ScreeningHit>().AsNoTracking().SingleAsync(h => h.Id == kh.ScreeningHit))).Status);
        Assert.Equal(Decision.Undecided, (await app.Db(db => db.Set<VerificationRequest>().AsNoTracking().SingleAsync(r => r.Id == kh.VerificationRequest))).Decision);
        // Referrals (issue 5): the embassy's referral is as it was, and no foreign referral was made of Cambodia's case.
        var referral = await app.Db(db => db.Set<CaseReferral>().AsNoTracking().SingleAsync(r => r.Id == kh.Referral));
        Assert.Equal((ReferralStatus.Sent, (DateTimeOffset?)null), (referral.Status, referral.ConsentRevokedAt));
        Assert.Equal(1, await app.Db(db => db.Set<CaseReferral>().CountAsync(r => r.CaseId == kh.Case)));
        var written = await app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Sequence > auditBefore).ToListAsync());
        Assert.All(written, e => Assert.True(e.RecordType is "CebuUser" || e.RecordType.StartsWith("IdentityUser", StringComparison.Ordinal),
            $"{email}'s requests wrote {e.Action} {e.RecordType} {e.RecordId}"));
    }

    [Fact]
    public async Task The_owning_state_does_see_the_text_the_sweep_looks_for()
    {
        // The sweep above proves something only if its markers show where they may: here they do.
        var kh = await KhRecords();
        using var licensing = await app.As(Demo.LicensingKH);
        var agency = await (await licensing.GetAsync($"/api/v1/agencies/{kh.Agency}")).Content.ReadAsStringAsync();
        Assert.Contains(kh.Markers[0], agency);
        var page = await (await licensing.SendAsync(Http.Page($"/Agencies/Details/{kh.Agency}"))).Content.ReadAsStringAsync();
        Assert.Contains(kh.Markers[1], page);
        using var consul = await app.As(Demo.ConsulKHinTH);
        Assert.Contains(kh.Markers[3], await (await consul.GetAsync("/api/v1/errant-reports")).Content.ReadAsStringAsync());
        using var inspector = await app.As(Demo.InspectorMY);
        Assert.Contains(kh.Markers[3], await (await inspector.GetAsync("/api/v1/errant-reports")).Content.ReadAsStringAsync());
        using var labour = await app.As(Demo.LabourKH);
        Assert.Contains(kh.Markers[5], await (await labour.GetAsync($"/api/v1/workers/{kh.Worker}")).Content.ReadAsStringAsync());
        using var embassy = await app.As(Demo.ConsulKHinTH);
        var @case = await (await embassy.GetAsync($"/api/v1/cases/{kh.Case}")).Content.ReadAsStringAsync();
        Assert.Contains(kh.Markers[8], @case);
        Assert.Contains(kh.Markers[9], @case);
        Assert.Contains(kh.Markers[10], await (await labour.GetAsync($"/api/v1/contracts/{kh.Contract}")).Content.ReadAsStringAsync());
        Assert.Contains(kh.Markers[11], await (await labour.GetAsync("/api/v1/contract-alerts")).Content.ReadAsStringAsync());
        Assert.Contains(kh.Markers[10], await (await labour.SendAsync(Http.Page($"/Contracts/Details/{kh.Contract}"))).Content.ReadAsStringAsync());
        using var malaysia = await app.As(Demo.InspectorMY);
        Assert.Contains(kh.Markers[10], await (await malaysia.GetAsync($"/api/v1/contracts/{kh.Contract}")).Content.ReadAsStringAsync());
        Assert.Contains(kh.Markers[12], await (await malaysia.GetAsync("/api/v1/detentions")).Content.ReadAsStringAsync());
        Assert.Contains(kh.Markers[12], await (await malaysia.SendAsync(Http.Page("/Detentions"))).Content.ReadAsStringAsync());
        // Nationality verification: Malaysia (the sender) sees its request, Cambodia its request and its registry record.
        Assert.Contains(kh.Markers[14], await (await malaysia.GetAsync($"/api/v1/verification/batches/{kh.VerificationBatch}")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(kh.Markers[15], await (await malaysia.GetAsync($"/api/v1/verification/batches/{kh.VerificationBatch}")).Content.ReadAsStringAsync());
        Assert.Contains(kh.Markers[14], await (await labour.SendAsync(Http.Page($"/Verification/Batch/{kh.VerificationBatch}"))).Content.ReadAsStringAsync());
        Assert.Contains(kh.Markers[15], await (await labour.SendAsync(Http.Page($"/Verification/Review/{kh.VerificationRequest}"))).Content.ReadAsStringAsync());
        Assert.Contains(kh.Markers[15], await (await labour.GetAsync($"/api/v1/verification/registry/{kh.RegistryRecord}")).Content.ReadAsStringAsync());
        // Employers and screening (issue 6): Cambodia's reviewers see its screening hit, Malaysia's inspectors its employer.
        Assert.Contains(kh.Markers[16], await (await labour.GetAsync($"/api/v1/screening-hits/{kh.ScreeningHit}")).Content.ReadAsStringAsync());
        Assert.Contains(kh.Markers[16], await (await labour.SendAsync(Http.Page("/Screening"))).Content.ReadAsStringAsync());
        Assert.Contains(kh.Markers[17], await (await malaysia.GetAsync($"/api/v1/employers/{kh.Employer}")).Content.ReadAsStringAsync());
        // Referrals (issue 5): the sender and the recipient see the referral's marker; the recipient sees the shared name only.
        Assert.Contains(kh.Markers[13], await (await embassy.GetAsync($"/api/v1/cases/{kh.Case}/referrals")).Content.ReadAsStringAsync());
        using var ministry = await app.As(Demo.LabourKH);
        var received = await (await ministry.GetAsync($"/api/v1/referrals/{kh.Referral}")).Content.ReadAsStringAsync();
        Assert.Contains(kh.Markers[13], received);
        Assert.Contains("Sokha", received);
        Assert.DoesNotContain(kh.Markers[8], received);
        Assert.DoesNotContain(kh.Markers[9], received);
        Assert.Contains(kh.Markers[13], await (await ministry.SendAsync(Http.Page($"/Referrals/Details/{kh.Referral}"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_licensing_officer_of_PH_cannot_read_or_change_a_KH_agency()
    {
        var id = await app.AgencyId(Demo.GoldenLotus);
        using var ph = await app.As(Demo.LicensingPH);
        await (await ph.GetAsync($"/api/v1/agencies/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await ph.PutJson($"/api/v1/agencies/{id}", new { agency = Samples.Agency(Demo.GoldenLotus, "Hijacked Lotus Co., Ltd."), reason = "x" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await ph.PostJson($"/api/v1/agencies/{id}/status", new { action = "suspend", reason = "x", legalReference = "y" })).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Empty((await (await ph.GetAsync($"/api/v1/errant-reports?agencyId={id}")).OkJson()).AsArray());
        Assert.Equal(LicenceStatus.Active, (await app.Agency(Demo.GoldenLotus)).Status);
    }

    [Fact]
    public async Task A_licensing_officer_lists_and_exports_only_their_own_states_agencies()
    {
        using var ph = await app.As(Demo.LicensingPH);
        var phLicences = await app.Db(db => db.Set<Agency>().Where(a => a.LicensingState == "PH").Select(a => a.LicenceNumber).ToListAsync());
        var list = await (await ph.GetAsync("/api/v1/agencies?pageSize=500")).OkJson();
        Assert.Equal(phLicences.Count, list["total"]!.GetValue<int>());
        Assert.All(list.Items(), a => Assert.Equal("PH", a["licensingState"].Str()));
        Assert.Empty((await (await ph.GetAsync("/api/v1/agencies?q=golden%20lotus")).OkJson()).Items());

        var csv = await (await ph.GetAsync("/api/v1/agencies/export")).Content.ReadAsStringAsync();
        var exported = Cebu.Core.Platform.Csv.Csv.Read(new StringReader(csv)).Skip(1).Select(r => r.Fields[0]).ToList();
        Assert.Equal(phLicences.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("KH-DEMO", csv);

        Assert.DoesNotContain((await (await ph.GetAsync("/api/v1/errant-reports")).OkJson()).AsArray(), r => r!["licensingState"].Str() == "KH");
    }

    [Fact]
    public async Task An_embassy_sees_its_states_agencies_and_reports_but_changes_nothing()
    {
        using var consul = await app.As(Demo.ConsulKHinTH);
        var list = await (await consul.GetAsync("/api/v1/agencies?pageSize=500")).OkJson();
        Assert.Equal(await app.Db(db => db.Set<Agency>().CountAsync(a => a.LicensingState == "KH")), list["total"]!.GetValue<int>());
        Assert.All(list.Items(), a => Assert.Equal("KH", a["licensingState"].Str()));
        var id = await app.AgencyId(Demo.GoldenLotus);
        Assert.Equal(Demo.GoldenLotusName, (await (await consul.GetAsync($"/api/v1/agencies/{id}")).OkJson())["legalName"].Str());

        var reports = (await (await consul.GetAsync("/api/v1/errant-reports")).OkJson()).AsArray().Select(r => r!).ToList();
        Assert.Contains(reports, r => r["licenceNumber"].Str() == Demo.GoldenLotus && r["reportingState"].Str() == "MY");
        Assert.Contains(reports, r => r["licenceNumber"].Str() == Demo.KhSuspended && r["reportingState"].Str() == "TH");
        Assert.All(reports, r => Assert.Equal("KH", r["licensingState"].Str()));

        await (await consul.PutJson($"/api/v1/agencies/{id}", new { agency = Samples.Agency(Demo.GoldenLotus, "Hijacked Lotus Co., Ltd."), reason = "x" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await consul.PostJson($"/api/v1/agencies/{id}/status", new { action = "suspend", reason = "x", legalReference = "y" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        // Another state's agency is out of sight.
        await (await consul.GetAsync($"/api/v1/agencies/{await app.AgencyId("PH-DEMO-001")}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_inspector_cannot_read_the_registry_but_can_file_reports()
    {
        using var inspector = await app.As(Demo.InspectorTH);
        var id = await app.AgencyId(Demo.GoldenLotus);
        await (await inspector.GetAsync("/api/v1/agencies")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await inspector.GetAsync($"/api/v1/agencies/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await inspector.GetAsync("/api/v1/agencies/export")).ShouldBeProblem(HttpStatusCode.Forbidden);
        var filed = await inspector.PostJson("/api/v1/errant-reports", new
        {
            licensingState = "KH", licenceNumber = Demo.GoldenLotus, whatHappened = "Recruitment fees charged twice.", occurredOn = Samples.Today.AddDays(-1), place = "Pattaya",
        });
        await filed.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_worker_import_and_the_permit_recording_answer_each_role_as_the_access_rules_say()
    {
        // Import (a dry run of one valid row): a sending state's labour officers only, each for their own state.
        var csv = string.Join(',', ImportWorkers.Columns) + "\nACCESSTEST,SOKHA,,F,1994-03-15,Example Village,KH,,DACCESS1,2032-06-30,,,,,,,,km,TH,manufacturing\n";
        foreach (var (email, expected) in new[]
                 {
                     (Demo.LabourKH, HttpStatusCode.OK), (Demo.LabourPH, HttpStatusCode.OK), (Demo.InspectorTH, HttpStatusCode.Forbidden), (Demo.CaseworkerSG, HttpStatusCode.Forbidden),
                     (Demo.ConsulKHinTH, HttpStatusCode.Forbidden), (Demo.LicensingKH, HttpStatusCode.Forbidden), (Demo.Analyst, HttpStatusCode.Forbidden),
                 })
        {
            using var client = await app.As(email);
            var response = await client.PostAsync("/api/v1/workers/import?dryRun=true", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
            Assert.True(response.StatusCode == expected, $"{email} importing: {(int)response.StatusCode}, expected {(int)expected}. {await response.Content.ReadAsStringAsync()}");
        }

        // Permit and placement of a Cambodian worker placed in Thailand: Thailand's inspectorate and Cambodia's labour office;
        // other Thai officials and the Cambodian embassy see the worker but may not write; other states do not see it.
        var placed = await app.Db(db => db.Set<Worker>().AsNoTracking().Where(w => w.OwnerState == "KH" && w.PlacementState == "TH" && w.Phase == JourneyPhase.Placement)
            .OrderByDescending(w => w.PassportNumber).FirstAsync());
        var region = 0;
        foreach (var (email, expected) in new[]
                 {
                     (Demo.InspectorTH, HttpStatusCode.OK), (Demo.LabourKH, HttpStatusCode.OK), ("caseworker@th.demo", HttpStatusCode.Forbidden),
                     (Demo.ConsulKHinTH, HttpStatusCode.Forbidden), (Demo.InspectorMY, HttpStatusCode.NotFound), (Demo.LabourPH, HttpStatusCode.NotFound),
                     (Demo.LicensingKH, HttpStatusCode.Forbidden), (Demo.Analyst, HttpStatusCode.Forbidden),
                 })
        {
            using var client = await app.As(email);
            var response = await client.PostJson($"/api/v1/workers/{placed.Id}/placement", new { placementRegion = $"Access test region {++region}" });
            Assert.True(response.StatusCode == expected, $"{email} recording a permit: {(int)response.StatusCode}, expected {(int)expected}. {await response.Content.ReadAsStringAsync()}");
        }
        var stored = await app.Db(db => db.Set<Worker>().AsNoTracking().SingleAsync(w => w.Id == placed.Id));
        Assert.Equal("Access test region 2", stored.PlacementRegion);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Contract rule packs: who may publish which state's pack

    /// <summary>Each role, the state it asks to publish for, and the answer: only a state's labour officers and inspectors, for their own state.</summary>
    /// <remarks>The page column is "open", or where the page sends the caller: to sign in, or to the access-denied page.</remarks>
    public static readonly TheoryData<string?, string, HttpStatusCode, string> PackPublishers = new()
    {
        { null, "KH", HttpStatusCode.Unauthorized, "/Account/Login" },
        { Demo.LabourPH, "PH", HttpStatusCode.OK, "open" },
        { Demo.LabourPH, "TH", HttpStatusCode.Forbidden, "open" },
        { Demo.InspectorTH, "TH", HttpStatusCode.OK, "open" },
        { Demo.LicensingKH, "KH", HttpStatusCode.Forbidden, "/Account/AccessDenied" },
        { Demo.CaseworkerSG, "SG", HttpStatusCode.Forbidden, "/Account/AccessDenied" },
        { Demo.ConsulKHinTH, "KH", HttpStatusCode.Forbidden, "/Account/AccessDenied" },
        { Demo.Analyst, "KH", HttpStatusCode.Forbidden, "/Account/AccessDenied" },
    };

    [Theory]
    [MemberData(nameof(PackPublishers))]
    public async Task Only_a_states_labour_officers_and_inspectors_may_publish_its_rule_pack(string? email, string country, HttpStatusCode api, string page)
    {
        using var client = email is null ? app.Anonymous() : await app.As(email);
        var response = await client.PostAsJsonAsync($"/api/v1/contracts/packs/{country}?dryRun=true",
            RulePackPublishingTests<TApp>.Pack(country, "access-1", Samples.Today.AddDays(60).ToString("yyyy-MM-dd")));
        Assert.True(response.StatusCode == api, $"{email ?? "anonymous"} publishing {country}: {(int)response.StatusCode}, expected {(int)api}. {Http.Cut(await response.Content.ReadAsStringAsync(), 300)}");
        // The page, signed in with a cookie as a person would.
        using var browser = app.Anonymous();
        if (email is not null) await (await browser.SignInOnPage(email, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        var shown = await browser.SendAsync(Http.Page("/ContractRules"));
        if (page == "open") Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
            Assert.Equal(page, new Uri(new Uri("http://localhost"), shown.Headers.Location!).AbsolutePath);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Detention notices (consular notification): who may record, list and open the pages

    /// <summary>Each role: recording (API), listing (API), the list page and the record page ("open", or where the page sends the caller).</summary>
    public static readonly TheoryData<string?, HttpStatusCode, HttpStatusCode, string, string> DetentionRoles = new()
    {
        { null, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, "/Account/Login", "/Account/Login" },
        { Demo.InspectorTH, HttpStatusCode.BadRequest, HttpStatusCode.OK, "open", "open" },
        { Demo.CaseworkerSG, HttpStatusCode.BadRequest, HttpStatusCode.OK, "open", "open" },
        { Demo.ConsulKHinTH, HttpStatusCode.Forbidden, HttpStatusCode.OK, "open", "/Account/AccessDenied" },
        { Demo.LabourKH, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
        { Demo.LicensingKH, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
        { Demo.Analyst, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
        { Demo.AgencyMM, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
    };

    [Theory]
    [MemberData(nameof(DetentionRoles))]
    public async Task Detention_notices_answer_each_role_as_the_access_rules_say(string? email, HttpStatusCode record, HttpStatusCode list, string listPage, string recordPage)
    {
        using var client = email is null ? app.Anonymous() : await app.As(email);
        // An empty body: allowed callers reach the validation (400), nothing is saved.
        var recorded = await client.PostJson("/api/v1/detentions", new { });
        Assert.True(recorded.StatusCode == record, $"{email ?? "anonymous"} recording: {(int)recorded.StatusCode}, expected {(int)record}.");
        var listed = await client.GetAsync("/api/v1/detentions");
        Assert.True(listed.StatusCode == list, $"{email ?? "anonymous"} listing: {(int)listed.StatusCode}, expected {(int)list}.");
        await PagesShouldAnswer(email, ("/Detentions", listPage), ("/Detentions/Record", recordPage));
    }

    /// <summary>Signs in on the sign-in page (unless anonymous) and checks each page: "open", or the path it redirects the caller to.</summary>
    private async Task PagesShouldAnswer(string? email, params (string Path, string Expected)[] pages)
    {
        using var browser = app.Anonymous();
        if (email is not null) await (await browser.SignInOnPage(email, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        foreach (var (path, expected) in pages)
        {
            var shown = await browser.SendAsync(Http.Page(path));
            if (expected == "open") Assert.True(shown.StatusCode == HttpStatusCode.OK, $"{email} {path}: {(int)shown.StatusCode}");
            else
            {
                Assert.True(shown.StatusCode == HttpStatusCode.Redirect, $"{email} {path}: {(int)shown.StatusCode}, expected a redirect to {expected}");
                Assert.Equal(expected, new Uri(new Uri("http://localhost"), shown.Headers.Location!).AbsolutePath);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Nationality verification (issue 6): who may send batches, list them, read the registry extract, and open the pages

    /// <summary>Each role: sending a batch (API, empty body), listing batches, listing the registry extract (API), then the pages /Verification, /Verification/Send, /Verification/Registry.</summary>
    public static readonly TheoryData<string?, HttpStatusCode, HttpStatusCode, HttpStatusCode, string[]> VerificationRoles = new()
    {
        { null, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, ["/Account/Login", "/Account/Login", "/Account/Login"] },
        { Demo.InspectorTH, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.Forbidden, ["open", "open", "/Account/AccessDenied"] },
        { Demo.LabourKH, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK, ["open", "/Account/AccessDenied", "open"] },
        { Demo.CaseworkerSG, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, ["/Account/AccessDenied", "/Account/AccessDenied", "/Account/AccessDenied"] },
        { Demo.ConsulKHinTH, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, ["/Account/AccessDenied", "/Account/AccessDenied", "/Account/AccessDenied"] },
        { Demo.LicensingKH, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, ["/Account/AccessDenied", "/Account/AccessDenied", "/Account/AccessDenied"] },
        { Demo.Analyst, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, ["/Account/AccessDenied", "/Account/AccessDenied", "/Account/AccessDenied"] },
        { Demo.AgencyMM, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, ["/Account/AccessDenied", "/Account/AccessDenied", "/Account/AccessDenied"] },
    };

    [Theory]
    [MemberData(nameof(VerificationRoles))]
    public async Task Nationality_verification_answers_each_role_as_the_access_rules_say(string? email, HttpStatusCode send, HttpStatusCode list, HttpStatusCode registry, string[] pages)
    {
        using var client = email is null ? app.Anonymous() : await app.As(email);
        var sent = await client.PostJson("/api/v1/verification/batches", new { });
        Assert.True(sent.StatusCode == send, $"{email ?? "anonymous"} sending: {(int)sent.StatusCode}, expected {(int)send}.");
        var listed = await client.GetAsync("/api/v1/verification/batches");
        Assert.True(listed.StatusCode == list, $"{email ?? "anonymous"} listing: {(int)listed.StatusCode}, expected {(int)list}.");
        var extract = await client.GetAsync("/api/v1/verification/registry");
        Assert.True(extract.StatusCode == registry, $"{email ?? "anonymous"} registry: {(int)extract.StatusCode}, expected {(int)registry}.");
        using var browser = app.Anonymous();
        if (email is not null) await (await browser.SignInOnPage(email, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);
        foreach (var (path, expected) in new[] { "/Verification", "/Verification/Send", "/Verification/Registry" }.Zip(pages))
        {
            var shown = await browser.SendAsync(Http.Page(path));
            if (expected == "open") Assert.True(shown.StatusCode == HttpStatusCode.OK, $"{email} {path}: {(int)shown.StatusCode}");
            else
            {
                Assert.True(shown.StatusCode == HttpStatusCode.Redirect, $"{email} {path}: {(int)shown.StatusCode}");
                Assert.Equal(expected, new Uri(new Uri("http://localhost"), shown.Headers.Location!).AbsolutePath);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Employers and screening (issue 6): employers.manage (labour offices, inspectorates) and screening.review
    // (licensing officers too); each state sees its own employers and its own queue.

    /// <summary>Each role: the employer list (API), the screening queue (API), and the two pages ("open", or where the page sends the caller).</summary>
    public static readonly TheoryData<string?, HttpStatusCode, HttpStatusCode, string, string> EmployerAndScreeningRoles = new()
    {
        { null, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, "/Account/Login", "/Account/Login" },
        { Demo.InspectorMY, HttpStatusCode.OK, HttpStatusCode.OK, "open", "open" },
        { Demo.LabourKH, HttpStatusCode.OK, HttpStatusCode.OK, "open", "open" },
        { Demo.LicensingKH, HttpStatusCode.Forbidden, HttpStatusCode.OK, "/Account/AccessDenied", "open" },
        { Demo.CaseworkerMY, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
        { Demo.ConsulKHinTH, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
        { Demo.Analyst, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
        { Demo.AgencyKH, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
    };

    [Theory]
    [MemberData(nameof(EmployerAndScreeningRoles))]
    public async Task Employers_and_the_screening_queue_answer_each_role_as_the_access_rules_say(string? email, HttpStatusCode employers, HttpStatusCode hits, string employersPage, string screeningPage)
    {
        using var client = email is null ? app.Anonymous() : await app.As(email);
        var listed = await client.GetAsync("/api/v1/employers");
        Assert.True(listed.StatusCode == employers, $"{email ?? "anonymous"} listing employers: {(int)listed.StatusCode}, expected {(int)employers}.");
        if (listed.StatusCode == HttpStatusCode.OK)
            Assert.DoesNotContain((await listed.OkJson()).AsArray(), e => e!["registeringState"].Str() != (email == Demo.InspectorMY ? "MY" : "KH"));
        var queue = await client.GetAsync("/api/v1/screening-hits");
        Assert.True(queue.StatusCode == hits, $"{email ?? "anonymous"} listing screening hits: {(int)queue.StatusCode}, expected {(int)hits}.");
        await PagesShouldAnswer(email, ("/Employers", employersPage), ("/Employers/Register", employersPage), ("/Screening", screeningPage));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The administrator

    // ---------------------------------------------------------------------------------------------------------------
    // Casework (issue 5): the dashboard and wage claims for whoever handles cases, escalations for supervisors only.

    public static readonly TheoryData<string?, HttpStatusCode, HttpStatusCode, string, string> CaseworkRoles = new()
    {
        // email, GET /api/v1/cases/dashboard, GET /api/v1/cases/escalations, /Cases/Dashboard, /Cases/Escalations ("open", or where the page sends the caller)
        { null, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, "/Account/Login", "/Account/Login" },
        { Demo.SupervisorMY, HttpStatusCode.OK, HttpStatusCode.OK, "open", "open" },
        { Demo.CaseworkerMY, HttpStatusCode.OK, HttpStatusCode.Forbidden, "open", "/Account/AccessDenied" },
        { Demo.ConsulKHinTH, HttpStatusCode.OK, HttpStatusCode.Forbidden, "open", "/Account/AccessDenied" },
        { Demo.InspectorMY, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
        { Demo.LabourKH, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
        { Demo.Analyst, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, "/Account/AccessDenied", "/Account/AccessDenied" },
    };

    [Theory]
    [MemberData(nameof(CaseworkRoles))]
    public async Task Casework_answers_each_role_as_the_access_rules_say(string? email, HttpStatusCode dashboard, HttpStatusCode escalations, string dashboardPage, string escalationsPage)
    {
        using var client = email is null ? app.Anonymous() : await app.As(email);
        await (await client.GetAsync("/api/v1/cases/dashboard")).ShouldBe(dashboard);
        await (await client.GetAsync("/api/v1/cases/escalations")).ShouldBe(escalations);
        await PagesShouldAnswer(email, ("/Cases/Dashboard", dashboardPage), ("/Cases/Escalations", escalationsPage));
        // The Malaysian supervisor's inbox holds only Malaysia's cases; the dashboard counts only the caller's organisation.
        if (escalations == HttpStatusCode.OK)
        {
            var owners = await app.Db(db => db.Set<CaseEscalation>().AsNoTracking().Select(e => e.OwnerOrganisationId).Distinct().ToListAsync());
            var inbox = (await (await client.GetAsync("/api/v1/cases/escalations?all=true")).OkJson()).AsArray();
            var ids = inbox.Select(e => Guid.Parse(e!["caseId"].Str())).ToList();
            Assert.All(await app.Db(db => db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.OwnerOrganisationId).ToListAsync()), o => Assert.Equal("my-mohr", o));
            Assert.NotEmpty(owners);
        }
    }

    [Fact]
    public async Task An_administrator_without_a_second_factor_gets_no_data()
    {
        var kh = await KhRecords();
        using var client = app.Anonymous();
        // No bearer token without the second factor.
        await (await client.PostJson("/api/v1/auth/login", new { email = Demo.Admin, password = Demo.Password })).ShouldBeProblem(HttpStatusCode.Forbidden);

        // The sign-in page lets the administrator in, only to enrol an authenticator.
        await (await client.SignInOnPage(Demo.Admin, Demo.Password)).ShouldBe(HttpStatusCode.Redirect);

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var probe in EndpointCatalog.Probes(app.Services).Where(p => !p.IsPublic && !p.IsWrite))
        {
            checkedCount++;
            var url = probe.Url(p => ValueFor(probe, p, kh));
            var response = await client.SendAsync(Request(probe, url, null, null));
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (probe.IsApi && status != 403)
                failures.Add($"{probe} {url}: {status}, expected 403. {Http.Cut(body, 200)}");
            if (probe.IsPage && !probe.PagePath!.StartsWith("/Account/", StringComparison.Ordinal)
                && !(status == 302 && response.Headers.Location?.OriginalString == "/Account/SetupAuthenticator"))
                failures.Add($"{probe} {url}: {status} {response.Headers.Location}, expected a redirect to /Account/SetupAuthenticator.");
            foreach (var marker in kh.Markers.Append("-DEMO-0").Append("Example Street").Append("DEMQ"))
                if (body.Contains(marker, StringComparison.OrdinalIgnoreCase)) failures.Add($"{probe} {url}: the administrator was shown '{marker}'.");
        }
        Assert.True(checkedCount >= 20);
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The enrolment page itself opens.
        var setup = await client.SendAsync(Http.Page("/Account/SetupAuthenticator"));
        await setup.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("otpauth://totp/", WebUtility.HtmlDecode(await setup.Content.ReadAsStringAsync()));
    }
}

public sealed class AccessPolicyTests_on_Sqlite(SqliteApp app) : AccessPolicyTests<SqliteApp>(app);
public sealed class AccessPolicyTests_on_Postgres(PostgresApp app) : AccessPolicyTests<PostgresApp>(app);
