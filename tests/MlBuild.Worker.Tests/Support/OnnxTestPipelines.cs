using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlBuild.Worker.Tests.Support;

/// <summary>Taxi fare pipelines with a step ML.NET cannot convert to ONNX: a CustomMapping (arbitrary C#), placed after
/// a one-hot encoding so that the blocker is not the first step.</summary>
public static class OnnxTestPipelines
{
    public sealed class Distance
    {
        [ColumnName("trip_distance")] public float TripDistance { get; set; }
    }

    public sealed class SquaredDistance
    {
        public float DistanceSquared { get; set; }
    }

    private static readonly string[] Numbers = ["rate_code", "passenger_count", "trip_time_in_secs", "trip_distance"];

    private static IEstimator<ITransformer> Trainer(PipelineContext context, params string[] features) =>
        context.ML.Transforms.Concatenate("Features", features)
            .Append(context.ML.Regression.Trainers.FastTree(context.LabelColumn, "Features", numberOfTrees: 5));

    /// <summary>Rewrites trip_distance in place (miles to kilometres): the converter only warns and would skip it.</summary>
    public sealed class InPlaceCustomMapping : IModelPipeline
    {
        public IEstimator<ITransformer> Build(PipelineContext context) =>
            context.ML.Transforms.Categorical.OneHotEncoding("vendor_id")
                .Append(context.ML.Transforms.CustomMapping<Distance, Distance>(
                    (input, output) => output.TripDistance = input.TripDistance * 1.609f, contractName: null))
                .Append(Trainer(context, ["vendor_id", .. Numbers]));
    }

    /// <summary>Adds a column: the converter throws, as the column has no ONNX variable.</summary>
    public sealed class NewColumnCustomMapping : IModelPipeline
    {
        public IEstimator<ITransformer> Build(PipelineContext context) =>
            context.ML.Transforms.Categorical.OneHotEncoding("vendor_id")
                .Append(context.ML.Transforms.CustomMapping<Distance, SquaredDistance>(
                    (input, output) => output.DistanceSquared = input.TripDistance * input.TripDistance, contractName: null))
                .Append(Trainer(context, ["vendor_id", "DistanceSquared", .. Numbers]));
    }
}
