using System.Text.Json;
using MlBuild.Protocol;
using MlBuild.Worker.Cli;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Cli;

public sealed class WorkerCommandTests
{
    // MSBuild's pattern for errors in a tool's output (CanonicalError.cs), reduced to what decides a match.
    private static readonly System.Text.RegularExpressions.Regex CanonicalError = new(
        @"^\s*(([^:]*):)?([^:]*? )?(error|warning)( \s*[^: ]*)?\s*:.*$",
        System.Text.RegularExpressions.RegexOptions.Multiline);

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exitCode = WorkerCommand.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string WriteRequest(TestDirectory temp, TrainRequest request) =>
        temp.Write("request.json", JsonSerializer.Serialize(request, WorkerJson.Options));

    [Fact]
    public void A_failure_in_fit_is_one_MLB4003_line_with_the_stack_trace_only_as_detail()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.For(temp, "Sentiment", "BinaryClassification", TestData.SentimentTrain) with
        {
            Label = "Sentiment",
            Pipeline = typeof(WrongColumnPipeline).FullName,
            PipelineAssembly = typeof(WrongColumnPipeline).Assembly.Location,
        };

        var (exitCode, stdout, stderr) = Run("train", WriteRequest(temp, request));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{request.ProjectFile}(12,5): error MLB4003: Sentiment: training failed: ", line);
        Assert.Contains("NoSuchColumn", line);
        Assert.DoesNotContain(" at ", line);
        Assert.Contains(" at ", stdout);
        Assert.False(File.Exists(request.ModelOutputPath));
        Assert.False(File.Exists(request.ResultOutputPath));
    }

    [Fact]
    public void The_detail_of_a_failure_adds_no_error_line_to_the_build()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.For(temp, "Sentiment", "BinaryClassification", TestData.SentimentTrain) with
        {
            Label = "Sentiment",
            Pipeline = typeof(FailingFitPipeline).FullName,
            PipelineAssembly = typeof(FailingFitPipeline).Assembly.Location,
        };

        var (exitCode, stdout, stderr) = Run("train", WriteRequest(temp, request));

        Assert.Equal(1, exitCode);
        Assert.EndsWith("error MLB4003: Sentiment: training failed: Unexpected error: the data is cursed. (InvalidOperationException)",
            Assert.Single(stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)));
        // ToolTask reads standard output for canonical errors too: the exception's detail must not add one.
        Assert.Contains("Unexpected error: the data is cursed.", stdout);
        Assert.DoesNotMatch(CanonicalError, stdout);
    }

    [Fact]
    public void Several_bad_rows_are_one_line_each()
    {
        using var temp = new TestDirectory();
        var train = temp.Write("train.csv", "Label,x\n1,2\n0\n1,3\n0,4,5\n");

        var (exitCode, _, stderr) = Run("train", WriteRequest(temp, TestRequests.For(temp, "M", "Regression", train)));

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [$"{train}(3): error MLB2006: M: this line has 1 fields but 2 were expected (as in the header on line 1): fix the row, or quote a field that contains ',' (\"like, this\").",
             $"{train}(5): error MLB2006: M: this line has 3 fields but 2 were expected (as in the header on line 1): fix the row, or quote a field that contains ',' (\"like, this\")."],
            stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_wrong_command_line_is_reported()
    {
        var (exitCode, _, stderr) = Run("evaluate");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("MlBuild.Worker: error MLB4003: usage: MlBuild.Worker train|evaluate <request.json>", stderr);
    }

    [Fact]
    public void An_unreadable_request_is_reported_at_the_request_file()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("request.json", """{ "modelName": "Iris" }""");

        var (exitCode, _, stderr) = Run("train", path);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"{path}: error MLB4003: the worker's training request cannot be read", stderr);
    }
}
