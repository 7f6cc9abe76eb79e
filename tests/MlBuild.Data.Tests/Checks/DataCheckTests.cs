using MlBuild.Definitions;
using MlBuild.Data.Checks;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Tests.Support;

namespace MlBuild.Data.Tests.Checks;

/// <summary>Each data check on small crafted files: what it finds, where it points, and that its level applies.</summary>
public sealed class DataCheckTests
{
    private static string Rows(int count, Func<int, string> row) =>
        string.Concat(Enumerable.Range(1, count).Select(i => row(i) + "\n"));

    private static readonly RecordedSchema IrisSchema = new()
    {
        Columns = new(StringComparer.Ordinal)
        {
            ["Label"] = "Numeric", ["x"] = "Numeric", ["y"] = "Categorical",
        },
        Label = "Label",
    };

    [Fact]
    public void Schema_check_lists_removed_added_and_retyped_columns_and_another_label()
    {
        using var temp = new TestDirectory();
        var train = TestFiles.Read(temp.Write("train.csv", "Label,x,z\n" + Rows(40, i => $"{i % 2},a{i},{i}")));

        var finding = Assert.Single(SchemaCheck.Run(TestFiles.Input(train, null, previous: IrisSchema), CheckLevel.Error));

        Assert.Equal((MlbCodes.SchemaChanged, Severity.Error), (finding.Code, finding.Severity));
        Assert.Equal(new Location(train.Path, 1), finding.At);
        Assert.Contains("removed 'y'", finding.Message);
        Assert.Contains("added 'z'", finding.Message);
        Assert.Contains("'x' is Text (was Numeric)", finding.Message);
        Assert.Contains("MlBuildAcceptSchemaChanges=true", finding.Message);
        var renamedLabel = IrisSchema with { Label = "y" };
        Assert.Contains("the label is 'Label' (was 'y')",
            Assert.Single(SchemaCheck.Run(TestFiles.Input(train, null, previous: renamedLabel), CheckLevel.Warning)).Message);
    }

    [Fact]
    public void Schema_check_finds_nothing_in_the_same_columns_nor_without_a_recorded_schema_nor_when_off()
    {
        using var temp = new TestDirectory();
        var train = TestFiles.Read(temp.Write("train.csv", "Label,x,y\n" + Rows(40, i => $"{i % 2},{i},{(i % 3 == 0 ? "a" : "b")}")));

        Assert.Empty(SchemaCheck.Run(TestFiles.Input(train, null, previous: IrisSchema), CheckLevel.Error));
        Assert.Empty(SchemaCheck.Run(TestFiles.Input(train, null), CheckLevel.Error));
        Assert.Empty(SchemaCheck.Run(TestFiles.Input(train, null, previous: IrisSchema with { Label = "x" }), CheckLevel.Off));
    }

    [Fact]
    public void Missing_labels_are_errors_at_their_lines_the_first_five()
    {
        using var temp = new TestDirectory();
        // Lines 3, 5, 7, … (every other data row) have no label: 10 of 20 rows.
        var train = TestFiles.Read(temp.Write("train.csv", "Label,x\n" + Rows(20, i => $"{(i % 2 == 0 ? "1" : "")},{i}")));

        var error = Assert.Throws<MlbException>(() => TestFiles.Input(train, null));

        Assert.Equal(MissingLabelCheck.Shown, error.Diagnostics.Count);
        Assert.All(error.Diagnostics, d => Assert.Equal((MlbCodes.MissingLabels, Severity.Error), (d.Code, d.Severity)));
        Assert.Equal([2, 4, 6, 8, 10], error.Diagnostics.Select(d => d.At.Line));
        Assert.Contains("(10 of 20 rows of this file have none)", error.First.Message);
    }

