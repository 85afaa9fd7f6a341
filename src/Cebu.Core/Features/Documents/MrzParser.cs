using System.Globalization;

namespace Cebu.Core.Features.Documents;

/// <summary>
/// Reads and checks the machine-readable zone of a passport (TD3), ID card (TD1), TD2 document or machine-readable
/// visa (MRV-A, MRV-B) as laid down in ICAO Doc 9303 parts 3 to 7. Pure: no I/O, and the only clock is
/// <c>today</c>. Never throws on any input: problems come back as <see cref="MrzResult.Errors"/>.
/// </summary>
public static class MrzParser
{
    private const int MaxCharacterErrors = 10;

    public static MrzResult Parse(string? text, DateOnly today, MrzParseOptions? options = null)
    {
        var errors = new List<MrzIssue>();
        var warnings = new List<MrzIssue>();
        var shape = MrzText.Split(text, errors, warnings, out var lines);
        if (shape is null)
            return new MrzResult { Lines = lines, Errors = errors, Warnings = warnings };
        return new Reader(shape.Format, shape.Lines, today, options ?? MrzParseOptions.Default, errors, warnings).Read();
    }

    private sealed class Reader(MrzFormat format, string[] lines, DateOnly today, MrzParseOptions options, List<MrzIssue> errors, List<MrzIssue> warnings)
    {
        private readonly MrzLayout layout = MrzLayout.For(format, isVisa: format != MrzFormat.TD1 && lines[0][0] == 'V');
        private readonly HashSet<MrzSlot> tainted = [];

        public MrzResult Read()
        {
            FindInvalidCharacters();

            var documentCode = ReadDocumentCode();
            var issuingState = ReadStateCode(layout.IssuingState, "issuing State");
            var (primary, secondary, mayBeTruncated) = ReadName();
            var (documentNumber, optionalData1) = ReadDocumentNumber();
            var nationality = ReadStateCode(layout.Nationality, "nationality");
            var dateOfBirth = ReadDateOfBirth();
            var sex = ReadSex();
            var dateOfExpiry = ReadDateOfExpiry();
            optionalData1 ??= ReadOptionalData1();
            var optionalData2 = layout.OptionalData2 is { } od2 ? od2.Read(lines).TrimEnd('<') : null;
            CheckComposite();

            if (dateOfBirth is { } born && dateOfExpiry is { } expires && expires < born)
                Error(layout.DateOfExpiry, MrzIssueCode.InvalidDate, $"the date of expiry {MrzDates.Iso(expires)} is before the date of birth {MrzDates.Iso(born)}");

            var expired = false;
            var expiringSoon = false;
            if (dateOfExpiry is { } expiry)
            {
                var days = expiry.DayNumber - today.DayNumber;
                if (days < 0)
                {
                    expired = true;
                    Warn(layout.DateOfExpiry, MrzIssueCode.Expired, $"the document expired on {MrzDates.Iso(expiry)}, {-days} day{(days == -1 ? "" : "s")} ago");
                }
                else if (days <= options.ExpiringSoonDays)
                {
                    expiringSoon = true;
                    Warn(layout.DateOfExpiry, MrzIssueCode.ExpiringSoon, days == 0
                        ? $"the document expires today ({MrzDates.Iso(expiry)})"
                        : $"the document expires on {MrzDates.Iso(expiry)}, in {days} day{(days == 1 ? "" : "s")}");
                }
            }

            return new MrzResult
            {
                Format = format,
                IsVisa = layout.IsVisa,
                DocumentCode = documentCode,
                IssuingState = issuingState,
                PrimaryIdentifier = primary,
                SecondaryIdentifier = secondary,
                NameMayBeTruncated = mayBeTruncated,
                DocumentNumber = documentNumber,
                Nationality = nationality,
                DateOfBirth = dateOfBirth,
                Sex = sex,
                DateOfExpiry = dateOfExpiry,
                OptionalData1 = optionalData1,
                OptionalData2 = optionalData2,
                IsExpired = expired,
                IsExpiringSoon = expiringSoon,
                Lines = lines,
                Errors = errors,
                Warnings = warnings,
            };
        }

        // ---- characters ----

        private void FindInvalidCharacters()
        {
            var count = 0;
            for (var l = 0; l < lines.Length; l++)
            {
                for (var c = 0; c < lines[l].Length; c++)
                {
                    var ch = lines[l][c];
                    if (MrzCheckDigit.ValueOf(ch) >= 0) continue;
                    var slot = layout.SlotAt(l + 1, c + 1);
                    if (slot is not null) tainted.Add(slot);
                    count++;
                    if (count <= MaxCharacterErrors)
                        errors.Add(new(slot?.Field ?? MrzField.Mrz, MrzIssueCode.InvalidCharacter,
                            $"line {l + 1}, column {c + 1}: {Show(ch)} is not allowed in an MRZ; only A–Z, 0–9 and < are", l + 1, c + 1));
                }
            }
            if (count > MaxCharacterErrors)
                errors.Add(new(MrzField.Mrz, MrzIssueCode.InvalidCharacter, $"{count - MaxCharacterErrors} more characters are not allowed in an MRZ; only A–Z, 0–9 and < are"));
        }

