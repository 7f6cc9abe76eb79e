namespace MlBuild.Worker.Evaluation.Metrics;

/// <summary>
/// The binary classification metrics of ML.NET's BinaryClassifierEvaluator, for integer row weights:
/// <list type="bullet">
/// <item>Counts: a row is predicted positive when its score is above 0. A precision, recall or F1 with nothing to
/// divide by is 0, as in ML.NET.</item>
/// <item>AreaUnderRocCurve: the share of (positive, negative) pairs ranked right, ties counting half.</item>
/// <item>AreaUnderPrecisionRecallCurve: ML.NET's "lower trapezoid" estimator, walking the rows by descending score,
/// tied scores in row order (ML.NET's order for up to 100,000 rows; beyond that ML.NET estimates it from a random
/// sample of 100,000 rows, and this is exact). A row of weight k counts as k copies of the row, one after another,
/// so a resample's value is exactly that of the resampled rows.</item>
/// <item>LogLoss: the mean of −log2 of the probability given to the actual class, unclipped (a certain, wrong
/// prediction makes it infinite, as in ML.NET); LogLossReduction: (H − LogLoss) / H, H the entropy in bits of the
/// rows' own class balance (the test set's, or the resample's), not multiplied by 100.</item>
/// </list>
/// Rows with a non-finite score are skipped, as ML.NET skips them. The rows are sorted by score once, up front; each
/// computation is then one pass over them, in integer counts where it can (exact, and faster than floating point).
/// </summary>
internal sealed class BinaryMetricSet : IMetricSet
{
    private static readonly string[] CountNames =
    [
        MetricNames.Accuracy, MetricNames.AreaUnderRocCurve, MetricNames.AreaUnderPrecisionRecallCurve,
        MetricNames.F1Score, MetricNames.PositivePrecision, MetricNames.PositiveRecall,
        MetricNames.NegativePrecision, MetricNames.NegativeRecall,
    ];

    private static readonly string[] AllNames = [.. CountNames, MetricNames.LogLoss, MetricNames.LogLossReduction];

    private readonly int _rows;
    private readonly bool _hasProbability;

    // The scored rows by descending score (ties in row order), with what each computation needs of them.
    private readonly int[] _row;
    private readonly long[] _positive;
    private readonly byte[] _cell;
    private readonly bool[] _startsTie;
    private readonly double[] _logLoss;
    private readonly long[] _infiniteLoss;

    // Harmonic numbers H[m] = 1 + 1/2 + … + 1/m, grown as the weights need (see AddTrapezoids).
    private double[] _harmonic = [0];
    private readonly object _harmonicLock = new();

    public BinaryMetricSet(BinaryPredictions predictions)
    {
        _rows = predictions.Count;
        _hasProbability = predictions.Probabilities is not null;
        var scores = predictions.Scores;
        _row = Enumerable.Range(0, _rows).Where(i => float.IsFinite(scores[i])).ToArray();
        // A total order (score descending, then row), so the unstable sort gives ML.NET's stable order.
        Array.Sort(_row, (a, b) => scores[b] != scores[a] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));

