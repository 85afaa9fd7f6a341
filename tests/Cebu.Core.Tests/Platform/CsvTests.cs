using Cebu.Core.Platform.Csv;

namespace Cebu.Core.Tests.Platform;

public class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_records_know_their_line()
    {
        var text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n";
        var records = Csv.Read(new StringReader(text)).ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
        Assert.Equal(["last", "", ""], records[2].Fields);
    }

    [Fact]
    public void Written_row_reads_back_the_same()
    {
        var writer = new StringWriter();
        string[] values = ["Golden Lotus, Ltd.", "ក្រុមហ៊ុន \"ផ្កាឈូកមាស\"", "plain"];
        Csv.WriteRow(writer, values);
        Assert.Equal(values, Csv.Read(new StringReader(writer.ToString())).Single().Fields);
    }

    [Fact]
    public void Windows_line_endings_and_blank_lines_are_ignored()
    {
        var records = Csv.Read(new StringReader("a,b\r\n\r\n1,2\r\n")).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(["1", "2"], records[1].Fields);
        Assert.Equal(3, records[1].Line);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.org\",\"click\")")]
    [InlineData("+855 23 000 111")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\tcmd")]
    public void Cells_that_start_like_a_formula_are_guarded_in_files_and_read_back_unchanged(string value)
    {
        var writer = new StringWriter();
        Csv.WriteRow(writer, ["name", value]);
        var written = writer.ToString();
        var cell = Csv.Read(new StringReader(written)).Single().Fields[1];
        Assert.StartsWith("'", cell); // what a spreadsheet opens: text, not a formula
        var row = Csv.Read(new StringReader("a,b\n" + written)).ToList();
        var positions = new Dictionary<string, int> { ["a"] = 0, ["b"] = 1 };
        Assert.Equal(value.Trim(), CsvImport.Field(row[1], positions, "b"));
    }

    [Fact]
    public void An_apostrophe_before_ordinary_text_is_kept()
    {
        var row = Csv.Read(new StringReader("a\n'Tis the season\n")).ToList();
        Assert.Equal("'Tis the season", CsvImport.Field(row[1], new Dictionary<string, int> { ["a"] = 0 }, "a"));
        Assert.Equal("plain", Csv.Escape("plain"));
    }
}
