using System.Globalization;
using System.Text.RegularExpressions;
using MlBuild.Core.Baselines;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Reporting;
using MlBuild.Core.Tests.Reporting;

namespace MlBuild.Core.Tests.Baselines;

/// <summary>The lock file's history from real temporary repositories, clones and shallow clones.</summary>
public sealed class LockFileHistoryTests : IDisposable
{
    private const string LockPath = "samples/Iris/mlbuild.lock.json";
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string LockFile(params (string Model, double MacroAccuracy)[] models) =>
        "{\"version\": 1, \"models\": {" + string.Join(", ", models.Select(m =>
            $"\"{m.Model}\": {{\"task\": \"MulticlassClassification\", \"fingerprint\": \"fp-{m.MacroAccuracy.ToString(CultureInfo.InvariantCulture)}\", " +
            $"\"metrics\": {{\"MacroAccuracy\": {m.MacroAccuracy.ToString(CultureInfo.InvariantCulture)}}}}}")) + "}}";

    private string CommitLock(string repository, string content, string message)
    {
        _sandbox.Write(Path.Combine(Path.GetFileName(repository), LockPath), content);
        _sandbox.Commit(repository, message);
        return _sandbox.Run(repository, "rev-parse", "HEAD");
    }

    /// <summary>Four commits of the lock file, with a commit that does not touch it in between.</summary>
    private (string Repository, string[] Commits) FourVersions()
    {
        var repository = _sandbox.Init("repo");
        var first = CommitLock(repository, LockFile(("Iris", 0.80)), "first");
        _sandbox.Write("repo/README.md", "unrelated");
        _sandbox.Commit(repository, "readme");
        var second = CommitLock(repository, LockFile(("Iris", 0.85)), "second");
        var third = CommitLock(repository, LockFile(("Iris", 0.83), ("Other", 0.5)), "third");
        var fourth = CommitLock(repository, LockFile(("Iris", 0.90), ("Other", 0.5)), "fourth");
        return (repository, [first, second, third, fourth]);
    }

    private LockFileHistory Read(string repository, string commit, int length = LockFileHistory.DefaultLength) =>
        LockFileHistory.Read(_sandbox.Git, Path.Combine(repository, LockPath), commit, length);

    private static double MacroAccuracy(LockFileVersion version, string model = "Iris") =>
        version.Models[model].Metrics()["MacroAccuracy"];

    [Fact]
    public void The_versions_of_the_lock_file_come_oldest_first_with_their_commits()
    {
        var (repository, commits) = FourVersions();

        var history = Read(repository, commits[^1]);

        Assert.Equal(commits, history.Versions.Select(v => v.Commit));
        Assert.Equal([0.80, 0.85, 0.83, 0.90], history.Versions.Select(v => MacroAccuracy(v)));
        Assert.Equal(_sandbox.Run(repository, "rev-parse", "--short", commits[0]), history.Versions[0].ShortCommit);
        Assert.Equal(0.5, MacroAccuracy(history.Versions[2], "Other"));
        Assert.Null(history.Note);
    }

    [Fact]
    public void The_history_ends_at_the_baseline_commit_and_keeps_the_last_versions()
    {
        var (repository, commits) = FourVersions();

        Assert.Equal(commits[..2], Read(repository, commits[1]).Versions.Select(v => v.Commit));
        Assert.Equal(commits[2..], Read(repository, commits[^1], length: 2).Versions.Select(v => v.Commit));
    }

    [Fact]
    public void Only_the_branch_own_commits_count_not_those_of_a_merged_branch()
    {
        var (repository, commits) = FourVersions();
        _sandbox.Run(repository, "checkout", "-q", "-b", "feature");
        var feature = CommitLock(repository, LockFile(("Iris", 0.95)), "feature");
        _sandbox.Run(repository, "checkout", "-q", "main");
        _sandbox.Run(repository, "merge", "-q", "--no-ff", "-m", "merge feature", "feature");
        var merge = _sandbox.Run(repository, "rev-parse", "HEAD");

        var history = Read(repository, merge);

        Assert.Equal([.. commits, merge], history.Versions.Select(v => v.Commit));
        Assert.DoesNotContain(feature, history.Versions.Select(v => v.Commit));
        Assert.Equal(0.95, MacroAccuracy(history.Versions[^1]));
    }

    [Fact]
    public void A_version_that_is_not_valid_json_is_skipped()
    {
        var (repository, commits) = FourVersions();
        var broken = CommitLock(repository, "<<<<<<< HEAD\n{", "a committed merge conflict");
        var fixedAgain = CommitLock(repository, LockFile(("Iris", 0.91)), "fixed");

        var history = Read(repository, fixedAgain);

        Assert.Equal([.. commits, fixedAgain], history.Versions.Select(v => v.Commit));
        Assert.DoesNotContain(broken, history.Versions.Select(v => v.Commit));
    }

