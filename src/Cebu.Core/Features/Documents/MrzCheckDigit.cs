namespace Cebu.Core.Features.Documents;

/// <summary>
/// The ICAO 9303 part 3 check digit: each character is given a value (digits as themselves, A–Z = 10–35,
/// the filler &lt; = 0), multiplied by the repeating weights 7, 3, 1, and the sum taken modulo 10.
/// </summary>
public static class MrzCheckDigit
{
    private static readonly int[] Weights = [7, 3, 1];

    /// <summary>The value of one MRZ character, or -1 when the character is not allowed in an MRZ.</summary>
    public static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => -1,
    };

    /// <summary>The check digit (0–9) of <paramref name="data"/>; false when it holds a character outside A–Z, 0–9 and &lt;.</summary>
    public static bool TryCompute(ReadOnlySpan<char> data, out int digit)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var value = ValueOf(data[i]);
            if (value < 0)
            {
                digit = -1;
                return false;
            }
            sum += value * Weights[i % 3];
        }
        digit = sum % 10;
        return true;
    }

    /// <summary>The check digit (0–9) of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">When the data holds a character outside A–Z, 0–9 and &lt;.</exception>
    public static int Compute(ReadOnlySpan<char> data) =>
        TryCompute(data, out var digit) ? digit : throw new ArgumentException($"'{data.ToString()}' holds a character that is not allowed in an MRZ (only A–Z, 0–9 and <).", nameof(data));

    /// <summary>The check digit as the character printed in the MRZ.</summary>
    public static char ComputeChar(ReadOnlySpan<char> data) => (char)('0' + Compute(data));
}
