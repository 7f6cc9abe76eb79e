using MlBuild.GitHub.Comments;

namespace MlBuild.GitHub.Tests.Comments;

/// <summary>The sync's comparison; the sync itself runs against the stand-in in Publishing/CommentSyncTests.</summary>
public sealed class PullRequestCommentSyncTests
{
    [Theory]
    [InlineData("a\r\nb  \r\n", "a\nb", true)]
    [InlineData("a\nb\n\n", "a\nb", true)]
    [InlineData("a\nb", "a\nc", false)]
    [InlineData("  a", "a", false)]
    public void Bodies_are_compared_without_line_endings_and_trailing_whitespace(string stored, string body, bool same) =>
        Assert.Equal(same, PullRequestCommentSync.SameText(stored, body));
}