        private bool IsClean(MrzSlot slot) => !tainted.Contains(slot);

        private static string Show(char c) =>
            char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format
                ? $"U+{(int)c:X4}"
                : $"'{c}'";

        // ---- fields ----

        private string? ReadDocumentCode()
        {
            var slot = layout.DocumentCode;
            var code = slot.Read(lines);
            if (!IsClean(slot)) return code.TrimEnd('<');
            var (allowed, what) = (format, layout.IsVisa) switch
            {
                (MrzFormat.TD3, false) => ("P", "a passport MRZ (TD3) starts with P (or V for a visa)"),
                (MrzFormat.TD1, _) => ("ACI", "an ID card MRZ (TD1) starts with A, C or I"),
                (MrzFormat.TD2, false) => ("ACI", "a TD2 MRZ starts with A, C or I (or V for a visa)"),
                _ => ("V", "a visa MRZ starts with V"),
            };
            if (!allowed.Contains(code[0], StringComparison.Ordinal))
                Error(slot, MrzIssueCode.InvalidValue, $"{what}; this one starts with '{code[0]}'", column: slot.Start);
            if (code[1] is not ('<' or >= 'A' and <= 'Z'))
                Error(slot, MrzIssueCode.InvalidValue, $"the second character of the document code is '{code[1]}'; it must be a letter or <", column: slot.Start + 1);
            return code.TrimEnd('<');
        }

        /// <summary>Issuing State and nationality: ICAO codes are 3 letters, or 1–2 letters padded with &lt; (D&lt;&lt; is Germany).
        /// Only the shape is checked: the list changes (XXA, XXB, XXC, XXX, UTO, EUE, UNO…).</summary>
        private string? ReadStateCode(MrzSlot slot, string what)
        {
            var code = slot.Read(lines);
            if (!IsClean(slot)) return code.TrimEnd('<');
            var trimmed = code.TrimEnd('<');
            if (trimmed.Length == 0)
                Error(slot, MrzIssueCode.InvalidValue, $"the {what} is empty ('{code}'); it must be a 3-letter code, or 1–2 letters followed by < (like D<< for Germany)");
            else if (!trimmed.All(c => c is >= 'A' and <= 'Z'))
                Error(slot, MrzIssueCode.InvalidValue, $"'{code}' is not a country code: ICAO codes are 3 letters, or 1–2 letters followed by < (like D<< for Germany)");
            return trimmed;
        }

        private (string? Primary, string? Secondary, bool MayBeTruncated) ReadName()
        {
            var slot = layout.Name;
            var field = slot.Read(lines);
            var digit = field.IndexOfAny("0123456789".ToCharArray());
            if (IsClean(slot) && digit >= 0)
                Error(slot, MrzIssueCode.InvalidValue, $"line {slot.Line}, column {slot.Start + digit}: '{field[digit]}' is a digit; a name has only letters and < (was an O read as 0?)", column: slot.Start + digit);

            var trimmed = field.TrimEnd('<');
            if (trimmed.Length == 0)
            {
                Error(slot, MrzIssueCode.InvalidValue, "the name is empty");
                return ("", "", false);
            }
            var separator = trimmed.IndexOf("<<", StringComparison.Ordinal);
            var primary = Words(separator < 0 ? trimmed : trimmed[..separator]);
            var secondary = separator < 0 ? "" : Words(trimmed[(separator + 2)..]);
            if (primary.Length == 0)
                Warn(slot, MrzIssueCode.InvalidValue, "the name starts with <, so the primary identifier (surname) is empty; ICAO puts a single name in the primary identifier");
            var mayBeTruncated = field[^1] != '<';
            if (mayBeTruncated)
                Warn(slot, MrzIssueCode.NameMayBeTruncated, "the name fills the whole field, so it may have been truncated; compare it with the name printed on the document");
            return (primary, secondary, mayBeTruncated);
        }

        private static string Words(string part) => string.Join(' ', part.Split('<', StringSplitOptions.RemoveEmptyEntries));

