namespace Cebu.Matching;

/// <summary>
/// A calendar date packed in an int (yyyymmdd), parsed once per record so that comparing two is arithmetic.
/// Dates of birth arrive with day and month swapped (a form filled in the other convention), with a digit
/// mistyped or two digits transposed; each of these is a comparison level of its own.
/// </summary>
public static class Dates
{
    /// <summary>The levels <see cref="Compare"/> returns, from least to most alike.</summary>
    public enum Agreement : byte { Missing = 0, Different = 1, SameYear = 2, TwoEdits = 3, OneEdit = 4, DayMonthSwapped = 5, Exact = 6 }

    /// <summary>
    /// Parses yyyymmdd, yyyy-mm-dd and dd/mm/yyyy (the region's order; never mm/dd) to yyyymmdd, 0 when absent or
    /// unreadable. The day and month are not checked against a calendar: a typed 31 June is still evidence.
    /// </summary>
    public static int Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        var s = text.AsSpan().Trim();
        Span<int> parts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        var count = 0;
        var value = 0;
        var length = 0;
        foreach (var c in s)
        {
            if (c is >= '0' and <= '9') { value = value * 10 + (c - '0'); length++; if (length > 8) return 0; continue; }
            if (length == 0) return 0;
            if (count == 2) return 0;
            parts[count] = value; lengths[count] = length; count++;
            value = 0; length = 0;
        }
        if (length == 0) return 0;
        if (count == 0) return length == 8 ? value : 0;
        if (count != 2) return 0;
        parts[2] = value; lengths[2] = length;
        int y, m, d;
        if (lengths[0] == 4) (y, m, d) = (parts[0], parts[1], parts[2]);
        else if (lengths[2] == 4) (y, m, d) = (parts[2], parts[1], parts[0]);
        else return 0;
        if (m is < 1 or > 12 || d is < 1 or > 31) return 0;
        return y * 10000 + m * 100 + d;
    }

    /// <summary>Compares two parsed dates (yyyymmdd, 0 for none).</summary>
    public static Agreement Compare(int a, int b)
    {
        if (a == 0 || b == 0) return Agreement.Missing;
        if (a == b) return Agreement.Exact;
        int ya = a / 10000, ma = a / 100 % 100, da = a % 100;
        int yb = b / 10000, mb = b / 100 % 100, db = b % 100;
        if (ya == yb && ma == db && da == mb) return Agreement.DayMonthSwapped;
        var edits = DigitEdits(a, b);
        if (edits <= 1) return Agreement.OneEdit;
        if (edits == 2) return Agreement.TwoEdits;
        return ya == yb ? Agreement.SameYear : Agreement.Different;
    }

    /// <summary>Damerau-Levenshtein distance between the eight digits of two dates, on the stack.</summary>
    public static int DigitEdits(int a, int b)
    {
        Span<char> x = stackalloc char[8];
        Span<char> y = stackalloc char[8];
        for (var i = 7; i >= 0; i--) { x[i] = (char)('0' + a % 10); a /= 10; y[i] = (char)('0' + b % 10); b /= 10; }
        return Similarity.DamerauLevenshtein(x, y);
    }
}

/// <summary>
/// Document numbers (passports, identity cards, social security) compared through their look-alike characters:
/// a number read off a photocopy or typed from a handwritten form swaps O and 0, I and L and 1, S and 5, B and 8,
/// Z and 2, G and 6. Folding both sides to the digit removes the difference without rewarding any other error.
/// </summary>
public static class DocumentNumbers
{
    /// <summary>The levels <see cref="Compare"/> returns, from least to most alike.</summary>
    public enum Agreement : byte { Missing = 0, Different = 1, TwoEdits = 2, OneEdit = 3, LookAlike = 4, Exact = 5 }

    /// <summary>Upper case, letters and digits only ("ab 123-45" gives "AB12345").</summary>
    public static string Clean(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return "";
        Span<char> buffer = number.Length <= 256 ? stackalloc char[number.Length] : new char[number.Length];
        var n = 0;
        foreach (var c in number)
            if (char.IsAsciiLetterOrDigit(c)) buffer[n++] = char.ToUpperInvariant(c);
        return new string(buffer[..n]);
    }

    /// <summary>The cleaned number with each look-alike letter replaced by the digit it resembles.</summary>
    public static string FoldLookAlikes(string? number)
    {
        var clean = Clean(number);
        return string.Create(clean.Length, clean, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++) span[i] = LookAlike(s[i]);
        });
    }

    /// <summary>The digit a letter is mistaken for, or the character itself.</summary>
    public static char LookAlike(char c) => c switch
    {
        'O' or 'Q' or 'D' => '0',
        'I' or 'L' or 'J' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'T' => '7',
        'B' => '8',
        _ => c,
    };

    /// <summary>Compares two cleaned numbers (see <see cref="Clean"/>) and their folded forms.</summary>
    public static Agreement Compare(string a, string b, string foldedA, string foldedB)
    {
        if (a.Length == 0 || b.Length == 0) return Agreement.Missing;
        if (a == b) return Agreement.Exact;
        if (foldedA == foldedB) return Agreement.LookAlike;
        if (Math.Abs(foldedA.Length - foldedB.Length) > 2) return Agreement.Different;
        var edits = Similarity.DamerauLevenshteinWithin(foldedA.AsSpan(), foldedB.AsSpan(), 2);
        return edits switch { 1 => Agreement.OneEdit, 2 => Agreement.TwoEdits, _ => Agreement.Different };
    }

    /// <summary>Compares two raw document numbers.</summary>
    public static Agreement Compare(string? a, string? b) => Compare(Clean(a), Clean(b), FoldLookAlikes(a), FoldLookAlikes(b));
}
