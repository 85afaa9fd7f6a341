using System.Globalization;
using Cebu.Core.Platform.Csv;
using Cebu.Core.Platform.Reference;

namespace Cebu.Core.Features.Verification;

/// <summary>One declared identity as the API's JSON body sends it.</summary>
public sealed record DeclaredIdentity(
    string? LocalReference = null, string? FamilyName = null, string? GivenNames = null, string? DateOfBirth = null, string? PlaceOfBirth = null,
    string? FatherName = null, string? MotherName = null, string? OldDocumentNumbers = null);

/// <summary>A batch as the API's JSON body sends it.</summary>
public sealed record BatchInput(string? ToState = null, DateOnly? Deadline = null, string? Reference = null, IReadOnlyList<DeclaredIdentity>? Requests = null);

/// <summary>A rejected row: its line (CSV) or position (JSON, from 1), the field, and how to fix it.</summary>
public sealed record RowError(int Line, string Field, string Message);

/// <summary>
/// Reads and checks a batch's rows, from CSV or JSON, all at once: a batch with any bad row is rejected whole, and the
/// answer names every bad row with its line, field and how to fix it.
/// </summary>
public static class VerificationInput
{
    public const int MaxName = 200;
    public const int MaxText = 300;
    public const int MaxRows = 50_000;

    /// <summary>The CSV columns, in this order, with a header line.</summary>
    public static readonly string[] Columns = ["local_reference", "family_name", "given_names", "date_of_birth", "place_of_birth", "father_name", "mother_name", "old_document_numbers"];

    public static string Template => string.Join(',', Columns) + "\nTH-REQ-0001,Sok,Dara,1994-03-07,Battambang,Sok Chea,Kim Sreymom,N0123456\n";

    public static (List<VerificationRequest> Rows, List<RowError> Errors) ReadCsv(TextReader reader)
    {
        var rows = new List<VerificationRequest>();
        var errors = new List<RowError>();
        var first = true;
        foreach (var record in Csv.Read(reader))
        {
            if (first)
            {
                first = false;
                var header = record.Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
                if (!header.SequenceEqual(Columns))
                {
                    errors.Add(new RowError(record.Line, "header", $"The first line must name the columns {string.Join(",", Columns)} in this order (download the template)."));
                    return (rows, errors);
                }
                continue;
            }
            if (record.Fields.Count != Columns.Length)
            {
                errors.Add(new RowError(record.Line, "row", $"The row has {record.Fields.Count} fields; give {Columns.Length}, one per column (quote a value that contains a comma)."));
                continue;
            }
            string? F(int i) => string.IsNullOrWhiteSpace(record.Fields[i]) ? null : record.Fields[i].Trim();
            Check(new DeclaredIdentity(F(0), F(1), F(2), F(3), F(4), F(5), F(6), F(7)), record.Line, csv: true, rows, errors);
            if (rows.Count + errors.Count > MaxRows) { errors.Add(new RowError(record.Line, "row", $"A batch holds at most {MaxRows:N0} requests: split the file.")); break; }
        }
        if (first) errors.Add(new RowError(1, "file", "The file is empty: send the header line and one row per worker (download the template)."));
        else if (rows.Count == 0 && errors.Count == 0) errors.Add(new RowError(2, "file", "The file has a header but no rows: add one row per worker."));
        Duplicates(rows, errors, csv: true);
        return (rows, errors);
    }

    public static (List<VerificationRequest> Rows, List<RowError> Errors) ReadJson(IReadOnlyList<DeclaredIdentity>? requests)
    {
        var rows = new List<VerificationRequest>();
        var errors = new List<RowError>();
        if (requests is null || requests.Count == 0) errors.Add(new RowError(0, "requests", "Send at least one request: the identity each worker declared."));
        else if (requests.Count > MaxRows) errors.Add(new RowError(0, "requests", $"A batch holds at most {MaxRows:N0} requests: split it."));
        else for (var i = 0; i < requests.Count; i++) Check(requests[i] ?? new DeclaredIdentity(), i + 1, csv: false, rows, errors);
        Duplicates(rows, errors, csv: false);
        return (rows, errors);
    }

    /// <summary>The key a row error is reported under: "line 3: date_of_birth" for CSV, "requests[2].dateOfBirth" for JSON.</summary>
    public static string Key(RowError e, bool csv) => e.Line == 0 ? e.Field : csv ? $"line {e.Line}: {e.Field}" : $"requests[{e.Line - 1}].{e.Field}";

