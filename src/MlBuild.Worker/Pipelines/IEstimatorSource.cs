using Microsoft.ML;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Pipelines;

/// <summary>Where a model's estimator comes from: the item's metadata (declarative) or a class of the project (code).
/// Created before the data is read, so declaration mistakes fail fast; built once the data is loaded.</summary>
internal interface IEstimatorSource
{
    /// <summary>The trainer name or the pipeline class, as recorded in the result.</summary>
    string Name { get; }

    IEstimator<ITransformer> Build(MLContext ml, TrainingData data);
}
