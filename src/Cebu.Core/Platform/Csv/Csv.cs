using System.Text;

namespace Cebu.Core.Platform.Csv;

/// <summary>One record of a CSV file, with the line it starts on (for error messages).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes.</summary>
public static class Csv
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false, fieldStarted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when !fieldStarted || field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (!(fields.Count == 1 && fields[0].Length == 0)) yield return new CsvRecord(recordLine, fields);
                    fields = [];
                    fieldStarted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            if (!(fields.Count == 1 && fields[0].Length == 0)) yield return new CsvRecord(recordLine, fields);
        }
    }

    /// <summary>
    /// A field as written to a file: quoted when needed, and a cell that a spreadsheet would run as a formula
    /// (starting with =, +, -, @, a tab or a carriage return: CSV injection, OWASP) is guarded by a leading
    /// apostrophe, which spreadsheets hide and <see cref="Unguard"/> removes on import, so exports still round-trip.
    /// </summary>
    public static string Escape(string? value)
    {
        value ??= "";
        if (value.Length > 0 && IsFormulaStart(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith(' ') || value.EndsWith(' ')
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }

    /// <summary>Removes the apostrophe <see cref="Escape"/> puts before a cell that starts like a formula.</summary>
    public static string Unguard(string field) =>
        field.Length > 1 && field[0] == '\'' && IsFormulaStart(field[1]) ? field[1..] : field;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static void WriteRow(TextWriter w, IEnumerable<string?> values) => w.Write(string.Join(',', values.Select(Escape)) + "\n");
}

/// <summary>What every CSV import shares: the header check and the reading of fields, with reasons for the rejected-row report.</summary>
public static class CsvImport
{
    /// <summary>Maps column names to positions, or says which required columns line 1 lacks.</summary>
    public static Results.Problem? Header(IReadOnlyList<CsvRecord> records, IReadOnlyList<string> columns, IEnumerable<string> required, out Dictionary<string, int> positions)
    {
        positions = [];
        if (records.Count == 0)
            return Results.Problem.Invalid("file", $"The file is empty. The first line must name the columns: {string.Join(",", columns)}.");
        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            return Results.Problem.Invalid("file", $"Line 1 lacks the column(s) {string.Join(", ", missing)}. Expected: {string.Join(",", columns)}.");
        positions = header.Select((h, i) => (h, i)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);
        return null;
    }

    /// <summary>A field by column name, trimmed; empty when the row is short.</summary>
    public static string Field(CsvRecord row, Dictionary<string, int> positions, string column) =>
        positions.TryGetValue(column, out var k) && k < row.Fields.Count ? Csv.Unguard(row.Fields[k].Trim()).Trim() : "";

    /// <summary>A YYYY-MM-DD date, or null with the reason added.</summary>
    public static DateOnly? Date(string text, string column, List<string> reasons, bool optional = false)
    {
        if (text.Length == 0)
        {
            if (!optional) reasons.Add($"{column} is empty: give a date as YYYY-MM-DD");
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return d;
        reasons.Add($"{column} '{text}' is not a date: write it as YYYY-MM-DD");
        return null;
    }

    public static string? FieldCountProblem(CsvRecord row, int headerCount) =>
        row.Fields.Count == headerCount ? null : $"has {row.Fields.Count} fields where the header has {headerCount}: check for an unquoted comma";
}