        /// <summary>The document number, and for a long TD1/TD2 number the optional data that follows its continuation.</summary>
        private (string? Number, string? OptionalData1) ReadDocumentNumber()
        {
            var slot = layout.DocumentNumber;
            var checkSlot = layout.DocumentNumberCheck;
            var raw = slot.Read(lines);
            var check = checkSlot.Read(lines)[0];

            if (check == '<' && layout.AllowsLongDocumentNumber)
            {
                // ICAO 9303 parts 5 and 6, note j: a number over 9 characters shows its 9 principal characters here,
                // < instead of the check digit, and continues at the start of the optional data, followed by its
                // check digit and a filler.
                var optionalSlot = layout.OptionalData1;
                var optional = optionalSlot.Read(lines);
                if (!IsClean(slot) || !IsClean(optionalSlot)) return (raw.TrimEnd('<'), null);
                var end = optional.IndexOf('<');
                if (end == 0)
                {
                    Error(checkSlot, MrzIssueCode.CheckDigit, "check digit is <, which marks a document number longer than 9 characters, but the optional data does not continue the number");
                    return (raw.TrimEnd('<'), optional.TrimEnd('<'));
                }
                if (end < 0)
                {
                    Error(optionalSlot, MrzIssueCode.InvalidValue, "the continuation of the long document number must end with its check digit and a <, but the optional data has no <", MrzField.DocumentNumber);
                    return (raw + optional, "");
                }
                if (end == 1)
                {
                    Error(optionalSlot, MrzIssueCode.InvalidValue, $"check digit is < (a long document number), but its continuation '{optional[0]}' has no characters before its check digit", MrzField.DocumentNumber);
                    return (raw.TrimEnd('<'), optional[2..].TrimEnd('<'));
                }
                var continuation = optional[..(end - 1)];
                var number = raw + continuation;
                Verify(MrzField.DocumentNumber, number, optional[end - 1], optionalSlot.Line, optionalSlot.Start + end - 1);
                if (raw.Contains('<'))
                    Error(slot, MrzIssueCode.InvalidValue, $"a long document number fills all 9 positions before its continuation, but '{raw}' has <", MrzField.DocumentNumber);
                return (number, optional[(end + 1)..].TrimEnd('<'));
            }

            var trimmed = raw.TrimEnd('<');
            if (IsClean(slot) && trimmed.Length == 0)
                Error(slot, MrzIssueCode.InvalidValue, "the document number is empty");
            if (IsClean(slot) && IsClean(checkSlot))
            {
                if (check == '<')
                    Error(checkSlot, MrzIssueCode.CheckDigit, $"check digit is <, not a digit; the digits give {MrzCheckDigit.Compute(raw)}"
                        + (layout.IsVisa ? " (a visa does not continue long numbers)" : " (a passport does not continue long numbers; only TD1 and TD2 documents do)"));
                else
                    Verify(MrzField.DocumentNumber, raw, check, checkSlot.Line, checkSlot.Start);
            }
            return (trimmed, null);
        }

        private DateOnly? ReadDateOfBirth()
        {
            var date = ParseDateOfBirth();
            VerifySlot(layout.DateOfBirth, layout.DateOfBirthCheck);
            return date;
        }

        private DateOnly? ParseDateOfBirth()
        {
            var slot = layout.DateOfBirth;
            var text = slot.Read(lines);
            if (!IsClean(slot)) return null;

            int? Part(int at) => text.Substring(at, 2) is var p && p == "<<" ? null : int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
            var (yy, mm, dd) = (Part(0), Part(2), Part(4));
            if (yy == -1 || mm == -1 || dd == -1)
            {
                Error(slot, MrzIssueCode.InvalidDate, $"'{text}' is not a date: a date is YYMMDD in digits (<< only for an unknown part of a date of birth)");
                return null;
            }
            if (yy is null || mm is null || dd is null)
            {
                if (mm is { } month && month is < 1 or > 12) { Error(slot, MrzIssueCode.InvalidDate, $"'{text}' is not a date: month {month:00}"); return null; }
                if (dd is { } day && day is < 1 or > 31) { Error(slot, MrzIssueCode.InvalidDate, $"'{text}' is not a date: day {day:00}"); return null; }
                var unknown = string.Join(" and ", new[] { yy is null ? "year" : null, mm is null ? "month" : null, dd is null ? "day" : null }.OfType<string>());
                Warn(slot, MrzIssueCode.PartlyUnknownDate, text == "<<<<<<"
                    ? "the date of birth is not known (the MRZ shows <<<<<<)"
                    : $"the date of birth is only partly known ({unknown} unknown: the MRZ shows {text})");
                return null;
            }
            var year = MrzDates.BirthYear(yy.Value, mm, dd, today);
            return ToDate(slot, text, year, mm.Value, dd.Value);
        }

