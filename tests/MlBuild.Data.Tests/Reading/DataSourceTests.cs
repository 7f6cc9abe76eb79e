using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;
using MlBuild.Data.Tests.Support;

namespace MlBuild.Data.Tests.Reading;

/// <summary>Opening delimited files (ported from the worker's DataFileReaderTests): the layout, the records of a full
/// pass, and the errors at the item or at the file's lines.</summary>
public sealed class DataSourceTests
{
    private static readonly Location Item = new("p.csproj", 7, 3);

    private static List<DataRecord> Records(DataSource source)
    {
        var records = new List<DataRecord>();
        using var cursor = source.OpenRecords();
        while (cursor.MoveNext())
            records.Add(new DataRecord(cursor.Line, Enumerable.Range(0, cursor.FieldCount).Select(i => cursor.Text(i).ToString()).ToArray()));
        return records;
    }

    // The training pass checks every record's field count (the sample's are checked when the file is opened).
    private static void Scan(DataSource source)
    {
        using var _ = TrainingFileScan.Run(source, SampledKinds.Infer(source), 0, classification: false, keyColumns: null,
            indexKeys: false, profile: false, progress: null);
    }

    [Fact]
    public void Reads_a_headerless_file_with_a_byte_order_mark_and_no_final_newline()
    {
        var source = DataSource.Open(Datasets.HeartTrain, new(Item));
        var rows = Records(source);

        Assert.False(source.Layout.Header.HasHeader);
        Assert.Equal(0, source.Layout.HeaderLine);
        // 283 rows on 282 line breaks: the last row has no newline.
        Assert.Equal(283, rows.Count);
        Assert.Equal("64.0", rows[0].Fields[0]);
        Assert.Equal(Enumerable.Range(1, 14).Select(i => $"Column{i}"), source.Layout.ColumnNames);
        Assert.Equal("0", rows[^1].Fields[13]);
        Assert.True(source.SampleIsWholeFile);
        Assert.Equal(rows.Count, source.Sample.Count);
    }

    [Fact]
    public void Columns_name_the_fields_of_a_headerless_file() =>
        Assert.Equal(Datasets.HeartColumns, DataSource.Open(Datasets.HeartTrain, new(Item, ColumnNames: Datasets.HeartColumns)).Layout.ColumnNames);

    [Fact]
    public void Columns_of_the_wrong_count_are_reported_at_the_item()
    {
        var error = Assert.Throws<MlbException>(() =>
            DataSource.Open(Datasets.HeartTrain, new(Item, ColumnNames: ["Age", "Sex"]))).First;

        Assert.Equal(MlbCodes.WrongFieldCount, error.Code);
        Assert.Equal(Item, error.At);
        Assert.Contains("Columns names 2 columns", error.Message);
        Assert.Contains("14 fields", error.Message);
    }

    [Fact]
    public void A_hash_header_loses_its_hash()
    {
        var source = DataSource.Open(Datasets.IrisTrain, new(Item));
        var rows = Records(source);

        Assert.Equal(["Label", "Sepal length", "Sepal width", "Petal length", "Petal width"], source.Layout.ColumnNames);
        Assert.Equal(1, source.Layout.HeaderLine);
        Assert.Equal(120, rows.Count);
        Assert.Equal(2, rows[0].Line);
    }

    [Fact]
    public void Stray_quotes_in_tab_separated_text_do_not_merge_rows()
    {
        var source = DataSource.Open(Datasets.SentimentTrain, new(Item));

        // The file has 250 lines: a header and 249 rows, whatever quotes the text holds.
        Assert.Equal(File.ReadAllLines(Datasets.SentimentTrain).Length - 1, Records(source).Count);
        Assert.Equal(["Sentiment", "SentimentText"], source.Layout.ColumnNames);
    }

    [Fact]
    public void HasHeader_overrides_the_inference()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("names.csv", "name,city\nann,paris\n");

        var source = DataSource.Open(path, new(Item, HasHeader: false));

        Assert.Equal(2, Records(source).Count);
        Assert.Equal(["Column1", "Column2"], source.Layout.ColumnNames);
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("empty.csv", "\n\n");

        var error = Assert.Throws<MlbException>(() => DataSource.Open(path, new(Item))).First;

