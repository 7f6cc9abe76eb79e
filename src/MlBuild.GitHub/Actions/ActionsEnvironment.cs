namespace MlBuild.GitHub.Actions;

/// <summary>
/// The variables a GitHub Actions runner sets for a step
/// (https://docs.github.com/actions/reference/variables-reference), read through a lookup so that tests and
/// MSBuild (whose environment is the build's, not the process's) can pass their own.
/// </summary>
/// <remarks>
/// The token is deliberately not here: a record prints every property in <c>ToString()</c>, and a token must
/// never reach a log.
/// </remarks>
public sealed record ActionsEnvironment
{
    /// <summary>GitHub.com's REST API, used when <c>GITHUB_API_URL</c> is not set.</summary>
    public const string DefaultApiUrl = "https://api.github.com/";

    /// <summary>GitHub.com, used when <c>GITHUB_SERVER_URL</c> is not set.</summary>
    public const string DefaultServerUrl = "https://github.com";

    /// <summary><c>GITHUB_ACTIONS</c> is <c>true</c>: this is a step of a workflow run.</summary>
    public bool IsActions { get; init; }

    /// <summary><c>GITHUB_EVENT_NAME</c>: <c>pull_request</c>, <c>pull_request_target</c>, <c>workflow_run</c>…</summary>
    public string? EventName { get; init; }

    /// <summary><c>GITHUB_EVENT_PATH</c>: the JSON payload of the event that started the run.</summary>
    public string? EventPath { get; init; }

    /// <summary><c>GITHUB_REPOSITORY</c>: <c>owner/name</c>.</summary>
    public string? Repository { get; init; }

    /// <summary><c>GITHUB_API_URL</c> with a trailing slash (relative endpoints resolve under it, so a GitHub
    /// Enterprise address such as <c>https://ghe.example/api/v3</c> keeps its path).</summary>
    public string ApiUrl { get; init; } = DefaultApiUrl;

    /// <summary><c>GITHUB_SERVER_URL</c> without a trailing slash.</summary>
    public string ServerUrl { get; init; } = DefaultServerUrl;

    /// <summary><c>GITHUB_RUN_ID</c>.</summary>
    public string? RunId { get; init; }

    /// <summary><c>GITHUB_RUN_ATTEMPT</c>.</summary>
    public string? RunAttempt { get; init; }

    /// <summary><c>GITHUB_WORKFLOW</c>: the workflow's name.</summary>
    public string? Workflow { get; init; }

    /// <summary><c>GITHUB_SHA</c>: for a pull request, the merge commit GitHub made, not the head commit.</summary>
    public string? Sha { get; init; }

    /// <summary><c>GITHUB_BASE_REF</c>: the branch a pull request merges into (set only for pull request events).</summary>
    public string? BaseRef { get; init; }

    /// <summary><c>GITHUB_HEAD_REF</c>: the pull request's branch (set only for pull request events).</summary>
    public string? HeadRef { get; init; }

    /// <summary><c>GITHUB_STEP_SUMMARY</c>: the file whose markdown is shown on the run's summary page.</summary>
    public string? StepSummaryPath { get; init; }

    /// <summary><c>GITHUB_WORKSPACE</c>: the checkout.</summary>
    public string? Workspace { get; init; }

    /// <summary>The page of this run, when the repository and run id are known.</summary>
    public string? RunUrl => Repository is null || RunId is null ? null : $"{ServerUrl}/{Repository}/actions/runs/{RunId}";

    /// <summary>Reads the runner's variables through <paramref name="lookup"/>; an empty value counts as unset (the
    /// runner sets <c>GITHUB_BASE_REF</c> to "" outside pull requests).</summary>
    public static ActionsEnvironment Read(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        string? Get(string name) => lookup(name) is { Length: > 0 } value ? value.Trim() : null;

        return new ActionsEnvironment
        {
            IsActions = string.Equals(Get("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase),
            EventName = Get("GITHUB_EVENT_NAME"),
            EventPath = Get("GITHUB_EVENT_PATH"),
            Repository = Get("GITHUB_REPOSITORY"),
            ApiUrl = WithTrailingSlash(Get("GITHUB_API_URL") ?? DefaultApiUrl),
            ServerUrl = (Get("GITHUB_SERVER_URL") ?? DefaultServerUrl).TrimEnd('/'),
            RunId = Get("GITHUB_RUN_ID"),
            RunAttempt = Get("GITHUB_RUN_ATTEMPT"),
            Workflow = Get("GITHUB_WORKFLOW"),
            Sha = Get("GITHUB_SHA"),
            BaseRef = Get("GITHUB_BASE_REF"),
            HeadRef = Get("GITHUB_HEAD_REF"),
            StepSummaryPath = Get("GITHUB_STEP_SUMMARY"),
            Workspace = Get("GITHUB_WORKSPACE"),
        };
    }

    /// <summary>Reads this process's environment.</summary>
    public static ActionsEnvironment FromProcess() => Read(Environment.GetEnvironmentVariable);

    internal static string WithTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
