using MlBuild.Core.Baselines;

namespace MlBuild.Core.Tests.Baselines;

/// <summary>The locator against real temporary repositories, clones and shallow clones.</summary>
public sealed class BaselineLocatorGitTests : IDisposable
{
    private const string LockPath = "samples/Iris/mlbuild.lock.json";
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static readonly Func<string, string?> Local = Env();
    private static readonly Func<string, string?> PullRequestIntoMain = Env(("GITHUB_ACTIONS", "true"), ("GITHUB_BASE_REF", "main"));

    private BaselineResult Find(string repository, Func<string, string?> environment, string? property = null, IGitRunner? git = null)
    {
        var project = Path.Combine(repository, "samples", "Iris");
        return new BaselineLocator(git ?? _sandbox.Git, environment).Find(Path.Combine(project, "mlbuild.lock.json"), property, project);
    }

    /// <summary>origin: main has the lock file "main", branch feature (from main) has "feature".</summary>
    private (string Origin, string MainCommit, string FeatureCommit) OriginWithFeatureBranch()
    {
        var origin = _sandbox.Init("origin");
        File.WriteAllText(Directory.CreateDirectory(Path.Combine(origin, "samples", "Iris")).FullName + "/mlbuild.lock.json", "main");
        _sandbox.Commit(origin, "main");
        var main = _sandbox.Run(origin, "rev-parse", "HEAD");
        _sandbox.Run(origin, "checkout", "-q", "-b", "feature");
        File.WriteAllText(Path.Combine(origin, LockPath), "feature");
        _sandbox.Commit(origin, "feature");
        var feature = _sandbox.Run(origin, "rev-parse", "HEAD");
        _sandbox.Run(origin, "checkout", "-q", "main");
        return (origin, main, feature);
    }

    [Fact]
    public void Locally_the_working_tree_is_compared_with_the_last_commit()
    {
        var repository = _sandbox.Init("repo");
        _sandbox.Write("repo/" + LockPath, "committed");
        _sandbox.Commit(repository, "first");
        var head = _sandbox.Run(repository, "rev-parse", "HEAD");
        _sandbox.Write("repo/" + LockPath, "working tree");

        var result = Find(repository, Local);

        Assert.Equal(BaselineKind.Found, result.Kind);
        Assert.Equal("committed", result.Text);
        Assert.Equal(head, result.Commit);
        Assert.Equal("HEAD", result.Ref);
        Assert.Equal(_sandbox.Run(repository, "rev-parse", "--short", "HEAD"), result.ShortCommit);
        Assert.Equal($"HEAD ({result.ShortCommit})", result.Description);
    }

    [Fact]
    public void A_lock_file_that_is_not_in_the_commit_yet_means_no_baseline()
    {
        var repository = _sandbox.Init("repo");
        _sandbox.Write("repo/README.md", "hello");
        _sandbox.Commit(repository, "first");
        _sandbox.Write("repo/" + LockPath, "new");

        var result = Find(repository, Local);

        Assert.Equal(BaselineKind.None, result.Kind);
        Assert.StartsWith($"none ({LockPath} is not in HEAD (", result.Description);
    }

    [Fact]
    public void A_repository_without_commits_and_a_folder_outside_any_repository_have_no_baseline()
    {
        var empty = _sandbox.Init("empty");
        _sandbox.Write("empty/" + LockPath, "new");
        _sandbox.Write("plain/" + LockPath, "new");

        var noCommit = Find(empty, Local);
        var noRepository = Find(_sandbox.File("plain"), Local);

        Assert.Equal((BaselineKind.None, "the repository has no commit yet"), (noCommit.Kind, noCommit.Reason));
        Assert.Equal((BaselineKind.None, "not a git repository"), (noRepository.Kind, noRepository.Reason));
    }

    [Fact]
    public void A_ref_in_the_property_reads_that_commit_and_a_missing_ref_is_an_error_with_the_fix()
    {
        var (origin, main, _) = OriginWithFeatureBranch();
        _sandbox.Run(origin, "checkout", "-q", "feature");
        _sandbox.Run(origin, "tag", "v1", main);

        var branch = Find(origin, Local, "main");
        var tag = Find(origin, Local, "v1");
        var parent = Find(origin, Local, "HEAD~1");
        var missing = Find(origin, Local, "mian");

        Assert.Equal(("main", main), (branch.Text, branch.Commit));
        Assert.StartsWith("main (", branch.Description);
        Assert.Equal("main", tag.Text);
        Assert.Equal(main, parent.Commit);
        Assert.Equal(BaselineKind.Error, missing.Kind);
        Assert.Equal("MLB5018", missing.Code);
        Assert.Contains("MlBuildBaseline is 'mian'", missing.Reason);
        Assert.Contains("neither an existing file", missing.Reason);
    }

