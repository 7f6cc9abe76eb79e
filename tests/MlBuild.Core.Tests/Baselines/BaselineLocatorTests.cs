using MlBuild.Core.Baselines;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests.Baselines;

/// <summary>The locator's decisions, with a scripted git: which source wins, and what is asked of git.</summary>
public sealed class BaselineLocatorTests : IDisposable
{
    private readonly TestDirectory _project = new();
    private readonly string _lockFile;

    public BaselineLocatorTests() => _lockFile = _project.Write("mlbuild.lock.json", "{}");

    public void Dispose() => _project.Dispose();

    private static GitResult Ok(string output = "") => new(0, output, "");
    private static GitResult Fails(string error = "fatal: no") => new(128, "", error);

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_baseline_property_naming_an_existing_file_is_that_file_and_git_is_not_asked()
    {
        _project.Write("base/old.lock.json", "{\"models\":{}}");
        var git = new ScriptedGitRunner(_ => throw new InvalidOperationException("git must not run"));

        var result = new BaselineLocator(git, Env()).Find(_lockFile, "base/old.lock.json", _project.Path);

        Assert.Equal(BaselineKind.Found, result.Kind);
        Assert.Equal("{\"models\":{}}", result.Text);
        Assert.Equal("file " + _project.File("base/old.lock.json"), result.Description);
        Assert.Null(result.Commit);
        Assert.Empty(git.Commands);
    }

    [Fact]
    public void Outside_a_repository_there_is_no_baseline_and_that_is_not_an_error()
    {
        var git = new ScriptedGitRunner(_ => Fails("fatal: not a git repository"));

        var result = new BaselineLocator(git, Env()).Find(_lockFile, null, _project.Path);

        Assert.Equal(BaselineKind.None, result.Kind);
        Assert.Equal("none (not a git repository)", result.Description);
    }

    [Fact]
    public void Without_git_on_the_machine_there_is_no_baseline_and_the_reason_says_why()
    {
        var git = new ScriptedGitRunner(_ => new GitResult(-1, "", "git could not be started (No such file); is git installed and on the PATH?"));

        var result = new BaselineLocator(git, Env()).Find(_lockFile, "", _project.Path);

        Assert.Equal(BaselineKind.None, result.Kind);
        Assert.Contains("is git installed", result.Reason);
    }

    [Fact]
    public void In_a_pull_request_without_the_base_branch_it_fetches_just_that_branch_tip()
    {
        var git = new ScriptedGitRunner(args => args switch
        {
            ["rev-parse", "--show-prefix"] => Ok("samples/Iris/\n"),
            ["rev-parse", "--verify", "--quiet", "refs/remotes/origin/main^{commit}"] => Fails(),
            ["fetch", ..] => Ok(),
            ["rev-parse", "--verify", "--quiet", "FETCH_HEAD^{commit}"] => Ok("0123456789abcdef0123456789abcdef01234567\n"),
            ["rev-parse", "--short", _] => Ok("0123456\n"),
            ["cat-file", "-e", _] => Ok(),
            ["show", "0123456789abcdef0123456789abcdef01234567:samples/Iris/mlbuild.lock.json"] => Ok("{\"base\":true}"),
            _ => Fails("unexpected: " + string.Join(' ', args)),
        });

        var result = new BaselineLocator(git, Env(("GITHUB_ACTIONS", "true"), ("GITHUB_BASE_REF", "main"))).Find(_lockFile, null, _project.Path);

        Assert.Equal(BaselineKind.Found, result.Kind);
        Assert.Equal("{\"base\":true}", result.Text);
        Assert.Equal("origin/main (0123456)", result.Description);
        Assert.Equal("0123456", result.ShortCommit);
        Assert.Contains(git.Commands, c => c.SequenceEqual(["fetch", "--depth=1", "--no-tags", "origin", "main"]));
    }

    [Fact]
    public void On_GitHub_outside_a_pull_request_the_baseline_is_HEAD()
    {
        var git = new ScriptedGitRunner(args => args switch
        {
            ["rev-parse", "--show-prefix"] => Ok("\n"),
            ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"] => Ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"),
            ["rev-parse", "--short", _] => Ok("aaaaaaa\n"),
            ["cat-file", "-e", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:mlbuild.lock.json"] => Ok(),
            ["show", _] => Ok("{}"),
            _ => Fails("unexpected: " + string.Join(' ', args)),
        });

        var result = new BaselineLocator(git, Env(("GITHUB_ACTIONS", "true"), ("GITHUB_BASE_REF", ""))).Find(_lockFile, null, _project.Path);

        Assert.Equal("HEAD (aaaaaaa)", result.Description);
        Assert.DoesNotContain(git.Commands, c => c[0] == "fetch");
    }

    [Fact]
    public void A_ref_that_looks_like_an_option_is_refused_without_reaching_git()
    {
        var git = new ScriptedGitRunner(args => args is ["rev-parse", "--show-prefix"] ? Ok("\n") : Ok("should not be asked"));

        var result = new BaselineLocator(git, Env()).Find(_lockFile, "--output=/etc/passwd", _project.Path);

        Assert.Equal(BaselineKind.Error, result.Kind);
        Assert.Equal("MLB5018", result.Code);
        Assert.Single(git.Commands);
    }
}