        Assert.Equal(MlbCodes.EmptyDataFile, error.Code);
        Assert.Equal(new Location(path), error.At);
    }

    [Fact]
    public void A_header_without_rows_is_reported_at_the_header()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("header.csv", "\n#Label,x\n");

        var error = Assert.Throws<MlbException>(() => DataSource.Open(path, new(Item))).First;

        Assert.Equal(MlbCodes.EmptyDataFile, error.Code);
        Assert.Equal(new Location(path, 2), error.At);
    }

    [Fact]
    public void Rows_with_the_wrong_number_of_fields_are_reported_at_their_lines()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("rows.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n");

        var errors = Assert.Throws<MlbException>(() => DataSource.Open(path, new(Item))).Diagnostics;

        Assert.Equal([3, 5], errors.Select(e => e.At.Line));
        Assert.All(errors, e => Assert.Equal(MlbCodes.WrongFieldCount, e.Code));
        Assert.All(errors, e => Assert.Equal(path, e.At.File));
        Assert.Contains("2 fields but 3 were expected", errors[0].Message);
        Assert.Contains("4 fields but 3 were expected", errors[1].Message);
    }

    [Fact]
    public void Rows_with_the_wrong_number_of_fields_past_the_sample_are_reported_by_the_full_pass()
    {
        using var temp = new TestDirectory();
        var rows = Enumerable.Range(0, DataSource.SampleRows + 10).Select(i => i == DataSource.SampleRows + 5 ? "1" : $"{i},{i}");
        var path = temp.Write("rows.csv", "a,b\n" + string.Join("\n", rows) + "\n");

        var source = DataSource.Open(path, new(Item));
        var error = Assert.Throws<MlbException>(() => Scan(source)).First;

        Assert.False(source.SampleIsWholeFile);
        Assert.Equal((MlbCodes.WrongFieldCount, new Location(path, DataSource.SampleRows + 7)), (error.Code, error.At));
        Assert.Contains("1 fields but 2 were expected (as in the header on line 1)", error.Message);
    }

    [Fact]
    public void At_most_ten_bad_rows_are_reported()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("rows.csv", "a,b\n" + string.Concat(Enumerable.Repeat("1\n", 30)));

        var errors = Assert.Throws<MlbException>(() => DataSource.Open(path, new(Item))).Diagnostics;

        Assert.Equal(DiagnosticBag.Limit, errors.Count);
    }

    [Fact]
    public void A_missing_file_is_reported_at_the_item()
    {
        var error = Assert.Throws<MlbException>(() => DataSource.Open("/nowhere/data.csv", new(Item))).First;

        Assert.Equal(MlbCodes.FileNotFound, error.Code);
        Assert.Equal(Item, error.At);
    }

    [Fact]
    public void A_test_file_shares_the_training_columns_and_its_repeated_header_is_skipped()
    {
        var train = DataSource.Open(Datasets.IrisTrain, new(Item));
        using var temp = new TestDirectory();
        var path = temp.Write("test.tsv", "Label\tSepal length\tSepal width\tPetal length\tPetal width\n1\t1\t2\t3\t4\n");

        var test = DataSource.Open(path, new(Item, Reference: train.Layout));

        Assert.Equal(train.Layout.ColumnNames, test.Layout.ColumnNames);
        Assert.Equal(2, Assert.Single(Records(test)).Line);
    }

    [Fact]
    public void A_test_file_with_other_columns_is_reported_at_its_first_line()
    {
        var train = DataSource.Open(Datasets.IrisTrain, new(Item));
        using var temp = new TestDirectory();
        var path = temp.Write("test.tsv", "1\t2\t3\n");

        var error = Assert.Throws<MlbException>(() => DataSource.Open(path, new(Item, Reference: train.Layout))).First;

        Assert.Equal(MlbCodes.WrongFieldCount, error.Code);
        Assert.Equal(new Location(path, 1), error.At);
        Assert.Contains("3 fields", error.Message);
        Assert.Contains("5 columns", error.Message);
    }

    [Fact]
    public void A_test_file_whose_header_lacks_the_label_is_a_missing_label_listing_its_columns()
    {
        var train = DataSource.Open(Datasets.IrisTrain, new(Item));
        using var temp = new TestDirectory();
        var path = temp.Write("test.tsv", "Sepal length\tSepal width\tPetal length\tPetal width\n1\t2\t3\t4\n");

        var error = Assert.Throws<MlbException>(() =>
            DataSource.Open(path, new(Item, Reference: train.Layout, Label: "Label"))).First;

        Assert.Equal((MlbCodes.LabelNotFound, new Location(path, 1)), (error.Code, error.At));
        Assert.Contains("no label column 'Label' (its columns: Sepal length, Sepal width, Petal length, Petal width)", error.Message);
    }

    [Fact]
    public void Duplicate_header_names_are_made_unique()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("dup.csv", "x,x,,Label\n1,2,3,4\n");

        Assert.Equal(["x", "x_2", "Column3", "Label"], DataSource.Open(path, new(Item)).Layout.ColumnNames);
    }

    [Fact]
    public void Other_names_keep_the_layout_and_the_records()
    {
        using var temp = new TestDirectory();
        var source = DataSource.Open(temp.Write("d.csv", "1,2\n3,4\n"), new(Item));

        var named = source.WithColumnNames(["y", "x"]);

        Assert.Equal(["y", "x"], named.Layout.ColumnNames);
        Assert.Equal(Records(source).Select(r => r.Fields), Records(named).Select(r => r.Fields));
    }
}
