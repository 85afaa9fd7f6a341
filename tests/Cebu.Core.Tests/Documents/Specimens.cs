using Cebu.Core.Features.Documents;

namespace Cebu.Core.Tests.Documents;

/// <summary>The ICAO 9303 specimen documents of Utopia, and helpers to build variants of them.</summary>
internal static class Specimens
{
    /// <summary>After the specimens' expiry (2012-04-15), so they read as expired.</summary>
    public static readonly DateOnly Today = new(2026, 5, 1);

    // Part 4, appendix B (TD3 passport).
    public const string Td3Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    public const string Td3Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    public const string Td3 = Td3Line1 + "\n" + Td3Line2;

    // Part 5, appendix B (TD1 ID card).
    public const string Td1Line1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
    public const string Td1Line2 = "7408122F1204159UTO<<<<<<<<<<<6";
    public const string Td1Line3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    public const string Td1 = Td1Line1 + "\n" + Td1Line2 + "\n" + Td1Line3;

    // Part 6, appendix B (TD2).
    public const string Td2Line1 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<";
    public const string Td2Line2 = "D231458907UTO7408122F1204159<<<<<<<6";
    public const string Td2 = Td2Line1 + "\n" + Td2Line2;

    // Part 7 (visas): MRV-A and MRV-B.
    public const string MrvA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<";
    public const string MrvB = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<";

    public static MrzResult Parse(string text, DateOnly? today = null, MrzParseOptions? options = null) =>
        MrzParser.Parse(text, today ?? Today, options);

    /// <summary>A TD3 lower line with every check digit computed.</summary>
    public static string Td3Lower(string number = "L898902C3", string nationality = "UTO", string birth = "740812", char sex = 'F', string expiry = "120415", string personal = "ZE184226B")
    {
        var n = number.PadRight(9, '<');
        var p = personal.PadRight(14, '<');
        var body = n + C(n) + nationality + birth + C(birth) + sex + expiry + C(expiry) + p + C(p);
        return body + C(body[..10] + body[13..20] + body[21..43]);
    }

    /// <summary>Replaces one character (1-based line and column) of an MRZ given as \n-separated lines.</summary>
    public static string Replace(string mrz, int line, int column, char c)
    {
        var lines = mrz.Split('\n');
        var chars = lines[line - 1].ToCharArray();
        chars[column - 1] = c;
        lines[line - 1] = new string(chars);
        return string.Join('\n', lines);
    }

    public static char At(string mrz, int line, int column) => mrz.Split('\n')[line - 1][column - 1];

    private static char C(string s) => MrzCheckDigit.ComputeChar(s);
}
