using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;
using MlBuild.Worker.Data;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.DataLayer;

/// <summary>The label plan decided on a real pass over a small file, and the labels it then reads from each record.</summary>
public sealed class LabelPlanTests
{
    private static (LabelPlan Plan, object[] Values) Prepare(TestDirectory temp, ModelTask task, params string[] labels)
    {
        var source = DataSource.Open(temp.Write("d.csv", "Label,x\n" + string.Concat(labels.Select(l => $"{l},1\n"))),
            new(new Location("p.csproj")));
        using var scan = TrainingFileScan.Run(source, SampledKinds.Infer(source, 0), 0,
            task != ModelTask.Regression, keyColumns: null, indexKeys: false, profile: false, progress: null);
        var plan = LabelPlan.Create(task, scan.Columns[0], scan.Labels, source);
        return (plan, Read(plan, source));
    }

    /// <summary>Every record's label as the plan reads it for the views ML.NET trains from.</summary>
    private static object[] Read(LabelPlan plan, DataSource source)
    {
        var values = new List<object>();
        using var records = source.OpenRecords();
        while (records.MoveNext())
        {
            switch (plan.Type)
            {
                case LabelType.Boolean:
                    Assert.True(plan.TryBoolean(records, out var flag));
                    values.Add(flag);
                    break;
                case LabelType.Single:
                    Assert.True(plan.TrySingle(records, out var number));
                    values.Add(number);
                    break;
                default:
                    Assert.True(plan.TryText(records, out var text));
                    values.Add(text.ToString());
                    break;
            }
        }
        return values.ToArray();
    }

    /// <summary>The first test record whose label the plan does not know, as <see cref="LabelPlan.Check"/> reports it.</summary>
    private static Diagnostic? FirstUnknown(LabelPlan plan, DataSource test)
    {
        using var records = test.OpenRecords();
        while (records.MoveNext())
            if (plan.Check(records) is { } finding)
                return finding;
        return null;
    }

    private static MlbException Fails(TestDirectory temp, ModelTask task, params string[] labels) =>
        Assert.Throws<MlbException>(() => Prepare(temp, task, labels));

    [Fact]
    public void Binary_zero_one_labels_make_one_true()
    {
        using var temp = new TestDirectory();
        var (plan, values) = Prepare(temp, ModelTask.BinaryClassification, "0", "1", "1.0", "0");

        Assert.Equal(LabelType.Boolean, plan.Type);
        Assert.Equal([false, true, true, false], values.Cast<bool>());
    }

    [Fact]
    public void Binary_numbers_make_the_larger_one_true()
    {
        using var temp = new TestDirectory();
        var (_, values) = Prepare(temp, ModelTask.BinaryClassification, "2", "4", "2");

        Assert.Equal([false, true, false], values.Cast<bool>());
    }

    [Fact]
    public void Binary_strings_make_the_one_sorted_last_true()
    {
        using var temp = new TestDirectory();
        var (plan, values) = Prepare(temp, ModelTask.BinaryClassification, "spam", "ham", "spam");

        Assert.Equal([true, false, true], values.Cast<bool>());
        Assert.Contains("'spam' is the positive class", plan.Description);
    }

    [Fact]
    public void Binary_true_false_labels_are_taken_as_they_are()
    {
        using var temp = new TestDirectory();
        var (_, values) = Prepare(temp, ModelTask.BinaryClassification, "True", "false", "FALSE");

        Assert.Equal([true, false, false], values.Cast<bool>());
    }

    [Fact]
    public void Binary_with_three_values_lists_them()
    {
        using var temp = new TestDirectory();
        var error = Fails(temp, ModelTask.BinaryClassification, "0", "1", "2", "1").First;

        Assert.Equal(MlbCodes.UnsuitableLabel, error.Code);
        Assert.Equal(new Location(temp.File("d.csv")), error.At);
        Assert.Contains("has 3: 0, 1, 2", error.Message);
        Assert.Contains("MulticlassClassification", error.Message);
    }

