using System.Text.RegularExpressions;
using Cebu.Core.Features.Cases;

namespace Cebu.Core.Tests.Cases;

public class ReceiptCodeTests
{
    [Fact]
    public void A_new_code_has_fifteen_unambiguous_characters_and_passes_its_own_check()
    {
        for (var n = 0; n < 200; n++)
        {
            var code = ReceiptCodes.New();
            Assert.Matches("^[2-9A-HJKMNP-Z]{15}$", code);
            Assert.DoesNotContain(code, ch => "01ILO".Contains(ch));
            var check = ReceiptCodes.Check(code);
            Assert.True(check.IsValid, code);
            Assert.Equal(code, check.Code);
        }
    }

    [Fact]
    public void Codes_carry_at_least_64_bits_of_randomness_and_do_not_repeat()
    {
        Assert.True(ReceiptCodes.EntropyBits >= 64, $"{ReceiptCodes.EntropyBits:0.0} bits");
        Assert.Equal(31, ReceiptCodes.Alphabet.Distinct().Count());
        var codes = Enumerable.Range(0, 20_000).Select(_ => ReceiptCodes.New()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Every character of the alphabet shows up in every random position: no position is fixed or biased to a few values.
        for (var p = 0; p < ReceiptCodes.RandomLength; p++)
            Assert.Equal(31, codes.Select(c => c[p]).Distinct().Count());
    }

    [Fact]
    public void Codes_are_shown_in_three_groups_of_five_and_read_back_in_any_case_with_or_without_dashes()
    {
        var code = ReceiptCodes.New();
        var shown = ReceiptCodes.Format(code);
        Assert.Matches("^[2-9A-Z]{5}-[2-9A-Z]{5}-[2-9A-Z]{5}$", shown);
        Assert.Equal(code, ReceiptCodes.Check(shown.ToLowerInvariant()).Code);
        Assert.Equal(code, ReceiptCodes.Check($"  {shown.Replace('-', ' ')} ").Code);
        Assert.Equal(code, ReceiptCodes.Check(shown.Replace('-', '\u2013')).Code); // an en dash from a phone keyboard
    }

    [Fact]
    public void Every_single_mistyped_character_is_caught()
    {
        var code = ReceiptCodes.New();
        for (var p = 0; p < code.Length; p++)
            foreach (var ch in ReceiptCodes.Alphabet.Where(c => c != code[p]))
            {
                var typo = code[..p] + ch + code[(p + 1)..];
                Assert.Equal(ReceiptCodeStatus.CheckFailed, ReceiptCodes.Check(typo).Status);
            }
    }

    [Fact]
    public void Every_swap_of_two_neighbouring_characters_is_caught()
    {
        for (var n = 0; n < 50; n++)
        {
            var code = ReceiptCodes.New();
            for (var p = 0; p + 1 < code.Length; p++)
            {
                if (code[p] == code[p + 1]) continue;
                var swapped = code[..p] + code[p + 1] + code[p] + code[(p + 2)..];
                Assert.Equal(ReceiptCodeStatus.CheckFailed, ReceiptCodes.Check(swapped).Status);
            }
        }
    }

    [Fact]
    public void The_check_character_is_a_fixed_function_of_the_body()
    {
        // Weighted sum modulo 31 of "22222222222222" (value 0 everywhere) is 0, so the check is the character of value 0.
        Assert.Equal('2', ReceiptCodes.CheckCharacter("22222222222222"));
        // "32222222222222": value 1 at weight 1; 15·c ≡ −1 (mod 31) gives c = 2 (15·2 = 30), the character '4'.
        Assert.Equal('4', ReceiptCodes.CheckCharacter("32222222222222"));
        Assert.True(ReceiptCodes.Check("322222222222224").IsValid);
    }

    [Fact]
    public void A_look_alike_character_is_named_with_a_hint()
    {
        var code = ReceiptCodes.New();
        var check = ReceiptCodes.Check("O" + code[1..]);
        Assert.Equal(ReceiptCodeStatus.InvalidCharacter, check.Status);
        Assert.Equal("The code has a character that receipt codes do not use: 'O'. Codes have no 0 or O. Check the code you were given.", check.Message);
        Assert.Contains("no 1, I or L", ReceiptCodes.Check("1" + code[1..]).Message);
    }

    [Fact]
    public void A_code_of_the_wrong_length_or_an_empty_one_says_so()
    {
        var code = ReceiptCodes.New();
        var shortOne = ReceiptCodes.Check(code[..14]);
        Assert.Equal(ReceiptCodeStatus.WrongLength, shortOne.Status);
        Assert.Contains("has 15 letters and digits; this one has 14", shortOne.Message);
        Assert.Equal(ReceiptCodeStatus.Empty, ReceiptCodes.Check(" - ").Status);
        Assert.Equal(ReceiptCodeStatus.Empty, ReceiptCodes.Check(null).Status);
    }

    [Fact]
    public void Each_state_has_a_plain_public_status()
    {
        var expected = new Dictionary<CaseState, string>
        {
            [CaseState.New] = "received", [CaseState.Assessed] = "in-review", [CaseState.InProgress] = "in-progress",
            [CaseState.Referred] = "passed-on", [CaseState.Resolved] = "resolved", [CaseState.Closed] = "closed", [CaseState.Reopened] = "reopened",
        };
        foreach (var (state, code) in expected)
        {
            var s = PublicCaseStatuses.For(state);
            Assert.Equal(code, s.Code);
            Assert.False(string.IsNullOrWhiteSpace(s.Title));
            Assert.EndsWith(".", s.Text);
        }
        Assert.Equal(Enum.GetValues<CaseState>().Length, Enum.GetValues<CaseState>().Select(s => PublicCaseStatuses.For(s).Text).Distinct().Count());
    }

    [Fact]
    public void The_public_status_says_nothing_sensitive()
    {
        var sensitive = new Regex(@"traffick|victim|urgent|priority|police|consul|shelter|screen|forced|abuse|employer|agency|caseworker's name|\bnote", RegexOptions.IgnoreCase);
        foreach (var state in Enum.GetValues<CaseState>())
        {
            var s = PublicCaseStatuses.For(state);
            Assert.DoesNotMatch(sensitive, s.Title);
            Assert.DoesNotMatch(sensitive, s.Text);
        }
        // Only the state and the latest referral's stage go in (no recipient, no name), so nothing else about the case can reach the public.
        var methods = typeof(PublicCaseStatuses).GetMethods().Where(m => m.Name == nameof(PublicCaseStatuses.For)).ToList();
        Assert.Equal(2, methods.Count);
        Assert.All(methods.SelectMany(m => m.GetParameters()), p => Assert.Contains(p.ParameterType, new[] { typeof(CaseState), typeof(ReferralStatus?), typeof(bool) }));
        foreach (var referral in Enum.GetValues<ReferralStatus>())
        {
            var s = PublicCaseStatuses.For(CaseState.Referred, referral);
            Assert.DoesNotMatch(sensitive, s.Title);
            Assert.DoesNotMatch(sensitive, s.Text);
        }
    }

    [Fact]
    public void While_a_case_is_referred_the_latest_referral_speaks_in_plain_words()
    {
        Assert.Equal("help-under-way", PublicCaseStatuses.For(CaseState.Referred, ReferralStatus.Sent).Code);
        Assert.Equal("help-under-way", PublicCaseStatuses.For(CaseState.Referred, ReferralStatus.Accepted).Code);
        Assert.Equal("help-under-way", PublicCaseStatuses.For(CaseState.Referred, ReferralStatus.InProgress).Code);
        Assert.Equal("help-given", PublicCaseStatuses.For(CaseState.Referred, ReferralStatus.Completed).Code);
        Assert.Equal("back-with-caseworker", PublicCaseStatuses.For(CaseState.Referred, ReferralStatus.Declined).Code);
        Assert.Equal("back-with-caseworker", PublicCaseStatuses.For(CaseState.Referred, ReferralStatus.Withdrawn).Code);
        // A revoked or expired consent ends the help under way, whatever the referral's status.
        Assert.Equal("back-with-caseworker", PublicCaseStatuses.For(CaseState.Referred, ReferralStatus.Accepted, consentEnded: true).Code);
        // Taken back by the caseworker after a decline: still back with the caseworker; without a referral, the state speaks.
        Assert.Equal("back-with-caseworker", PublicCaseStatuses.For(CaseState.InProgress, ReferralStatus.Declined).Code);
        Assert.Equal("in-progress", PublicCaseStatuses.For(CaseState.InProgress, null).Code);
        // Resolved and closed cases say so, whatever their referrals.
        Assert.Equal("resolved", PublicCaseStatuses.For(CaseState.Resolved, ReferralStatus.Completed).Code);
        Assert.Equal("closed", PublicCaseStatuses.For(CaseState.Closed, ReferralStatus.InProgress).Code);
    }
}
