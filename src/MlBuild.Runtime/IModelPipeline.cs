using Microsoft.ML;

namespace MlBuild;

/// <summary>
/// A code pipeline: a class of the project, named by an MlModel item's <c>Pipeline</c> metadata, that builds
/// the ML.NET estimator of a model. MlBuild runs it in its worker process with the project's own dependencies.
/// </summary>
/// <remarks>
/// The class needs a public parameterless constructor. The estimator receives <see cref="PipelineContext.TrainData"/>
/// with the label already converted for the task in <see cref="PipelineContext.LabelColumn"/>; it must end with a
/// trainer that reads that label column (and for classification produce the usual Score and PredictedLabel columns).
/// </remarks>
public interface IModelPipeline
{
    /// <summary>Builds the estimator that MlBuild fits on <see cref="PipelineContext.TrainData"/>.</summary>
    /// <param name="context">The training data, its label and feature columns, the params and the seed.</param>
    /// <returns>An estimator ending with a trainer that reads <see cref="PipelineContext.LabelColumn"/>.</returns>
    IEstimator<ITransformer> Build(PipelineContext context);
}
