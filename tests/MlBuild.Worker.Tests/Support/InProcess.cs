using MlBuild.Protocol;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Evaluation;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Tests.Support;

/// <summary>Runs the worker's training or evaluation in-process, capturing its standard output.</summary>
internal static class InProcess
{
    public static (TrainResult Result, string Output) Run(TrainRequest request)
    {
        var output = new StringWriter();
        var result = TrainingJob.Run(request, new ProgressReporter(output, request.ModelName));
        return (result, output.ToString());
    }

    public static (EvaluateResult Result, string Output) Evaluate(EvaluateRequest request)
    {
        var output = new StringWriter();
        var result = EvaluationJob.Run(request, new ProgressReporter(output, request.Data.ModelName));
        return (result, output.ToString());
    }

    /// <summary>The errors the evaluation fails with.</summary>
    public static IReadOnlyList<Diagnostic> EvaluationFails(EvaluateRequest request) =>
        Assert.Throws<MlbException>(() => Evaluate(request)).Diagnostics;

    /// <summary>The error the training fails with (the first one, when it reports several).</summary>
    public static Diagnostic Fails(TrainRequest request) =>
        Assert.Throws<MlbException>(() => Run(request)).First;
}
