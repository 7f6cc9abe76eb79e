using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;
using MlBuild.Data.Tests.Support;

namespace MlBuild.Data.Tests.Reading;

/// <summary>Values that break their column's kind, reported at their lines by the passes over the training and the
/// test file (ported from the worker's ValueValidatorTests and ParseOnceTests, where ValueValidator did this).</summary>
public sealed class BadValueTests
{
    private static readonly Location Item = new("p.csproj");

    private static TrainingFileScan Scan(DataSource source)
    {
        var sampled = SampledKinds.Infer(source, 0);
        return TrainingFileScan.Run(source, sampled, 0, classification: false, keyColumns: null, indexKeys: false,
            profile: false, progress: null);
    }

    private static string Rows(int count, Func<int, string> row) =>
        string.Concat(Enumerable.Range(0, count).Select(i => row(i) + "\n"));

    [Fact]
    public void A_word_in_a_numeric_column_is_reported_with_its_line_column_and_value()
    {
        using var temp = new TestDirectory();
        var source = DataSource.Open(temp.Write("d.csv", "Label,Age\n" + Rows(12, i => i == 4 ? "1,forty" : $"0,{i}")), new(Item));
        using var scan = Scan(source);

        var error = Assert.Throws<MlbException>(() => scan.ThrowIfBadValues(scan.Columns)).First;

        Assert.Equal(MlbCodes.InvalidValue, error.Code);
        Assert.Equal(new Location(source.Path, 6), error.At);
        Assert.Contains("'Age'", error.Message);
        Assert.Contains("'forty'", error.Message);
    }

    [Fact]
    public void Empty_values_are_missing_not_invalid()
    {
        using var temp = new TestDirectory();
        using var scan = Scan(DataSource.Open(temp.Write("d.csv", "Label,Age\n0,\n1,3\n0,4\n"), new(Item)));

        scan.ThrowIfBadValues(scan.Columns);

        Assert.True(scan.Columns[1].HasMissing);
    }

    [Fact]
    public void A_bad_value_in_a_boolean_column_of_a_test_file_is_reported()
    {
        using var temp = new TestDirectory();
        var train = DataSource.Open(temp.Write("d.csv", "Label,Active\n0,true\n1,false\n"), new(Item));
        using var trainScan = Scan(train);
        var columns = trainScan.Columns;
        var test = DataSource.Open(temp.Write("t.csv", "0,yes\n"), new(Item, Reference: train.Layout));

        var scan = TestFileScan.Run(test, columns, 0, columns, null, null, null, null);
        var error = Assert.Throws<MlbException>(scan.ThrowIfBadValues).First;

        Assert.Equal(ColumnKind.Boolean, columns[1].Kind);
        Assert.Equal(MlbCodes.InvalidValue, error.Code);
        Assert.Equal(new Location(test.Path, 1), error.At);
        Assert.Contains("'yes'", error.Message);
    }

    [Fact]
    public void Columns_the_model_does_not_use_are_not_checked()
    {
        using var temp = new TestDirectory();
        using var scan = Scan(DataSource.Open(temp.Write("d.csv", "Label,Age\n" + Rows(12, i => i == 4 ? "1,forty" : $"0,{i}")), new(Item)));

        scan.ThrowIfBadValues(scan.Columns.Take(1).ToList());
    }

    [Fact]
    public void A_literal_NaN_is_a_number_and_a_word_is_still_reported_at_its_line()
    {
        using var temp = new TestDirectory();
        var rows = string.Concat(Enumerable.Range(0, 20).Select(i => i switch
        {
            3 => "1,NaN\n",
            7 => "0,\n",
            11 => "1,twelve\n",
            _ => $"{i % 2},{i}\n",
        }));
        using var scan = Scan(DataSource.Open(temp.Write("d.csv", "Label,Age\n" + rows), new(Item)));

        Assert.Equal(ColumnKind.Numeric, scan.Columns[1].Kind);
        var error = Assert.Throws<MlbException>(() => scan.ThrowIfBadValues(scan.Columns)).Diagnostics.Single();
        Assert.Equal(MlbCodes.InvalidValue, error.Code);
        Assert.Equal(new Location(scan.Source.Path, 13), error.At);
        Assert.Contains("'twelve'", error.Message);
    }

    [Fact]
    public void Parsed_numbers_are_the_values_ToNumber_gives()
    {
        using var temp = new TestDirectory();
        var source = DataSource.Open(temp.Write("d.csv", "Label,Age\n0,1.5\n1,\n0,NaN\n1,-2e3\n0, 7 \n"), new(Item));

        using var records = source.OpenRecords();
        var numbers = new List<float>();
        while (records.MoveNext())
        {
            Assert.True(records.TryGetNumber(1, out var value, out var single));
            Assert.Equal(Values.ToNumber(records.Text(1).ToString()), single);
            Assert.Equal(Values.ToDouble(records.Text(1)), value);
            numbers.Add(single);
        }
        Assert.Equal([1.5f, float.NaN, float.NaN, -2000f, 7f], numbers);
    }
}
