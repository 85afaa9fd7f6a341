using Cebu.Core.Features.Cases;

namespace Cebu.Core.Platform.Seed;

/// <summary>Fictional demo cases: one walk-in at Cambodia's embassy in Bangkok, one hotline call in Malaysia.</summary>
public static class DemoCases
{
    /// <summary>The receipt code of the embassy's demo case (a valid code: its check character is right).</summary>
    public static readonly string EmbassyReceipt = "DEMQ2222222222" + ReceiptCodes.CheckCharacter("DEMQ2222222222");
    public static readonly string HotlineReceipt = "DEMQ3333333333" + ReceiptCodes.CheckCharacter("DEMQ3333333333");
    /// <summary>An urgent walk-in in Malaysia left unassessed past its 24 hours: the escalation job escalates it to the supervisor.</summary>
    public static readonly string OverdueReceipt = "DEMQ4444444444" + ReceiptCodes.CheckCharacter("DEMQ4444444444");

    public static IEnumerable<object> Build(DateTimeOffset now)
    {
        var embassy = new Case
        {
            OwnerOrganisationId = "kh-embassy-th", OwnerState = "KH", RoutedBecause = "Walk-in at the embassy (demo).", ReceiptCode = EmbassyReceipt,
            Channel = CaseChannel.WalkIn, ReceivedAt = now.AddDays(-3), ReceivedBy = "consul-kh@th.demo",
            FirstName = "Sokha", SecondName = "DEMO-CASE", Citizenship = "KH", PrimaryLanguage = "km", MobilePhone = "+66 80 000 0101", ContactConsent = true, CurrentCountry = "TH",
            Description = "The employer at a fictional packing plant on Example Street keeps my passport and has not paid me for two months (demo).",
            Employer = "Example Packing Co., Ltd. (demo)", LabourIssues = [LabourIssue.UnpaidWages, LabourIssue.WithheldDocuments],
            ScreeningFacts = new CaseScreeningFacts { OutsideCountryOfNationality = true },
            State = CaseState.New, StateSince = now.AddDays(-3), LastActivityAt = now.AddDays(-3), CreatedAt = now.AddDays(-3), UpdatedAt = now.AddDays(-3),
        };
        var hotline = new Case
        {
            OwnerOrganisationId = "my-mohr", OwnerState = "MY", RoutedBecause = "Hotline call (demo).", ReceiptCode = HotlineReceipt,
            Channel = CaseChannel.Hotline, ReceivedAt = now.AddHours(-30), ReceivedBy = "caseworker@my.demo",
            PrimaryLanguage = "id", CurrentCountry = "MY", Citizenship = "ID",
            Description = "Anonymous caller (demo): twelve workers at a fictional plantation work fourteen hours a day and may not leave the estate.",
            LocationOfExploitation = "Example Estate, Pahang (demo)", ScreeningFacts = new CaseScreeningFacts { OutsideCountryOfNationality = true },
            State = CaseState.New, StateSince = now.AddHours(-30), LastActivityAt = now.AddHours(-30), CreatedAt = now.AddHours(-30), UpdatedAt = now.AddHours(-30),
        };
        var overdue = new Case
        {
            OwnerOrganisationId = "my-mohr", OwnerState = "MY", RoutedBecause = "Walk-in at the labour department (demo).", ReceiptCode = OverdueReceipt,
            Channel = CaseChannel.WalkIn, ReceivedAt = now.AddHours(-36), ReceivedBy = "supervisor@my.demo",
            FirstName = "Ratna", SecondName = "DEMO-CASE", Citizenship = "ID", PrimaryLanguage = "id", CurrentCountry = "MY", ContactConsent = true,
            Description = "A fictional plantation worker (demo) says the supervisor threatened her today and that four months' wages are unpaid.",
            Employer = "Example Palm Estates Sdn. Bhd. (demo)", AgencyName = "Golden Lotus Manpower Co., Ltd.", LabourIssues = [LabourIssue.UnpaidWages],
            ScreeningFacts = new CaseScreeningFacts { InDangerNow = true, OutsideCountryOfNationality = true }, Priority = CasePriority.Urgent, ScreeningRules = ["P1"],
            State = CaseState.New, StateSince = now.AddHours(-36), LastActivityAt = now.AddHours(-36), CreatedAt = now.AddHours(-36), UpdatedAt = now.AddHours(-36),
        };
        foreach (var c in new[] { embassy, hotline, overdue })
        {
            c.Reschedule();
            yield return c;
            yield return new CaseStatusChange { CaseId = c.Id, OwnerOrganisationId = c.OwnerOrganisationId, To = CaseState.New, Reason = c.RoutedBecause, ChangedBy = c.ReceivedBy!, ChangedAt = c.ReceivedAt };
        }
    }
}
