using System.Security.Cryptography;

namespace Cebu.Core.Features.Cases;

/// <summary>What a typed receipt code is: a well-formed code (to look up), or which kind of typing mistake it has.</summary>
public enum ReceiptCodeStatus { Valid, Empty, WrongLength, InvalidCharacter, CheckFailed }

/// <summary>The result of reading a typed code: the normalised code when valid, otherwise the problem in words.</summary>
public sealed record ReceiptCodeCheck(ReceiptCodeStatus Status, string? Code, string? Message)
{
    public bool IsValid => Status == ReceiptCodeStatus.Valid;
}

/// <summary>
/// Public complaint receipt codes: 14 characters drawn with a cryptographic random generator from 31 characters that
/// cannot be confused (no 0/O, 1/I/L) — 69 bits — and one check character, shown as three groups of five
/// (e.g. <c>K7QMZ-4RTPX-9HWC3</c>). The check is a weighted sum modulo 31 (a prime, so every single wrong character and
/// every swap of two neighbouring characters is caught): a mistyped code is told apart from an unknown one without a
/// database look-up, and the API can say "check the code" instead of "not found".
/// </summary>
public static class ReceiptCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int RandomLength = 14;
    public const int Length = RandomLength + 1;
    public const int GroupSize = 5;

    /// <summary>Bits of randomness in a code (log2 of 31^14, about 69.4).</summary>
    public static double EntropyBits => RandomLength * Math.Log2(Alphabet.Length);

    /// <summary>A new code, normalised (no separators): store this, show <see cref="Format"/>.</summary>
    public static string New()
    {
        var body = RandomNumberGenerator.GetString(Alphabet, RandomLength);
        return body + CheckCharacter(body);
    }

    /// <summary>The check character for a code body (the characters before the check).</summary>
    public static char CheckCharacter(string body)
    {
        var n = Alphabet.Length;
        var sum = 0;
        for (var i = 0; i < body.Length; i++) sum = (sum + (i + 1) * Value(body[i])) % n;
        // Choose c so that sum + (body.Length + 1) * c ≡ 0 (mod 31).
        var weight = (body.Length + 1) % n;
        var c = (n - sum) % n * Inverse(weight, n) % n;
        return Alphabet[c];
    }

    /// <summary>The code in groups of five for reading aloud or writing down.</summary>
    public static string Format(string code) => string.Join('-', code.Chunk(GroupSize).Select(c => new string(c)));

    /// <summary>
    /// Reads a typed code: ignores case, spaces and dashes; names the first character that is not used in codes; tells a
    /// code with a typing mistake (check fails) from a well-formed one (which may still be unknown).
    /// </summary>
    public static ReceiptCodeCheck Check(string? typed)
    {
        var code = new string((typed ?? "").Where(ch => !char.IsWhiteSpace(ch) && ch != '-' && ch != '\u2010' && ch != '\u2013').ToArray()).ToUpperInvariant();
        if (code.Length == 0) return new(ReceiptCodeStatus.Empty, null, "Enter the receipt code you were given when you filed your complaint.");
        var bad = code.FirstOrDefault(ch => !Alphabet.Contains(ch));
        if (bad != default)
        {
            var hint = bad switch { '0' or 'O' => " Codes have no 0 or O.", '1' or 'I' or 'L' => " Codes have no 1, I or L.", _ => "" };
            return new(ReceiptCodeStatus.InvalidCharacter, null, $"The code has a character that receipt codes do not use: '{bad}'.{hint} Check the code you were given.");
        }
        if (code.Length != Length) return new(ReceiptCodeStatus.WrongLength, null, $"A receipt code has {Length} letters and digits; this one has {code.Length}. Check the code you were given.");
        if (CheckCharacter(code[..RandomLength]) != code[RandomLength]) return new(ReceiptCodeStatus.CheckFailed, null, "This code has a typing mistake: check each letter and digit against the code you were given.");
        return new(ReceiptCodeStatus.Valid, code, null);
    }

    private static int Value(char ch)
    {
        var v = Alphabet.IndexOf(ch);
        if (v < 0) throw new ArgumentException($"'{ch}' is not a receipt code character.", nameof(ch));
        return v;
    }

    private static int Inverse(int a, int prime)
    {
        // Fermat: a^(p-2) mod p.
        var result = 1;
        var b = a % prime;
        for (var e = prime - 2; e > 0; e >>= 1, b = b * b % prime)
            if ((e & 1) == 1) result = result * b % prime;
        return result;
    }
}

/// <summary>What the person holding a receipt code may see of their case: a status in plain words, nothing else.</summary>
public sealed record PublicCaseStatus(string Code, string TitleKey, string TextKey)
{
    public string Title => CaseText.English[TitleKey];
    public string Text => CaseText.English[TextKey];
}

/// <summary>
/// Maps a case's state to its public status. Only the state goes in: priority, screening, trafficking status,
/// recipients, notes and names cannot leak through it. New and assessed cases both read as early stages; a referred case
/// says it was passed on "as you agreed", without naming the recipient.
/// </summary>
public static class PublicCaseStatuses
{
    public static PublicCaseStatus For(CaseState state) => For(state, null);

    /// <summary>
    /// With the case's latest referral: while the case is referred or in progress, the referral's stage speaks instead
    /// of the case's state, in plain words and without the recipient: help under way (sent, accepted, in progress),
    /// help given (completed), back with your caseworker (declined, withdrawn, or the consent revoked or expired).
    /// </summary>
    public static PublicCaseStatus For(CaseState state, ReferralStatus? latestReferral, bool consentEnded = false)
    {
        var name = latestReferral is { } r && state is CaseState.Referred or CaseState.InProgress
            ? r == ReferralStatus.Completed ? "HelpGiven"
              : consentEnded || r is ReferralStatus.Declined or ReferralStatus.Withdrawn ? "BackWithCaseworker"
              : "HelpUnderWay"
            : state switch
        {
            CaseState.New => "Received",
            CaseState.Assessed => "InReview",
            CaseState.InProgress => "InProgress",
            CaseState.Referred => "PassedOn",
            CaseState.Resolved => "Resolved",
            CaseState.Closed => "Closed",
            _ => "Reopened",
        };
        var code = string.Concat(name.Select((ch, i) => char.IsUpper(ch) && i > 0 ? $"-{char.ToLowerInvariant(ch)}" : $"{char.ToLowerInvariant(ch)}"));
        return new(code, $"Cases.PublicStatus.{name}.Title", $"Cases.PublicStatus.{name}.Text");
    }
}
