using System.Text.Json;

namespace MlBuild.GitHub.Actions;

/// <summary>
/// The pull request a workflow run is about, read from the event payload at <c>GITHUB_EVENT_PATH</c>
/// (https://docs.github.com/webhooks/webhook-events-and-payloads).
/// </summary>
public sealed record PullRequestEvent
{
    /// <summary>The event that started the run: <c>pull_request</c>, <c>pull_request_target</c> or <c>workflow_run</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>The pull request's number. Null for a <c>workflow_run</c> whose pull request came from a fork:
    /// GitHub leaves <c>workflow_run.pull_requests</c> empty then, which is why the tool takes the number
    /// explicitly (the unprivileged run saves it beside the report).</summary>
    public int? Number { get; init; }

    /// <summary>The commit at the head of the pull request (for <c>workflow_run</c>, the run's head commit).</summary>
    public string? HeadSha { get; init; }

    /// <summary>The pull request's branch.</summary>
    public string? HeadRef { get; init; }

    /// <summary>The commit of the base branch the pull request was compared with.</summary>
    public string? BaseSha { get; init; }

    /// <summary>The branch the pull request merges into.</summary>
    public string? BaseRef { get; init; }

    /// <summary>The head branch lives in another repository: the run's <c>GITHUB_TOKEN</c> is then read-only
    /// (for <c>pull_request</c>), so a comment cannot be posted from it.</summary>
    public bool IsFromFork { get; init; }

    /// <summary>
    /// Reads the payload of the run's event. Returns null with no error for an event that is not about a pull
    /// request (a push, a schedule…), and null with an error that says what is wrong when the payload is missing or
    /// malformed.
    /// </summary>
    public static PullRequestEvent? Read(string? eventName, string? eventPath, out string? error)
    {
        error = null;
        if (!IsPullRequestEvent(eventName))
            return null;
        if (string.IsNullOrEmpty(eventPath))
        {
            error = $"GITHUB_EVENT_PATH is not set, so the {eventName} event's pull request is unknown.";
            return null;
        }
        string json;
        try
        {
            json = File.ReadAllText(eventPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"The event payload '{eventPath}' (GITHUB_EVENT_PATH) cannot be read: {e.Message}";
            return null;
        }
        return Parse(eventName!, json, out error, eventPath);
    }

    /// <summary>Reads a payload given as text; see <see cref="Read"/>. <paramref name="source"/> names it in
    /// errors (the path it was read from).</summary>
    public static PullRequestEvent? Parse(string? eventName, string json, out string? error, string? source = null)
    {
        error = null;
        if (!IsPullRequestEvent(eventName))
            return null;
        var payload = source is null ? "The event payload" : $"The event payload '{source}'";
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var parsed = eventName == "workflow_run" ? FromWorkflowRun(root) : FromPullRequest(eventName!, root);
            if (parsed is null)
                error = eventName == "workflow_run"
                    ? $"{payload} has no 'workflow_run' object."
                    : $"{payload} has no pull request number, which a {eventName} event has.";
            return parsed;
        }
        catch (JsonException e)
        {
            error = $"{payload} is not valid JSON: {e.Message}";
            return null;
        }
    }

    static bool IsPullRequestEvent(string? eventName) =>
        eventName is "pull_request" or "pull_request_target" or "workflow_run";

    static PullRequestEvent? FromPullRequest(string eventName, JsonElement root)
    {
        var pullRequest = Child(root, "pull_request");
        var number = Int(Child(root, "number")) ?? Int(Child(pullRequest, "number"));
        if (number is null)
            return null;
        var head = Child(pullRequest, "head");
        var baseBranch = Child(pullRequest, "base");
        return new PullRequestEvent
        {
            EventName = eventName,
            Number = number,
            HeadSha = Text(Child(head, "sha")),
            HeadRef = Text(Child(head, "ref")),
            BaseSha = Text(Child(baseBranch, "sha")),
            BaseRef = Text(Child(baseBranch, "ref")),
            // A deleted fork leaves head.repo null: still not this repository.
            IsFromFork = !SameRepository(Text(Child(Child(head, "repo"), "full_name")), Text(Child(Child(root, "repository"), "full_name"))),
        };
    }

    static PullRequestEvent? FromWorkflowRun(JsonElement root)
    {
        var run = Child(root, "workflow_run");
        if (run is null)
            return null;
        // GitHub lists the pull requests only when the head branch is in this repository.
        var pullRequests = Child(run, "pull_requests");
        JsonElement? first = pullRequests is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 ? list[0] : null;
        var baseBranch = Child(first, "base");
        var repository = Text(Child(Child(run, "repository"), "full_name")) ?? Text(Child(Child(root, "repository"), "full_name"));
        return new PullRequestEvent
        {
            EventName = "workflow_run",
            Number = Int(Child(first, "number")),
            HeadSha = Text(Child(run, "head_sha")),
            HeadRef = Text(Child(run, "head_branch")),
            BaseSha = Text(Child(baseBranch, "sha")),
            BaseRef = Text(Child(baseBranch, "ref")),
            IsFromFork = !SameRepository(Text(Child(Child(run, "head_repository"), "full_name")), repository),
        };
    }

    static bool SameRepository(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    static JsonElement? Child(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var child) && child.ValueKind != JsonValueKind.Null ? child : null;

    static string? Text(JsonElement? element) => element is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    static int? Int(JsonElement? element) => element is { ValueKind: JsonValueKind.Number } e && e.TryGetInt32(out var value) ? value : null;
}
