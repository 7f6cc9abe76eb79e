using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Metrics;

namespace MlBuild.Worker.Evaluation.Plots;

/// <summary>
/// A binary classifier's curves and distributions from its predictions: the ROC and precision-recall curves at every
/// distinct score (tied scores move the curve in one step, diagonally, as ML.NET's AUC counts ties half), thinned to
/// <see cref="ModelPlots.MaxCurvePoints"/>; the calibration in ten equal bins of the probability; the score's histogram
/// by class. Rows with a non-finite score are skipped, as the metrics skip them.
/// </summary>
internal static class BinaryPlotBuilder
{
    public static BinaryPlots Build(BinaryPredictions predictions, IReadOnlyList<string> classes)
    {
        var rows = Enumerable.Range(0, predictions.Count).Where(i => float.IsFinite(predictions.Scores[i])).ToArray();
        var scores = predictions.Scores;
        Array.Sort(rows, (a, b) => scores[b] != scores[a] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        var (roc, precisionRecall) = Curves(rows, predictions);
        return new BinaryPlots(
            CurveThinning.Thin(roc, ModelPlots.MaxCurvePoints),
            CurveThinning.Thin(precisionRecall, ModelPlots.MaxCurvePoints),
            predictions.Probabilities is { } probabilities ? Calibration(rows, predictions.Labels, probabilities) : null,
            ScoreHistogram(rows, predictions, classes));
    }

    /// <param name="rows">By descending score.</param>
    private static (List<CurvePoint> Roc, List<CurvePoint> PrecisionRecall) Curves(int[] rows, BinaryPredictions predictions)
    {
        double positives = rows.Count(r => predictions.Labels[r]);
        double negatives = rows.Length - positives;
        var roc = new List<CurvePoint> { new(0, 0, null) };
        var precisionRecall = new List<CurvePoint>();
        long truePositives = 0, falsePositives = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (predictions.Labels[rows[i]])
                truePositives++;
            else
                falsePositives++;
            // A point after the last row of each group of tied scores.
            if (i + 1 < rows.Length && predictions.Scores[rows[i + 1]] == predictions.Scores[rows[i]])
                continue;
            double threshold = predictions.Scores[rows[i]];
            roc.Add(new CurvePoint(Rate(falsePositives, negatives), Rate(truePositives, positives), threshold));
            precisionRecall.Add(new CurvePoint(Rate(truePositives, positives),
                (double)truePositives / (truePositives + falsePositives), threshold));
        }
        return (roc, precisionRecall);
    }

    private static double Rate(long count, double total) => total > 0 ? count / total : 0;

    private static IReadOnlyList<CalibrationBin> Calibration(int[] rows, bool[] labels, float[] probabilities)
    {
        var bins = ModelPlots.CalibrationBins;
        var (sum, positive, count) = (new double[bins], new long[bins], new long[bins]);
        foreach (var row in rows)
        {
            var p = probabilities[row];
            if (!float.IsFinite(p))
                continue;
            var bin = Math.Clamp((int)(p * bins), 0, bins - 1);
            sum[bin] += p;
            count[bin]++;
            if (labels[row])
                positive[bin]++;
        }
        return Enumerable.Range(0, bins).Where(b => count[b] > 0)
            .Select(b => new CalibrationBin((double)b / bins, (double)(b + 1) / bins, sum[b] / count[b],
                (double)positive[b] / count[b], count[b]))
            .ToList();
    }

    private static ClassHistogram ScoreHistogram(int[] rows, BinaryPredictions predictions, IReadOnlyList<string> classes)
    {
        var probabilities = predictions.Probabilities;
        var values = probabilities ?? predictions.Scores;
        var finite = rows.Where(r => float.IsFinite(values[r])).ToArray();
        var (low, high) = probabilities is not null ? (0.0, 1.0)
            : finite.Length == 0 ? (0.0, 1.0)
            : (finite.Min(r => (double)values[r]), finite.Max(r => (double)values[r]));
        var edges = EqualBins.Edges(low, high, ModelPlots.HistogramBins);
        var counts = new[] { new long[ModelPlots.HistogramBins], new long[ModelPlots.HistogramBins] };
        foreach (var row in finite)
            counts[predictions.Labels[row] ? 1 : 0][EqualBins.BinOf(edges, values[row])]++;
        return new ClassHistogram(probabilities is null ? "Score" : "Probability", classes, edges, counts);
    }
}
