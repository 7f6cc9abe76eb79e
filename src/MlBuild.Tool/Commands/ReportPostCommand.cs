using System.CommandLine;
using MlBuild.Tool.Posting;

namespace MlBuild.Tool.Commands;

/// <summary><c>mlbuild report post</c>: the command line of <see cref="ReportPoster"/>. The token is deliberately
/// not an option: arguments show in process lists and in logs.</summary>
internal static class ReportPostCommand
{
    public static Command Create(Func<PostOptions, CancellationToken, Task<int>> post)
    {
        var reports = new Argument<string[]>("report")
        {
            Description = "A saved report: the folder the Evaluate target saved it in (report.md and mlbuild-report.json), " +
                          "or its report.md. Several are posted as one comment, failing projects first, then in the order given.",
            Arity = ArgumentArity.OneOrMore,
        };
        // System.CommandLine takes an unknown option for a report path: say what it is instead of "no such folder".
        reports.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
                result.AddError(token.Value.StartsWith("--token", StringComparison.OrdinalIgnoreCase)
                    ? "There is no --token option: the token is read from GITHUB_TOKEN, never from an argument, which would show in process lists and logs."
                    : $"Unrecognized option '{token.Value}' (a report path that starts with '-' is written ./{token.Value}).");
        });
        var reportId = new Option<string>("--report-id")
        {
            Description = "The comment's id, which later runs update in place (default: the saved report's; required for " +
                          "reports with different ids).",
            HelpName = "id",
        };
        var pullRequest = new Option<int?>("--pull-request")
        {
            Description = "The pull request (default: the event's; in a workflow_run, the saved report's, checked against the run's head commit).",
            HelpName = "number",
        };
        pullRequest.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
                result.AddError("--pull-request must be a pull request number, 1 or more.");
        });
        var repository = new Option<string>("--repository")
        {
            Description = "The repository (default: GITHUB_REPOSITORY, then the saved report's).",
            HelpName = "owner/name",
        };
        repository.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !PullRequestTarget.IsRepository(value))
                result.AddError($"--repository must be owner/name, not '{value}'.");
        });
        var failOnError = new Option<bool>("--fail-on-error")
        {
            Description = "Exit with 1 when the report is not posted (no token, a read-only token, GitHub refused).",
        };
        var stepSummary = new Option<bool>("--step-summary")
        {
            Description = "Also append the report to GITHUB_STEP_SUMMARY (the Evaluate target already does).",
        };

        // The Evaluate target's: it appended the report to the step summary itself, so messages may say it is there.
        var inStepSummary = new Option<bool>("--in-step-summary") { Hidden = true };

        var command = new Command("post",
            "Posts saved reports as one comment on a pull request, updated in place on later runs. The token is read " +
            "from GITHUB_TOKEN; without one nothing is sent.")
        {
            reports, reportId, pullRequest, repository, failOnError, stepSummary, inStepSummary,
        };
        command.SetAction((parsed, cancellationToken) => post(
            new PostOptions(
                parsed.GetRequiredValue(reports),
                parsed.GetValue(reportId),
                parsed.GetValue(pullRequest),
                parsed.GetValue(repository),
                parsed.GetValue(failOnError),
                parsed.GetValue(stepSummary),
                parsed.GetValue(inStepSummary)),
            cancellationToken));
        return command;
    }
}
