namespace MlBuild.Tasks;

/// <summary>
/// Where a model's ONNX export (ExportOnnx) lives: <c>&lt;Name&gt;.onnx</c> beside <c>&lt;Name&gt;.zip</c> in the output
/// folder (where the model package finds it), <c>model.onnx</c> in the model's cache entry, and the worker's temporary
/// copy in the intermediate folder. Also the names of the planned-model metadata that carry those paths from
/// <see cref="PlanTraining"/> to <see cref="CommitModel"/>.
/// </summary>
internal static class OnnxFiles
{
    /// <summary>The ONNX file in the output folder, beside the model.</summary>
    public const string OutputMetadata = "OnnxFile";
    /// <summary>The ONNX file the worker writes (Train with ExportOnnx only).</summary>
    public const string TrainedMetadata = "TrainedOnnxFile";

    public static string Beside(string modelFile) => Path.ChangeExtension(modelFile, ".onnx");
}
