using MlBuild.Core.Packaging;

namespace MlBuild.Core.Tests.Packaging;

public sealed class RemoteUrlTests
{
    [Theory]
    [InlineData("https://x-access-token:ghs_SECRET@github.com/octo/models.git", "https://github.com/octo/models.git")]
    [InlineData("https://ghp_SECRET@github.com/octo/models", "https://github.com/octo/models")]
    [InlineData("https://user:p@ss@word@dev.azure.com/org/_git/models", "https://dev.azure.com/org/_git/models")]
    [InlineData("https://gitlab.example.com/team/models.git?private_token=SECRET#frag", "https://gitlab.example.com/team/models.git")]
    [InlineData("http://build:SECRET@10.0.0.5:8080/models.git", "http://10.0.0.5:8080/models.git")]
    [InlineData("ssh://git@github.com/octo/models.git", "ssh://git@github.com/octo/models.git")]
    [InlineData("ssh://git:SECRET@host/models.git", "ssh://host/models.git")]
    [InlineData("git@github.com:octo/models.git", "git@github.com:octo/models.git")]
    [InlineData("https://github.com/octo/models", "https://github.com/octo/models")]
    [InlineData("  https://github.com/octo/models  ", "https://github.com/octo/models")]
    [InlineData("/srv/git/models.git", "/srv/git/models.git")]
    public void Credentials_queries_and_fragments_are_stripped_and_ssh_user_names_kept(string remote, string expected) =>
        Assert.Equal(expected, RemoteUrl.Sanitize(remote));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_remote_is_null(string? remote) => Assert.Null(RemoteUrl.Sanitize(remote));

    [Fact]
    public void No_part_of_a_secret_survives_whatever_the_url_holds()
    {
        foreach (var remote in new[]
        {
            "https://a:SECRET@h/r", "https://SECRET@h/r", "https://a:SE@CRET@h/r", "https://h/r?t=SECRET", "https://h/r#SECRET",
            "https://SECRET:x@h", "git+https://a:SECRET@h/r",
        })
            Assert.DoesNotContain("SECRET", RemoteUrl.Sanitize(remote));
    }
}
