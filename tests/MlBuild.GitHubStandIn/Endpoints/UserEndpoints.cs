using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlBuild.StandIn.Http;
using MlBuild.StandIn.State;

namespace MlBuild.StandIn.Endpoints;

/// <summary><c>GET /user</c>: who the token is. An installation token (a workflow's <c>GITHUB_TOKEN</c>) is refused
/// with the 403 GitHub gives it.</summary>
internal static class UserEndpoints
{
    const string Docs = "https://docs.github.com/rest/users/users#get-the-authenticated-user";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/user", (HttpContext context) => context.Token() is { Kind: TokenKind.Installation }
            ? GitHubResults.NotAccessibleByIntegration(Docs)
            : GitHubResults.Json(context.Shapes().User(context.Token().Login)));
}
