using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Build.Utilities;
using MlBuild.Core.Baselines;
using MlBuild.Tasks;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Tasks.Tests.Reporting;

/// <summary>ApplyGates gathers the report's context from the environment and git it is given, never the machine's.</summary>
public sealed class ApplyGatesReportTests : IDisposable
{
    private const string HeadSha = "2222222222222222222222222222222222222222";
    private const string BaselineSha = "3333333333333333333333333333333333333333";
    private readonly TestDirectory _project = new();
    private readonly FakeBuildEngine _engine = new();

    public void Dispose() => _project.Dispose();

    private ApplyGates Task(Func<string, string?> environment)
    {
        Lock(("Iris", Entry("MulticlassClassification", new Dictionary<string, double>()))).Save(_project.File("mlbuild.lock.json"));
        Lock(("Iris", Entry("MulticlassClassification", new Dictionary<string, double> { ["MacroAccuracy"] = 0.9 }, "xxh128:base")))
            .Save(_project.File("obj/mlbuild/baseline.lock.json"));
        var result = Result(Estimates(("MacroAccuracy", 0.93, 0.9, 0.96)));
        var resultFile = _project.Write("obj/mlbuild/Iris.result.json", JsonSerializer.Serialize(result, MlBuild.Protocol.WorkerJson.Options));
        var item = new TaskItem("Iris");
        item.SetMetadata(EvaluationMetadata.ResultFile, resultFile);
        item.SetMetadata(EvaluationMetadata.Action, EvaluationAction.Cached);
        return new ApplyGates
        {
            BuildEngine = _engine,
            Evaluations = [item],
            ProjectFile = _project.Write("Iris.csproj", "<Project />"),
            LockFile = _project.File("mlbuild.lock.json"),
            IntermediateDirectory = _project.File("obj/mlbuild"),
            BaselineLockFile = _project.File("obj/mlbuild/baseline.lock.json"),
            BaselineDescription = "origin/main (3333333)",
            BaselineCommit = BaselineSha,
            BaselineRef = "origin/main",
            // The project "is" in samples/Iris/ of a repository that answers nothing else: no history, no HEAD.
            Git = new ScriptedGitRunner(arguments => arguments is ["rev-parse", "--show-prefix"]
                ? new GitResult(0, "samples/Iris/\n", "") : new GitResult(128, "", "fatal")),
            ReadEnvironment = environment,
        };
    }

    [Fact]
    public void In_a_pull_request_run_report_md_and_evaluation_json_carry_the_commits_and_the_run()
    {
        var payload = _project.Write("event.json", """{"pull_request": {"number": 7, "head": {"sha": "HEAD_SHA"}}}""".Replace("HEAD_SHA", HeadSha));
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true", ["GITHUB_SERVER_URL"] = "https://github.example.com", ["GITHUB_REPOSITORY"] = "octo/ml",
            ["GITHUB_RUN_ID"] = "42", ["GITHUB_RUN_ATTEMPT"] = "2", ["GITHUB_SHA"] = new string('1', 40), ["GITHUB_EVENT_NAME"] = "pull_request", ["GITHUB_EVENT_PATH"] = payload,
        };
        var task = Task(name => environment.GetValueOrDefault(name));

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        var markdown = File.ReadAllText(_project.File("obj/mlbuild/report.md"));
        Assert.StartsWith("## ✅ MlBuild evaluation of samples/Iris/Iris.csproj: no gates declared\n\n" +
            $"Candidate [`2222222`](https://github.example.com/octo/ml/commit/{HeadSha}) (#7) · " +
            $"baseline [`3333333`](https://github.example.com/octo/ml/commit/{BaselineSha}) (origin/main) · " +
            "[workflow run](https://github.example.com/octo/ml/actions/runs/42/attempts/2) · " +
            "📈 plots: report.html in the [run's artifacts](https://github.example.com/octo/ml/actions/runs/42/attempts/2#artifacts)\n", markdown);
        var json = JsonNode.Parse(File.ReadAllText(_project.File("obj/mlbuild/evaluation.json")))!;
        Assert.Equal(HeadSha, (string)json["candidate"]!["commit"]!);
        Assert.Equal(BaselineSha, (string)json["baseline"]!["commit"]!);
        Assert.Equal("origin/main", (string)json["baseline"]!["ref"]!);
        Assert.Equal(7, (int)json["pullRequest"]!);
        Assert.Equal("https://github.example.com/octo/ml/actions/runs/42/attempts/2", (string)json["run"]!);
    }

    [Fact]
    public void Locally_without_a_git_answer_the_report_still_renders_without_links()
    {
        var task = Task(_ => null);

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        var markdown = File.ReadAllText(_project.File("obj/mlbuild/report.md"));
        Assert.Contains("\nCandidate: the working tree · baseline `3333333` (origin/main)\n", markdown);
        Assert.DoesNotContain("](http", markdown);
        Assert.Contains("<sub>History charts: no history, as git log failed", markdown);
    }
}
