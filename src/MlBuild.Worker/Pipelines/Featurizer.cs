using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild.Worker.Data;

namespace MlBuild.Worker.Pipelines;

/// <summary>Turns the feature columns into one Single vector by kind: numbers as they are (missing values replaced
/// by the column's mean when there are any), booleans as 0/1, categories one-hot, text by FeaturizeText.
/// Each column is transformed in place, so the saved model takes the raw columns by their own names.</summary>
internal static class Featurizer
{
    public static EstimatorChain<ITransformer> Build(MLContext ml, IEnumerable<DataColumn> features, string outputColumn)
    {
        var chain = new EstimatorChain<ITransformer>();
        var names = new List<string>();
        foreach (var column in features)
        {
            names.Add(column.Name);
            if (Transform(ml, column) is { } estimator)
                chain = chain.Append(estimator);
        }
        return chain.Append<ITransformer>(ml.Transforms.Concatenate(outputColumn, names.ToArray()));
    }

    private static IEstimator<ITransformer>? Transform(MLContext ml, DataColumn column) => column.Kind switch
    {
        ColumnKind.Numeric when column.HasMissing => ml.Transforms.ReplaceMissingValues(column.Name),
        ColumnKind.Numeric => null,
        ColumnKind.Boolean => ml.Transforms.Conversion.ConvertType(column.Name, outputKind: DataKind.Single),
        ColumnKind.Categorical => ml.Transforms.Categorical.OneHotEncoding(column.Name),
        _ => ml.Transforms.Text.FeaturizeText(column.Name),
    };
}
