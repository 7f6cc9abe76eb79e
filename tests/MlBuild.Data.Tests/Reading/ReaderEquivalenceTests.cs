using System.Text;
using MlBuild.Data.Tests.Support;

namespace MlBuild.Data.Tests.Reading;

/// <summary>
/// The streaming reader against the one it replaced (<see cref="Legacy.LegacyDataFileReader"/>): on every dataset and
/// on awkward files, both give the same layout, records, lines, kinds, numbers and errors (<see cref="BothReaders"/>).
/// </summary>
public sealed class ReaderEquivalenceTests
{
    [Theory]
    [MemberData(nameof(Datasets.All), MemberType = typeof(Datasets))]
    public void Every_dataset_reads_the_same(string dataset, string file)
    {
        var seen = BothReaders.AssertSame(Datasets.Path(dataset, file));

        Assert.DoesNotContain("error", seen.Split('\n')[0]);
    }

    [Fact]
    public void Named_columns_of_a_headerless_dataset_read_the_same() =>
        BothReaders.AssertSame(Datasets.HeartTrain, new Format(Columns: Datasets.HeartColumns));

    [Theory]
    [InlineData("iris", "train.tsv", "test.tsv")]
    [InlineData("sentiment-wikidetox", "train.tsv", "test.tsv")]
    [InlineData("heart-disease", "train.csv", "test.csv")]
    [InlineData("taxi-fare", "train-2000.csv", "test-500.csv")]
    public void Every_test_file_laid_out_by_its_training_file_reads_the_same(string dataset, string train, string test) =>
        BothReaders.AssertSame(Datasets.Path(dataset, test), trainPath: Datasets.Path(dataset, train));

