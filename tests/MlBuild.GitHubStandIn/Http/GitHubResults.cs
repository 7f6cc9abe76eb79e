using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MlBuild.StandIn.Http;

/// <summary>Answers as GitHub writes them: JSON as <c>application/json; charset=utf-8</c> (Octokit reads a body only
/// when the media type is exactly application/json), and errors as <c>{message, documentation_url, status}</c>.</summary>
internal static class GitHubResults
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Text(body.ToJsonString(), JsonContentType, statusCode: status);

    public static IResult Error(int status, string message, string documentationUrl) =>
        Json(ErrorBody(status, message, documentationUrl), status);

    public static JsonObject ErrorBody(int status, string message, string documentationUrl) => new()
    {
        ["message"] = message,
        ["documentation_url"] = documentationUrl,
        ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static IResult NotFound(string documentationUrl) => Error(404, "Not Found", documentationUrl);

    /// <summary>What GitHub answers a fork's <c>GITHUB_TOKEN</c> that tries to write.</summary>
    public static IResult NotAccessibleByIntegration(string documentationUrl) =>
        Error(403, "Resource not accessible by integration", documentationUrl);
}
