using Microsoft.AspNetCore.Http;
using MlBuild.StandIn.State;

namespace MlBuild.StandIn.Http;

/// <summary>What the pipeline learnt about a request, for the endpoints.</summary>
internal static class RequestItems
{
    const string BodyKey = "standin.body";
    const string TokenKey = "standin.token";

    public static void SetBody(this HttpContext context, string? body) => context.Items[BodyKey] = body;

    /// <summary>The request's body as text, read once by the pipeline (so that the log has it too).</summary>
    public static string? Body(this HttpContext context) => context.Items[BodyKey] as string;

    public static void SetToken(this HttpContext context, StandInToken token) => context.Items[TokenKey] = token;

    /// <summary>The authenticated token (every endpoint runs after authentication).</summary>
    public static StandInToken Token(this HttpContext context) => (StandInToken)context.Items[TokenKey]!;

    public static GitHubShapes Shapes(this HttpContext context)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        return new GitHubShapes(origin + context.Request.PathBase, origin);
    }
}
