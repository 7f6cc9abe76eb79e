using Microsoft.ML;
using Microsoft.ML.Transforms.Text;
using MlBuild;

namespace Samples;

/// <summary>Toxic-comment detection: word n-grams and character trigrams into a logistic regression.</summary>
public sealed class SentimentPipeline : IModelPipeline
{
    public IEstimator<ITransformer> Build(PipelineContext context)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = context.Params.Get("NgramLength", 1) },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3 },
        };
        return context.ML.Transforms.Text.FeaturizeText("Features", text, "SentimentText")
            .Append(context.ML.BinaryClassification.Trainers.LbfgsLogisticRegression(
                labelColumnName: context.LabelColumn,
                featureColumnName: "Features",
                l2Regularization: context.Params.Get("L2Regularization", 1f)));
    }
}
