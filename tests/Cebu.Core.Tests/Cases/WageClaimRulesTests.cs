using System.Text;
using Cebu.Core.Features.Cases;

namespace Cebu.Core.Tests.Cases;

public sealed class WageClaimRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static WageClaim Claim(WageClaimStage stage = WageClaimStage.Filed, WageClaimOutcome outcome = WageClaimOutcome.Pending, params WageClaimItem[] items) => new()
    {
        Forum = WageClaimForum.LabourCourt, Respondent = "Example Estates Sdn. Bhd. (fictional)", Stage = stage, Outcome = outcome, FiledOn = Today.AddDays(-60),
        Items = items.Length > 0 ? items.ToList() : [new WageClaimItem { Kind = WageClaimItemKind.UnpaidWages, Claimed = 6000, Currency = "MYR" }],
    };

    private static WageClaimPayment Paid(decimal amount, string currency = "MYR", int daysAgo = 5) => new() { Amount = amount, Currency = currency, Payer = "Employer", PaidOn = Today.AddDays(-daysAgo) };

    [Theory]
    [InlineData(WageClaimStage.Filed, WageClaimStage.Conciliation, true)]
    [InlineData(WageClaimStage.Filed, WageClaimStage.Award, true)] // a labour office may decide at once
    [InlineData(WageClaimStage.Hearing, WageClaimStage.Closed, true)] // withdrawn, settled
    [InlineData(WageClaimStage.Hearing, WageClaimStage.Hearing, true)] // a correction
    [InlineData(WageClaimStage.Award, WageClaimStage.Hearing, false)]
    [InlineData(WageClaimStage.Enforcement, WageClaimStage.Filed, false)]
    [InlineData(WageClaimStage.Closed, WageClaimStage.Enforcement, false)]
    public void Stages_move_forward_only_and_nothing_leaves_closed(WageClaimStage from, WageClaimStage to, bool allowed) =>
        Assert.Equal(allowed, WageClaimRules.CanMove(from, to));

    [Fact]
    public void Going_back_a_stage_is_refused_on_the_stage_field()
    {
        var c = Claim(WageClaimStage.Conciliation);
        var v = WageClaimRules.Check(c, WageClaimStage.Hearing, Today);
        Assert.Equal(["stage"], v.ToProblem().Errors!.Keys);
        Assert.Contains("cannot go back from hearing to conciliation", v.ToProblem().Errors!["stage"][0]);
        Assert.Contains("closed", WageClaimRules.Check(Claim(WageClaimStage.Enforcement, WageClaimOutcome.AwardedInFull), WageClaimStage.Closed, Today).ToProblem().Errors!["stage"][0]);
    }

    [Fact]
    public void A_new_claim_needs_a_respondent_an_amount_a_currency_and_a_past_filing_date()
    {
        var c = Claim(items: new WageClaimItem { Claimed = 0, Currency = "ringgit" });
        c.Respondent = " ";
        c.FiledOn = Today.AddDays(1);
        var errors = WageClaimRules.Check(c, null, Today).ToProblem().Errors!;
        Assert.Equal(["respondent", "items[0].currency", "items[0].claimed", "filedOn"], errors.Keys);
        Assert.False(WageClaimRules.Check(Claim(), null, Today).HasErrors);
    }

    [Fact]
    public void An_award_needs_its_date_its_outcome_and_each_amount_awarded()
    {
        var c = Claim(WageClaimStage.Award);
        var errors = WageClaimRules.Check(c, WageClaimStage.Hearing, Today).ToProblem().Errors!;
        Assert.Equal(["decidedOn", "outcome"], errors.Keys);
        c.Outcome = WageClaimOutcome.AwardedInPart;
        c.DecidedOn = Today.AddDays(-1);
        Assert.Equal(["items"], WageClaimRules.Check(c, WageClaimStage.Hearing, Today).ToProblem().Errors!.Keys);
        c.Items[0].Awarded = 4000;
        Assert.False(WageClaimRules.Check(c, WageClaimStage.Hearing, Today).HasErrors);
        // An award outcome before the award stage is refused; a decision before the filing too.
        var early = Claim(WageClaimStage.Hearing, WageClaimOutcome.AwardedInFull);
        early.HeardOn = early.FiledOn.AddDays(-1);
        Assert.Equal(["heardOn", "outcome"], WageClaimRules.Check(early, WageClaimStage.Filed, Today).ToProblem().Errors!.Keys);
    }

    [Fact]
    public void Totals_are_per_currency_and_outstanding_is_the_award_or_claim_less_what_was_recovered()
    {
        var c = Claim(items:
        [
            new WageClaimItem { Kind = WageClaimItemKind.UnpaidWages, Claimed = 6000, Awarded = 4500, Currency = "MYR" },
            new WageClaimItem { Kind = WageClaimItemKind.Overtime, Claimed = 1500, Awarded = 500, Currency = "MYR" },
            new WageClaimItem { Kind = WageClaimItemKind.RecruitmentFees, Claimed = 700, Currency = "USD" },
        ]);
        var totals = WageClaimRules.Totals(c.Items, [Paid(2000), Paid(1000), Paid(100, "USD")]);
        Assert.Equal([new CurrencyTotal("MYR", 7500, 5000, 3000), new CurrencyTotal("USD", 700, null, 100)], totals);
        Assert.Equal([2000m, 600m], totals.Select(t => t.Outstanding));
        Assert.Equal(0, new CurrencyTotal("MYR", 10, 5, 9).Outstanding);
    }

    [Fact]
    public void Warnings_recovered_more_than_awarded_or_claimed_and_a_currency_never_claimed()
    {
        var awarded = Claim(WageClaimStage.Enforcement, WageClaimOutcome.AwardedInPart, new WageClaimItem { Claimed = 6000, Awarded = 3000, Currency = "MYR" });
        Assert.Equal(["W2"], WageClaimRules.Warnings(awarded, [Paid(2000), Paid(1500)]).Select(w => w.Code));
        Assert.Equal(["W6"], WageClaimRules.Warnings(awarded, [Paid(3000)]).Select(w => w.Code));
        Assert.Empty(WageClaimRules.Warnings(awarded, [Paid(2999)]));
        var pending = Claim();
        Assert.Equal(["W3"], WageClaimRules.Warnings(pending, [Paid(6001)]).Select(w => w.Code));
        Assert.Equal(["W1"], WageClaimRules.Warnings(pending, [Paid(10, "THB")]).Select(w => w.Code));
        Assert.Equal(["W5"], WageClaimRules.Warnings(pending, [Paid(10, daysAgo: 90)]).Select(w => w.Code));
        var dismissed = Claim(WageClaimStage.Closed, WageClaimOutcome.Dismissed);
        Assert.Equal(["W4"], WageClaimRules.Warnings(dismissed, [Paid(10)]).Select(w => w.Code));
    }

    [Fact]
    public void A_payment_needs_an_amount_a_currency_a_payer_and_an_open_claim()
    {
        var errors = WageClaimRules.CheckPayment(Claim(WageClaimStage.Closed, WageClaimOutcome.Settled), Today.AddDays(1), 0, "rm", "", Today).ToProblem().Errors!;
        Assert.Equal(["wageClaim", "amount", "currency", "payer", "paidOn"], errors.Keys);
        Assert.False(WageClaimRules.CheckPayment(Claim(), Today, 100, "MYR", "Employer", Today).HasErrors);
    }

    [Fact]
    public void Attachments_are_recognised_by_their_first_bytes_not_their_name()
    {
        Assert.Equal("application/pdf", AttachmentTypes.Sniff("%PDF-1.7\n..."u8.ToArray()));
        Assert.Equal("image/png", AttachmentTypes.Sniff([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal("image/jpeg", AttachmentTypes.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Equal("text/plain", AttachmentTypes.Sniff(Encoding.UTF8.GetBytes("Payslip, March (fictional):\r\n\tbasic 1500 MYR — ថ្ងៃ")));
        // An executable, a zip, invalid UTF-8 and text with control characters are none of them.
        Assert.Null(AttachmentTypes.Sniff("MZ\x90\0\x03\0"u8.ToArray()));
        Assert.Null(AttachmentTypes.Sniff([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]));
        Assert.Null(AttachmentTypes.Sniff([0x41, 0xC3, 0x28]));
        Assert.Null(AttachmentTypes.Sniff("text\u0007bell"u8.ToArray()));
        Assert.Null(AttachmentTypes.Sniff([]));
    }
}
