using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace MlBuild.Worker.Tests.Support;

/// <summary>A code pipeline as a project would write one: text features, a logistic regression, a param.</summary>
public sealed class SentimentPipeline : IModelPipeline
{
    public IEstimator<ITransformer> Build(PipelineContext context) =>
        context.ML.Transforms.Text.FeaturizeText("Features", context.FeatureColumns.Single())
            .Append(context.ML.BinaryClassification.Trainers.LbfgsLogisticRegression(
                new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = context.LabelColumn,
                    FeatureColumnName = "Features",
                    L2Regularization = context.Params.Get("L2Regularization", 1f),
                    NumberOfThreads = 1,
                }));
}

public sealed class NotAPipeline
{
}

public sealed class PipelineWithoutDefaultConstructor(int seed) : IModelPipeline
{
    public IEstimator<ITransformer> Build(PipelineContext context) => throw new InvalidOperationException($"never {seed}");
}

public sealed class ThrowingPipeline : IModelPipeline
{
    public IEstimator<ITransformer> Build(PipelineContext context) =>
        throw new InvalidOperationException("No features for you.");
}

/// <summary>Builds fine but fails in Fit: its trainer reads a column that does not exist.</summary>
public sealed class WrongColumnPipeline : IModelPipeline
{
    public IEstimator<ITransformer> Build(PipelineContext context) =>
        context.ML.BinaryClassification.Trainers.LbfgsLogisticRegression(context.LabelColumn, "NoSuchColumn");
}

/// <summary>Builds fine, then fails in Fit with a message that looks like a canonical error to MSBuild.</summary>
public sealed class FailingFitPipeline : IModelPipeline
{
    public IEstimator<ITransformer> Build(PipelineContext context) => new FailingEstimator();

    private sealed class FailingEstimator : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input) =>
            throw new InvalidOperationException("Unexpected error: the data is cursed.");

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
    }
}
