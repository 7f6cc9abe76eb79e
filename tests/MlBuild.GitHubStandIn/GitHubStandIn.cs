using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlBuild.StandIn.Endpoints;
using MlBuild.StandIn.Faults;
using MlBuild.StandIn.Http;
using MlBuild.StandIn.State;

namespace MlBuild.StandIn;

/// <summary>
/// A stand-in for the GitHub REST API on http://127.0.0.1:&lt;free port&gt;/, for tests that drive the real Octokit
/// client, or real builds, against it. Each test starts its own, so tests run in parallel.
/// </summary>
/// <example>
/// <code>
/// await using var github = await GitHubStandIn.StartAsync();
/// github.AddInstallationToken("ghs_test");
/// github.SeedComment("octo/app", 7, "alice", "Looks good");
/// github.Enqueue("POST", "/repos/*/*/issues/*/comments", ScriptedResponse.ServerError(502));
/// // … point GITHUB_API_URL at github.ApiUrl, run, then:
/// var comments = github.Comments("octo/app", 7);
/// var requests = github.Requests;
/// </code>
/// </example>
public sealed class GitHubStandIn : IAsyncDisposable
{
    /// <summary>The login of a workflow's <c>GITHUB_TOKEN</c>.</summary>
    public const string ActionsBot = "github-actions[bot]";

    readonly WebApplication app;
    readonly StandInState state;
    readonly FaultQueue faults;
    readonly RequestLog log;

    GitHubStandIn(WebApplication app, StandInState state, FaultQueue faults, RequestLog log, string origin, string pathBase)
    {
        this.app = app;
        this.state = state;
        this.faults = faults;
        this.log = log;
        ServerUrl = origin;
        ApiUrl = $"{origin}{pathBase}/";
    }

    /// <summary>The API's address with a trailing slash, e.g. <c>http://127.0.0.1:5123/</c>: the value for
    /// <c>GITHUB_API_URL</c>.</summary>
    public string ApiUrl { get; }

    /// <summary>The address of the web pages the comments' <c>html_url</c> point at, without a trailing slash, e.g.
    /// <c>http://127.0.0.1:5123</c>: the value for <c>GITHUB_SERVER_URL</c>.</summary>
    public string ServerUrl { get; }

    /// <summary>Every request answered so far, in order of arrival.</summary>
    public IReadOnlyList<LoggedRequest> Requests => log.Snapshot();

    /// <summary>Scripted responses not given yet.</summary>
    public int PendingFaults => faults.Pending;

    /// <summary>Starts a stand-in on a free port of 127.0.0.1.</summary>
    /// <param name="pathBase">A path the API lives under, such as GitHub Enterprise's <c>/api/v3</c>; requests without
    /// it are still answered, and the request log shows whether it was used.</param>
    public static async Task<GitHubStandIn> StartAsync(string pathBase = "")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();

        var state = new StandInState();
        var faults = new FaultQueue();
        var log = new RequestLog();
        var pipeline = new StandInPipeline(state, faults, log);
        if (pathBase.Length > 0)
            app.UsePathBase(pathBase);
        app.Use(pipeline.InvokeAsync);
        app.UseRouting();
        UserEndpoints.Map(app);
        IssueCommentEndpoints.Map(app, state);
        PullRequestEndpoints.Map(app, state);
        RepositoryContentEndpoints.Map(app, state);
        app.MapFallback(() => GitHubResults.NotFound("https://docs.github.com/rest"));

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GitHubStandIn(app, state, faults, log, address.TrimEnd('/'), pathBase.TrimEnd('/'));
    }

    /// <summary>Accepts a user's token (a personal access token): <c>GET /user</c> answers with
    /// <paramref name="login"/>, and comments it posts are by that login.</summary>
    public void AddUserToken(string token, string login, bool readOnly = false) =>
        state.AddToken(new StandInToken(token, login, TokenKind.User, readOnly));

    /// <summary>Accepts an app installation token, like a workflow's <c>GITHUB_TOKEN</c>: <c>GET /user</c> answers 403,
    /// comments are by <paramref name="login"/>. A read-only one is a fork's: every write answers 403 "Resource not
    /// accessible by integration".</summary>
    public void AddInstallationToken(string token, bool readOnly = false, string login = ActionsBot) =>
        state.AddToken(new StandInToken(token, login, TokenKind.Installation, readOnly));

    /// <summary>Adds a comment to an issue or pull request, as if <paramref name="login"/> had written it at
    /// <paramref name="createdAt"/> (now by default). Ids grow in the order of seeding.</summary>
    public StandInComment SeedComment(string repository, int issueNumber, string login, string body, DateTimeOffset? createdAt = null) =>
        state.AddComment(repository, issueNumber, login, body, createdAt ?? DateTimeOffset.UtcNow);

    /// <summary>The issue's comments now, oldest first.</summary>
    public IReadOnlyList<StandInComment> Comments(string repository, int issueNumber) => state.CommentsOf(repository, issueNumber);

    /// <summary>Adds a pull request (for <c>GET /repos/{owner}/{repo}/pulls/{number}</c>). The head lives in
    /// <paramref name="headRepository"/>, another repository for a fork's pull request.</summary>
    public StandInPullRequest SeedPullRequest(string repository, int number, string headSha, string baseSha,
        string baseRef = "main", string headRef = "feature", string? headRepository = null)
    {
        var pull = new StandInPullRequest(repository, number, headRef, headSha, baseRef, baseSha, headRepository ?? repository);
        state.AddPullRequest(pull);
        return pull;
    }

    /// <summary>Commits files on a branch (its parent is the branch's previous commit); their contents are then served
    /// at the branch, at this commit's sha and at later commits, and the commit is listed by <c>/commits</c>.</summary>
    public StandInCommit SeedCommit(string repository, string branch, string message, IReadOnlyDictionary<string, string> files,
        DateTimeOffset? date = null) =>
        state.AddCommit(repository, branch, message, files, date ?? DateTimeOffset.UtcNow);

    /// <summary>Commits one file on a branch: see <see cref="SeedCommit"/>.</summary>
    public StandInCommit SeedFile(string repository, string path, string content, string branch = "main", DateTimeOffset? date = null,
        string? message = null) =>
        SeedCommit(repository, branch, message ?? $"Update {path}", new Dictionary<string, string> { [path] = content }, date);

    /// <summary>Answers the next request that matches with <paramref name="response"/> instead, once. Queued responses
    /// are given in order.</summary>
    /// <param name="method">GET, POST, PATCH, DELETE, or <c>*</c>.</param>
    /// <param name="pathPattern">The path, where <c>*</c> stands for one segment and <c>**</c> for any rest, e.g.
    /// <c>/repos/*/*/issues/*/comments</c>.</param>
    /// <param name="response">See <see cref="ScriptedResponse"/>'s factories for GitHub's real errors.</param>
    public void Enqueue(string method, string pathPattern, ScriptedResponse response) => faults.Enqueue(method, pathPattern, response);

    /// <summary>Forgets the requests logged so far.</summary>
    public void ClearRequests() => log.Clear();

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
