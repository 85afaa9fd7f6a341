using System.Text;
using Cebu.Core.Features.Documents;

namespace Cebu.Core.Tests.Documents;

/// <summary>Deterministic fuzzing: fixed seeds, a few thousand cases each.</summary>
public class MrzFuzzTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumerics = Letters + "0123456789";
    private const string MrzAlphabet = Alphanumerics + "<";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_valid_documents_written_by_the_writer_parse_back_to_the_same_fields(int seed)
    {
        var random = new Random(seed);
        var seen = new Dictionary<string, int>();
        void Saw(string what) => seen[what] = seen.GetValueOrDefault(what) + 1;
        for (var i = 0; i < 1500; i++)
        {
            var d = RandomDocument(random);
            var text = MrzWriter.Write(d);
            Saw(d.Format.ToString());
            if (d.DocumentCode[0] == 'V') Saw("visa");
            if (d.DocumentNumber.Length > 9) Saw("long number");
            if (d.SecondaryIdentifier.Length == 0) Saw("no given name");
            var r = MrzParser.Parse(text, Today);
            var context = $"case {i}:\n{text}\n{string.Join("; ", r.Errors)}";

            Assert.True(r.IsValid, context);
            Assert.Equal(d.Format, r.Format);
            Assert.Equal(d.DocumentCode[0] == 'V', r.IsVisa);
            Assert.Equal(d.DocumentCode, r.DocumentCode);
            Assert.Equal(d.IssuingState, r.IssuingState);
            Assert.Equal(d.DocumentNumber, r.DocumentNumber);
            Assert.Equal(d.Nationality, r.Nationality);
            Assert.Equal(d.DateOfBirth, r.DateOfBirth);
            Assert.Equal(d.Sex, r.Sex);
            Assert.Equal(d.DateOfExpiry, r.DateOfExpiry);
            Assert.Equal(d.OptionalData1, r.OptionalData1);
            Assert.Equal(d.OptionalData2, r.OptionalData2 ?? "");
            Assert.Equal(d.DateOfExpiry < Today, r.IsExpired);

            var width = d.Format switch { MrzFormat.TD1 => 30, MrzFormat.TD2 => 31, _ => 39 };
            var full = d.PrimaryIdentifier.Replace(' ', '<') + (d.SecondaryIdentifier.Length > 0 ? "<<" + d.SecondaryIdentifier.Replace(' ', '<') : "");
            if (full.Length <= width)
            {
                Assert.Equal(d.PrimaryIdentifier, r.PrimaryIdentifier);
                Assert.Equal(d.SecondaryIdentifier, r.SecondaryIdentifier);
                Assert.Equal(full.Length == width, r.NameMayBeTruncated);
            }
            else
            {
                // Truncated: the field ends with a letter, and every component read is the start of the one written.
                Assert.True(r.NameMayBeTruncated, context);
                AssertPrefixes(d.PrimaryIdentifier, r.PrimaryIdentifier!, context);
                AssertPrefixes(d.SecondaryIdentifier, r.SecondaryIdentifier!, context);
                Saw("truncated name");
            }
        }

        // The generator reaches every case it is meant to.
        foreach (var what in new[] { "TD1", "TD2", "TD3", "visa", "long number", "no given name", "truncated name" })
            Assert.True(seen.GetValueOrDefault(what) >= 20, $"only {seen.GetValueOrDefault(what)} cases of {what}");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Any_single_digit_substitution_under_a_check_digit_is_detected(int seed)
    {
        // Weights 7, 3 and 1 are prime to 10, so changing one digit by 1 to 9 always changes the sum modulo 10.
        var random = new Random(seed);
        var cases = 0;
        while (cases < 3000)
        {
            var d = RandomDocument(random);
            if (d.DocumentCode[0] == 'V') continue; // visas have no composite check digit over the optional data
            var lines = MrzWriter.WriteLines(d).ToArray();
            var covered = CoveredPositions(d.Format);
            var (line, column) = covered[random.Next(covered.Count)];
            var original = lines[line - 1][column - 1];
            if (!char.IsAsciiDigit(original)) continue;
            var replacement = (char)('0' + (original - '0' + 1 + random.Next(9)) % 10);
            var mutated = Mutate(lines, line, column, replacement);

            var r = MrzParser.Parse(mutated, Today);

            Assert.False(r.IsValid, $"'{original}' -> '{replacement}' at line {line}, column {column} was not detected:\n{mutated}");
            Assert.Contains(r.Errors, e => e.Code is MrzIssueCode.CheckDigit or MrzIssueCode.InvalidDate);
            cases++;
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void A_letter_or_filler_in_place_of_a_date_digit_is_detected(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var d = RandomDocument(random);
            var lines = MrzWriter.WriteLines(d).ToArray();
            var dates = DatePositions(d.Format);
            var (line, column) = dates[random.Next(dates.Count)];
            var replacement = (Letters + "<")[random.Next(27)];

            var r = MrzParser.Parse(Mutate(lines, line, column, replacement), Today);

            Assert.False(r.IsValid, $"'{replacement}' at line {line}, column {column}");
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Random_garbage_never_throws_and_always_has_errors(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var text = (i % 4) switch
            {
                0 => RandomText(random, random.Next(0, 200), AnyCharacter),
                1 => RandomShapedMrz(random, MrzAlphabet),
                2 => RandomShapedMrz(random, MrzAlphabet + "abcxyz !?-/é\t"),
                _ => RandomText(random, random.Next(60, 100), _ => MrzAlphabet[random.Next(MrzAlphabet.Length)]),
            };

            var r = MrzParser.Parse(text, Today);

            Assert.False(r.IsValid, $"garbage accepted: {text}");
            Assert.All(r.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        }
    }

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public void Mutated_valid_documents_never_throw(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder(MrzWriter.Write(RandomDocument(random)));
            for (var edits = random.Next(1, 6); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0: text.Remove(at, 1); break;
                    case 1: text.Insert(at, AnyCharacter(random)); break;
                    case 2: text[at] = MrzAlphabet[random.Next(MrzAlphabet.Length)]; break;
                    default: text.Insert(at, random.Next(2) == 0 ? "\n" : " "); break;
                }
            }

            var r = MrzParser.Parse(text.ToString(), Today, new MrzParseOptions { ExpiringSoonDays = random.Next(0, 400) });

            Assert.Equal(r.IsValid, r.Errors.Count == 0);
        }
    }

    // ---- generators ----

    private static MrzDocument RandomDocument(Random random)
    {
        var format = (MrzFormat)random.Next(3);
        var visa = format != MrzFormat.TD1 && random.Next(5) == 0;
        var first = visa ? 'V' : format == MrzFormat.TD3 ? 'P' : "ACI"[random.Next(3)];
        var code = random.Next(3) == 0 ? first.ToString() : first + Letters[random.Next(26)].ToString();

        var maxNumber = visa || format == MrzFormat.TD3 ? 9 : format == MrzFormat.TD1 ? 22 : 14;
        var numberLength = random.Next(4) == 0 ? random.Next(1, maxNumber + 1) : random.Next(6, 10);
        var number = RandomText(random, numberLength, r => Alphanumerics[r.Next(36)]);

        var optionalRoom = (format, visa) switch
        {
            (MrzFormat.TD1, _) => 15,
            (MrzFormat.TD2, false) => 7,
            (MrzFormat.TD2, true) => 8,
            (MrzFormat.TD3, false) => 14,
            _ => 16,
        };
        if (number.Length > 9) optionalRoom -= number.Length - 9 + 2;
        var optional1 = RandomOptional(random, optionalRoom);
        var optional2 = format == MrzFormat.TD1 ? RandomOptional(random, 11) : "";

        var birth = Today.AddDays(-random.Next(0, 99 * 365));
        DateOnly expiry;
        do expiry = Today.AddDays(random.Next(-40 * 365, 40 * 365)); while (expiry < birth);

        return new MrzDocument
        {
            Format = format,
            DocumentCode = code,
            IssuingState = RandomState(random),
            PrimaryIdentifier = RandomName(random, 1, 3),
            SecondaryIdentifier = random.Next(8) == 0 ? "" : RandomName(random, 1, 4),
            DocumentNumber = number,
            Nationality = RandomState(random),
            DateOfBirth = birth,
            Sex = (MrzSex)random.Next(4),
            DateOfExpiry = expiry,
            OptionalData1 = optional1,
            OptionalData2 = optional2,
        };
    }

    private static string RandomState(Random random) => random.Next(10) switch
    {
        0 => "D",
        1 => "XX" + "ABCX"[random.Next(4)],
        _ => RandomText(random, 3, r => Letters[r.Next(26)]),
    };

    private static string RandomName(Random random, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => RandomText(random, random.Next(1, 14), r => Letters[r.Next(26)])));

    /// <summary>Optional data: up to <paramref name="room"/> characters, fillers inside but never at the end.</summary>
    private static string RandomOptional(Random random, int room)
    {
        if (room <= 0 || random.Next(3) == 0) return "";
        var text = RandomText(random, random.Next(1, room + 1), r => r.Next(6) == 0 ? '<' : Alphanumerics[r.Next(36)]).TrimEnd('<');
        return text;
    }

    private static string RandomText(Random random, int length, Func<Random, char> next)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++) sb.Append(next(random));
        return sb.ToString();
    }

    private static string RandomText(Random random, int length, Func<Random, string> next)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++) sb.Append(next(random));
        return sb.ToString();
    }

    private static string AnyCharacter(Random random) => random.Next(8) switch
    {
        0 => "\n",
        1 => "\r\n",
        2 => ((char)random.Next(0, 32)).ToString(),
        3 => char.ConvertFromUtf32(random.Next(0x1F300, 0x1F5FF)), // a surrogate pair
        4 => ((char)random.Next(0x0100, 0x2000)).ToString(),
        _ => ((char)random.Next(32, 127)).ToString(),
    };

    private static string RandomShapedMrz(Random random, string alphabet)
    {
        var (count, width) = random.Next(4) switch { 0 => (2, 44), 1 => (2, 36), 2 => (3, 30), _ => (1, new[] { 88, 72, 90 }[random.Next(3)]) };
        var lines = Enumerable.Range(0, count).Select(_ => RandomText(random, width, r => alphabet[r.Next(alphabet.Length)]));
        return string.Join(random.Next(2) == 0 ? "\n" : "\r\n", lines);
    }

    private static string Mutate(string[] lines, int line, int column, char c)
    {
        var copy = (string[])lines.Clone();
        var chars = copy[line - 1].ToCharArray();
        chars[column - 1] = c;
        copy[line - 1] = new string(chars);
        return string.Join('\n', copy);
    }

    /// <summary>Every position covered by a check digit, and the check digits themselves (1-based line, column).</summary>
    private static List<(int Line, int Column)> CoveredPositions(MrzFormat format)
    {
        IEnumerable<(int, int)> Range(int line, int from, int to) => Enumerable.Range(from, to - from + 1).Select(c => (line, c));
        return format switch
        {
            MrzFormat.TD1 => [.. Range(1, 6, 30), .. Range(2, 1, 7), .. Range(2, 9, 15), .. Range(2, 19, 30)],
            MrzFormat.TD2 => [.. Range(2, 1, 10), .. Range(2, 14, 20), .. Range(2, 22, 36)],
            _ => [.. Range(2, 1, 10), .. Range(2, 14, 20), .. Range(2, 22, 44)],
        };
    }

    private static List<(int Line, int Column)> DatePositions(MrzFormat format) => format == MrzFormat.TD1
        ? [.. Enumerable.Range(1, 6).Select(c => (2, c)), .. Enumerable.Range(9, 6).Select(c => (2, c))]
        : [.. Enumerable.Range(14, 6).Select(c => (2, c)), .. Enumerable.Range(22, 6).Select(c => (2, c))];

    private static void AssertPrefixes(string written, string read, string context)
    {
        var w = written.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var r = read.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(r.Length <= w.Length, context);
        for (var i = 0; i < r.Length; i++)
            Assert.True(w[i].StartsWith(r[i], StringComparison.Ordinal), $"{r[i]} is not the start of {w[i]}: {context}");
    }
}
