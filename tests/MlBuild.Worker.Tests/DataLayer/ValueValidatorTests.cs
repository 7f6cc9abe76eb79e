using MlBuild.Worker.Data;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.DataLayer;

public sealed class ValueValidatorTests
{
    private static (DataFile File, IReadOnlyList<DataColumn> Columns) Load(TempDirectory temp, string text)
    {
        var file = DataFileReader.Read(temp.Write("d.csv", text), new(new Location("p.csproj")));
        return (file, ColumnKindInference.InferAll(file));
    }

    private static string Rows(int count, Func<int, string> row) =>
        string.Concat(Enumerable.Range(0, count).Select(i => row(i) + "\n"));

    [Fact]
    public void A_word_in_a_numeric_column_is_reported_with_its_line_column_and_value()
    {
        using var temp = new TempDirectory();
        var (file, columns) = Load(temp, "Label,Age\n" + Rows(12, i => i == 4 ? "1,forty" : $"0,{i}"));

        var error = Assert.Throws<MlbException>(() => ValueValidator.Check(file, columns)).First;

        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
        Assert.Equal(new Location(file.Path, 6), error.At);
        Assert.Contains("'Age'", error.Message);
        Assert.Contains("'forty'", error.Message);
    }

    [Fact]
    public void Empty_values_are_missing_not_invalid()
    {
        using var temp = new TempDirectory();
        var (file, columns) = Load(temp, "Label,Age\n0,\n1,3\n0,4\n");

        ValueValidator.Check(file, columns);

        Assert.True(columns[1].HasMissing);
    }

    [Fact]
    public void A_bad_value_in_a_boolean_column_of_a_test_file_is_reported()
    {
        using var temp = new TempDirectory();
        var (train, columns) = Load(temp, "Label,Active\n0,true\n1,false\n");
        var test = DataFileReader.Read(temp.Write("t.csv", "0,yes\n"), new(new Location("p.csproj"), Reference: train));

        var error = Assert.Throws<MlbException>(() => ValueValidator.Check(test, columns)).First;

        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
        Assert.Equal(new Location(test.Path, 1), error.At);
        Assert.Contains("'yes'", error.Message);
    }

    [Fact]
    public void Columns_the_model_does_not_use_are_not_checked()
    {
        using var temp = new TempDirectory();
        var (file, columns) = Load(temp, "Label,Age\n" + Rows(12, i => i == 4 ? "1,forty" : $"0,{i}"));

        ValueValidator.Check(file, columns.Take(1));
    }
}
