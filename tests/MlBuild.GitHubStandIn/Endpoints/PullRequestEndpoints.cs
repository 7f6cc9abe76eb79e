using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlBuild.StandIn.Http;
using MlBuild.StandIn.State;

namespace MlBuild.StandIn.Endpoints;

/// <summary><c>GET /repos/{owner}/{repo}/pulls/{number}</c>: a pull request's head and base.</summary>
internal static class PullRequestEndpoints
{
    const string Docs = "https://docs.github.com/rest/pulls/pulls#get-a-pull-request";

    public static void Map(IEndpointRouteBuilder app, StandInState state) =>
        app.MapGet("/repos/{owner}/{repo}/pulls/{number:int}", (HttpContext context, string owner, string repo, int number) =>
            state.PullRequest($"{owner}/{repo}", number) is { } pull
                ? GitHubResults.Json(context.Shapes().PullRequest(pull, state.RepositoryId(pull.Repository)))
                : GitHubResults.NotFound(Docs));
}
