using System.Globalization;
using System.Text;

namespace Cebu.Core.Features.Documents;

/// <summary>What <see cref="MrzWriter"/> writes. Text may be in ordinary spelling ("Smith-Jones", "O'Connor", "Müller"):
/// the writer converts it to MRZ characters.</summary>
public sealed record MrzDocument
{
    public MrzFormat Format { get; init; } = MrzFormat.TD3;

    /// <summary>P… for passports (TD3), A…, C… or I… for TD1 and TD2, V… for visas (TD3 = MRV-A, TD2 = MRV-B).</summary>
    public string DocumentCode { get; init; } = "P";

    public required string IssuingState { get; init; }

    /// <summary>Surname(s); must not be empty (a holder with a single name has it here).</summary>
    public required string PrimaryIdentifier { get; init; }

    /// <summary>Given name(s), may be empty.</summary>
    public string SecondaryIdentifier { get; init; } = "";

    /// <summary>Up to 9 characters; TD1 and TD2 (not visas) accept longer numbers, continued in the optional data.</summary>
    public required string DocumentNumber { get; init; }

    public required string Nationality { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    public MrzSex Sex { get; init; } = MrzSex.Unspecified;

    public required DateOnly DateOfExpiry { get; init; }

    /// <summary>TD3: the personal number (14). TD2: 7, TD1: 15, MRV-A: 16, MRV-B: 8, less the room a long document number takes.</summary>
    public string OptionalData1 { get; init; } = "";

    /// <summary>TD1 only (11).</summary>
    public string OptionalData2 { get; init; } = "";
}

/// <summary>
/// Builds a valid MRZ (ICAO 9303) from fields: check digits, fillers, long document numbers on TD1/TD2, and
/// truncation of names that do not fit. Used by tests and demo data. Throws <see cref="ArgumentException"/>
/// on fields that cannot be written (too long, characters that cannot be transliterated).
/// </summary>
public static class MrzWriter
{
    /// <summary>The lines joined with \n.</summary>
    public static string Write(MrzDocument document) => string.Join('\n', WriteLines(document));

