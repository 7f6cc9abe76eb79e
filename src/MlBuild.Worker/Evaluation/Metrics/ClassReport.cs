using MlBuild.Protocol;

namespace MlBuild.Worker.Evaluation.Metrics;

/// <summary>The confusion matrix and the per-class precision, recall, F1 and support of a classifier on the whole test
/// set (no intervals: they are there to read, the gates use the overall metrics).</summary>
internal static class ClassReport
{
    /// <summary>Counts[actual][predicted], classes in the order given (binary: negative, then positive).</summary>
    public static ConfusionMatrix Confusion(IPredictions predictions, IReadOnlyList<string> classes)
    {
        var counts = new long[classes.Count][];
        for (var c = 0; c < counts.Length; c++)
            counts[c] = new long[classes.Count];
        foreach (var (actual, predicted) in Pairs(predictions))
            if (actual < counts.Length && predicted < counts.Length)
                counts[actual][predicted]++;
        return new ConfusionMatrix(classes, counts);
    }

    /// <summary>Per class: Precision (0 when the class is never predicted, as ML.NET's PerClassPrecision), Recall (0
    /// when the class has no rows), F1Score (0 when both are 0) and Support (its number of rows).</summary>
    public static SortedDictionary<string, SortedDictionary<string, double>> PerClass(ConfusionMatrix confusion)
    {
        var result = new SortedDictionary<string, SortedDictionary<string, double>>(StringComparer.Ordinal);
        for (var c = 0; c < confusion.Classes.Count; c++)
        {
            double correct = confusion.Counts[c][c];
            double support = confusion.Counts[c].Sum();
            double predicted = confusion.Counts.Sum(row => row[c]);
            var precision = predicted > 0 ? correct / predicted : 0;
            var recall = support > 0 ? correct / support : 0;
            result[confusion.Classes[c]] = new SortedDictionary<string, double>(StringComparer.Ordinal)
            {
                [MetricNames.Precision] = precision,
                [MetricNames.Recall] = recall,
                [MetricNames.F1Score] = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
                [MetricNames.Support] = support,
            };
        }
        return result;
    }

    private static IEnumerable<(int Actual, int Predicted)> Pairs(IPredictions predictions) => predictions switch
    {
        BinaryPredictions binary => Enumerable.Range(0, binary.Count)
            .Where(i => float.IsFinite(binary.Scores[i]))
            .Select(i => (binary.Labels[i] ? 1 : 0, binary.PredictedPositive(i) ? 1 : 0)),
        MulticlassPredictions multiclass => Enumerable.Range(0, multiclass.Count)
            .Where(i => multiclass.Predicted[i] >= 0)
            .Select(i => (multiclass.Labels[i], multiclass.Predicted[i])),
        _ => throw new ArgumentException("Only classifiers have a confusion matrix.", nameof(predictions)),
    };
}