    [Fact]
    public void In_a_pull_request_the_base_branch_already_fetched_is_used_without_fetching()
    {
        var (origin, main, _) = OriginWithFeatureBranch();
        var clone = _sandbox.File("clone");
        _sandbox.Run(_sandbox.Path, "clone", "-q", new Uri(origin).AbsoluteUri, clone);
        _sandbox.Run(clone, "checkout", "-q", "feature");
        var git = new RecordingGitRunner(_sandbox.Git);

        var result = Find(clone, PullRequestIntoMain, git: git);

        Assert.Equal(("main", main), (result.Text, result.Commit));
        Assert.StartsWith("origin/main (", result.Description);
        Assert.DoesNotContain(git.Commands, c => c[0] == "fetch");
    }

    [Fact]
    public void In_a_shallow_clone_of_the_pull_request_the_base_branch_tip_is_fetched()
    {
        var (origin, main, feature) = OriginWithFeatureBranch();
        var clone = _sandbox.File("shallow");
        _sandbox.Run(_sandbox.Path, "clone", "-q", "--depth", "1", "--branch", "feature", new Uri(origin).AbsoluteUri, clone);
        // What actions/checkout leaves: one commit, and no other branch.
        Assert.Equal("true", _sandbox.Run(clone, "rev-parse", "--is-shallow-repository"));
        Assert.Equal(feature, _sandbox.Run(clone, "rev-parse", "HEAD"));
        Assert.False(_sandbox.Git.Run(clone, "rev-parse", "--verify", "--quiet", "refs/remotes/origin/main").Succeeded);
        Assert.False(_sandbox.Git.Run(clone, "cat-file", "-e", main).Succeeded);

        var result = Find(clone, PullRequestIntoMain);

        Assert.Equal(BaselineKind.Found, result.Kind);
        Assert.Equal(("main", main), (result.Text, result.Commit));
        Assert.StartsWith("origin/main (", result.Description);
        Assert.Equal("true", _sandbox.Run(clone, "rev-parse", "--is-shallow-repository"));
    }

    [Fact]
    public void In_a_shallow_clone_an_origin_ref_in_the_property_is_fetched_too()
    {
        var (origin, main, _) = OriginWithFeatureBranch();
        var clone = _sandbox.File("shallow");
        _sandbox.Run(_sandbox.Path, "clone", "-q", "--depth", "1", "--branch", "feature", new Uri(origin).AbsoluteUri, clone);

        var result = Find(clone, Local, "origin/main");

        Assert.Equal(("main", main), (result.Text, result.Commit));
    }

    [Fact]
    public void A_pull_request_base_branch_that_origin_does_not_have_is_an_error_with_the_fix()
    {
        var (origin, _, _) = OriginWithFeatureBranch();
        var clone = _sandbox.File("shallow");
        _sandbox.Run(_sandbox.Path, "clone", "-q", "--depth", "1", "--branch", "feature", new Uri(origin).AbsoluteUri, clone);

        var result = Find(clone, Env(("GITHUB_ACTIONS", "true"), ("GITHUB_BASE_REF", "release")));

        Assert.Equal(BaselineKind.Error, result.Kind);
        Assert.Equal("MLB5019", result.Code);
        Assert.Contains("base branch release could not be fetched", result.Reason);
        Assert.Contains("fetch-depth: 0", result.Reason);
    }

    [Fact]
    public void A_project_reached_through_a_symbolic_link_finds_its_lock_file_in_the_repository()
    {
        var repository = _sandbox.Init("repo");
        _sandbox.Write("repo/" + LockPath, "committed");
        _sandbox.Commit(repository, "first");
        var link = _sandbox.File("link");
        Directory.CreateSymbolicLink(link, repository);

        var result = Find(link, Local);

        Assert.Equal(BaselineKind.Found, result.Kind);
        Assert.Equal("committed", result.Text);
    }
}
