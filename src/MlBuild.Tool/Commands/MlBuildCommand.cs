using System.CommandLine;
using MlBuild.Tool.Cli;
using MlBuild.Tool.Posting;

namespace MlBuild.Tool.Commands;

/// <summary>The <c>mlbuild</c> command tree. One command for now; <c>report</c> groups what works on saved reports.</summary>
internal static class MlBuildCommand
{
    public static RootCommand Create(ToolEnvironment environment, TextWriter output)
    {
        var post = ReportPostCommand.Create((options, cancellationToken) =>
            new ReportPoster(environment, new ToolOutput(output, environment.Actions.IsActions, environment.Token))
                .PostAsync(options, cancellationToken));
        return new RootCommand("MlBuild's command line: works on the reports `dotnet build -t:Evaluate` saves.")
        {
            new Command("report", "Saved evaluation reports.") { post },
        };
    }
}