    public static IReadOnlyList<string> WriteLines(MrzDocument d)
    {
        var code = Field(ToMrz(d.DocumentCode, nameof(d.DocumentCode)), 2, nameof(d.DocumentCode));
        var isVisa = code[0] == 'V';
        var allowed = (d.Format, isVisa) switch
        {
            (MrzFormat.TD1, _) => "ACI",
            (MrzFormat.TD2, false) => "ACI",
            (MrzFormat.TD3, false) => "P",
            _ => "V",
        };
        if (!allowed.Contains(code[0], StringComparison.Ordinal) || !char.IsAsciiLetterUpper(code[0]))
            throw new ArgumentException($"A {d.Format} document code starts with one of {allowed}{(d.Format == MrzFormat.TD1 ? "" : " or V (visa)")}, not '{code[0]}'.", nameof(d));
        if (code[1] is not ('<' or >= 'A' and <= 'Z'))
            throw new ArgumentException($"The second character of a document code is a letter or <, not '{code[1]}'.", nameof(d));

        var state = StateCode(d.IssuingState, nameof(d.IssuingState));
        var nationality = StateCode(d.Nationality, nameof(d.Nationality));
        var number = ToMrz(d.DocumentNumber, nameof(d.DocumentNumber)).TrimEnd('<');
        if (number.Length == 0) throw new ArgumentException("The document number is empty.", nameof(d));
        var birth = MrzDates.ToMrz(d.DateOfBirth);
        var expiry = MrzDates.ToMrz(d.DateOfExpiry);
        var sex = d.Sex switch { MrzSex.Male => 'M', MrzSex.Female => 'F', MrzSex.X => 'X', _ => '<' };
        var optional1 = ToMrz(d.OptionalData1, nameof(d.OptionalData1));
        var optional2 = ToMrz(d.OptionalData2, nameof(d.OptionalData2));
        if (d.Format != MrzFormat.TD1 && optional2.Length > 0)
            throw new ArgumentException("Only a TD1 MRZ has a second optional data field.", nameof(d));

        string Check(string s) => MrzCheckDigit.ComputeChar(s).ToString();

        if (d.Format == MrzFormat.TD1)
        {
            var (numberField, numberCheck, optionalField) = DocumentNumber(number, optional1, 15, longAllowed: true);
            var line1 = code + state + numberField + numberCheck + optionalField;
            var line2Start = birth + Check(birth) + sex + expiry + Check(expiry) + nationality + Field(optional2, 11, nameof(d.OptionalData2));
            var composite = line1[5..30] + line2Start[..7] + line2Start[8..15] + line2Start[18..29];
            var line2 = line2Start + Check(composite);
            var line3 = Name(d.PrimaryIdentifier, d.SecondaryIdentifier, 30);
            return [line1, line2, line3];
        }

        var width = d.Format == MrzFormat.TD3 ? 44 : 36;
        var top = code + state + Name(d.PrimaryIdentifier, d.SecondaryIdentifier, width - 5);
        if (isVisa)
        {
            if (number.Length > 9) throw new ArgumentException($"A visa MRZ holds a document number of at most 9 characters; '{number}' has {number.Length}.", nameof(d));
            var numberField = Field(number, 9, nameof(d.DocumentNumber));
            var visaLine = numberField + Check(numberField) + nationality + birth + Check(birth) + sex + expiry + Check(expiry)
                + Field(optional1, width - 28, nameof(d.OptionalData1));
            return [top, visaLine];
        }

        if (d.Format == MrzFormat.TD3)
        {
            if (number.Length > 9) throw new ArgumentException($"A passport MRZ (TD3) holds a document number of at most 9 characters; '{number}' has {number.Length}.", nameof(d));
            var numberField = Field(number, 9, nameof(d.DocumentNumber));
            var personal = Field(optional1, 14, nameof(d.OptionalData1));
            var personalCheck = personal.All(c => c == '<') ? "<" : Check(personal);
            var body = numberField + Check(numberField) + nationality + birth + Check(birth) + sex + expiry + Check(expiry) + personal + personalCheck;
            return [top, body + Check(body[..10] + body[13..20] + body[21..43])];
        }

        // TD2
        var (n, nc, opt) = DocumentNumber(number, optional1, 7, longAllowed: true);
        var line = n + nc + nationality + birth + Check(birth) + sex + expiry + Check(expiry) + opt;
        return [top, line + Check(line[..10] + line[13..20] + line[21..35])];
    }

    /// <summary>The 9-character number field, its check digit, and the optional data field; a longer number
    /// continues in the optional data with its check digit and a filler (ICAO 9303 parts 5 and 6, note j).</summary>
    private static (string Number, string Check, string Optional) DocumentNumber(string number, string optional, int optionalWidth, bool longAllowed)
    {
        if (number.Length <= 9)
        {
            var field = Field(number, 9, "DocumentNumber");
            return (field, MrzCheckDigit.ComputeChar(field).ToString(), Field(optional, optionalWidth, "OptionalData1"));
        }
        if (!longAllowed) throw new ArgumentException($"The document number '{number}' is longer than 9 characters.", nameof(number));
        if (number.Contains('<')) throw new ArgumentException($"A long document number cannot contain spaces or fillers: '{number}'.", nameof(number));
        var continuation = number[9..] + MrzCheckDigit.ComputeChar(number) + "<";
        if (continuation.Length + optional.Length > optionalWidth)
            throw new ArgumentException($"The document number '{number}' and optional data '{optional}' do not fit in {optionalWidth} characters.", nameof(number));
        return (number[..9], "<", Field(continuation + optional, optionalWidth, "OptionalData1"));
    }

