using Microsoft.ML;
using MlBuild.Worker.DataViews;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Export;

/// <summary>
/// ExportOnnx: converts the finished model (the one saved as &lt;Name&gt;.zip) to ONNX with the project's
/// Microsoft.ML.OnnxConverter. The graph's inputs are the columns of the training rows as the worker read them, less the
/// label (an application predicting has none; ONNX Runtime requires every graph input). Where the model cannot be
/// converted, the step that blocks it is found by converting ever longer prefixes of the model's steps: the first prefix
/// that fails ends with the blocker, named with its type and output columns in MLB3008.
/// </summary>
internal static class OnnxExporter
{
    public static byte[] Export(MLContext ml, ITransformer model, TrainingData data, Location declaredAt)
    {
        var input = InputOf(data);
        var (onnx, failure) = OnnxConversion.TryConvert(ml, model, input);
        if (onnx is not null)
            return onnx;
        throw new MlbException(MlbCodes.OnnxConversionFailed, declaredAt, Blocker(ml, model, input) ??
            $"ExportOnnx: the model cannot be converted to ONNX ({failure}). Change the pipeline, or remove ExportOnnx.");
    }

    /// <summary>The training rows' columns without the label, each typed as the saved model's input schema types it.</summary>
    public static IDataView InputOf(TrainingData data) =>
        new StreamingDataView(data.TrainSource, data.Columns.Where(c => c.Index != data.Selection.Label.Index).ToList(),
            label: null, rows: null);

    /// <summary>The message naming the first step whose prefix does not convert; null when every prefix converts (the
    /// failure is in the whole only).</summary>
    private static string? Blocker(MLContext ml, ITransformer model, IDataView input)
    {
        var steps = PipelineSteps.Flatten(model);
        for (var count = 1; count <= steps.Count; count++)
        {
            if (OnnxConversion.TryConvert(ml, PipelineSteps.Prefix(steps, count), input).Failure is not { } failure)
                continue;
            var step = steps[count - 1];
            var outputs = PipelineSteps.OutputColumns(steps, count - 1, input.Schema);
            var writes = outputs.Count == 0 ? "" : $", writing {string.Join(", ", outputs.Select(c => $"'{c}'"))}";
            return $"ExportOnnx: the model cannot be converted to ONNX: step {count} of {steps.Count}, " +
                   $"{PipelineSteps.TypeName(step.GetType())}{writes}, blocks it ({failure}). Replace that transform " +
                   "with one ML.NET can convert to ONNX, or remove ExportOnnx.";
        }
        return null;
    }
}
