using System.Text.Json;
using MlBuild.Protocol;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Process;

public sealed class WorkerProcessTests
{
    private static string WriteRequest(TestDirectory temp, TrainRequest request) =>
        temp.Write("request.json", JsonSerializer.Serialize(request, WorkerJson.Options));

    [Fact]
    public void A_successful_run_exits_0_with_progress_the_model_and_the_result()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.Iris(temp) with { Trainer = "LightGbm" };

        var (exitCode, stdout, stderr) = WorkerProcess.Run(temp, WriteRequest(temp, request));

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {stderr}; stdout: {stdout}");
        Assert.Equal("", stderr);
        Assert.Contains("mlbuild-progress: Iris: loaded 120 training rows, 30 test rows", stdout);
        Assert.Contains("mlbuild-progress: Iris: training LightGbm…", stdout);
        Assert.True(File.Exists(request.ModelOutputPath));
        var result = JsonSerializer.Deserialize<TrainResult>(File.ReadAllText(request.ResultOutputPath), WorkerJson.Options)!;
        Assert.Equal("LightGbm", result.Trainer);
        Assert.True(result.Metrics["MicroAccuracy"] > 0.9);
    }

    [Fact]
    public void Two_processes_train_the_same_model_from_the_same_inputs()
    {
        using var temp = new TestDirectory();
        // Text featurization, a seeded split and a shuffling trainer: the parts most likely to vary between processes.
        var request = TestRequests.For(temp, "Sentiment", "BinaryClassification", TestData.SentimentTrain) with
        {
            Label = "Sentiment",
            Trainer = "SdcaLogisticRegression",
            Seed = 7,
        };

        var first = WorkerProcess.Run(temp, WriteRequest(temp, request));
        var firstModel = File.ReadAllBytes(request.ModelOutputPath);
        var firstResult = JsonSerializer.Deserialize<TrainResult>(File.ReadAllText(request.ResultOutputPath), WorkerJson.Options)!;
        var second = WorkerProcess.Run(temp, WriteRequest(temp, request));
        var secondResult = JsonSerializer.Deserialize<TrainResult>(File.ReadAllText(request.ResultOutputPath), WorkerJson.Options)!;

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(firstResult.Metrics, secondResult.Metrics);
        Assert.Equal(firstResult.Intervals, secondResult.Intervals);
        Assert.Equal((firstResult.TrainRows, firstResult.TestRows), (secondResult.TrainRows, secondResult.TestRows));
        Assert.Equal(firstModel, File.ReadAllBytes(request.ModelOutputPath));
    }

    [Fact]
    public void A_failed_run_exits_1_with_a_canonical_error_line_and_no_outputs()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.Heart(temp) with { Columns = null };

        var (exitCode, _, stderr) = WorkerProcess.Run(temp, WriteRequest(temp, request));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');
        Assert.Matches(@"^.+\(12,5\): error MLB2002: Heart: no column of '.+train\.csv' is named Label \(columns: Column1, .+\): set Label to the column to predict\.$", line);
        Assert.StartsWith(request.ProjectFile + "(", line);
        Assert.False(File.Exists(request.ModelOutputPath));
        Assert.False(File.Exists(request.ResultOutputPath));
    }

    [Fact]
    public void A_project_without_lightgbm_trains_other_trainers_and_is_told_to_add_the_package_for_lightgbm()
    {
        using var temp = new TestDirectory();
        var deps = DepsFileEditor.WithoutLightGbm(temp);
        var request = TestRequests.Iris(temp);

        var (fastTreeExit, _, fastTreeErrors) = WorkerProcess.Run(temp,
            WriteRequest(temp, request with { Trainer = "FastTree" }), deps);
        Assert.True(fastTreeExit == 0, fastTreeErrors);
        File.Delete(request.ModelOutputPath);
        File.Delete(request.ResultOutputPath);

        var (lightGbmExit, _, lightGbmErrors) = WorkerProcess.Run(temp,
            WriteRequest(temp, request with { Trainer = "LightGbm" }), deps);

        Assert.Equal(1, lightGbmExit);
        var line = Assert.Single(lightGbmErrors.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');
        Assert.Equal($"{request.ProjectFile}(12,5): error MLB3006: Iris: the trainer needs the package Microsoft.ML.LightGbm, " +
                     "which the project does not reference: add <PackageReference Include=\"Microsoft.ML.LightGbm\" " +
                     "Version=\"5.0.1\" /> to the project, or choose another Trainer.", line);
        Assert.False(File.Exists(request.ModelOutputPath));
        Assert.False(File.Exists(request.ResultOutputPath));
    }

    [Fact]
    public void A_project_with_the_onnx_converter_exports_and_one_without_it_is_told_to_add_the_package_before_training()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.Taxi(temp) with { OnnxOutputPath = temp.File(Path.Combine("out", "Taxi.onnx")) };

        var (exportExit, _, exportErrors) = WorkerProcess.Run(temp, WriteRequest(temp, request));
        Assert.True(exportExit == 0, exportErrors);
        Assert.True(new FileInfo(request.OnnxOutputPath).Length > 0);
        foreach (var output in new[] { request.ModelOutputPath, request.OnnxOutputPath, request.ResultOutputPath })
            File.Delete(output);

        var (exitCode, stdout, stderr) = WorkerProcess.Run(temp, WriteRequest(temp, request),
            DepsFileEditor.WithoutOnnxConverter(temp));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');
        Assert.Equal($"{request.ProjectFile}(12,5): error MLB3007: Taxi: ExportOnnx needs the package Microsoft.ML.OnnxConverter, " +
                     "which the project does not reference: add <PackageReference Include=\"Microsoft.ML.OnnxConverter\" " +
                     "Version=\"0.23.1\" /> to the project, or remove ExportOnnx.", line);
        Assert.DoesNotContain("training", stdout);
        Assert.False(File.Exists(request.ModelOutputPath));
        Assert.False(File.Exists(request.OnnxOutputPath));
        Assert.False(File.Exists(request.ResultOutputPath));
    }
}
