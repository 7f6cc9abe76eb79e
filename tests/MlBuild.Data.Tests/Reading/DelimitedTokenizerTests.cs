using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Reading;
using MlBuild.Data.Tests.Legacy;

namespace MlBuild.Data.Tests.Reading;

/// <summary>Splitting text into records (ported from the worker's RecordReaderTests and ParseOnceTests), and the
/// tokenizer against the old record reader on random text fed in pieces of every size.</summary>
public sealed class DelimitedTokenizerTests
{
    private static List<DataRecord> Read(string text, char separator) => Read(new StringReader(text), separator);

    private static List<DataRecord> Read(TextReader reader, char separator)
    {
        using var tokenizer = new DelimitedTokenizer(reader, "data.csv", separator, quoting: separator == ',');
        var records = new List<DataRecord>();
        while (tokenizer.MoveNext())
            records.Add(new DataRecord(tokenizer.Line, tokenizer.Fields()));
        return records;
    }

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

        Assert.Equal(MlbCodes.WrongFieldCount, error.Code);
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

    [Fact]
    public void Lines_with_and_without_quotes_split_as_RFC_4180_says()
    {
        var records = Read("a,b,c\n1,,3\n\"x,y\",\"say \"\"hi\"\"\",z\n,\n4,5,6\n", ',');

        Assert.Equal(["a", "b", "c"], records[0].Fields);
        Assert.Equal(["1", "", "3"], records[1].Fields);
        Assert.Equal(["x,y", "say \"hi\"", "z"], records[2].Fields);
        Assert.Equal(["", ""], records[3].Fields);
        Assert.Equal(["4", "5", "6"], records[4].Fields);
        Assert.Equal([1, 2, 3, 4, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Fields_as_spans_are_the_fields_as_strings()
    {
        using var tokenizer = new DelimitedTokenizer(new StringReader("1,\"a,b\",c\n2,,\n"), "d.csv", ',', quoting: true);
        while (tokenizer.MoveNext())
        {
            var fields = tokenizer.Fields();
            Assert.Equal(fields.Length, tokenizer.FieldCount);
            for (var i = 0; i < fields.Length; i++)
            {
                Assert.Equal(fields[i], tokenizer[i].ToString());
            }
        }
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_one_record()
    {
        var field = new string('x', 200_000);
        var records = Read($"a,b\n{field},\"{field}\"\r\n1,2", ',');

        Assert.Equal([field, field], records[1].Fields);
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    /// <summary>Random text of separators, quotes and line ends, handed to the tokenizer a few characters at a time (so
    /// that a "\r\n" or a quoted line break falls across reads): the same records, lines and errors as the old reader.</summary>
    [Theory]
    [InlineData(',', 1)]
    [InlineData(',', 3)]
    [InlineData(',', 64)]
    [InlineData('\t', 1)]
    [InlineData(';', 7)]
    public void Random_text_in_pieces_splits_as_the_old_reader_split_it(char separator, int largestPiece)
    {
        var random = new Random(separator * 100 + largestPiece);
        var alphabet = $"{separator}{separator}\"\"\n\r\r\n ab1";
        for (var i = 0; i < 2000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var expected = Describe(() => LegacyRecordReader.Read(new StringReader(text), "data.csv", separator, separator == ',').ToList());
            var actual = Describe(() => Read(new PieceReader(text, largestPiece, random.Next()), separator));

            Assert.True(expected == actual, $"text {Show(text)}:\nold {expected}\nnew {actual}");
        }
    }

    private static string Describe(Func<List<DataRecord>> read)
    {
        try
        {
            return string.Join(" ", read().Select(r => $"{r.Line}:" + string.Join("|", r.Fields.Select(Show))));
        }
        catch (MlbException e)
        {
            return $"error {e.First.Format(null)}";
        }
    }

    private static string Show(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");

    /// <summary>Hands out its text in pieces of random length, at most <c>largest</c> characters, as a slow stream would.</summary>
    private sealed class PieceReader(string text, int largest, int seed) : TextReader
    {
        private readonly Random _random = new(seed);
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            var length = Math.Min(Math.Min(count, _random.Next(1, largest + 1)), text.Length - _position);
            text.CopyTo(_position, buffer, index, length);
            _position += length;
            return length;
        }

        public override int Read(Span<char> buffer)
        {
            var length = Math.Min(Math.Min(buffer.Length, _random.Next(1, largest + 1)), text.Length - _position);
            text.AsSpan(_position, length).CopyTo(buffer);
            _position += length;
            return length;
        }
    }
}
