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
}
