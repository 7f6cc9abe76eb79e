using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlBuild.Worker.Training;

/// <summary>Makes the trained model answer in the data's own terms: a multiclass PredictedLabel is a key (the
/// evaluator needs it so), which the saved model maps back to the label's values ("setosa", or 0/1/2).</summary>
internal static class ModelFinisher
{
    public const string PredictedLabel = "PredictedLabel";

    // The annotation ML.NET gives a key column whose keys stand for values (AnnotationUtils.Kinds is internal).
    private const string KeyValues = "KeyValues";

    public static ITransformer Finish(MLContext ml, ITransformer trained, IDataView scored)
    {
        if (scored.Schema.GetColumnOrNull(PredictedLabel) is not { Type: KeyDataViewType } ||
            scored.Schema[PredictedLabel].Annotations.Schema.GetColumnOrNull(KeyValues) is null)
            return trained;
        var keysToValues = ml.Transforms.Conversion.MapKeyToValue(PredictedLabel).Fit(scored);
        return new TransformerChain<ITransformer>(trained, keysToValues);
    }
}
