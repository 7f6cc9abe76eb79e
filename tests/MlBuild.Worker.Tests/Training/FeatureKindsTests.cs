using System.Globalization;
using Microsoft.ML;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Training;

/// <summary>Every kind of feature column through the declarative pipeline, on synthetic rows made with a fixed seed.</summary>
public sealed class FeatureKindsTests
{
    public sealed class Order
    {
        public float Amount { get; set; }
        public bool Returning { get; set; }
        public string Channel { get; set; } = "";
        public string Note { get; set; } = "";
    }

    public sealed class Fraud
    {
        public bool PredictedLabel { get; set; }
        public float Probability { get; set; }
    }

    private static string Orders(int count, int seed)
    {
        var random = new Random(seed);
        string[] channels = ["web", "phone", "store"];
        string[] words = ["gift", "urgent", "wrap", "late", "fragile", "thanks", "box", "door"];
        var lines = new List<string> { "Amount,Returning,Channel,Note,Label" };
        for (var i = 0; i < count; i++)
        {
            var amount = random.Next(1, 1000);
            var returning = random.Next(2) == 0;
            var channel = channels[random.Next(3)];
            var note = string.Join(' ', Enumerable.Range(0, 3).Select(_ => words[random.Next(words.Length)]));
            // Additive, so that the default (linear) trainer can learn it; one label in twenty is noise.
            var risk = amount / 1000.0 - (returning ? 0.3 : 0) + (channel == "phone" ? 0.3 : 0) + (note.Contains("urgent") ? 0.3 : 0);
            var fraud = risk > 0.8 ^ random.Next(20) == 0;
            var shownAmount = random.Next(10) == 0 ? "" : amount.ToString(CultureInfo.InvariantCulture);
            lines.Add($"{shownAmount},{returning.ToString().ToLowerInvariant()},{channel},{note},{(fraud ? "yes" : "no")}");
        }
        return string.Join('\n', lines);
    }

    [Fact]
    public void Numbers_with_missing_values_booleans_categories_and_text_train_and_predict()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.For(temp, "Fraud", "BinaryClassification",
            temp.Write("train.csv", Orders(400, seed: 1)), temp.Write("test.csv", Orders(150, seed: 2)));

        var (result, output) = InProcess.Run(request);
        var engine = MlModelFile.CreatePredictionEngine<Order, Fraud>(new MLContext(seed: 0), "Fraud",
            Path.GetDirectoryName(request.ModelOutputPath));
        var obvious = engine.Predict(new Order { Amount = 950, Returning = false, Channel = "phone", Note = "urgent gift" });
        var unknownAmount = engine.Predict(new Order { Amount = float.NaN, Returning = true, Channel = "store", Note = "thanks" });

        Assert.Equal("Numeric", result.Columns["Amount"]);
        Assert.Equal("Boolean", result.Columns["Returning"]);
        Assert.Equal("Categorical", result.Columns["Channel"]);
        Assert.Equal("Text", result.Columns["Note"]);
        Assert.Contains("'yes' is the positive class", output);
        Assert.True(result.Metrics["AreaUnderRocCurve"] > 0.8, $"AUC {result.Metrics["AreaUnderRocCurve"]}");
        Assert.True(obvious.PredictedLabel, $"P(fraud) {obvious.Probability}");
        Assert.InRange(unknownAmount.Probability, 0f, 1f);
    }
}