    [Fact]
    public void A_shallow_clone_has_only_its_one_commit_and_says_why()
    {
        var (origin, commits) = FourVersions();
        _sandbox.Run(_sandbox.Path, "clone", "-q", "--depth", "1", new Uri(origin).AbsoluteUri, "shallow");
        var shallow = _sandbox.File("shallow");

        var history = Read(shallow, commits[^1]);

        Assert.Equal([commits[^1]], history.Versions.Select(v => v.Commit));
        Assert.Equal(0.90, MacroAccuracy(history.Versions[0]));
        Assert.Contains("shallow", history.Note);
    }

    [Fact]
    public void In_a_pull_request_checkout_the_base_branch_fetched_by_the_locator_gives_its_one_commit()
    {
        var (origin, commits) = FourVersions();
        _sandbox.Run(origin, "checkout", "-q", "-b", "feature");
        CommitLock(origin, LockFile(("Iris", 0.95)), "feature");
        _sandbox.Run(_sandbox.Path, "clone", "-q", "--depth", "1", "--branch", "feature", new Uri(origin).AbsoluteUri, "checkout");
        var project = Path.Combine(_sandbox.File("checkout"), "samples", "Iris");
        var baseline = new BaselineLocator(_sandbox.Git, name => name switch { "GITHUB_ACTIONS" => "true", "GITHUB_BASE_REF" => "main", _ => null })
            .Find(Path.Combine(project, "mlbuild.lock.json"), null, project);

        var history = LockFileHistory.Read(_sandbox.Git, Path.Combine(project, "mlbuild.lock.json"), baseline.Commit!);

        Assert.Equal(commits[^1], baseline.Commit);
        Assert.Equal([commits[^1]], history.Versions.Select(v => v.Commit));
        Assert.Equal(0.90, MacroAccuracy(history.Versions[0]));
        Assert.Contains("shallow", history.Note);
    }

    [Fact]
    public void A_shallow_clone_gives_a_chart_of_the_baseline_and_the_candidate()
    {
        var (origin, commits) = FourVersions();
        _sandbox.Run(_sandbox.Path, "clone", "-q", "--depth", "1", new Uri(origin).AbsoluteUri, "shallow");
        var project = Path.Combine(_sandbox.File("shallow"), "samples", "Iris");
        var context = new ReportContextReader(_sandbox.Git, _ => null)
            .Read(Path.Combine(project, "Iris.csproj"), Path.Combine(project, "mlbuild.lock.json"), commits[^1], LockFileHistory.DefaultLength);

        var markdown = MarkdownReport.Render(ReportFixtures.Report("HEAD", commits[^1], context));

        Assert.Contains($"    x-axis [\"{commits[^1][..7]}\", \"candidate\"]\n    y-axis", markdown);
        Assert.Contains("    line [0.9, 0.871]\n", markdown);
        Assert.Contains("<sub>History charts: 1 commit of history, as the clone is shallow", markdown);
    }

    [Fact]
    public void A_report_charts_the_primary_metric_of_each_commit_then_the_candidate()
    {
        var (repository, commits) = FourVersions();
        var project = Path.Combine(repository, "samples", "Iris");
        var context = new ReportContextReader(_sandbox.Git, _ => null)
            .Read(Path.Combine(project, "Iris.csproj"), Path.Combine(project, "mlbuild.lock.json"), commits[^1], LockFileHistory.DefaultLength);

        var markdown = MarkdownReport.Render(ReportFixtures.Report("HEAD", commits[^1], context));

        var labels = string.Join(", ", commits.Select(c => $"\"{_sandbox.Run(repository, "rev-parse", "--short", c)}\""));
        Assert.Contains($"    x-axis [{labels}, \"candidate\"]\n", markdown);
        Assert.Contains("    line [0.8, 0.85, 0.83, 0.9, 0.871]\n", markdown);
        Assert.Contains("📈 MacroAccuracy: 4 commits up to HEAD, then the candidate: 0.8000 → 0.8500 → 0.8300 → 0.9000 → 0.8710", markdown);
        MermaidChartTests.AssertWellFormed(Regex.Match(markdown, "```mermaid\n.*?```\n", RegexOptions.Singleline).Value);
    }

    [Fact]
    public void Outside_a_repository_or_from_an_unknown_commit_there_is_no_history_and_no_exception()
    {
        _sandbox.Write("plain/" + LockPath, LockFile(("Iris", 0.8)));
        var outside = Read(_sandbox.File("plain"), new string('a', 40));
        Assert.Empty(outside.Versions);
        Assert.Contains("not in a git repository", outside.Note);

        var (repository, _) = FourVersions();
        var unknown = Read(repository, new string('a', 40));
        Assert.Empty(unknown.Versions);
        Assert.StartsWith("git log failed", unknown.Note);

        Assert.Empty(Read(repository, "--output=/tmp/x").Versions);
    }
}