        var n = _row.Length;
        (_positive, _cell, _startsTie) = (new long[n], new byte[n], new bool[n]);
        (_logLoss, _infiniteLoss) = (new double[n], new long[n]);
        for (var i = 0; i < n; i++)
        {
            var row = _row[i];
            var positive = predictions.Labels[row];
            _positive[i] = positive ? 1 : 0;
            _cell[i] = (byte)((positive ? 2 : 0) + (predictions.PredictedPositive(row) ? 1 : 0));
            _startsTie[i] = i == 0 || scores[row] != scores[_row[i - 1]];
            if (predictions.Probabilities is { } probabilities)
            {
                // ML.NET's expression exactly: base-2 logarithm of the Single probability, no clipping.
                var probability = probabilities[row];
                var loss = positive ? -Math.Log(probability, 2) : -Math.Log(1.0 - probability, 2);
                // Kept apart, so that a row weighing 0 adds 0 rather than 0 × ∞ = NaN.
                if (double.IsFinite(loss))
                    _logLoss[i] = loss;
                else
                    _infiniteLoss[i] = 1;
            }
        }
    }

    public IReadOnlyList<string> Names => _hasProbability ? AllNames : CountNames;

    public int Rows => _rows;

    public void Compute(ReadOnlySpan<int> weights, Span<double> values)
    {
        var harmonic = Harmonic(weights);
        // Counts by (actual, predicted): index 2·positive + predicted.
        Span<long> counts = stackalloc long[4];
        long infinite = 0;
        double logLoss = 0;
        // AUC, doubled to stay in integers: over groups of tied scores, each negative outranks the positives above
        // its group and half of those in it.
        long doubledAuc = 0, positivesAbove = 0, groupPositives = 0, groupNegatives = 0;
        // AUPRC: the positives and negatives so far, in row order.
        long truePositives = 0, falsePositives = 0;
        double area = 0;
        for (var i = 0; i < _row.Length; i++)
        {
            if (_startsTie[i])
            {
                doubledAuc += groupNegatives * (2 * positivesAbove + groupPositives);
                positivesAbove += groupPositives;
                groupPositives = groupNegatives = 0;
            }
            long w = weights[_row[i]];
            // Branch-free: a third of the weights are 0, and the classes alternate unpredictably down the rows.
            var positive = w * _positive[i];
            counts[_cell[i]] += w;
            logLoss += w * _logLoss[i];
            infinite += w * _infiniteLoss[i];
            groupPositives += positive;
            groupNegatives += w - positive;
            area += Trapezoids(truePositives, falsePositives, positive, harmonic);
            truePositives += positive;
            falsePositives += w - positive;
        }
        doubledAuc += groupNegatives * (2 * positivesAbove + groupPositives);
        var positives = (double)truePositives;
        var negatives = (double)falsePositives;
        var total = positives + negatives;
        var (trueNegative, falsePositive, falseNegative, truePositive) =
            ((double)counts[0], (double)counts[1], (double)counts[2], (double)counts[3]);

        var positivePrecision = truePositive + falsePositive > 0 ? truePositive / (truePositive + falsePositive) : 0;
        var positiveRecall = positives > 0 ? truePositive / positives : 0;
        values[0] = (truePositive + trueNegative) / total;
        values[1] = doubledAuc / 2.0 / (positives * negatives);
        values[2] = positives > 0 ? area / positives : double.NaN;
        values[3] = positivePrecision + positiveRecall > 0
            ? 2 * positivePrecision * positiveRecall / (positivePrecision + positiveRecall)
            : 0;
        values[4] = positivePrecision;
        values[5] = positiveRecall;
        values[6] = trueNegative + falseNegative > 0 ? trueNegative / (trueNegative + falseNegative) : 0;
        values[7] = negatives > 0 ? trueNegative / negatives : 0;
        if (_hasProbability)
        {
            values[8] = infinite > 0 ? double.PositiveInfinity : logLoss / total;
            var prior = Entropy(positives / total);
            values[9] = (prior - values[8]) / prior;
        }
    }

    /// <summary>
    /// ML.NET's lower trapezoids for k copies of a positive row that follows <paramref name="tp"/> positives and
    /// <paramref name="fp"/> negatives, in units of one positive's recall (the caller divides by the positives).
    /// Copy j moves precision from p(j−1) to p(j) = (tp+j)/(tp+j+fp) and adds (p(j−1) + p(j))/2; p(0) is the precision
    /// before the row (the lowest since the last positive, as negatives only lower it; 1 before any row). The sum
    /// telescopes to (p(0) − p(k))/2 + Σ p(j), and Σ p(j) = k − fp·(H[tp+fp+k] − H[tp+fp]), so a row costs the same
    /// whatever its weight, and k = 0 (a negative, or a row not drawn) adds exactly 0 without a branch.
    /// </summary>
    private static double Trapezoids(long tp, long fp, long k, double[] harmonic)
    {
        var before = tp + fp;
        var after = before + k;
        // 0/0 is read as 1: before any row, and (so that they cancel) after it when k = 0.
        long emptyBefore = before == 0 ? 1 : 0, emptyAfter = after == 0 ? 1 : 0;
        var precisionBefore = (double)(tp + emptyBefore) / (before + emptyBefore);
        var precisionAfter = (double)(tp + k + emptyAfter) / (after + emptyAfter);
        return (precisionBefore - precisionAfter) / 2 + k - fp * (harmonic[after] - harmonic[before]);
    }

    // The harmonic numbers up to the total weight, shared by the threads of a bootstrap; grown under a lock, rarely
    // (the total weight of a resample is the number of rows).
    private double[] Harmonic(ReadOnlySpan<int> weights)
    {
        long total = 0;
        foreach (var w in weights)
            total += w;
        var harmonic = Volatile.Read(ref _harmonic);
        if (harmonic.Length > total)
            return harmonic;
        lock (_harmonicLock)
        {
            if (_harmonic.Length <= total)
            {
                var grown = new double[total + 1];
                for (var m = 1; m < grown.Length; m++)
                    grown[m] = grown[m - 1] + 1.0 / m;
                Volatile.Write(ref _harmonic, grown);
            }
            return _harmonic;
        }
    }

    // In bits, like ML.NET's MathUtils.Entropy: 0 for a certain outcome.
    private static double Entropy(double probability) =>
        probability <= 0 || probability >= 1
            ? 0
            : -(probability * Math.Log(probability, 2) + (1 - probability) * Math.Log(1 - probability, 2));
}
