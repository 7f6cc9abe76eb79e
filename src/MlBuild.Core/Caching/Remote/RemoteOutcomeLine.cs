using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlBuild.Core.Caching.Remote;

/// <summary>
/// A <see cref="RemoteOutcome"/> as one line of the mlbuild tool's output (<c>mlbuild cache fetch|push --outcomes</c>),
/// for the task that ran it: the tool talks to S3 and Azure, the build decides what to do with the answer.
/// </summary>
internal static class RemoteOutcomeLine
{
    private const string Prefix = "mlbuild-remote-outcome: ";

    public static string Format(RemoteOutcome outcome)
    {
        var json = new JsonObject
        {
            ["fingerprint"] = outcome.Fingerprint,
            ["fetched"] = outcome.Fetched?.ToString(),
            ["pushed"] = outcome.Pushed?.ToString(),
            ["skipped"] = outcome.Skipped,
        };
        if (outcome.Fault is { } fault)
            json["fault"] = new JsonObject { ["kind"] = fault.Fault.ToString(), ["message"] = fault.Message };
        return Prefix + json.ToJsonString();
    }

    public static bool TryParse(string line, out RemoteOutcome? outcome)
    {
        outcome = null;
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        try
        {
            if (JsonNode.Parse(line.AsSpan(Prefix.Length).ToString()) is not JsonObject json
                || (string?)json["fingerprint"] is not { } fingerprint)
                return false;
            var fault = json["fault"] is JsonObject f && Enum.TryParse<RemoteFault>((string?)f["kind"], out var kind)
                ? new RemoteCacheException(kind, (string?)f["message"] ?? kind.ToString())
                : null;
            outcome = new RemoteOutcome(fingerprint,
                Enum.TryParse<RemoteFetchResult>((string?)json["fetched"], out var fetched) ? fetched : null,
                Enum.TryParse<RemotePushResult>((string?)json["pushed"], out var pushed) ? pushed : null,
                fault, (bool?)json["skipped"] ?? false);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
