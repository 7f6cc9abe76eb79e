using MlBuild.Worker.Data;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Tests.DataLayer;

public sealed class RecordReaderTests
{
    private static List<DataRecord> Read(string text, char separator) =>
        RecordReader.Read(new StringReader(text), "data.csv", separator, quoting: separator == ',').ToList();

    [Fact]
    public void Splits_on_the_separator_and_keeps_spaces()
    {
        var records = Read("a; b ;c\n1;2;3\n", ';');

        Assert.Equal(["a", " b ", "c"], records[0].Fields);
        Assert.Equal(["1", "2", "3"], records[1].Fields);
    }

    [Fact]
    public void Quoted_comma_fields_hold_separators_and_doubled_quotes()
    {
        var record = Assert.Single(Read("1,\"Smith, John\",\"say \"\"hi\"\"\",x\n", ','));

        Assert.Equal(["1", "Smith, John", "say \"hi\"", "x"], record.Fields);
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_the_record_keeps_its_first_line()
    {
        var records = Read("a,b\n1,\"two\nlines\"\n3,x\n", ',');

        Assert.Equal(["1", "two\nlines"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_at_the_line_it_opens()
    {
        var error = Assert.Throws<MlbException>(() => Read("a,b\n1,2\n3,\"open\n4,5\n", ',')).First;

        Assert.Equal(ErrorCodes.WrongFieldCount, error.Code);
        Assert.Equal(new Location("data.csv", 3), error.At);
    }

    [Fact]
    public void Quotes_are_ordinary_characters_with_other_separators()
    {
        var record = Assert.Single(Read("1\t\"quoted, partly\tx\n", '\t'));

        Assert.Equal(["1", "\"quoted, partly", "x"], record.Fields);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted()
    {
        var records = Read("a,b\n\n1,2\r\n   \n3,4", ',');

        Assert.Equal([1, 3, 5], records.Select(r => r.Line));
    }
}
