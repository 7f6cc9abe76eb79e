using MlBuild.Protocol;
using MlBuild.Worker.Describe;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Evaluation;
using MlBuild.Worker.Requests;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Cli;

/// <summary>
/// <c>MlBuild.Worker train &lt;request.json&gt;</c> and <c>MlBuild.Worker evaluate &lt;request.json&gt;</c>: exit code 0
/// when the outputs are written; 1 otherwise, with one canonical error line per problem on standard error and nothing
/// left at the output paths.
/// </summary>
internal static class WorkerCommand
{
    public const string ToolName = "MlBuild.Worker";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeSpan? heartbeatInterval = null)
    {
        switch (args)
        {
            case ["train", var trainRequest]:
                return Execute(stdout, stderr, "training", () => RequestReader.Read(trainRequest),
                    request => request, request => TrainingJob.Run(request, new ProgressReporter(stdout, request.ModelName, stderr), heartbeatInterval));
            case ["evaluate", var evaluateRequest]:
                return Execute(stdout, stderr, "evaluation", () => RequestReader.ReadEvaluation(evaluateRequest),
                    request => request.Data, request => EvaluationJob.Run(request, new ProgressReporter(stdout, request.Data.ModelName), heartbeatInterval));
            case ["describe", var model, .. var rest] when rest.Length <= 1:
                return DescribeCommand.Run(model, rest.Length == 1 ? rest[0] : null, stdout, stderr);
            default:
                stderr.WriteLine(new Diagnostic(MlbCodes.TrainingFailed, new Location(ToolName),
                    $"usage: {ToolName} train|evaluate <request.json> (got: {string.Join(' ', args)}); the MlBuild tasks " +
                    "run the worker, so this is an MlBuild bug.").Format(null));
                return 1;
        }
    }

    private static int Execute<TRequest>(TextWriter stdout, TextWriter stderr, string activity, Func<TRequest> read,
        Func<TRequest, TrainRequest> model, Action<TRequest> run)
    {
        TRequest request;
        try
        {
            request = read();
        }
        catch (MlbException e)
        {
            Report(stderr, e.Diagnostics, null);
            return 1;
        }

        var declaration = model(request);
        try
        {
            run(request);
            return 0;
        }
        catch (Exception e) when (MlbException.Within(e) is { } data)
        {
            // Also a data error found while ML.NET read a view, which reaches here wrapped in ML.NET's exceptions.
            Report(stderr, data.Diagnostics, declaration.ModelName);
            return 1;
        }
        catch (Exception e)
        {
            Report(stderr, [ExceptionTranslator.Translate(e, RequestReader.DeclaredAt(declaration), activity)], declaration.ModelName);
            // Detail only: useful in a bug report, noise in a build's error list. Each line starts with the model's
            // name so that no line of it ("X: an error: y") reads as another canonical error to MSBuild.
            var progress = new ProgressReporter(stdout, declaration.ModelName);
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
