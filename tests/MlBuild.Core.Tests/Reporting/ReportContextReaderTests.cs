using MlBuild.Core.Baselines;
using MlBuild.Core.Reporting;
using MlBuild.Core.Tests.Baselines;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests.Reporting;

public sealed class ReportContextReaderTests : IDisposable
{
    private const string MergeSha = "1111111111111111111111111111111111111111";
    private const string HeadSha = "2222222222222222222222222222222222222222";
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    /// <summary>A repository where the project sits in samples/Iris/ and nothing else answers.</summary>
    private static readonly ScriptedGitRunner InSamplesIris = new(arguments =>
        arguments is ["rev-parse", "--show-prefix"] ? new GitResult(0, "samples/Iris/\n", "") : new GitResult(128, "", "fatal: no"));

    private ReportContext Read(Func<string, string?> environment, IGitRunner? git = null) =>
        new ReportContextReader(git ?? InSamplesIris, environment)
            .Read(_directory.Write("Iris.csproj", "<Project />"), _directory.File("mlbuild.lock.json"), null, historyLength: 10);

    private (string Name, string Value)[] PullRequestRun(params (string Name, string Value)[] overrides)
    {
        var payload = _directory.Write("event.json", """{"action": "synchronize", "number": 12, "pull_request": {"number": 12, "head": {"sha": "HEAD_SHA"}}}""".Replace("HEAD_SHA", HeadSha));
        (string, string)[] defaults =
        [
            ("GITHUB_ACTIONS", "true"), ("GITHUB_SERVER_URL", "https://github.com"), ("GITHUB_REPOSITORY", "octo/mlbuild"),
            ("GITHUB_RUN_ID", "987654321"), ("GITHUB_RUN_ATTEMPT", "1"), ("GITHUB_SHA", MergeSha), ("GITHUB_EVENT_NAME", "pull_request"), ("GITHUB_EVENT_PATH", payload),
        ];
        return [.. overrides, .. defaults.Where(d => overrides.All(o => o.Name != d.Item1))];
    }

    [Fact]
    public void In_a_pull_request_run_the_candidate_is_the_head_of_the_pull_request_not_the_merge_commit()
    {
        var context = Read(Env(PullRequestRun()));

        Assert.Equal(HeadSha, context.Candidate!.Sha);
        Assert.Equal("2222222", context.Candidate.ShortSha);
        Assert.False(context.Candidate.HasUncommittedChanges);
        Assert.Equal(12, context.PullRequest);
        Assert.Equal("https://github.com/octo/mlbuild", context.RepositoryUrl);
        Assert.Equal("https://github.com/octo/mlbuild/actions/runs/987654321", context.RunUrl);
        Assert.Equal("https://github.com/octo/mlbuild/commit/" + HeadSha, context.CommitUrl(HeadSha));
        Assert.Equal("samples/Iris/Iris.csproj", context.Project);
    }

    [Fact]
    public void A_rerun_links_to_its_own_attempt() =>
        Assert.Equal("https://github.com/octo/mlbuild/actions/runs/987654321/attempts/3",
            Read(Env(PullRequestRun(("GITHUB_RUN_ATTEMPT", "3")))).RunUrl);

    [Fact]
    public void On_a_push_the_candidate_is_GITHUB_SHA()
    {
        var push = _directory.Write("push.json", """{"ref": "refs/heads/main", "after": "x"}""");

        var context = Read(Env(PullRequestRun(("GITHUB_EVENT_PATH", push))));

        Assert.Equal(MergeSha, context.Candidate!.Sha);
        Assert.Null(context.PullRequest);
    }

    [Theory]
    [InlineData("GITHUB_SERVER_URL", "javascript:alert(1)")]
    [InlineData("GITHUB_SERVER_URL", "https://github.com/x) [y](https://evil")]
    [InlineData("GITHUB_REPOSITORY", "octo/mlbuild)[x](y")]
    [InlineData("GITHUB_REPOSITORY", "octo")]
    public void Values_that_are_not_what_GitHub_sets_give_no_links(string name, string value)
    {
        var context = Read(Env(PullRequestRun((name, value))));

        Assert.Null(context.RepositoryUrl);
        Assert.Null(context.RunUrl);
        Assert.Null(context.CommitUrl(HeadSha));
    }

    [Fact]
    public void A_run_id_or_payload_that_is_not_what_GitHub_writes_is_left_out()
    {
        var broken = _directory.Write("broken.json", "{ not json");

        var context = Read(Env(PullRequestRun(("GITHUB_RUN_ID", "12 3"), ("GITHUB_EVENT_PATH", broken), ("GITHUB_SHA", "not a sha"))));

        Assert.Null(context.RunUrl);
        Assert.Null(context.PullRequest);
        Assert.Null(context.Candidate);
        Assert.NotNull(context.RepositoryUrl);
    }

    [Fact]
    public void Locally_the_candidate_is_HEAD_and_any_change_in_the_working_tree_shows()
    {
        using var sandbox = new GitSandbox();
        var repository = sandbox.Init("repo");
        sandbox.Write("repo/samples/Iris/Iris.csproj", "<Project />");
        sandbox.Commit(repository, "first");
        var reader = new ReportContextReader(sandbox.Git, Env());
        var project = Path.Combine(repository, "samples", "Iris");
        ReportContext ReadLocal() => reader.Read(Path.Combine(project, "Iris.csproj"), Path.Combine(project, "mlbuild.lock.json"), null, 10);

        var clean = ReadLocal();
        sandbox.Write("repo/samples/Iris/data/new.csv", "a,b\n");
        var withUntrackedData = ReadLocal();

        Assert.Equal(sandbox.Run(repository, "rev-parse", "HEAD"), clean.Candidate!.Sha);
        Assert.Equal(sandbox.Run(repository, "rev-parse", "--short", "HEAD"), clean.Candidate.ShortSha);
        Assert.False(clean.Candidate.HasUncommittedChanges);
        Assert.True(withUntrackedData.Candidate!.HasUncommittedChanges);
        Assert.Equal("samples/Iris/Iris.csproj", clean.Project);
        Assert.Null(clean.RunUrl);
        Assert.Equal("the baseline is not a git commit", clean.History!.Note);
    }

    [Fact]
    public void Outside_a_repository_there_is_no_candidate_commit_and_no_history()
    {
        var context = Read(Env(), new ScriptedGitRunner(_ => new GitResult(128, "", "fatal: not a git repository")));

        Assert.Null(context.Candidate);
        Assert.Equal("Iris.csproj", context.Project);
        Assert.Empty(context.History!.Versions);
        Assert.Equal("the project is not in a git repository", context.History.Note);
    }
}
