using System.Text.Json;
using MlBuild.Protocol;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Process;

/// <summary>The evaluate command run as the Evaluate target runs it: a process of its own, with the project's
/// dependencies.</summary>
public sealed class EvaluateProcessTests
{
    private static EvaluateRequest TrainedIris(TestDirectory temp, string expectations)
    {
        var model = TestRequests.Iris(temp);
        InProcess.Run(model);
        return new EvaluateRequest
        {
            Data = model,
            ModelPath = model.ModelOutputPath,
            Expectations =
            [
                new ExpectationRequest
                {
                    File = temp.Write("iris.jsonl", expectations),
                    ProjectFile = TestRequests.ProjectFile(temp),
                    ItemLine = 30,
                },
            ],
            ResultOutputPath = temp.File(Path.Combine("eval", "Iris.evaluation.json")),
        };
    }

    private static string WriteRequest(TestDirectory temp, EvaluateRequest request) =>
        temp.Write("evaluate-request.json", JsonSerializer.Serialize(request, WorkerJson.Options));

    [Fact]
    public void A_successful_evaluation_exits_0_with_progress_and_the_result()
    {
        using var temp = new TestDirectory();
        var request = TrainedIris(temp, """{"input": {"Sepal length": 5.1, "Sepal width": 3.5, "Petal length": 1.4, "Petal width": 0.2}, "expect": 0}""");

        var (exitCode, stdout, stderr) = WorkerProcess.Run(temp, WriteRequest(temp, request), command: "evaluate");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {stderr}; stdout: {stdout}");
        Assert.Equal("", stderr);
        Assert.Contains("mlbuild-progress: Iris: evaluating on 30 test rows (1000 bootstrap resamples)…", stdout);
        Assert.Contains("mlbuild-progress: Iris: expectations: 1 of 1 passed", stdout);
        var result = JsonSerializer.Deserialize<EvaluateResult>(File.ReadAllText(request.ResultOutputPath), WorkerJson.Options)!;
        Assert.Equal(30, result.TestRows);
        Assert.True(result.Metrics["MicroAccuracy"].Value > 0.9);
        Assert.Equal(1, result.ExpectationsChecked);
        Assert.Empty(result.FailedExpectations);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(request.ResultOutputPath)!));
    }

    [Fact]
    public void An_invalid_expectation_exits_1_with_an_MLB5004_line_at_its_file_and_line_and_no_result()
    {
        using var temp = new TestDirectory();
        var request = TrainedIris(temp, """
            {"input": {"Petal width": 0.2}, "expect": 0}
            {"input": {"Petal colour": "blue"}, "expect": 0}
            """);

        var (exitCode, _, stderr) = WorkerProcess.Run(temp, WriteRequest(temp, request), command: "evaluate");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');
        Assert.Equal($"{request.Expectations[0].File}(2): error MLB5004: Iris: the input names 'Petal colour', which is " +
                     "not a column of the model's data (columns: Label, Sepal length, Sepal width, Petal length, Petal width): " +
                     "fix the name.", line);
        Assert.False(File.Exists(request.ResultOutputPath));
    }
}