    [Theory]
    // Quotes: separators, line breaks (of every kind), doubled quotes, empty quoted fields, text after a closing quote.
    [InlineData("quoted", "a,b,c\n1,\"x, y\",\"two\nlines\"\n2,\"p\",q\n")]
    [InlineData("doubled quotes", "id,text\n1,\"say \"\"hi\"\"\"\n2,\"\"\"\"\n3,\"\"\n4,\"a\"\"\"\n")]
    [InlineData("quote inside a field", "a,b\n1,ab\"c\n2,\"x\"y\n3,\"x\" \n4, \"y\"\n")]
    [InlineData("quoted line breaks", "a,b\r\n1,\"x\r\ny\"\r\n2,\"z\rw\"\n3,\"\n\n\"\n4,\"\r\"\r")]
    [InlineData("quoted blank lines", "a,b\n1,\"\n   \n\"\n2,3\n")]
    [InlineData("only quotes", "a\n\"\"\n\"\"\"\"\n\"x\"\n")]
    // Line ends and blank lines.
    [InlineData("CRLF", "a,b\r\n1,2\r\n3,4\r\n")]
    [InlineData("lone CR", "a,b\r1,2\r3,4")]
    [InlineData("mixed line ends", "a,b\r\n1,2\n3,4\r5,6\r\n\r\n7,8\r")]
    [InlineData("blank lines", "\n\na,b\n\n1,2\n  \n\t\n3,4\n\n")]
    [InlineData("no final newline", "a,b\n1,2\n3,4")]
    [InlineData("non-breaking space line", "a,b\n\u00a0\n1,2\n")]
    // Byte order mark, non-ASCII text.
    [InlineData("BOM", "\uFEFFa,b\n1,2\n")]
    [InlineData("BOM, no header", "\uFEFF1;2\n3;4\n")]
    [InlineData("non-ASCII", "名前,値\n太郎,1\nÉlodie,2\n")]
    // Field counts, empty values.
    [InlineData("ragged rows", "a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n")]
    [InlineData("many ragged rows", "a,b\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n")]
    [InlineData("ragged quoted row", "a,b\n1,\"x,\ny\",z\n2,3\n")]
    [InlineData("empty values", "a,b,c\n,,\n1,,3\n,2,\n")]
    [InlineData("spaces", "a , b\n 1 , 2\n 3,4 \n")]
    [InlineData("single column", "value\n1\n2\n")]
    // Numbers: special values, out of range, subnormal, formats.
    [InlineData("special numbers", "y,x\n1,NaN\n2,Infinity\n3,-Infinity\n4,1e400\n5,-1e400\n6,1e-45\n7,1.4e-45\n" +
                                   "8,7e-46\n9,1e-50\n10,-0\n11,3.4028235e38\n12,3.4028236e38\n13,+.5\n14,5.\n15,007\n")]
    [InlineData("midpoints", "y,x\n1,1.00000005960464477539062500\n2,1.000000059604644775390625001\n" +
                             "3,1.000000059604644775390624999\n4,16777217\n5,16777219\n6,0.1\n")]
    [InlineData("mostly numbers", "Label,Age\n0,1\n1,2\n0,3\n1,forty\n0,5\n1,6\n0,7\n1,8\n0,9\n1,10\n0,11\n")]
    [InlineData("decimal commas", "a;b\n1;2,5\n2;3,5\n")]
    [InlineData("booleans", "Label,b,c\n1,true,TRUE\n0,FALSE,false\n,maybe,true\n1, true ,x\n")]
    [InlineData("empty labels", "Label,x\n,1\n,2\n1,3\n")]
    [InlineData("only empty labels", "Label,x\n,1\n,2\n")]
    // Headers, names.
    [InlineData("hash header", "#Label\tx\n0\t1\n")]
    [InlineData("duplicate names", "#x, x ,,Label,X\n1,2,3,4,5\n")]
    [InlineData("no header", "1,2\n3,4\n")]
    [InlineData("text only", "name,city\nann,paris\nbob,rome\n")]
    [InlineData("header only", "a,b\n")]
    [InlineData("hash header only", "\n#Label,x\n\n")]
    [InlineData("empty", "")]
    [InlineData("blank", "\n\n  \n")]
    [InlineData("unclosed quote", "a,b\n1,2\n3,\"open\n4,5\n")]
    [InlineData("unclosed quote on the first line", "\"a,b\n1,2\n")]
    // Separators, and quotes that only a comma honours.
    [InlineData("tab", "a\tb\n1\t2\n")]
    [InlineData("semicolon", "a;b;c\n1;\"x;y\";3\n")]
    [InlineData("pipe", "a|b|c\n1|2|3\n")]
    [InlineData("stray quotes in a TSV", "a\tb\n1\t\"quoted, partly\n2\tok\"\n")]
    [InlineData("commas in quotes beside semicolons", "id;name\n1;\"a, b, c\"\n2;\"d\"\n")]
    public void Awkward_files_read_the_same(string name, string content)
    {
        using var temp = new TestDirectory();
        var path = temp.Write(Safe(name) + ".csv", content);

        BothReaders.AssertSame(path);
        BothReaders.AssertSame(path, new Format(HasHeader: false));
        BothReaders.AssertSame(path, new Format(HasHeader: true));
    }

    [Theory]
    [InlineData("a,b\n1,2\n", ',', null)]
    [InlineData("a,b\n1,2\n", ';', null)]
    [InlineData("a;b\n1;\"2;3\"\n", ';', null)]
    [InlineData("a b\n1 2\n", ' ', null)]
    [InlineData("1,2\n3,4\n", null, new[] { "x", "y" })]
    [InlineData("1,2\n3,4\n", null, new[] { "x" })]
    [InlineData("a,b\n1,2\n", null, new[] { "x", "X" })]
    public void Settings_read_the_same(string content, char? separator, string[]? columns)
    {
        using var temp = new TestDirectory();
        var path = temp.Write("d.csv", content);

        BothReaders.AssertSame(path, new Format(separator, Columns: columns));
        BothReaders.AssertSame(path, new Format(separator, HasHeader: true, Columns: columns));
        BothReaders.AssertSame(path, new Format(separator, HasHeader: false, Columns: columns));
    }

