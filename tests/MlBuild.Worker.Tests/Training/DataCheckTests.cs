using MlBuild.Definitions;
using System.Text.Json;
using MlBuild.Data.Checks;
using MlBuild.Data.Profiles;
using MlBuild.Protocol;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Tests.Process;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Training;

/// <summary>
/// The data checks in whole training runs, on crafted bad variants of the real datasets (a dropped column, missing
/// labels, leaked rows, a shifted feature, too few rows), and on the real datasets as they are: no false alarm.
/// </summary>
public sealed class DataCheckTests
{
    private static IReadOnlyList<string> Warnings(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": warning MLB", StringComparison.Ordinal)).ToList();

    private static void AssertNothingWritten(TrainRequest request)
    {
        Assert.False(File.Exists(request.ModelOutputPath));
        Assert.False(File.Exists(request.ResultOutputPath));
        Assert.False(request.ProfileOutputPath is { } profile && File.Exists(profile));
    }

    private static TrainRequest WithProfile(TestDirectory temp, TrainRequest request) =>
        request with { ProfileOutputPath = temp.File(Path.Combine("out", request.ModelName + ".profile.json")) };

    /// <summary>The data file with the lines (1-based) changed by <paramref name="change"/>.</summary>
    private static string Variant(TestDirectory temp, string source, string name, Func<int, string, string?> change)
    {
        var lines = File.ReadAllLines(source).Select((line, i) => change(i + 1, line)).Where(l => l is not null);
        return temp.Write(name, string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void Iris_and_heart_disease_as_they_are_raise_nothing()
    {
        using var temp = new TestDirectory();

        var iris = InProcess.Run(TestRequests.Iris(temp));
        var irisSplit = InProcess.Run(TestRequests.Iris(temp) with { TestData = null });
        var heart = InProcess.Run(TestRequests.Heart(temp));

        Assert.Empty(Warnings(iris.Output));
        Assert.Empty(Warnings(irisSplit.Output));
        Assert.Empty(Warnings(heart.Output));
        Assert.Contains("data checks: 0 error(s), 0 warning(s)", heart.Output);
    }

    [Fact]
    public void The_sentiment_test_file_as_it_is_is_reported_for_its_real_leak_and_nothing_else()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.For(temp, "Sentiment", "BinaryClassification", TestData.SentimentTrain, TestData.SentimentTest)
            with
        { Label = "Sentiment" };

        var (_, output) = InProcess.Run(request);

        // 11 of its 18 test comments are, verbatim, training comments (test line 2 is training line 5, …): a true
        // finding about this dataset, not noise. Its 18 rows are far too few for the PSI to flag the text's length.
        var warning = Assert.Single(Warnings(output));
        Assert.Contains($"{TestData.SentimentTest}(2): warning MLB2106: Sentiment: 11 of 18 test rows are also in the training data", warning);
        Assert.Contains("this one is its line 5", warning);
    }

    [Fact]
    public void The_taxi_test_file_as_it_is_is_reported_for_its_real_shift_and_nothing_else()
    {
        using var temp = new TestDirectory();

        var (_, output) = InProcess.Run(TestRequests.Taxi(temp));

        // The 500 test rows (the first of the original test file) are all of vendor VTS and 499 carry one passenger;
        // the 2,000 training rows are 77% CMT and 59% single passengers: a true shift. The four other features are
        // well within 0.25 (PSI 0.002 to 0.04), as is every feature on the full 100,000-row files of the sample.
        var warnings = Warnings(output);
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains($"{TestData.TaxiTest}(1): warning MLB2107: Taxi:", w));
        Assert.Contains(warnings, w => w.Contains("the feature 'vendor_id'"));
        Assert.Contains(warnings, w => w.Contains("the feature 'passenger_count'"));
    }

    [Fact]
    public void A_column_dropped_since_the_recorded_schema_stops_training_and_writes_nothing()
    {
        using var temp = new TestDirectory();
        var first = InProcess.Run(TestRequests.Iris(temp)).Result;
        var schema = new RecordedSchema { Columns = first.Columns, Label = first.Label };
        // Sepal width (the third field) dropped from both files, as an export that lost a column would.
        string Drop(int _, string line) => string.Join('\t', line.Split('\t').Where((_, i) => i != 2));
        var train = Variant(temp, TestData.IrisTrain, "train.tsv", Drop);
        var test = Variant(temp, TestData.IrisTest, "test.tsv", Drop);
        var request = WithProfile(temp, TestRequests.Iris(temp) with
        {
            TrainData = train,
            TestData = test,
            PreviousSchema = schema,
            ModelOutputPath = temp.File("out2/Iris.zip"),
            ResultOutputPath = temp.File("out2/Iris.result.json"),
        });

        var error = InProcess.Fails(request);

        Assert.Equal((MlbCodes.SchemaChanged, new Location(train, 1)), (error.Code, error.At));
        Assert.Contains("removed 'Sepal width'", error.Message);
        AssertNothingWritten(request);
        // The same data, accepted (no recorded schema to compare with), trains.
        Assert.Equal(3, InProcess.Run(request with { PreviousSchema = null }).Result.Columns.Count - 1);
    }

    [Fact]
    public void Missing_labels_are_errors_at_their_lines_or_with_a_warning_rows_left_out()
    {
        using var temp = new TestDirectory();
        // The heart data's label is its last field; lines 5, 9 and 40 lose it.
        var train = Variant(temp, TestData.HeartTrain, "train.csv",
            (n, line) => n is 5 or 9 or 40 ? line[..(line.LastIndexOf(';') + 1)] : line);
        var request = WithProfile(temp, TestRequests.Heart(temp) with { TrainData = train });

        var errors = Assert.Throws<MlbException>(() => InProcess.Run(request)).Diagnostics;

        Assert.Equal([5, 9, 40], errors.Select(e => e.At.Line));
        Assert.All(errors, e => Assert.Equal((MlbCodes.MissingLabels, train), (e.Code, e.At.File)));
        Assert.Contains("(3 of 283 rows of this file have none)", errors[0].Message);
        AssertNothingWritten(request);

        var (result, output) = InProcess.Run(request with
        {
            DataChecks = DataCheckSettings.Default with { MissingLabels = CheckLevel.Warning },
        });
        Assert.Equal(280, result.TrainRows);
        Assert.Equal(3, Warnings(output).Count(w => w.Contains("warning MLB2102") && w.Contains("left out")));
    }

    [Fact]
    public void Training_rows_copied_into_the_test_data_are_leakage()
    {
        using var temp = new TestDirectory();
        // Ten training rows (lines 2, 14, 26, …: all three classes) appended to the 30 test rows.
        var copied = File.ReadAllLines(TestData.IrisTrain).Where((_, i) => i % 12 == 1).ToList();
        var test = temp.Write("test.tsv", string.Join('\n', File.ReadAllLines(TestData.IrisTest).Concat(copied)) + "\n");
        var request = WithProfile(temp, TestRequests.Iris(temp) with { TestData = test });

        var (_, output) = InProcess.Run(request);
        var error = InProcess.Fails(request with { DataChecks = DataCheckSettings.Default with { Leakage = CheckLevel.Error } });

        var warning = Assert.Single(Warnings(output));
        // Iris's own 2 coincident rows (test lines 11 and 23) come first, then the copies from line 32 on.
        Assert.Contains("warning MLB2106: Iris: 12 of 40 test rows are also in the training data 'train.tsv' (test lines 11, 23, 32, 33, 34, …", warning);
        Assert.Equal((MlbCodes.Leakage, new Location(test, 11)), (error.Code, error.At));
    }

    [Fact]
    public void A_feature_shifted_in_the_test_data_is_reported()
    {
        using var temp = new TestDirectory();
        // Petal length (the fourth field) 3 cm longer in every test row.
        var test = Variant(temp, TestData.IrisTest, "test.tsv", (n, line) =>
        {
            if (n == 1)
                return line;
            var fields = line.Split('\t');
            fields[3] = (double.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture) + 3)
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            return string.Join('\t', fields);
        });
        var request = WithProfile(temp, TestRequests.Iris(temp) with { TestData = test });

        var (_, output) = InProcess.Run(request);
        var error = InProcess.Fails(request with
        {
            ModelOutputPath = temp.File("strict/Iris.zip"),
            ResultOutputPath = temp.File("strict/Iris.result.json"),
            ProfileOutputPath = temp.File("strict/Iris.profile.json"),
            DataChecks = DataCheckSettings.Default with { TrainTestShift = CheckLevel.Error },
        });

        var warning = Assert.Single(Warnings(output));
        Assert.Contains($"{test}(1): warning MLB2107: Iris: the feature 'Petal length' is distributed differently", warning);
        Assert.Equal((MlbCodes.TrainTestShift, new Location(test, 1)), (error.Code, error.At));
        Assert.False(File.Exists(temp.File("strict/Iris.zip")));
        Assert.False(File.Exists(temp.File("strict/Iris.profile.json")));
    }

    [Fact]
    public void Fewer_rows_than_MinRows_stop_training()
    {
        using var temp = new TestDirectory();
        // Every tenth iris row: 12 rows of the three classes.
        var train = Variant(temp, TestData.IrisTrain, "train.tsv", (n, line) => n == 1 || n % 10 == 0 ? line : null);
        var request = WithProfile(temp, TestRequests.Iris(temp) with { TrainData = train });

        var error = InProcess.Fails(request);

        Assert.Equal((MlbCodes.TooFewRows, new Location(train)), (error.Code, error.At));
        Assert.Contains("12 rows, fewer than MinRows (20)", error.Message);
        AssertNothingWritten(request);
        Assert.Equal(12, InProcess.Run(request with { DataChecks = new DataCheckSettings { MinRows = 10 } }).Result.TrainRows);
    }

    [Fact]
    public void The_profile_of_the_training_data_is_written_with_the_model_the_same_every_time()
    {
        using var temp = new TestDirectory();
        var request = WithProfile(temp, TestRequests.Iris(temp));

        var result = InProcess.Run(request).Result;
        var first = File.ReadAllText(request.ProfileOutputPath!);
        InProcess.Run(request);

        Assert.Equal(first, File.ReadAllText(request.ProfileOutputPath!));
        Assert.Equal("Label", result.Label);
        var profile = ProfileJson.Deserialize(first);
        Assert.Equal(("Iris", "train.tsv", 120, "Label"), (profile.Model, profile.Source, profile.Rows, profile.Label));
        var petal = profile.Columns.Single(c => c.Name == "Petal length");
        Assert.Equal((ColumnRole.Feature, 120, 0), (petal.Role, petal.Count, petal.Missing));
        Assert.Equal((1.0, 6.9), (petal.Numeric!.Min, petal.Numeric.Max));
    }

    [Fact]
    public void As_a_process_warnings_are_canonical_lines_on_standard_error_and_training_goes_on()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.For(temp, "Sentiment", "BinaryClassification", TestData.SentimentTrain, TestData.SentimentTest)
            with
        { Label = "Sentiment" };

        var (exitCode, stdout, stderr) = WorkerProcess.Run(temp,
            temp.Write("request.json", JsonSerializer.Serialize(request, WorkerJson.Options)));

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {stderr}; stdout: {stdout}");
        Assert.StartsWith($"{TestData.SentimentTest}(2): warning MLB2106: Sentiment: 11 of 18", stderr);
        Assert.True(File.Exists(request.ModelOutputPath));
    }
}
