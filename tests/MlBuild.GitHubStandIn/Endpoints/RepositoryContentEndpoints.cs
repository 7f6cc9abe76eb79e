using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlBuild.StandIn.Http;
using MlBuild.StandIn.State;

namespace MlBuild.StandIn.Endpoints;

/// <summary>
/// A file's contents at a ref, and the commits that changed a path: what reading a lock file's history through the
/// API needs (https://docs.github.com/rest/repos/contents, https://docs.github.com/rest/commits/commits).
/// </summary>
internal static class RepositoryContentEndpoints
{
    const string ContentsDocs = "https://docs.github.com/rest/repos/contents#get-repository-content";
    const string CommitsDocs = "https://docs.github.com/rest/commits/commits#list-commits";
    const string DefaultBranch = "main";

    public static void Map(IEndpointRouteBuilder app, StandInState state)
    {
        app.MapGet("/repos/{owner}/{repo}/contents/{**path}", (HttpContext context, string owner, string repo, string path) =>
        {
            var repository = $"{owner}/{repo}";
            var reference = context.Request.Query["ref"].ToString() is { Length: > 0 } given ? given : DefaultBranch;
            if (state.Resolve(repository, reference) is not { } head)
                return GitHubResults.Error(404, $"No commit found for the ref {reference}", ContentsDocs);
            var text = state.History(repository, head).Select(c => c.Files.GetValueOrDefault(path)).FirstOrDefault(t => t is not null);
            return text is null
                ? GitHubResults.NotFound(ContentsDocs)
                : GitHubResults.Json(context.Shapes().Content(repository, path, reference, text));
        });

        app.MapGet("/repos/{owner}/{repo}/commits", (HttpContext context, string owner, string repo) =>
            Commits(context, state, $"{owner}/{repo}"));
        app.MapGet("/repositories/{id:long}/commits", (HttpContext context, long id) =>
            state.RepositoryById(id) is { } repository ? Commits(context, state, repository) : GitHubResults.NotFound(CommitsDocs));
    }

    static IResult Commits(HttpContext context, StandInState state, string repository)
    {
        var sha = context.Request.Query["sha"].ToString();
        var path = context.Request.Query["path"].ToString();
        if (state.Resolve(repository, sha is { Length: > 0 } ? sha : DefaultBranch) is not { } head)
            return GitHubResults.Error(404, $"No commit found for SHA: {sha}", CommitsDocs);
        var history = state.History(repository, head)
            .Where(c => path.Length == 0 || c.Files.ContainsKey(path))
            .ToList();
        var shapes = context.Shapes();
        var linkBase = $"{shapes.ApiRoot}/repositories/{state.RepositoryId(repository)}/commits";
        var page = Pagination.Page(context, history, linkBase, ("sha", sha), ("path", path));
        return GitHubResults.Json(new JsonArray([.. page.Select(c => shapes.Commit(repository, c))]));
    }
}