        private DateOnly? ReadDateOfExpiry()
        {
            var date = ParseDateOfExpiry();
            VerifySlot(layout.DateOfExpiry, layout.DateOfExpiryCheck);
            return date;
        }

        private DateOnly? ParseDateOfExpiry()
        {
            var slot = layout.DateOfExpiry;
            var text = slot.Read(lines);
            if (!IsClean(slot)) return null;
            if (!text.All(char.IsAsciiDigit))
            {
                Error(slot, MrzIssueCode.InvalidDate, $"'{text}' is not a date: a date is YYMMDD in digits");
                return null;
            }
            var yy = int.Parse(text[..2], CultureInfo.InvariantCulture);
            var mm = int.Parse(text[2..4], CultureInfo.InvariantCulture);
            var dd = int.Parse(text[4..], CultureInfo.InvariantCulture);
            return ToDate(slot, text, MrzDates.ExpiryYear(yy, today), mm, dd);
        }

        private DateOnly? ToDate(MrzSlot slot, string text, int year, int month, int day)
        {
            if (month is < 1 or > 12)
            {
                Error(slot, MrzIssueCode.InvalidDate, $"'{text}' is not a date: month {month:00}");
                return null;
            }
            var days = DateTime.DaysInMonth(year, month);
            if (day < 1 || day > days)
            {
                var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
                Error(slot, MrzIssueCode.InvalidDate, $"'{text}' is not a date: day {day:00} ({monthName} {year} has {days} days)");
                return null;
            }
            return new DateOnly(year, month, day);
        }

        private MrzSex? ReadSex()
        {
            var slot = layout.Sex;
            var c = slot.Read(lines)[0];
            if (!IsClean(slot)) return null;
            switch (c)
            {
                case 'M': return MrzSex.Male;
                case 'F': return MrzSex.Female;
                case 'X': return MrzSex.X;
                case '<': return MrzSex.Unspecified;
                default:
                    Error(slot, MrzIssueCode.InvalidValue, $"'{c}' is not M, F, X or <");
                    return null;
            }
        }

        private string? ReadOptionalData1()
        {
            var slot = layout.OptionalData1;
            var data = slot.Read(lines);
            if (layout.OptionalData1Check is { } checkSlot && IsClean(slot) && IsClean(checkSlot))
            {
                // ICAO 9303 part 4: when the personal number is all filler, its check digit may be 0 or <.
                var check = checkSlot.Read(lines)[0];
                var empty = data.All(c => c == '<');
                if (!(empty && check is '<' or '0'))
                {
                    if (check == '<')
                        Error(checkSlot, MrzIssueCode.CheckDigit, $"check digit is < but the personal number is not empty; the digits give {MrzCheckDigit.Compute(data)}");
                    else
                        Verify(MrzField.OptionalData1, data, check, checkSlot.Line, checkSlot.Start);
                }
            }
            return data.TrimEnd('<');
        }

        private void CheckComposite()
        {
            if (layout.Composite is not { } slot || !IsClean(slot)) return;
            var data = layout.CompositeData(lines);
            if (!MrzCheckDigit.TryCompute(data, out var expected)) return;
            var check = slot.Read(lines)[0];
            if (check - '0' == expected) return;
            var shown = char.IsAsciiDigit(check) ? $"{check} but" : $"'{check}', not a digit;";
            Error(slot, MrzIssueCode.CheckDigit, $"composite check digit is {shown} the digits give {expected} (it covers {layout.DescribeCompositeRanges()})");
        }

        // ---- check digits and issues ----

        private void VerifySlot(MrzSlot slot, MrzSlot checkSlot)
        {
            if (!IsClean(slot) || !IsClean(checkSlot)) return;
            Verify(slot.Field, slot.Read(lines), checkSlot.Read(lines)[0], checkSlot.Line, checkSlot.Start);
        }

        private void Verify(string field, string data, char check, int line, int column)
        {
            if (MrzCheckDigit.ValueOf(check) < 0 || !MrzCheckDigit.TryCompute(data, out var expected)) return;
            if (!char.IsAsciiDigit(check))
                errors.Add(new(field, MrzIssueCode.CheckDigit, $"check digit is '{check}', not a digit; the digits give {expected}", line, column));
            else if (check - '0' != expected)
                errors.Add(new(field, MrzIssueCode.CheckDigit, $"check digit is {check} but the digits give {expected}", line, column));
        }

        private void Error(MrzSlot slot, string code, string message, string? field = null, int? column = null) =>
            errors.Add(new(field ?? slot.Field, code, message, slot.Line, column ?? slot.Start));

        private void Warn(MrzSlot slot, string code, string message) =>
            warnings.Add(new(slot.Field, code, message, slot.Line, slot.Start));
    }
}