    /// <summary>
    /// The name field of <paramref name="width"/> characters: primary identifier, &lt;&lt;, secondary identifier, components
    /// separated by &lt;, filled with &lt;. A name that does not fit is truncated as ICAO 9303 allows (parts 4–7, 4.2.3):
    /// characters are removed from the end of components, first from the last given name back to the first, each
    /// down to its initial, then from the last surname component back to the first, until the name fits exactly,
    /// so that the field ends with a letter (the sign that the name may be truncated). Examples from ICAO:
    /// NILAVADHANANANDA&lt;&lt;CHAYAPA&lt;DEJTHAMRONG&lt;K (39), BENNELONG&lt;WOOLOOMOOLOO&lt;W&lt;W&lt;&lt;D&lt;P (31).
    /// </summary>
    public static string Name(string primaryIdentifier, string secondaryIdentifier, int width)
    {
        var primary = Components(primaryIdentifier, nameof(primaryIdentifier));
        var secondary = Components(secondaryIdentifier, nameof(secondaryIdentifier));
        if (primary.Count == 0) throw new ArgumentException("The primary identifier (surname) is empty; a holder with one name has it there.", nameof(primaryIdentifier));

        string Render() => string.Join('<', primary) + (secondary.Count > 0 ? "<<" + string.Join('<', secondary) : "");

        var name = Render();
        while (name.Length > width)
        {
            var shortened = Shorten(secondary, keepFirst: true) || Shorten(secondary, keepFirst: false) || Shorten(primary, keepFirst: false);
            if (!shortened) break;
            name = Render();
        }
        if (name.Length > width)
            name = name[..width].TrimEnd('<'); // More components than the field holds, even as initials.
        return name.PadRight(width, '<');
    }

    /// <summary>Removes the last character of the last component (after the first one when <paramref name="keepFirst"/>) still longer than 1.</summary>
    private static bool Shorten(List<string> components, bool keepFirst)
    {
        for (var i = components.Count - 1; i >= (keepFirst ? 1 : 0); i--)
        {
            if (components[i].Length > 1)
            {
                components[i] = components[i][..^1];
                return true;
            }
        }
        return false;
    }

    private static List<string> Components(string text, string parameter) =>
        ToMrz(text, parameter, name: true).Split('<', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string StateCode(string code, string parameter)
    {
        var mrz = ToMrz(code, parameter).TrimEnd('<');
        if (mrz.Length is < 1 or > 3 || !mrz.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"'{code}' is not a State code: 3 letters, or 1–2 letters (D for Germany).", parameter);
        return mrz.PadRight(3, '<');
    }

    private static string Field(string value, int width, string parameter) =>
        value.Length <= width ? value.PadRight(width, '<') : throw new ArgumentException($"'{value}' is longer than the {width} characters of the field.", parameter);

    private static readonly Dictionary<char, string> Transliterations = new()
    {
        // ICAO 9303 part 3, recommended transliteration of Latin characters that do not decompose to A–Z.
        ['Ä'] = "AE", ['Æ'] = "AE", ['Å'] = "AA", ['Ö'] = "OE", ['Ø'] = "OE", ['Ü'] = "UE", ['ß'] = "SS", ['Þ'] = "TH",
        ['Œ'] = "OE", ['Ĳ'] = "IJ", ['Ð'] = "D", ['Đ'] = "D", ['Ł'] = "L", ['Ħ'] = "H", ['İ'] = "I", ['ı'] = "I", ['Ŋ'] = "N",
    };

    /// <summary>Upper-cases and converts to MRZ characters: letters with diacritics transliterated, spaces, hyphens and
    /// commas to &lt;, apostrophes and (in names) full stops dropped.</summary>
    internal static string ToMrz(string text, string parameter, bool name = false)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is >= 'A' and <= 'Z' or >= '0' and <= '9' or '<') { sb.Append(upper); continue; }
            if (upper is ' ' or '-' or ',' or '\u2010' or '\u2011') { sb.Append('<'); continue; }
            if (upper is '\'' or '\u2019' or '\u02BC' || (name && upper == '.')) continue;
            if (Transliterations.TryGetValue(upper, out var t)) { sb.Append(t); continue; }
            var decomposed = upper.ToString().Normalize(NormalizationForm.FormD);
            var baseLetters = decomposed.Where(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark).ToArray();
            if (baseLetters.Length > 0 && baseLetters.All(ch => ch is >= 'A' and <= 'Z'))
            {
                sb.Append(baseLetters);
                continue;
            }
            throw new ArgumentException($"'{c}' in '{text}' cannot be written in an MRZ; transliterate it to A–Z first.", parameter);
        }
        if (name && sb.ToString().Any(char.IsAsciiDigit))
            throw new ArgumentException($"A name cannot contain digits: '{text}'.", parameter);
        return sb.ToString();
    }
}