    [Theory]
    [InlineData("repeated header", "Label,x,y\n1,2,a\n")]
    [InlineData("repeated header in another case", "label,X,y\n1,2,a\n")]
    [InlineData("hash header", "#Label,x,y\n1,2,a\n")]
    [InlineData("no header", "1,2,a\n0,3,b\n")]
    [InlineData("other header", "Label,z,y\n1,2,a\n")]
    [InlineData("header without the label", "x,y\n2,a\n")]
    [InlineData("fewer fields", "1,2\n")]
    [InlineData("more fields", "1,2,a,4\n")]
    [InlineData("ragged row", "Label,x,y\n1,2,a\n1,2\n")]
    [InlineData("bad number", "Label,x,y\n1,two,a\n0,,b\n")]
    [InlineData("bad boolean", "Label,x,y\n1,2,maybe\n")]
    [InlineData("empty", "\n")]
    [InlineData("header only", "Label,x,y\n")]
    public void Test_files_laid_out_by_the_training_file_read_the_same(string name, string content)
    {
        using var temp = new TestDirectory();
        var train = temp.Write("train.csv", "Label,x,y\n1,1,true\n0,2,false\n1,3,true\n");
        var test = temp.Write(Safe(name) + ".csv", content);

        BothReaders.AssertSame(test, new Format(Label: "Label"), train);
        BothReaders.AssertSame(test, new Format(), train);
        BothReaders.AssertSame(test, new Format(HasHeader: false), train);
    }

    [Fact]
    public void A_test_file_of_a_headerless_training_file_named_by_Columns_reads_the_same()
    {
        using var temp = new TestDirectory();
        var train = temp.Write("train.csv", "1;2\n0;3\n");
        var test = temp.Write("test.csv", "y;x\n1;5\n");
        var named = new Format(Columns: ["y", "x"], Label: "y");

        BothReaders.AssertSame(test, named, train, named);
        BothReaders.AssertSame(test, new Format(Columns: ["y", "x"], HasHeader: true, Label: "y"), train, named);
    }

    /// <summary>Past the sample (10,000 records) and across the reader's buffers (64 K characters): line ends of every
    /// kind, quoted fields spanning lines, and, past the sample, a ragged record and a bad number.</summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_large_file_reads_the_same(bool raggedPastTheSample, bool badNumberPastTheSample)
    {
        using var temp = new TestDirectory();
        var random = new Random(7);
        var text = new StringBuilder("Label,x,note\r\n");
        string[] ends = ["\n", "\r\n", "\r"];
        for (var i = 0; i < 12_000; i++)
        {
            var note = random.Next(20) switch
            {
                0 => "\"two\r\nlines, quoted\"",
                1 => "\"say \"\"hi\"\"\"",
                2 => "",
                _ => new string('n', random.Next(1, 30)),
            };
            var x = i == 11_000 && badNumberPastTheSample ? "oops"
                : (random.NextDouble() * 1000 - 500).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            text.Append(i == 11_500 && raggedPastTheSample ? $"{i % 2},{x}" : $"{i % 2},{x},{note}");
            text.Append(ends[random.Next(ends.Length)]);
            if (random.Next(50) == 0)
                text.Append('\n');
        }
        var path = temp.Write("large.csv", text.ToString());

        var seen = BothReaders.AssertSame(path);

        Assert.Equal(raggedPastTheSample, seen.StartsWith("error") && seen.Contains("MLB2006"));
        Assert.Equal(badNumberPastTheSample, seen.Contains("MLB2004"));
    }

    /// <summary>Random files of the characters that matter (separators, quotes, line ends, digits, spaces): whatever
    /// they hold, and whatever error they make, both readers agree.</summary>
    [Theory]
    [InlineData(',')]
    [InlineData('\t')]
    [InlineData(';')]
    public void Random_files_read_the_same(char separator)
    {
        using var temp = new TestDirectory();
        var random = new Random(separator);
        var alphabet = $"{separator}{separator}{separator}\"\"\n\n\r 1.5e-aTRUEfalse#";
        for (var i = 0; i < 300; i++)
        {
            var length = random.Next(0, 120);
            var content = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var path = temp.Write($"random{i}.csv", content);

            BothReaders.AssertSame(path);
            BothReaders.AssertSame(path, new Format(separator, HasHeader: false));
        }
    }

    private static string Safe(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
