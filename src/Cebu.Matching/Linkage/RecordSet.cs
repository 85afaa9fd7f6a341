namespace Cebu.Matching.Linkage;

/// <summary>
/// Records as rows of named text fields, as read from a CSV file or a database extract. Empty or blank values
/// are stored as null: a missing value is neither agreement nor disagreement.
/// </summary>
public sealed class RecordSet
{
    private readonly Dictionary<string, int> _index;

    public RecordSet(IReadOnlyList<string> columns, IReadOnlyList<string?[]> rows)
    {
        Columns = columns.ToArray();
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Columns.Count; i++) _index[Columns[i].Trim()] = i;
        Rows = rows.Select(r => r.Select(v => string.IsNullOrWhiteSpace(v) ? null : v.Trim()).ToArray()).ToArray();
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<string?[]> Rows { get; }

    public int Count => Rows.Count;

    /// <summary>The position of a column, or an exception naming the columns there are.</summary>
    public int ColumnIndex(string column) =>
        _index.TryGetValue(column, out var i) ? i : throw new ArgumentException($"No column '{column}'; the columns are {string.Join(", ", Columns)}.");

    public bool HasColumn(string column) => _index.ContainsKey(column);

    /// <summary>Every value of one column, null where missing.</summary>
    public string?[] Column(string column)
    {
        var i = ColumnIndex(column);
        return Rows.Select(r => i < r.Length ? r[i] : null).ToArray();
    }

    /// <summary>One value, null where missing.</summary>
    public string? Get(int row, string column)
    {
        var i = ColumnIndex(column);
        var r = Rows[row];
        return i < r.Length ? r[i] : null;
    }
}
