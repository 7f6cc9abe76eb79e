using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MlBuild.StandIn.State;

namespace MlBuild.StandIn.Http;

/// <summary>
/// The JSON of GitHub's objects (users, comments, pull requests, contents, commits), with the fields GitHub sends
/// and Octokit reads. Addresses are absolute, under the stand-in's own address.
/// </summary>
/// <param name="ApiRoot">The API's address without a trailing slash, e.g. <c>http://127.0.0.1:5123</c>.</param>
/// <param name="HtmlRoot">The web pages' address, for <c>html_url</c>.</param>
internal sealed record GitHubShapes(string ApiRoot, string HtmlRoot)
{
    /// <summary>github-actions[bot]'s real id.</summary>
    const long ActionsBotId = 41898282;

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public JsonObject User(string login)
    {
        var bot = login.EndsWith("[bot]", StringComparison.Ordinal);
        var id = login == "github-actions[bot]" ? ActionsBotId : StableId(login);
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = id,
            ["node_id"] = (bot ? "BOT_" : "U_") + Base64(id),
            ["avatar_url"] = $"{HtmlRoot}/avatars/u/{id}?v=4",
            ["url"] = $"{ApiRoot}/users/{Uri.EscapeDataString(login)}",
            ["html_url"] = bot ? $"{HtmlRoot}/apps/{login[..^"[bot]".Length]}" : $"{HtmlRoot}/{login}",
            ["type"] = bot ? "Bot" : "User",
            ["site_admin"] = false,
        };
    }

    public JsonObject Comment(StandInComment comment) => new()
    {
        ["url"] = $"{ApiRoot}/repos/{comment.Repository}/issues/comments/{comment.Id}",
        ["html_url"] = $"{HtmlRoot}/{comment.Repository}/pull/{comment.IssueNumber}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{ApiRoot}/repos/{comment.Repository}/issues/{comment.IssueNumber}",
        ["id"] = comment.Id,
        ["node_id"] = "IC_kwDO" + Base64(comment.Id),
        ["user"] = User(comment.Login),
        ["created_at"] = Timestamp(comment.CreatedAt),
        ["updated_at"] = Timestamp(comment.UpdatedAt),
        ["author_association"] = comment.Login.EndsWith("[bot]", StringComparison.Ordinal) ? "NONE" : "CONTRIBUTOR",
        ["body"] = comment.Body,
        ["reactions"] = new JsonObject
        {
            ["url"] = $"{ApiRoot}/repos/{comment.Repository}/issues/comments/{comment.Id}/reactions",
            ["total_count"] = 0, ["+1"] = 0, ["-1"] = 0, ["laugh"] = 0, ["hooray"] = 0,
            ["confused"] = 0, ["heart"] = 0, ["rocket"] = 0, ["eyes"] = 0,
        },
        ["performed_via_github_app"] = null,
    };

    public JsonObject PullRequest(StandInPullRequest pull, long repositoryId)
    {
        JsonObject Branch(string repository, string reference, string sha) => new()
        {
            ["label"] = $"{repository.Split('/')[0]}:{reference}",
            ["ref"] = reference,
            ["sha"] = sha,
            ["user"] = User(repository.Split('/')[0]),
            ["repo"] = new JsonObject
            {
                ["id"] = repository == pull.Repository ? repositoryId : StableId(repository),
                ["name"] = repository.Split('/')[1],
                ["full_name"] = repository,
                ["fork"] = repository != pull.Repository,
                ["url"] = $"{ApiRoot}/repos/{repository}",
                ["html_url"] = $"{HtmlRoot}/{repository}",
            },
        };

        return new JsonObject
        {
            ["url"] = $"{ApiRoot}/repos/{pull.Repository}/pulls/{pull.Number}",
            ["id"] = 1_500_000_000L + pull.Number,
            ["node_id"] = "PR_kwDO" + Base64(pull.Number),
            ["html_url"] = $"{HtmlRoot}/{pull.Repository}/pull/{pull.Number}",
            ["number"] = pull.Number,
            ["state"] = "open",
            ["title"] = $"Pull request {pull.Number}",
            ["user"] = User(pull.HeadRepository.Split('/')[0]),
            ["created_at"] = Timestamp(DateTimeOffset.UnixEpoch.AddYears(54)),
            ["updated_at"] = Timestamp(DateTimeOffset.UnixEpoch.AddYears(54)),
            ["head"] = Branch(pull.HeadRepository, pull.HeadRef, pull.HeadSha),
            ["base"] = Branch(pull.Repository, pull.BaseRef, pull.BaseSha),
        };
    }

    public JsonObject Content(string repository, string path, string reference, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        // Git's blob id; GitHub wraps the base64 at 60 characters, as here.
        var sha = Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"), .. bytes]));
        var base64 = Convert.ToBase64String(bytes);
        var wrapped = string.Concat(base64.Chunk(60).Select(line => new string(line) + "\n"));
        var query = "?ref=" + Uri.EscapeDataString(reference);
        return new JsonObject
        {
            ["type"] = "file",
            ["encoding"] = "base64",
            ["size"] = bytes.Length,
            ["name"] = path.Split('/')[^1],
            ["path"] = path,
            ["content"] = wrapped,
            ["sha"] = sha,
            ["url"] = $"{ApiRoot}/repos/{repository}/contents/{path}{query}",
            ["git_url"] = $"{ApiRoot}/repos/{repository}/git/blobs/{sha}",
            ["html_url"] = $"{HtmlRoot}/{repository}/blob/{reference}/{path}",
            ["download_url"] = $"{HtmlRoot}/raw/{repository}/{reference}/{path}",
        };
    }

    public JsonObject Commit(string repository, StandInCommit commit)
    {
        JsonObject Person() => new() { ["name"] = "MlBuild Tests", ["email"] = "tests@example.com", ["date"] = Timestamp(commit.Date) };
        return new JsonObject
        {
            ["sha"] = commit.Sha,
            ["node_id"] = "C_kwDO" + commit.Sha[..20],
            ["commit"] = new JsonObject
            {
                ["author"] = Person(),
                ["committer"] = Person(),
                ["message"] = commit.Message,
                ["url"] = $"{ApiRoot}/repos/{repository}/git/commits/{commit.Sha}",
            },
            ["url"] = $"{ApiRoot}/repos/{repository}/commits/{commit.Sha}",
            ["html_url"] = $"{HtmlRoot}/{repository}/commit/{commit.Sha}",
            ["parents"] = commit.ParentSha is { } parent
                ? new JsonArray(new JsonObject { ["sha"] = parent, ["url"] = $"{ApiRoot}/repos/{repository}/commits/{parent}" })
                : new JsonArray(),
        };
    }

    static long StableId(string name) =>
        1000 + (long)(BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(name.ToLowerInvariant()))) % 90_000_000);

    static string Base64(long value) => Convert.ToBase64String(BitConverter.GetBytes(value)).TrimEnd('=');
}
