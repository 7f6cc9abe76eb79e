using MlBuild.Core.Baselines;
using MlBuild.Core.Packaging;
using MlBuild.Core.Tests.Baselines;

namespace MlBuild.Core.Tests.Packaging;

public sealed class GitLineageReaderTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static GitResult Ok(string output) => new(0, output, "");

    [Fact]
    public void Head_the_dirty_flag_the_remote_without_credentials_and_the_project_path_are_read()
    {
        var git = new ScriptedGitRunner(arguments => arguments switch
        {
            ["rev-parse", "--show-prefix"] => Ok("samples/Iris/\n"),
            ["rev-parse", "--verify", "--quiet", "HEAD"] => Ok(Sha + "\n"),
            ["status", "--porcelain"] => Ok(" M data/train.tsv\n"),
            ["remote"] => Ok("upstream\norigin\n"),
            ["remote", "get-url", "origin"] => Ok("https://bot:SECRET@github.com/octo/models.git\n"),
            _ => new GitResult(1, "", "unexpected"),
        });

        var result = new GitLineageReader(git).Read("/repo/samples/Iris/Iris.csproj");

        Assert.Equal("samples/Iris/Iris.csproj", result.ProjectPathInRepository);
        Assert.Equal(Sha, result.Git!.Commit);
        Assert.True(result.Git.Dirty);
        Assert.Equal("https://github.com/octo/models.git", result.Git.Remote);
    }

    [Fact]
    public void A_clean_tree_without_remotes_has_no_remote()
    {
        var git = new ScriptedGitRunner(arguments => arguments switch
        {
            ["rev-parse", "--show-prefix"] => Ok("\n"),
            ["rev-parse", "--verify", "--quiet", "HEAD"] => Ok(Sha),
            ["status", "--porcelain"] => Ok(""),
            ["remote"] => Ok(""),
            _ => new GitResult(1, "", "unexpected"),
        });

        var result = new GitLineageReader(git).Read("/repo/Iris.csproj");

        Assert.Equal("Iris.csproj", result.ProjectPathInRepository);
        Assert.False(result.Git!.Dirty);
        Assert.Null(result.Git.Remote);
    }

    [Fact]
    public void Outside_a_repository_there_is_no_git_lineage()
    {
        var git = new ScriptedGitRunner(_ => new GitResult(128, "", "fatal: not a git repository"));

        var result = new GitLineageReader(git).Read("/somewhere/Iris.csproj");

        Assert.Null(result.Git);
        Assert.Null(result.ProjectPathInRepository);
    }
}