    private static string Name(string csvColumn, bool csv) => csv ? csvColumn : csvColumn switch
    {
        "local_reference" => "localReference", "family_name" => "familyName", "given_names" => "givenNames", "date_of_birth" => "dateOfBirth",
        "place_of_birth" => "placeOfBirth", "father_name" => "fatherName", "mother_name" => "motherName", "old_document_numbers" => "oldDocumentNumbers", _ => csvColumn,
    };

    private static void Check(DeclaredIdentity d, int line, bool csv, List<VerificationRequest> rows, List<RowError> errors)
    {
        var before = errors.Count;
        void Err(string column, string message) => errors.Add(new RowError(line, Name(column, csv), message));
        var reference = d.LocalReference?.Trim() ?? "";
        if (reference.Length == 0) Err("local_reference", "Give your own reference for the worker (registration or permit application number), so that the answer can be matched to your file.");
        else if (reference.Length > MaxText) Err("local_reference", $"Keep the reference to {MaxText} characters.");
        var family = d.FamilyName?.Trim() ?? "";
        var given = d.GivenNames?.Trim() ?? "";
        if (family.Length == 0 && given.Length == 0) Err("family_name", "Give the worker's name as declared (family name, given names; a single name goes in family_name).");
        if (family.Length > MaxName) Err("family_name", $"Keep the family name to {MaxName} characters.");
        if (given.Length > MaxName) Err("given_names", $"Keep the given names to {MaxName} characters.");
        DateOnly dob = default;
        if (string.IsNullOrWhiteSpace(d.DateOfBirth)) Err("date_of_birth", "Give the declared date of birth as yyyy-MM-dd (for example 1994-03-07).");
        else if (!DateOnly.TryParseExact(d.DateOfBirth.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out dob))
            Err("date_of_birth", $"'{Cut(d.DateOfBirth)}' is not a date: write it as yyyy-MM-dd (for example 1994-03-07) or dd/MM/yyyy.");
        else if (dob.Year < 1900 || dob > DateOnly.FromDateTime(DateTime.UtcNow)) Err("date_of_birth", $"{dob:yyyy-MM-dd} is not a plausible date of birth: check the year.");
        foreach (var (column, value) in new[] { ("place_of_birth", d.PlaceOfBirth), ("father_name", d.FatherName), ("mother_name", d.MotherName), ("old_document_numbers", d.OldDocumentNumbers) })
            if ((value?.Trim().Length ?? 0) > (column.EndsWith("name", StringComparison.Ordinal) ? MaxName : MaxText))
                Err(column, $"Keep {column.Replace('_', ' ')} to {(column.EndsWith("name", StringComparison.Ordinal) ? MaxName : MaxText)} characters.");
        if (errors.Count > before) return;
        rows.Add(new VerificationRequest
        {
            Line = line, LocalReference = reference, FamilyName = family, GivenNames = given, DateOfBirth = dob,
            PlaceOfBirth = Opt(d.PlaceOfBirth), FatherName = Opt(d.FatherName), MotherName = Opt(d.MotherName), OldDocumentNumbers = Opt(d.OldDocumentNumbers),
        });
    }

    private static void Duplicates(List<VerificationRequest> rows, List<RowError> errors, bool csv)
    {
        foreach (var g in rows.GroupBy(r => r.LocalReference, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            foreach (var r in g.Skip(1))
                errors.Add(new RowError(r.Line, Name("local_reference", csv), $"The reference '{r.LocalReference}' is already used on {(csv ? "line" : "request")} {g.First().Line}: give each worker their own reference."));
    }

    private static string? Opt(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string Cut(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>Checks the batch's header fields: the sending state and the deadline.</summary>
    public static List<RowError> CheckHeader(string? fromState, string? toState, DateOnly? deadline, string? reference, DateOnly today)
    {
        var errors = new List<RowError>();
        if (string.IsNullOrWhiteSpace(toState) || !ReferenceData.Shared.IsCountry(toState.Trim().ToUpperInvariant()))
            errors.Add(new RowError(0, "toState", "Give the sending state asked to verify, as a two-letter code (for example KH or MM)."));
        else if (toState.Trim().ToUpperInvariant() == fromState)
            errors.Add(new RowError(0, "toState", "A state does not verify its own nationals through Cebu: choose the worker's state of origin."));
        if (deadline is null) errors.Add(new RowError(0, "deadline", "Give the date by which you need the answers (yyyy-MM-dd)."));
        else if (deadline < today) errors.Add(new RowError(0, "deadline", "The deadline has passed: give a date from today on."));
        if ((reference?.Length ?? 0) > 100) errors.Add(new RowError(0, "reference", "Keep your batch reference to 100 characters."));
        return errors;
    }
}
