using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlBuild.StandIn.Http;
using MlBuild.StandIn.State;

namespace MlBuild.StandIn.Endpoints;

/// <summary>
/// Issue comments (https://docs.github.com/rest/issues/comments), which are also a pull request's conversation:
/// listed oldest first with paging, created, read, updated and deleted.
/// </summary>
internal static class IssueCommentEndpoints
{
    const string Docs = "https://docs.github.com/rest/issues/comments";
    const int MaxBodyLength = 65536;

    public static void Map(IEndpointRouteBuilder app, StandInState state)
    {
        // GitHub's Link headers point at /repositories/{id}/…, so the next pages are asked for there.
        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments",
            (HttpContext context, string owner, string repo, int number) => List(context, state, $"{owner}/{repo}", number));
        app.MapGet("/repositories/{id:long}/issues/{number:int}/comments",
            (HttpContext context, long id, int number) => state.RepositoryById(id) is { } repository
                ? List(context, state, repository, number)
                : GitHubResults.NotFound(Docs + "#list-issue-comments"));

        app.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext context, string owner, string repo, int number) =>
        {
            const string docs = Docs + "#create-an-issue-comment";
            if (context.Token().ReadOnly)
                return GitHubResults.NotAccessibleByIntegration(docs);
            if (ReadBody(context, docs, out var error) is not { } body)
                return error!;
            var comment = state.AddComment($"{owner}/{repo}", number, context.Token().Login, body, Now());
            var json = context.Shapes().Comment(comment);
            context.Response.Headers.Location = json["url"]!.GetValue<string>();
            return GitHubResults.Json(json, 201);
        });

        app.MapGet("/repos/{owner}/{repo}/issues/comments/{id:long}", (HttpContext context, string owner, string repo, long id) =>
            state.Comment($"{owner}/{repo}", id) is { } comment
                ? GitHubResults.Json(context.Shapes().Comment(comment))
                : GitHubResults.NotFound(Docs + "#get-an-issue-comment"));

        app.MapPatch("/repos/{owner}/{repo}/issues/comments/{id:long}", (HttpContext context, string owner, string repo, long id) =>
        {
            const string docs = Docs + "#update-an-issue-comment";
            if (state.Comment($"{owner}/{repo}", id) is null)
                return GitHubResults.NotFound(docs);
            if (context.Token().ReadOnly)
                return GitHubResults.NotAccessibleByIntegration(docs);
            if (ReadBody(context, docs, out var error) is not { } body)
                return error!;
            return state.UpdateComment($"{owner}/{repo}", id, body, Now()) is { } updated
                ? GitHubResults.Json(context.Shapes().Comment(updated))
                : GitHubResults.NotFound(docs);
        });

        app.MapDelete("/repos/{owner}/{repo}/issues/comments/{id:long}", (HttpContext context, string owner, string repo, long id) =>
        {
            const string docs = Docs + "#delete-an-issue-comment";
            if (state.Comment($"{owner}/{repo}", id) is null)
                return GitHubResults.NotFound(docs);
            if (context.Token().ReadOnly)
                return GitHubResults.NotAccessibleByIntegration(docs);
            return state.DeleteComment($"{owner}/{repo}", id) ? Results.NoContent() : GitHubResults.NotFound(docs);
        });
    }

    static IResult List(HttpContext context, StandInState state, string repository, int number)
    {
        var shapes = context.Shapes();
        var linkBase = $"{shapes.ApiRoot}/repositories/{state.RepositoryId(repository)}/issues/{number}/comments";
        var page = Pagination.Page(context, state.CommentsOf(repository, number), linkBase);
        return GitHubResults.Json(new JsonArray([.. page.Select(shapes.Comment)]));
    }

    // Octokit sends JSON with the content type application/x-www-form-urlencoded, and GitHub reads it as JSON
    // whatever the content type says: so does the stand-in.
    static string? ReadBody(HttpContext context, string docs, out IResult? error)
    {
        error = null;
        string? body = null;
        try
        {
            if (JsonNode.Parse(context.Body() ?? "") is JsonObject json && json["body"] is JsonValue value && value.TryGetValue<string>(out var text))
                body = text;
        }
        catch (JsonException)
        {
            error = GitHubResults.Error(400, "Problems parsing JSON", docs);
            return null;
        }
        if (body is null)
        {
            error = GitHubResults.Error(422, "Invalid request.\n\n\"body\" wasn't supplied.", docs);
            return null;
        }
        if (body.Length > MaxBodyLength)
        {
            var validation = GitHubResults.ErrorBody(422, "Validation Failed", docs);
            validation["errors"] = new JsonArray(new JsonObject
            {
                ["resource"] = "IssueComment",
                ["code"] = "custom",
                ["field"] = "body",
                ["message"] = $"body is too long (maximum is {MaxBodyLength} characters)",
            });
            error = GitHubResults.Json(validation, 422);
            return null;
        }
        return body;
    }

    // GitHub's timestamps are whole seconds.
    static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }
}
