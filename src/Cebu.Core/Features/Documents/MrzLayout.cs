namespace Cebu.Core.Features.Documents;

/// <summary>A field's place in the MRZ: 1-based line and start position, as in ICAO 9303.</summary>
internal sealed record MrzSlot(string Field, int Line, int Start, int Length, bool IsCheckDigit = false)
{
    public string Read(string[] lines) => lines[Line - 1].Substring(Start - 1, Length);

    public bool Covers(int line, int column) => line == Line && column >= Start && column < Start + Length;
}

/// <summary>
/// Where each field sits, per ICAO 9303 part 4 (TD3), part 5 (TD1), part 6 (TD2) and part 7 (MRV-A, MRV-B).
/// A check digit slot carries the name of the field it protects.
/// </summary>
internal sealed class MrzLayout
{
    public required MrzFormat Format { get; init; }
    public required bool IsVisa { get; init; }
    public required MrzSlot DocumentCode { get; init; }
    public required MrzSlot IssuingState { get; init; }
    public required MrzSlot Name { get; init; }
    public required MrzSlot DocumentNumber { get; init; }
    public required MrzSlot DocumentNumberCheck { get; init; }
    public required MrzSlot Nationality { get; init; }
    public required MrzSlot DateOfBirth { get; init; }
    public required MrzSlot DateOfBirthCheck { get; init; }
    public required MrzSlot Sex { get; init; }
    public required MrzSlot DateOfExpiry { get; init; }
    public required MrzSlot DateOfExpiryCheck { get; init; }
    public required MrzSlot OptionalData1 { get; init; }
    /// <summary>TD3 passports only: the personal number's check digit.</summary>
    public MrzSlot? OptionalData1Check { get; init; }
    /// <summary>TD1 only.</summary>
    public MrzSlot? OptionalData2 { get; init; }
    /// <summary>None on visas.</summary>
    public MrzSlot? Composite { get; init; }
    /// <summary>The (line, start, length) ranges the composite check digit covers.</summary>
    public (int Line, int Start, int Length)[] CompositeRanges { get; init; } = [];
    /// <summary>Whether a document number over 9 characters continues in the optional data (TD1 and TD2, not visas).</summary>
    public bool AllowsLongDocumentNumber => !IsVisa && Format is MrzFormat.TD1 or MrzFormat.TD2;

    public IEnumerable<MrzSlot> Slots
    {
        get
        {
            yield return DocumentCode;
            yield return IssuingState;
            yield return Name;
            yield return DocumentNumber;
            yield return DocumentNumberCheck;
            yield return Nationality;
            yield return DateOfBirth;
            yield return DateOfBirthCheck;
            yield return Sex;
            yield return DateOfExpiry;
            yield return DateOfExpiryCheck;
            yield return OptionalData1;
            if (OptionalData1Check is not null) yield return OptionalData1Check;
            if (OptionalData2 is not null) yield return OptionalData2;
            if (Composite is not null) yield return Composite;
        }
    }

    public MrzSlot? SlotAt(int line, int column) => Slots.FirstOrDefault(s => s.Covers(line, column));

    public string CompositeData(string[] lines) => string.Concat(CompositeRanges.Select(r => lines[r.Line - 1].Substring(r.Start - 1, r.Length)));

    public string DescribeCompositeRanges()
    {
        var byLine = CompositeRanges.GroupBy(r => r.Line)
            .Select(g => $"line {g.Key} positions {Join(g.Select(r => $"{r.Start}–{r.Start + r.Length - 1}").ToList())}");
        return string.Join("; ", byLine);
    }

    private static string Join(List<string> parts) => parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    public static MrzLayout For(MrzFormat format, bool isVisa) => (format, isVisa) switch
    {
        (MrzFormat.TD1, _) => TD1,
        (MrzFormat.TD2, false) => TD2,
        (MrzFormat.TD2, true) => MrvB,
        (_, false) => TD3,
        _ => MrvA,
    };

