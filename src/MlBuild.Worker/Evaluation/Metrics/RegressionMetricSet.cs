namespace MlBuild.Worker.Evaluation.Metrics;

/// <summary>
/// RSquared, MeanAbsoluteError, MeanSquaredError and RootMeanSquaredError, as ML.NET's RegressionEvaluator defines
/// them: errors in double from the Single label and score; R² = 1 − SSE / (Σy² − (Σy)²/W), the test set's own mean
/// as the baseline (so it can be negative). Rows whose label or score is NaN are skipped, as ML.NET skips them.
/// </summary>
internal sealed class RegressionMetricSet : IMetricSet
{
    private static readonly string[] MetricNamesInOrder =
        [MetricNames.RSquared, MetricNames.MeanAbsoluteError, MetricNames.MeanSquaredError, MetricNames.RootMeanSquaredError];

    // Per row, computed once: |error|, error², and the label less the mean label (the same total variance as ML.NET's
    // Σy² − (Σy)²/W, without its cancellation when labels are large and close together). Skipped rows hold zeros and
    // weigh nothing.
    private readonly double[] _absolute;
    private readonly double[] _squared;
    private readonly double[] _centered;
    private readonly double[] _one;

    public RegressionMetricSet(RegressionPredictions predictions)
    {
        var n = predictions.Count;
        (_absolute, _squared, _centered, _one) = (new double[n], new double[n], new double[n], new double[n]);
        var valid = Enumerable.Range(0, n)
            .Where(i => !float.IsNaN(predictions.Labels[i]) && !float.IsNaN(predictions.Scores[i])).ToList();
        var mean = valid.Count > 0 ? valid.Average(i => (double)predictions.Labels[i]) : 0;
        foreach (var i in valid)
        {
            var error = Math.Abs((double)predictions.Labels[i] - predictions.Scores[i]);
            _absolute[i] = error;
            _squared[i] = error * error;
            _centered[i] = predictions.Labels[i] - mean;
            _one[i] = 1;
        }
    }

    public IReadOnlyList<string> Names => MetricNamesInOrder;

    public int Rows => _one.Length;

    public void Compute(ReadOnlySpan<int> weights, Span<double> values)
    {
        // Sums of w·x over the rows, each in two interleaved accumulators so that consecutive additions do not wait
        // for one another (in a fixed order, so the result is the same on every machine).
        double total0 = 0, total1 = 0, absolute0 = 0, absolute1 = 0, squared0 = 0, squared1 = 0;
        double label0 = 0, label1 = 0, labelSquared0 = 0, labelSquared1 = 0;
        var (one, absolute, squared, centered) = (_one, _absolute, _squared, _centered);
        var n = one.Length & ~1;
        for (var i = 0; i < n; i += 2)
        {
            double w0 = weights[i], w1 = weights[i + 1];
            total0 += w0 * one[i];
            total1 += w1 * one[i + 1];
            absolute0 += w0 * absolute[i];
            absolute1 += w1 * absolute[i + 1];
            squared0 += w0 * squared[i];
            squared1 += w1 * squared[i + 1];
            var (c0, c1) = (w0 * centered[i], w1 * centered[i + 1]);
            label0 += c0;
            label1 += c1;
            labelSquared0 += c0 * centered[i];
            labelSquared1 += c1 * centered[i + 1];
        }
        if (n < one.Length)
        {
            double w = weights[n];
            total0 += w * one[n];
            absolute0 += w * absolute[n];
            squared0 += w * squared[n];
            label0 += w * centered[n];
            labelSquared0 += w * centered[n] * centered[n];
        }
        var (total, errors, squares) = (total0 + total1, absolute0 + absolute1, squared0 + squared1);
        var (labels, labelSquares) = (label0 + label1, labelSquared0 + labelSquared1);
        values[0] = 1 - squares / (labelSquares - labels * labels / total);
        values[1] = errors / total;
        values[2] = squares / total;
        values[3] = Math.Sqrt(squares / total);
    }
}
