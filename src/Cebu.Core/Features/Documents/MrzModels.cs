using System.Text.Json.Serialization;

namespace Cebu.Core.Features.Documents;

/// <summary>The size of a machine-readable travel document (ICAO 9303 parts 4 to 7).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MrzFormat>))]
public enum MrzFormat
{
    /// <summary>ID-1 card size (parts 5): 3 lines of 30 characters, e.g. national identity cards.</summary>
    TD1,

    /// <summary>ID-2 size (part 6): 2 lines of 36 characters; also format-B visas (MRV-B, part 7).</summary>
    TD2,

    /// <summary>Passport size (part 4): 2 lines of 44 characters; also format-A visas (MRV-A, part 7).</summary>
    TD3,
}

/// <summary>The sex field of the MRZ.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MrzSex>))]
public enum MrzSex
{
    /// <summary>The filler &lt;: the issuing State does not identify the sex (ICAO: "unspecified").</summary>
    Unspecified,

    /// <summary>F.</summary>
    Female,

    /// <summary>M.</summary>
    Male,

    /// <summary>X, used in the MRZ by some States for "unspecified" (ICAO itself prints X in the visual zone and &lt; in the MRZ).</summary>
    X,
}

/// <summary>
/// One problem found in an MRZ. <see cref="Field"/> is the camelCase name of the field (as in the API),
/// <see cref="Code"/> a stable machine-readable kind, <see cref="Message"/> words an officer can act on;
/// <see cref="Line"/> and <see cref="Column"/> (1-based) point at the character when there is one.
/// </summary>
public sealed record MrzIssue(string Field, string Code, string Message, int? Line = null, int? Column = null)
{
    public override string ToString() => (Line, Column) switch
    {
        (null, _) => $"{Field}: {Message}",
        (_, null) => $"{Field} (line {Line}): {Message}",
        _ => $"{Field} (line {Line}, column {Column}): {Message}",
    };
}

/// <summary>Names of the fields used in <see cref="MrzIssue.Field"/>.</summary>
public static class MrzField
{
    /// <summary>The pasted text as a whole: number of lines, line lengths.</summary>
    public const string Mrz = "mrz";
    public const string DocumentCode = "documentCode";
    public const string IssuingState = "issuingState";
    public const string Name = "name";
    public const string DocumentNumber = "documentNumber";
    public const string Nationality = "nationality";
    public const string DateOfBirth = "dateOfBirth";
    public const string Sex = "sex";
    public const string DateOfExpiry = "dateOfExpiry";
    public const string OptionalData1 = "optionalData1";
    public const string OptionalData2 = "optionalData2";
    public const string CompositeCheckDigit = "compositeCheckDigit";
}

/// <summary>Stable codes for <see cref="MrzIssue.Code"/>.</summary>
public static class MrzIssueCode
{
    public const string Empty = "empty";
    public const string LineCount = "lineCount";
    public const string LineLength = "lineLength";
    public const string InvalidCharacter = "invalidCharacter";
    public const string InvalidValue = "invalidValue";
    public const string InvalidDate = "invalidDate";
    public const string CheckDigit = "checkDigit";
    public const string Expired = "expired";
    public const string ExpiringSoon = "expiringSoon";
    public const string NameMayBeTruncated = "nameMayBeTruncated";
    public const string PartlyUnknownDate = "partlyUnknownDate";
    public const string SpacesIgnored = "spacesIgnored";
}

/// <summary>Settings for <see cref="MrzParser.Parse(string?, DateOnly, MrzParseOptions?)"/>.</summary>
public sealed record MrzParseOptions
{
    public static readonly MrzParseOptions Default = new();

    /// <summary>A document that expires within this many days of today (inclusive) is flagged as expiring soon.</summary>
    public int ExpiringSoonDays { get; init; } = 180;
}

/// <summary>
/// What <see cref="MrzParser"/> read. Every field is filled as far as it could be read, even when there are errors
/// (so an officer sees what the machine saw); a field is null when it could not be read at all or does not exist
/// in this format (e.g. <see cref="OptionalData2"/> outside TD1). The document is only to be trusted when
/// <see cref="IsValid"/>.
/// </summary>
public sealed record MrzResult
{
    /// <summary>The size, decided by the number and length of lines; null when the text had no MRZ shape.</summary>
    public MrzFormat? Format { get; init; }

    /// <summary>True for a machine-readable visa (document code V…): MRV-A when TD3-sized, MRV-B when TD2-sized.</summary>
    public bool IsVisa { get; init; }

    /// <summary>The document code without trailing filler, e.g. "P", "PP", "I", "ID", "V".</summary>
    public string? DocumentCode { get; init; }

    /// <summary>The issuing State or organisation, without trailing filler (e.g. "UTO", "D" for Germany).</summary>
    public string? IssuingState { get; init; }

    /// <summary>Surname(s): the primary identifier, fillers read as spaces.</summary>
    public string? PrimaryIdentifier { get; init; }

    /// <summary>Given name(s): the secondary identifier, fillers read as spaces; empty when the holder has none.</summary>
    public string? SecondaryIdentifier { get; init; }

    /// <summary>True when the name fills its field to the last position, which ICAO says must be read as possibly truncated.</summary>
    public bool NameMayBeTruncated { get; init; }

    /// <summary>The document number without trailing filler, including the continuation of a long (over 9 characters) TD1/TD2 number.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>The holder's nationality, without trailing filler.</summary>
    public string? Nationality { get; init; }

    /// <summary>Null when invalid or not fully known (the MRZ may show &lt;&lt; for an unknown day or month).</summary>
    public DateOnly? DateOfBirth { get; init; }

    public MrzSex? Sex { get; init; }

    public DateOnly? DateOfExpiry { get; init; }

    /// <summary>TD3: the personal number (positions 29–42). TD2: line 2 positions 29–35. TD1: line 1 positions 16–30.
    /// Visas: the optional data of line 2. A long document number's continuation is not part of it. Without trailing filler.</summary>
    public string? OptionalData1 { get; init; }

    /// <summary>TD1 only: line 2 positions 19–29, without trailing filler.</summary>
    public string? OptionalData2 { get; init; }

    public bool IsExpired { get; init; }

    public bool IsExpiringSoon { get; init; }

    /// <summary>The lines as they were read: whitespace removed, letters upper-cased.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    public IReadOnlyList<MrzIssue> Errors { get; init; } = [];

    /// <summary>Things an officer should know that do not make the MRZ wrong: expired, expiring soon, possibly truncated name.</summary>
    public IReadOnlyList<MrzIssue> Warnings { get; init; } = [];

    public bool IsValid => Errors.Count == 0;
}