    /// <summary>Lines 1 of TD3 and TD2 (and visas): code, state, name to the end of the line.</summary>
    private static MrzSlot Code => new(MrzField.DocumentCode, 1, 1, 2);
    private static MrzSlot State => new(MrzField.IssuingState, 1, 3, 3);

    /// <summary>Line 2 of TD3, TD2 and both visas shares positions 1–28.</summary>
    private static MrzLayout TwoLine(MrzFormat format, bool isVisa, int width, MrzSlot optional, MrzSlot? optionalCheck, MrzSlot? composite, (int, int, int)[] compositeRanges) => new()
    {
        Format = format,
        IsVisa = isVisa,
        DocumentCode = Code,
        IssuingState = State,
        Name = new(MrzField.Name, 1, 6, width - 5),
        DocumentNumber = new(MrzField.DocumentNumber, 2, 1, 9),
        DocumentNumberCheck = new(MrzField.DocumentNumber, 2, 10, 1, true),
        Nationality = new(MrzField.Nationality, 2, 11, 3),
        DateOfBirth = new(MrzField.DateOfBirth, 2, 14, 6),
        DateOfBirthCheck = new(MrzField.DateOfBirth, 2, 20, 1, true),
        Sex = new(MrzField.Sex, 2, 21, 1),
        DateOfExpiry = new(MrzField.DateOfExpiry, 2, 22, 6),
        DateOfExpiryCheck = new(MrzField.DateOfExpiry, 2, 28, 1, true),
        OptionalData1 = optional,
        OptionalData1Check = optionalCheck,
        Composite = composite,
        CompositeRanges = compositeRanges,
    };

    public static readonly MrzLayout TD3 = TwoLine(MrzFormat.TD3, false, 44,
        new(MrzField.OptionalData1, 2, 29, 14), new(MrzField.OptionalData1, 2, 43, 1, true),
        new(MrzField.CompositeCheckDigit, 2, 44, 1, true), [(2, 1, 10), (2, 14, 7), (2, 22, 22)]);

    public static readonly MrzLayout TD2 = TwoLine(MrzFormat.TD2, false, 36,
        new(MrzField.OptionalData1, 2, 29, 7), null,
        new(MrzField.CompositeCheckDigit, 2, 36, 1, true), [(2, 1, 10), (2, 14, 7), (2, 22, 14)]);

    public static readonly MrzLayout MrvA = TwoLine(MrzFormat.TD3, true, 44, new(MrzField.OptionalData1, 2, 29, 16), null, null, []);

    public static readonly MrzLayout MrvB = TwoLine(MrzFormat.TD2, true, 36, new(MrzField.OptionalData1, 2, 29, 8), null, null, []);

    public static readonly MrzLayout TD1 = new()
    {
        Format = MrzFormat.TD1,
        IsVisa = false,
        DocumentCode = Code,
        IssuingState = State,
        DocumentNumber = new(MrzField.DocumentNumber, 1, 6, 9),
        DocumentNumberCheck = new(MrzField.DocumentNumber, 1, 15, 1, true),
        OptionalData1 = new(MrzField.OptionalData1, 1, 16, 15),
        DateOfBirth = new(MrzField.DateOfBirth, 2, 1, 6),
        DateOfBirthCheck = new(MrzField.DateOfBirth, 2, 7, 1, true),
        Sex = new(MrzField.Sex, 2, 8, 1),
        DateOfExpiry = new(MrzField.DateOfExpiry, 2, 9, 6),
        DateOfExpiryCheck = new(MrzField.DateOfExpiry, 2, 15, 1, true),
        Nationality = new(MrzField.Nationality, 2, 16, 3),
        OptionalData2 = new(MrzField.OptionalData2, 2, 19, 11),
        Composite = new(MrzField.CompositeCheckDigit, 2, 30, 1, true),
        CompositeRanges = [(1, 6, 25), (2, 1, 7), (2, 9, 7), (2, 19, 11)],
        Name = new(MrzField.Name, 3, 1, 30),
    };
}
