using System.CommandLine;
using MlBuild.Tool.Cli;
using MlBuild.Tool.Drift;
using MlBuild.Tool.Posting;
using MlBuild.Tool.Reports;

namespace MlBuild.Tool.Commands;

/// <summary>The <c>mlbuild</c> command tree: <c>report</c> groups what works on saved reports; <c>drift</c> compares new
/// data with a model's training profile.</summary>
internal static class MlBuildCommand
{
    public static RootCommand Create(ToolEnvironment environment, TextWriter output)
    {
        var post = ReportPostCommand.Create((options, cancellationToken) =>
            new ReportPoster(environment, new ToolOutput(output, environment.Actions.IsActions, environment.Token))
                .PostAsync(options, cancellationToken));
        var html = ReportHtmlCommand.Create((reports, file, title) =>
            HtmlReportCombiner.Run(reports, file, title, new ToolOutput(output, environment.Actions.IsActions, secret: null)));
        var drift = DriftCommand.Create(options =>
            DriftRunner.Run(options, output, new ToolOutput(output, environment.Actions.IsActions, secret: null)));
        var cache = CacheCommand.Create(environment, output, new ToolOutput(output, environment.Actions.IsActions, secret: null));
        return new RootCommand("MlBuild's command line: works on the reports `dotnet build -t:Evaluate` saves, " +
                               "checks new data for drift from a model's training data, and keeps the model caches.")
        {
            new Command("report", "Saved evaluation reports.") { post, html },
            drift,
            cache,
        };
    }
}
