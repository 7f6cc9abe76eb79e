using MlBuild.Worker.Data;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.DataLayer;

public sealed class DataFileReaderTests
{
    private static readonly Location Item = new("p.csproj", 7, 3);

    [Fact]
    public void Reads_a_headerless_file_with_a_byte_order_mark_and_no_final_newline()
    {
        var file = DataFileReader.Read(TestData.HeartTrain, new(Item));

        Assert.False(file.Header.HasHeader);
        // 283 rows on 282 line breaks: the last row has no newline.
        Assert.Equal(283, file.Rows.Count);
        Assert.Equal("64.0", file.Rows[0].Fields[0]);
        Assert.Equal(Enumerable.Range(1, 14).Select(i => $"Column{i}"), file.ColumnNames);
        Assert.Equal("0", file.Rows[^1].Fields[13]);
    }

    [Fact]
    public void Columns_name_the_fields_of_a_headerless_file()
    {
        var file = DataFileReader.Read(TestData.HeartTrain, new(Item, ColumnNames: TestData.HeartColumns));

        Assert.Equal(TestData.HeartColumns, file.ColumnNames);
    }

    [Fact]
    public void Columns_of_the_wrong_count_are_reported_at_the_item()
    {
        var error = Assert.Throws<MlbException>(() =>
            DataFileReader.Read(TestData.HeartTrain, new(Item, ColumnNames: ["Age", "Sex"]))).First;

        Assert.Equal(ErrorCodes.WrongFieldCount, error.Code);
        Assert.Equal(Item, error.At);
        Assert.Contains("Columns names 2 columns", error.Message);
        Assert.Contains("14 fields", error.Message);
    }

    [Fact]
    public void A_hash_header_loses_its_hash()
    {
        var file = DataFileReader.Read(TestData.IrisTrain, new(Item));

        Assert.Equal(["Label", "Sepal length", "Sepal width", "Petal length", "Petal width"], file.ColumnNames);
        Assert.Equal(120, file.Rows.Count);
        Assert.Equal(2, file.Rows[0].Line);
    }

    [Fact]
    public void Stray_quotes_in_tab_separated_text_do_not_merge_rows()
    {
        var file = DataFileReader.Read(TestData.SentimentTrain, new(Item));

        // The file has 250 lines: a header and 249 rows, whatever quotes the text holds.
        Assert.Equal(File.ReadAllLines(TestData.SentimentTrain).Length - 1, file.Rows.Count);
        Assert.Equal(["Sentiment", "SentimentText"], file.ColumnNames);
    }

    [Fact]
    public void HasHeader_overrides_the_inference()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("names.csv", "name,city\nann,paris\n");

        var file = DataFileReader.Read(path, new(Item, HasHeader: false));

        Assert.Equal(2, file.Rows.Count);
        Assert.Equal(["Column1", "Column2"], file.ColumnNames);
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("empty.csv", "\n\n");

        var error = Assert.Throws<MlbException>(() => DataFileReader.Read(path, new(Item))).First;

        Assert.Equal(ErrorCodes.EmptyDataFile, error.Code);
        Assert.Equal(new Location(path), error.At);
    }

    [Fact]
    public void A_header_without_rows_is_reported_at_the_header()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("header.csv", "\n#Label,x\n");

        var error = Assert.Throws<MlbException>(() => DataFileReader.Read(path, new(Item))).First;

        Assert.Equal(ErrorCodes.EmptyDataFile, error.Code);
        Assert.Equal(new Location(path, 2), error.At);
    }

    [Fact]
    public void Rows_with_the_wrong_number_of_fields_are_reported_at_their_lines()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("rows.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n");

        var errors = Assert.Throws<MlbException>(() => DataFileReader.Read(path, new(Item))).Diagnostics;

        Assert.Equal([3, 5], errors.Select(e => e.At.Line));
        Assert.All(errors, e => Assert.Equal(ErrorCodes.WrongFieldCount, e.Code));
        Assert.All(errors, e => Assert.Equal(path, e.At.File));
        Assert.Contains("2 fields but 3 were expected", errors[0].Message);
        Assert.Contains("4 fields but 3 were expected", errors[1].Message);
    }

    [Fact]
    public void At_most_ten_bad_rows_are_reported()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("rows.csv", "a,b\n" + string.Concat(Enumerable.Repeat("1\n", 30)));

        var errors = Assert.Throws<MlbException>(() => DataFileReader.Read(path, new(Item))).Diagnostics;

        Assert.Equal(DiagnosticBag.Limit, errors.Count);
    }

    [Fact]
    public void A_missing_file_is_reported_at_the_item()
    {
        var error = Assert.Throws<MlbException>(() => DataFileReader.Read("/nowhere/data.csv", new(Item))).First;

        Assert.Equal(ErrorCodes.FileNotFound, error.Code);
        Assert.Equal(Item, error.At);
    }

    [Fact]
    public void A_test_file_shares_the_training_columns_and_its_repeated_header_is_skipped()
    {
        var train = DataFileReader.Read(TestData.IrisTrain, new(Item));
        using var temp = new TempDirectory();
        var path = temp.Write("test.tsv", "Label\tSepal length\tSepal width\tPetal length\tPetal width\n1\t1\t2\t3\t4\n");

        var test = DataFileReader.Read(path, new(Item, Reference: train));

        Assert.Equal(train.ColumnNames, test.ColumnNames);
        Assert.Single(test.Rows);
    }

    [Fact]
    public void A_test_file_with_other_columns_is_reported_at_its_first_line()
    {
        var train = DataFileReader.Read(TestData.IrisTrain, new(Item));
        using var temp = new TempDirectory();
        var path = temp.Write("test.tsv", "1\t2\t3\n");

        var error = Assert.Throws<MlbException>(() => DataFileReader.Read(path, new(Item, Reference: train))).First;

        Assert.Equal(ErrorCodes.WrongFieldCount, error.Code);
        Assert.Equal(new Location(path, 1), error.At);
        Assert.Contains("3 fields", error.Message);
        Assert.Contains("5 columns", error.Message);
    }

    [Fact]
    public void A_test_file_whose_header_lacks_the_label_is_a_missing_label_listing_its_columns()
    {
        var train = DataFileReader.Read(TestData.IrisTrain, new(Item));
        using var temp = new TempDirectory();
        var path = temp.Write("test.tsv", "Sepal length\tSepal width\tPetal length\tPetal width\n1\t2\t3\t4\n");

        var error = Assert.Throws<MlbException>(() =>
            DataFileReader.Read(path, new(Item, Reference: train, Label: "Label"))).First;

        Assert.Equal((ErrorCodes.LabelNotFound, new Location(path, 1)), (error.Code, error.At));
        Assert.Contains("no label column 'Label' (its columns: Sepal length, Sepal width, Petal length, Petal width)", error.Message);
    }

    [Fact]
    public void Duplicate_header_names_are_made_unique()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("dup.csv", "x,x,,Label\n1,2,3,4\n");

        Assert.Equal(["x", "x_2", "Column3", "Label"], DataFileReader.Read(path, new(Item)).ColumnNames);
    }
}
