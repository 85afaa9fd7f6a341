using System.Globalization;
using System.Text;

namespace Cebu.Matching;

/// <summary>
/// Folds names so that the same name written differently compares equal: case, accents on Latin letters
/// (Vietnamese included), punctuation and spacing. Marks in Khmer, Thai, Lao and Burmese carry vowels and
/// tones, so they are kept: stripping them would merge different names.
/// </summary>
public static class NameFolding
{
    /// <summary>The folded form: lower case, Latin accents removed, every run of punctuation or space one space.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastBase = '\0';
        var pendingSpace = false;
        foreach (var raw in decomposed)
        {
            var c = raw;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                if (IsLatin(lastBase)) continue; // an accent on a Latin letter: drop it
                if (sb.Length > 0 && !pendingSpace) sb.Append(c);
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                c = c switch { 'đ' or 'Đ' => 'd', 'ł' or 'Ł' => 'l', 'ø' or 'Ø' => 'o', 'ß' => 's', _ => char.ToLowerInvariant(c) };
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(c);
                lastBase = c;
            }
            else
            {
                // An apostrophe inside a name joins its parts ("O'Neil") rather than splitting them.
                if (c is '\'' or '\u2019' or '\u2018' or '`' && !pendingSpace && sb.Length > 0) continue;
                pendingSpace = true;
                lastBase = '\0';
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The folded words of a name.</summary>
    public static string[] Tokens(string? text)
    {
        var folded = Fold(text);
        return folded.Length == 0 ? [] : folded.Split(' ');
    }

    /// <summary>The folded name with no spaces at all: "Golden-Star  Manpower" and "goldenstar manpower" share it.</summary>
    public static string Key(string? text) => Fold(text).Replace(" ", "");

    /// <summary>
    /// The strings under which a name can be found by prefix: for spaced scripts, the name from each word on with
    /// the spaces removed ("star manpower" finds "Golden Star Manpower"); for scripts written without spaces
    /// (Khmer, Thai, Lao, Burmese), the name from each letter on.
    /// </summary>
    public static IEnumerable<string> SearchTerms(string? text, int maxLength = 64)
    {
        var tokens = Tokens(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
        {
            var rest = string.Concat(tokens[i..]);
            if (seen.Add(Cut(rest, maxLength))) yield return Cut(rest, maxLength);
            if (!IsUnspacedScript(tokens[i])) continue;
            var token = tokens[i];
            for (var k = 1; k < token.Length; k++)
            {
                if (IsMark(token[k])) continue;
                var suffix = Cut(token[k..] + string.Concat(tokens[(i + 1)..]), maxLength);
                if (seen.Add(suffix)) yield return suffix;
            }
        }
    }

    /// <summary>Cuts a key to the length stored in search indexes.</summary>
    public static string Cut(string key, int maxLength = 64) => key.Length <= maxLength ? key : key[..maxLength];

    /// <summary>True when the text contains letters of a script written without spaces between words.</summary>
    public static bool IsUnspacedScript(string text)
    {
        foreach (var c in text)
            if (c is >= '\u0E00' and <= '\u0EFF' or >= '\u1780' and <= '\u17FF' or >= '\u1000' and <= '\u109F') return true;
        return false;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsLatin(char c) => c is >= 'A' and <= 'z' or >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF';
}
