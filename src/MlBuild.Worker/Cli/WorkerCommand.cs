using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Requests;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Cli;

/// <summary>
/// <c>MlBuild.Worker train &lt;request.json&gt;</c>: exit code 0 when the model and the result are written;
/// 1 otherwise, with one canonical error line per problem on standard error and nothing left at the output paths.
/// </summary>
internal static class WorkerCommand
{
    public const string ToolName = "MlBuild.Worker";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeSpan? heartbeatInterval = null)
    {
        if (args is not ["train", var requestPath])
        {
            stderr.WriteLine(new Diagnostic(ErrorCodes.TrainingFailed, new Location(ToolName),
                $"usage: {ToolName} train <request.json> (got: {string.Join(' ', args)}); the MlBuild tasks run the " +
                "worker, so this is an MlBuild bug.").Format(null));
            return 1;
        }

        Protocol.TrainRequest request;
        try
        {
            request = RequestReader.Read(requestPath);
        }
        catch (MlbException e)
        {
            Report(stderr, e.Diagnostics, null);
            return 1;
        }

        var progress = new ProgressReporter(stdout, request.ModelName);
        try
        {
            TrainingJob.Run(request, progress, heartbeatInterval);
            return 0;
        }
        catch (MlbException e)
        {
            Report(stderr, e.Diagnostics, request.ModelName);
            return 1;
        }
        catch (Exception e)
        {
            Report(stderr, [ExceptionTranslator.Translate(e, RequestReader.DeclaredAt(request))], request.ModelName);
            // Detail only: useful in a bug report, noise in a build's error list. Each line starts with the model's
            // name so that no line of it ("X: an error: y") reads as another canonical error to MSBuild.
            foreach (var line in e.ToString().Split('\n'))
                progress.Detail(line.TrimEnd('\r'));
            return 1;
        }
    }

    private static void Report(TextWriter stderr, IEnumerable<Diagnostic> diagnostics, string? modelName)
    {
        foreach (var diagnostic in diagnostics)
            stderr.WriteLine(diagnostic.Format(modelName));
        stderr.Flush();
    }
}
