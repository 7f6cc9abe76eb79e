using MlBuild.GitHub.Actions;
using MlBuild.GitHub.Publishing;
using MlBuild.Tool.Cli;

namespace MlBuild.Tool.Posting;

/// <summary>
/// <c>mlbuild report post</c>: loads the saved reports, works out which pull request they go to, checks it when the
/// number cannot be trusted, and posts them as one comment through <see cref="ReportPublisher"/> (the same code the
/// Evaluate target posts with), then says what happened.
/// </summary>
internal sealed class ReportPoster(ToolEnvironment environment, ToolOutput output)
{
    public async Task<int> PostAsync(PostOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await PostOrThrowAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (NotPostedException e)
        {
            if (e.Fatal || options.FailOnError)
            {
                output.Error(e.Code == MlbCodes.ReportNotPosted ? MlbCodes.ReportPostFailed : e.Code, e.Message);
                return ExitCodes.Failure;
            }
            output.Warning(e.Code, e.Message);
            return ExitCodes.Success;
        }
    }

    async Task<int> PostOrThrowAsync(PostOptions options, CancellationToken cancellationToken)
    {
        var actions = environment.Actions;
        var report = CombinedReport.Load(options.Reports, options.ReportId);
        var inSummary = options.InStepSummary || (options.StepSummary && AppendToStepSummary(report));
        var whereItIs = $"The report is in {string.Join(", ", report.Sources)}{(inSummary ? " and in the step summary" : "")}.";

        var target = PullRequestTarget.Resolve(options, actions, report, out var notForPullRequest);
        if (target is null)
        {
            output.Info(notForPullRequest!);
            return ExitCodes.Success;
        }

        if (environment.Token is not { } token)
        {
            // No token is how a workflow says "do not post" (and what a local run has): not a failure unless asked.
            var message = $"The report is not posted on {target}: no token (GITHUB_TOKEN is not set). Give the step `env: GITHUB_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}}`.";
            if (options.FailOnError)
                throw new NotPostedException(MlbCodes.ReportNotPosted, message, fatal: false);
            output.Info(message);
            return ExitCodes.Success;
        }

        if (target.RequiredHeadSha is not null)
            await PullRequestHeadCheck.VerifyAsync(target, actions.ApiUrl, token, environment.Retry, output.Detail, cancellationToken).ConfigureAwait(false);

        var result = await ReportPublisher.PublishAsync(new PublishRequest
        {
            Body = report.Markdown,
            ReportId = report.ReportId,
            Repository = target.Repository,
            PullRequestNumber = target.Number,
            Token = token,
            ApiUrl = actions.ApiUrl,
            Retry = environment.Retry,
            FullReportUrl = actions.RunUrl ?? report.RunUrl,
            Log = output.Detail,
        }, cancellationToken).ConfigureAwait(false);

        if (!result.Posted)
            throw new NotPostedException(MlbCodes.ReportNotPosted, $"{result.Message} {whereItIs}", fatal: false);
        output.Info(result.Message);
        return ExitCodes.Success;
    }

    /// <summary>Off by default: the Evaluate target appended each project's report already, and twice is noise.</summary>
    bool AppendToStepSummary(CombinedReport report)
    {
        if (environment.Actions.StepSummaryPath is not { } path)
        {
            output.Info("GITHUB_STEP_SUMMARY is not set: the report is not added to a step summary.");
            return false;
        }
        try
        {
            switch (StepSummary.Append(path, report.Markdown, string.Join(", ", report.Sources)))
            {
                case StepSummaryResult.Appended:
                    return true;
                case StepSummaryResult.NoteAppended:
                    output.Info($"The report is larger than a step summary may be ({StepSummary.MaxBytes / 1024} KiB): a note saying where it is was added instead.");
                    return false;
                default:
                    output.Warning(MlbCodes.StepSummaryFull, $"The step summary is at GitHub's limit of {StepSummary.MaxBytes / 1024} KiB: the report was not added to it.");
                    return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Warning(MlbCodes.StepSummaryFull, $"The report could not be added to the step summary {path}: {e.Message}");
            return false;
        }
    }
}