    [Fact]
    public void Missing_labels_as_a_warning_leave_those_rows_out()
    {
        using var temp = new TestDirectory();
        var train = TestFiles.Read(temp.Write("train.csv", "Label,x\n" + Rows(20, i => $"{(i == 7 ? " " : "1")},{i}")));
        var warnings = new List<Diagnostic>();

        var kept = TestFiles.Input(train, null, missingLabels: CheckLevel.Warning, warn: warnings.Add);

        // The row of line 8 (x = 7) is neither trained on nor profiled.
        Assert.Equal((19L, 19), (kept.Train.Rows, kept.Profile.Rows));
        Assert.Equal([8], kept.Train.Unlabeled.Lines);
        var x = kept.Profile.Columns.Single(c => c.Name == "x").Numeric!;
        Assert.Equal(19, x.Count);
        Assert.Equal((210.0 - 7) / 19, x.Mean, 10);
        Assert.DoesNotContain(7.0, x.Histogram.Edges);
        var warning = Assert.Single(warnings);
        Assert.Equal((Severity.Warning, 8), (warning.Severity, warning.At.Line));
        Assert.Contains("left out", warning.Message);
        // What is left has a label on every row.
        var label = kept.Profile.Columns.Single(c => c.Name == "Label");
        Assert.Equal((19, 0), (label.Count, label.Missing));
    }

    [Fact]
    public void Too_few_rows_is_an_error_below_MinRows()
    {
        using var temp = new TestDirectory();
        var train = TestFiles.Read(temp.Write("train.csv", "Label,x\n" + Rows(12, i => $"{i % 2},{i}")));
        var input = TestFiles.Input(train, null);

        var finding = Assert.Single(RowCountCheck.Run(input, DataCheckSettings.Default));

        Assert.Equal((MlbCodes.TooFewRows, Severity.Error, new Location(train.Path)), (finding.Code, finding.Severity, finding.At));
        Assert.Contains("12 rows, fewer than MinRows (20)", finding.Message);
        Assert.Empty(RowCountCheck.Run(input, DataCheckSettings.Default with { MinRows = 12 }));
        Assert.Empty(RowCountCheck.Run(input, DataCheckSettings.Default with { TooFewRows = CheckLevel.Off }));
    }

