using Microsoft.ML;
using Microsoft.ML.Data;

// dotnet build trained Sentiment.zip with Samples.SentimentPipeline and copied it beside this program.
var ml = new MLContext();
var model = ml.Model.Load(Path.Combine(AppContext.BaseDirectory, "Sentiment.zip"), out _);
var engine = ml.Model.CreatePredictionEngine<Comment, Prediction>(model);

var comments = args.Length > 0
    ? args
    : ["Thanks for fixing the references, this article reads much better now.", "You are an idiot, go away and stop editing."];
foreach (var text in comments)
{
    var prediction = engine.Predict(new Comment { SentimentText = text });
    Console.WriteLine($"{(prediction.PredictedLabel ? "toxic    " : "not toxic")} {prediction.Probability,6:P0}  {text}");
}

public sealed class Comment
{
    public string SentimentText { get; set; } = "";
}

public sealed class Prediction
{
    public bool PredictedLabel { get; set; }
    public float Probability { get; set; }
}
