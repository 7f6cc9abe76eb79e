using MlBuild.Protocol;
using MlBuild.Worker.Data;
using MlBuild.Worker.DataViews;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.DataLayer;

/// <summary>The fast paths of reading: lines without quotes are split plainly, and numbers are parsed once for
/// inference, validation, the data view and regression labels. Each must read exactly as the slow path did.</summary>
public sealed class ParseOnceTests
{
    [Fact]
    public void Lines_with_and_without_quotes_split_as_RFC_4180_says()
    {
        var text = "a,b,c\n1,,3\n\"x,y\",\"say \"\"hi\"\"\",z\n,\n4,5,6\n";
        var records = RecordReader.Read(new StringReader(text), "d.csv", ',', quoting: true).ToList();

        Assert.Equal(["a", "b", "c"], records[0].Fields);
        Assert.Equal(["1", "", "3"], records[1].Fields);
        Assert.Equal(["x,y", "say \"hi\"", "z"], records[2].Fields);
        Assert.Equal(["", ""], records[3].Fields);
        Assert.Equal(["4", "5", "6"], records[4].Fields);
        Assert.Equal([1, 2, 3, 4, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Parsed_numbers_are_the_values_ToNumber_gives()
    {
        using var temp = new TempDirectory();
        var file = DataFileReader.Read(temp.Write("d.csv", "Label,Age\n0,1.5\n1,\n0,NaN\n1,-2e3\n0, 7 \n"),
            new(new Location("p.csproj")));

        var expected = file.Rows.Select(r => Values.ToNumber(r.Fields[1])).ToArray();
        Assert.Equal(expected, file.NumbersOf(1));
        Assert.Same(file.NumbersOf(1), file.NumbersOf(1));
    }

    [Fact]
    public void A_literal_NaN_is_a_number_and_a_word_is_still_reported_at_its_line()
    {
        using var temp = new TempDirectory();
        var rows = string.Concat(Enumerable.Range(0, 20).Select(i => i switch
        {
            3 => "1,NaN\n",
            7 => "0,\n",
            11 => "1,twelve\n",
            _ => $"{i % 2},{i}\n",
        }));
        var file = DataFileReader.Read(temp.Write("d.csv", "Label,Age\n" + rows), new(new Location("p.csproj")));
        var columns = ColumnKindInference.InferAll(file);

        Assert.Equal(ColumnKind.Numeric, columns[1].Kind);
        var error = Assert.Throws<MlbException>(() => ValueValidator.Check(file, columns)).First;
        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
        Assert.Equal(new Location(file.Path, 13), error.At);
        Assert.Contains("'twelve'", error.Message);
    }

    [Fact]
    public void Regression_labels_and_numeric_views_hold_the_parsed_numbers()
    {
        using var temp = new TempDirectory();
        var file = DataFileReader.Read(temp.Write("d.csv", "y,x\n1.25,3\n-4,\n0.1,5e-1\n"),
            new(new Location("p.csproj")));
        var columns = ColumnKindInference.InferAll(file);
        var plan = LabelPlan.Create(ModelTask.Regression, columns[0], file);

        var labels = plan.Prepare(file);

        Assert.Equal(LabelType.Single, labels.Type);
        Assert.Equal(new[] { 1.25f, -4f, 0.1f }, (float[])labels.Values);
        var view = DataViewBuilder.Build(file, columns, columns[0], labels);
        using var cursor = view.GetRowCursor(view.Schema);
        var x = cursor.GetGetter<float>(view.Schema["x"]);
        var values = new List<float>();
        float value = 0;
        while (cursor.MoveNext())
        {
            x(ref value);
            values.Add(value);
        }
        Assert.Equal(new[] { 3f, float.NaN, 0.5f }, values);
    }
}