    [Fact]
    public void A_class_below_MinClassShare_is_a_warning_for_classification_only()
    {
        using var temp = new TestDirectory();
        // 200 rows: 197 of "a" and "b", 3 of "rare" (1.5%).
        var train = TestFiles.Read(temp.Write("train.csv", "Label,x\n" + Rows(200, i => $"{(i <= 3 ? "rare" : i % 2 == 0 ? "a" : "b")},{i}")));
        var settings = DataCheckSettings.Default with { MinClassShare = 0.02 };

        var finding = Assert.Single(ClassShareCheck.Run(TestFiles.Input(train, null), settings));

        Assert.Equal((MlbCodes.RareClass, Severity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("the class 'rare' of the label 'Label' has 3 of 200 training rows (1.5%)", finding.Message);
        Assert.Empty(ClassShareCheck.Run(TestFiles.Input(train, null), DataCheckSettings.Default));
        Assert.Empty(ClassShareCheck.Run(TestFiles.Input(train, null, classification: false), settings));
    }

    [Fact]
    public void Numeric_classes_are_counted_as_numbers()
    {
        using var temp = new TestDirectory();
        // "1" and "1.0" are one class of 100 rows; "0" another of 100.
        var train = TestFiles.Read(temp.Write("train.csv", "Label,x\n" + Rows(200, i => $"{(i <= 100 ? "0" : i % 2 == 0 ? "1" : "1.0")},{i}")));

        Assert.Empty(ClassShareCheck.Run(TestFiles.Input(train, null), DataCheckSettings.Default with { MinClassShare = 0.4 }));
    }

    [Fact]
    public void A_constant_feature_is_a_warning_at_the_header()
    {
        using var temp = new TestDirectory();
        var train = TestFiles.Read(temp.Write("train.csv", "Label,x,same,empty\n" + Rows(30, i => $"{i % 2},{i},7,")));

        var findings = ConstantColumnCheck.Run(TestFiles.Input(train, null), CheckLevel.Warning).ToList();

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal((MlbCodes.ConstantColumn, new Location(train.Path, 1)), (f.Code, f.At)));
        Assert.Contains("'same' is '7' on all 30 training rows", findings[0].Message);
        Assert.Contains("'empty' is empty on all 30", findings[1].Message);
    }

    [Fact]
    public void Test_rows_copied_from_the_training_data_are_leakage_with_their_lines()
    {
        using var temp = new TestDirectory();
        var trainText = TestFiles.Generated(300, seed: 1);
        var train = TestFiles.Read(temp.Write("train.csv", trainText));
        // 100 fresh rows, then 10 training rows (training lines 2..11) at test lines 102..111.
        var leaked = TestFiles.Generated(100, seed: 2) + string.Join('\n', trainText.Split('\n').Skip(1).Take(10)) + "\n";
        var test = TestFiles.Read(temp.Write("test.csv", leaked), reference: train, label: "Label");

        var finding = Assert.Single(LeakageCheck.Run(TestFiles.Input(train, test), CheckLevel.Warning));

        Assert.Equal((MlbCodes.Leakage, new Location(test.Path, 102)), (finding.Code, finding.At));
        Assert.StartsWith("10 of 110 test rows are also in the training data 'train.csv' (test lines 102, 103, 104, 105, 106, …; this one is its line 2)", finding.Message);
    }

    [Fact]
    public void Rows_repeated_as_often_as_coarse_data_repeats_itself_are_not_leakage()
    {
        using var temp = new TestDirectory();
        // One coarse feature of 5 values and a label: most rows repeat others, in training as in test.
        string Coarse(int rows, int seed)
        {
            var random = new Random(seed);
            return "Label,x\n" + Rows(rows, _ => $"{random.Next(2)},{random.Next(5)}");
        }
        var train = TestFiles.Read(temp.Write("train.csv", Coarse(200, 1)));
        var test = TestFiles.Read(temp.Write("test.csv", Coarse(50, 2)), reference: train, label: "Label");

        var result = TestFiles.Input(train, test).Test!.Leakage!;

        Assert.Equal(50, result.Shared);
        Assert.False(result.Leaked);
        Assert.Empty(LeakageCheck.Run(TestFiles.Input(train, test), CheckLevel.Error));
    }

    [Fact]
    public void A_shifted_test_feature_is_reported_and_a_fresh_sample_is_not()
    {
        using var temp = new TestDirectory();
        var train = TestFiles.Read(temp.Write("train.csv", TestFiles.Generated(1000, seed: 1)));
        var fresh = TestFiles.Read(temp.Write("fresh.csv", TestFiles.Generated(300, seed: 2)), reference: train, label: "Label");
        var shifted = TestFiles.Read(temp.Write("shifted.csv", TestFiles.Generated(300, seed: 3, mean: 1)), reference: train, label: "Label");

        Assert.Empty(TrainTestShiftCheck.Run(TestFiles.Input(train, fresh), DataCheckSettings.Default));
        var finding = Assert.Single(TrainTestShiftCheck.Run(TestFiles.Input(train, shifted), DataCheckSettings.Default));
        Assert.Equal((MlbCodes.TrainTestShift, Severity.Warning, new Location(shifted.Path, 1)), (finding.Code, finding.Severity, finding.At));
        Assert.Contains("the feature 'x' is distributed differently", finding.Message);
    }

    [Fact]
    public void A_small_test_set_gets_a_limit_raised_to_its_noise()
    {
        using var temp = new TestDirectory();
        var train = TestFiles.Read(temp.Write("train.csv", TestFiles.Generated(120, seed: 1)));
        var test = TestFiles.Read(temp.Write("test.csv", TestFiles.Generated(30, seed: 2)), reference: train, label: "Label");

        var x = TrainTestShiftCheck.Measure(TestFiles.Input(train, test), 0.25).Single(s => s.Feature == "x");

        // Ten decile bins and a missing bin, of which 10 are occupied: χ²(0.99; 9)·(1/120 + 1/30).
        Assert.InRange(x.Limit, 0.85, 0.95);
        Assert.True(x.Psi < x.Limit, $"PSI {x.Psi}");
    }

    [Fact]
    public void DataChecks_runs_every_check_at_its_level()
    {
        using var temp = new TestDirectory();
        var train = TestFiles.Read(temp.Write("train.csv", "Label,x,k\n" + Rows(10, i => $"{i % 2},{i},1")));
        var input = TestFiles.Input(train, null);

        var findings = DataChecks.Run(input, DataCheckSettings.Default);
        var quiet = DataChecks.Run(input, DataCheckSettings.Default with { TooFewRows = CheckLevel.Warning, ConstantColumns = CheckLevel.Off });

        Assert.Equal([(MlbCodes.TooFewRows, Severity.Error), (MlbCodes.ConstantColumn, Severity.Warning)],
            findings.Select(f => (f.Code, f.Severity)));
        Assert.Equal([(MlbCodes.TooFewRows, Severity.Warning)], quiet.Select(f => (f.Code, f.Severity)));
    }
}
