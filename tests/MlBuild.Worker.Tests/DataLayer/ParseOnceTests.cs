using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;
using MlBuild.Protocol;
using MlBuild.Worker.Data;
using MlBuild.Worker.DataViews;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.DataLayer;

/// <summary>Numbers are parsed by one reader for the checks, the labels and the view ML.NET trains from: each must
/// read exactly what the pass that checked the file read. (The reader-level cases moved to MlBuild.Data.Tests/Reading.)</summary>
public sealed class ParseOnceTests
{
    [Fact]
    public void Regression_labels_and_numeric_views_hold_the_parsed_numbers()
    {
        using var temp = new TestDirectory();
        var source = DataSource.Open(temp.Write("d.csv", "y,x\n1.25,3\n-4,\n0.1,5e-1\n"), new(new Location("p.csproj")));
        using var scan = TrainingFileScan.Run(source, SampledKinds.Infer(source, 0), 0, classification: false,
            keyColumns: null, indexKeys: false, profile: false, progress: null);
        var columns = scan.Columns;
        var plan = LabelPlan.Create(ModelTask.Regression, columns[0], scan.Labels, source);

        Assert.Equal(LabelType.Single, plan.Type);
        var view = new StreamingDataView(source, columns, plan, scan.Rows);
        using var cursor = view.GetRowCursor(view.Schema);
        var y = cursor.GetGetter<float>(view.Schema["y"]);
        var x = cursor.GetGetter<float>(view.Schema["x"]);
        var labels = new List<float>();
        var values = new List<float>();
        float value = 0;
        while (cursor.MoveNext())
        {
            y(ref value);
            labels.Add(value);
            x(ref value);
            values.Add(value);
        }
        Assert.Equal(new[] { 1.25f, -4f, 0.1f }, labels);
        Assert.Equal(new[] { 3f, float.NaN, 0.5f }, values);
    }
}
