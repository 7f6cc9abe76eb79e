using MlBuild.GitHub.Actions;

namespace MlBuild.GitHub.Tests.Actions;

/// <summary>Payloads shaped like GitHub's (trimmed to the fields that matter, plus a few that do not).</summary>
public sealed class PullRequestEventTests
{
    const string PullRequestPayload = """
        {
          "action": "synchronize",
          "number": 12,
          "pull_request": {
            "url": "https://api.github.com/repos/octo/app/pulls/12",
            "id": 1934567890,
            "number": 12,
            "state": "open",
            "head": { "label": "octo:tune-iris", "ref": "tune-iris", "sha": "1111111111111111111111111111111111111111",
                      "repo": { "id": 1296269, "full_name": "octo/app" } },
            "base": { "label": "octo:main", "ref": "main", "sha": "2222222222222222222222222222222222222222",
                      "repo": { "id": 1296269, "full_name": "octo/app" } }
          },
          "repository": { "id": 1296269, "full_name": "octo/app" },
          "sender": { "login": "alice", "type": "User" }
        }
        """;

    const string ForkPayload = """
        {
          "action": "opened",
          "pull_request": {
            "number": 31,
            "head": { "ref": "main", "sha": "3333333333333333333333333333333333333333", "repo": { "full_name": "mallory/app" } },
            "base": { "ref": "main", "sha": "4444444444444444444444444444444444444444", "repo": { "full_name": "octo/app" } }
          },
          "repository": { "full_name": "octo/app" }
        }
        """;

    const string WorkflowRunPayload = """
        {
          "action": "completed",
          "workflow_run": {
            "id": 8012345678,
            "name": "CI",
            "event": "pull_request",
            "status": "completed",
            "conclusion": "success",
            "head_branch": "tune-iris",
            "head_sha": "1111111111111111111111111111111111111111",
            "pull_requests": [
              { "id": 1934567890, "number": 12,
                "head": { "ref": "tune-iris", "sha": "1111111111111111111111111111111111111111", "repo": { "name": "app" } },
                "base": { "ref": "main", "sha": "2222222222222222222222222222222222222222", "repo": { "name": "app" } } }
            ],
            "repository": { "full_name": "octo/app" },
            "head_repository": { "full_name": "octo/app" }
          },
          "repository": { "full_name": "octo/app" }
        }
        """;

    const string ForkWorkflowRunPayload = """
        {
          "action": "completed",
          "workflow_run": {
            "id": 8012345679,
            "event": "pull_request",
            "head_branch": "main",
            "head_sha": "3333333333333333333333333333333333333333",
            "pull_requests": [],
            "repository": { "full_name": "octo/app" },
            "head_repository": { "full_name": "mallory/app" }
          },
          "repository": { "full_name": "octo/app" }
        }
        """;

    [Fact]
    public void A_pull_request_gives_its_number_commits_and_branches()
    {
        var pull = PullRequestEvent.Parse("pull_request", PullRequestPayload, out var error);

        Assert.Null(error);
        Assert.Equal(new PullRequestEvent
        {
            EventName = "pull_request",
            Number = 12,
            HeadSha = "1111111111111111111111111111111111111111",
            HeadRef = "tune-iris",
            BaseSha = "2222222222222222222222222222222222222222",
            BaseRef = "main",
            IsFromFork = false,
        }, pull);
    }

    [Fact]
    public void A_pull_request_target_from_a_fork_takes_the_number_from_the_pull_request()
    {
        var pull = PullRequestEvent.Parse("pull_request_target", ForkPayload, out var error);

        Assert.Null(error);
        Assert.Equal(31, pull!.Number);
        Assert.Equal("pull_request_target", pull.EventName);
        Assert.True(pull.IsFromFork);
        Assert.Equal("4444444444444444444444444444444444444444", pull.BaseSha);
    }

    [Fact]
    public void A_pull_request_whose_fork_was_deleted_counts_as_a_fork()
    {
        var payload = ForkPayload.Replace("""{ "full_name": "mallory/app" }""", "null");

        Assert.True(PullRequestEvent.Parse("pull_request", payload, out _)!.IsFromFork);
    }

    [Fact]
    public void A_workflow_run_gives_the_runs_head_and_its_pull_request()
    {
        var run = PullRequestEvent.Parse("workflow_run", WorkflowRunPayload, out var error);

        Assert.Null(error);
        Assert.Equal(12, run!.Number);
        Assert.Equal("1111111111111111111111111111111111111111", run.HeadSha);
        Assert.Equal("tune-iris", run.HeadRef);
        Assert.Equal("main", run.BaseRef);
        Assert.False(run.IsFromFork);
    }

    [Fact]
    public void A_workflow_run_from_a_fork_has_no_pull_request_number()
    {
        var run = PullRequestEvent.Parse("workflow_run", ForkWorkflowRunPayload, out var error);

        Assert.Null(error);
        Assert.Null(run!.Number);
        Assert.Equal("3333333333333333333333333333333333333333", run.HeadSha);
        Assert.True(run.IsFromFork);
    }

    [Theory]
    [InlineData("push")]
    [InlineData("schedule")]
    [InlineData("workflow_dispatch")]
    [InlineData(null)]
    public void Other_events_are_no_pull_request_and_no_error(string? eventName)
    {
        Assert.Null(PullRequestEvent.Read(eventName, "/nonexistent/event.json", out var error));
        Assert.Null(error);
    }

    [Fact]
    public void The_payload_is_read_from_the_event_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"event-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, PullRequestPayload);
        try
        {
            Assert.Equal(12, PullRequestEvent.Read("pull_request", path, out var error)!.Number);
            Assert.Null(error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_event_path_is_an_error_that_names_the_variable()
    {
        Assert.Null(PullRequestEvent.Read("pull_request", null, out var error));
        Assert.Contains("GITHUB_EVENT_PATH", error);
    }

    [Fact]
    public void A_payload_that_does_not_exist_is_an_error()
    {
        Assert.Null(PullRequestEvent.Read("pull_request", "/nonexistent/event.json", out var error));
        Assert.Contains("/nonexistent/event.json", error);
    }

    [Fact]
    public void A_malformed_payload_is_an_error_not_an_exception()
    {
        Assert.Null(PullRequestEvent.Parse("pull_request", "{ \"number\": 12, ", out var error));
        Assert.StartsWith("The event payload is not valid JSON: ", error);
    }

    [Fact]
    public void A_pull_request_payload_without_a_number_is_an_error()
    {
        Assert.Null(PullRequestEvent.Parse("pull_request", """{ "action": "opened", "pull_request": { "number": "12" } }""", out var error));
        Assert.Contains("no pull request number", error);
    }

    [Fact]
    public void A_workflow_run_payload_without_its_run_is_an_error()
    {
        Assert.Null(PullRequestEvent.Parse("workflow_run", """[1, 2]""", out var error));
        Assert.Contains("no 'workflow_run' object", error);
    }
}