    [Fact]
    public void Binary_with_one_value_asks_for_the_other_class()
    {
        using var temp = new TestDirectory();
        var error = Fails(temp, ModelTask.BinaryClassification, "yes", "yes").First;

        Assert.Equal(MlbCodes.UnsuitableLabel, error.Code);
        Assert.Contains("only 'yes'", error.Message);
    }

    [Fact]
    public void An_empty_label_leaves_its_row_out_of_the_classes_and_keeps_its_line()
    {
        using var temp = new TestDirectory();
        var source = DataSource.Open(temp.Write("d.csv", "Label,x\nyes,1\n,2\nno,3\n"), new(new Location("p.csproj")));
        using var scan = TrainingFileScan.Run(source, SampledKinds.Infer(source, 0), 0, classification: true,
            keyColumns: null, indexKeys: false, profile: false, progress: null);

        Assert.Equal(2, scan.Rows);
        Assert.Equal(1, scan.Unlabeled.Count);
        Assert.Equal([3], scan.Unlabeled.Lines);
        Assert.Equal(["no", "yes"], scan.Labels!.Texts);
    }

    [Fact]
    public void A_test_label_the_training_data_does_not_have_is_reported_at_its_line()
    {
        using var temp = new TestDirectory();
        var (plan, _) = Prepare(temp, ModelTask.BinaryClassification, "ham", "spam");
        var train = DataSource.Open(temp.File("d.csv"), new(new Location("p.csproj")));
        var test = DataSource.Open(temp.Write("t.csv", "ham,1\neggs,1\n"), new(new Location("p.csproj"), Reference: train.Layout));

        var error = FirstUnknown(plan, test)!;

        Assert.Equal(MlbCodes.UnsuitableLabel, error.Code);
        Assert.Equal(new Location(test.Path, 2), error.At);
        Assert.Contains("'eggs'", error.Message);
    }

    [Fact]
    public void Regression_needs_a_numeric_label()
    {
        using var temp = new TestDirectory();
        var error = Fails(temp, ModelTask.Regression, "cheap", "dear", "cheap", "dear").First;

        Assert.Equal(MlbCodes.UnsuitableLabel, error.Code);
        Assert.Equal(new Location(temp.File("d.csv"), 2), error.At);
        Assert.Contains("'cheap'", error.Message);
    }

    [Fact]
    public void Multiclass_keeps_numbers_as_numbers_and_strings_as_text()
    {
        using var temp = new TestDirectory();
        var (_, numbers) = Prepare(temp, ModelTask.MulticlassClassification, "0", "2", "1");
        var (_, texts) = Prepare(temp, ModelTask.MulticlassClassification, "setosa", "virginica");

        Assert.Equal([0f, 2f, 1f], numbers.Cast<float>());
        Assert.Equal(["setosa", "virginica"], texts.Cast<string>());
    }

    [Fact]
    public void A_test_class_the_training_data_does_not_have_is_reported_at_its_line()
    {
        using var temp = new TestDirectory();
        var (plan, _) = Prepare(temp, ModelTask.MulticlassClassification, "0", "1", "1.0");
        var train = DataSource.Open(temp.File("d.csv"), new(new Location("p.csproj")));
        var test = DataSource.Open(temp.Write("t.csv", "1,1\n0.0,1\n2,1\n"), new(new Location("p.csproj"), Reference: train.Layout));

        var error = FirstUnknown(plan, test)!;

        Assert.Equal(MlbCodes.UnsuitableLabel, error.Code);
        Assert.Equal(new Location(test.Path, 3), error.At);
        Assert.Contains("2 classes: 0, 1", error.Message);
    }

    [Fact]
    public void Multiclass_needs_two_classes()
    {
        using var temp = new TestDirectory();
        var error = Fails(temp, ModelTask.MulticlassClassification, "a", "a").First;

        Assert.Equal(MlbCodes.UnsuitableLabel, error.Code);
    }
}
