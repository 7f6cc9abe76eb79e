using MlBuild.Definitions;

namespace MlBuild.Tasks;

/// <summary>
/// Where a model's data profile lives: <c>&lt;Name&gt;.profile.json</c> beside <c>&lt;Name&gt;.zip</c> in the output
/// folder (where the drift check and the model package find it), <c>profile.json</c> in the model's cache entry, and
/// the worker's temporary copy in the intermediate folder. Also the names of the planned-model metadata that carry
/// those paths from <see cref="PlanTraining"/> to <see cref="CommitModel"/>.
/// </summary>
internal static class ProfileFiles
{
    /// <summary>The profile in the output folder, beside the model.</summary>
    public const string OutputMetadata = "ProfileFile";
    /// <summary>The profile the worker writes (Train only).</summary>
    public const string TrainedMetadata = "TrainedProfileFile";

    public static string Beside(string modelFile) =>
        Path.Combine(Path.GetDirectoryName(modelFile)!, ProfileFileName.Of(Path.GetFileNameWithoutExtension(modelFile)));
}
