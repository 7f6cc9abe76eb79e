using MlBuild.Definitions;
using MlBuild.Protocol;

namespace MlBuild.Core.Declarations;

/// <summary>The worker's description of a model: what to read and how to train it. Training and evaluation
/// send the same one, so that evaluation reads exactly the test rows the model was trained against.</summary>
internal static class TrainRequests
{
    public static TrainRequest For(ModelDeclaration model, string projectFile, string? projectAssembly,
        string modelOutputPath, string resultOutputPath) => new()
        {
            ModelName = model.Name,
            ProjectFile = Path.GetFullPath(projectFile),
            ItemLine = model.Location.Line,
            ItemColumn = model.Location.Column,
            Task = model.Task,
            TrainData = model.TrainData,
            TestData = model.TestData,
            TestFraction = model.TestFraction,
            Label = model.Label,
            Features = model.Features.Count > 0 ? model.Features : null,
            Columns = model.Columns.Count > 0 ? model.Columns : null,
            Trainer = model.Trainer,
            Separator = model.Separator,
            HasHeader = model.HasHeader,
            Seed = model.Seed,
            ParamsFile = model.ParamsFile,
            Pipeline = model.Pipeline,
            PipelineAssembly = model.Pipeline is null || projectAssembly is null ? null : Path.GetFullPath(projectAssembly),
            // Evaluation reads the rows training read: the missing-label level decides which those are.
            DataChecks = model.DataChecks == DataCheckSettings.Default ? null : model.DataChecks,
            ModelOutputPath = modelOutputPath,
            ResultOutputPath = resultOutputPath,
        };
}
