using System.Text;

namespace Cebu.Core.Features.Documents;

/// <summary>
/// Turns what an officer pasted into MRZ lines: surrounding whitespace, CRLF or LF, lower case, trailing spaces
/// and a zone pasted as one line are tolerated; anything else is rejected with what was expected.
/// </summary>
internal static class MrzText
{
    internal sealed record Shape(MrzFormat Format, string[] Lines);

    private const string Expected = "An MRZ is 2 lines of 44 characters (passport, TD3), 2 lines of 36 (TD2) or 3 lines of 30 (ID card, TD1)";

    public static Shape? Split(string? text, List<MrzIssue> errors, List<MrzIssue> warnings, out string[] lines)
    {
        lines = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(MrzField.Mrz, MrzIssueCode.Empty, "The MRZ is empty. Paste the 2 or 3 lines of the machine-readable zone (the lines with < at the bottom of the passport's photo page, or on the back of an ID card)."));
            return null;
        }

        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim())
            .Where(l => Clean(l).Length > 0)
            .ToArray();

        if (raw.Length == 1)
        {
            var joined = Clean(raw[0]);
            lines = [joined];
            var format = joined.Length switch { 88 => MrzFormat.TD3, 72 => MrzFormat.TD2, 90 => MrzFormat.TD1, _ => (MrzFormat?)null };
            if (format is null)
            {
                errors.Add(new(MrzField.Mrz, MrzIssueCode.LineLength,
                    $"The MRZ was pasted as one line of {joined.Length} characters; expected 88 (passport, TD3: 2 × 44), 72 (TD2: 2 × 36) or 90 (ID card, TD1: 3 × 30), or the lines one under the other.", 1));
                return null;
            }
            var width = LineLength(format.Value);
            lines = Enumerable.Range(0, joined.Length / width).Select(i => joined.Substring(i * width, width)).ToArray();
            var parts = raw[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 && !(parts.Length == lines.Length && parts.Select(Clean).SequenceEqual(lines)))
                warnings.Add(new(MrzField.Mrz, MrzIssueCode.SpacesIgnored, "Spaces inside the MRZ were ignored; an MRZ has no spaces (blanks are printed as <)."));
            return new Shape(format.Value, lines);
        }

        lines = raw.Select(Clean).ToArray();
        for (var i = 0; i < raw.Length; i++)
        {
            if (lines[i].Length != raw[i].Length)
                warnings.Add(new(MrzField.Mrz, MrzIssueCode.SpacesIgnored, $"Spaces inside line {i + 1} were ignored; an MRZ has no spaces (blanks are printed as <).", i + 1));
        }

        if (lines.Length > 3)
        {
            errors.Add(new(MrzField.Mrz, MrzIssueCode.LineCount, $"{Expected}; the text has {lines.Length} lines."));
            return null;
        }

        if (lines.Length == 2)
        {
            if (lines.All(l => l.Length == 44)) return new Shape(MrzFormat.TD3, lines);
            if (lines.All(l => l.Length == 36)) return new Shape(MrzFormat.TD2, lines);
            var guess = lines.Any(l => l.Length == 44) ? 44
                : lines.Any(l => l.Length == 36) ? 36
                : Nearest(lines.Average(l => l.Length));
            if (guess == 30)
            {
                errors.Add(new(MrzField.Mrz, MrzIssueCode.LineCount, $"An ID card MRZ (TD1) has 3 lines of 30 characters; only 2 lines were given{Lengths(lines, 30, ", and ")}."));
                return null;
            }
            var label = guess == 44 ? "A passport MRZ (TD3) has 2 lines of 44 characters" : "A TD2 MRZ (ID card or visa) has 2 lines of 36 characters";
            errors.Add(LengthError(label, lines, guess));
            return null;
        }

        // Three lines.
        if (lines.All(l => l.Length == 30)) return new Shape(MrzFormat.TD1, lines);
        if (Nearest(lines.Average(l => l.Length)) != 30)
        {
            errors.Add(new(MrzField.Mrz, MrzIssueCode.LineCount,
                $"3 lines were given, but only an ID card MRZ (TD1) has 3 lines, of 30 characters; a passport MRZ (TD3) has 2 lines of 44 and a TD2 MRZ 2 lines of 36{Lengths(lines, 30, "; here ")}."));
            return null;
        }
        errors.Add(LengthError("An ID card MRZ (TD1) has 3 lines of 30 characters", lines, 30));
        return null;
    }

    public static int LineLength(MrzFormat format) => format switch { MrzFormat.TD1 => 30, MrzFormat.TD2 => 36, _ => 44 };

    private static MrzIssue LengthError(string label, string[] lines, int expected)
    {
        var first = Array.FindIndex(lines, l => l.Length != expected);
        return new(MrzField.Mrz, MrzIssueCode.LineLength, $"{label}{Lengths(lines, expected, "; ")}.", first + 1);
    }

    /// <summary>"; line 2 has 43" / "; line 1 has 45 and line 2 has 43".</summary>
    private static string Lengths(string[] lines, int expected, string lead)
    {
        var wrong = lines.Select((l, i) => (l, i)).Where(x => x.l.Length != expected).Select(x => $"line {x.i + 1} has {x.l.Length}").ToList();
        if (wrong.Count == 0) return "";
        var list = wrong.Count == 1 ? wrong[0] : string.Join(", ", wrong.Take(wrong.Count - 1)) + " and " + wrong[^1];
        return lead + list;
    }

    private static int Nearest(double length) => new[] { 44, 36, 30 }.MinBy(w => Math.Abs(w - length));

    /// <summary>Removes whitespace and invisible format characters (zero-width space, byte-order mark) and upper-cases
    /// a–z (only ASCII: other letters stay, to be reported as not allowed).</summary>
    private static string Clean(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            sb.Append(c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'A') : c);
        }
        return sb.ToString();
    }
}
