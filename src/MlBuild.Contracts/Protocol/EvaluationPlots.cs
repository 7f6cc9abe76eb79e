// The points the HTML report's plots are drawn from, computed by the worker in the pass that computes the metrics
// (from the predictions it holds already: no extra read of the data), bounded in size whatever the test set's:
// curves at most MaxCurvePoints points, predictions sampled to at most MaxSampledPredictions, histograms in a fixed
// number of bins. Part of EvaluateResult, so in the contracts assembly with it.
namespace MlBuild.Protocol;

/// <summary>One model's plot data (the candidate's, or the baseline's on the same test rows).</summary>
public sealed record ModelPlots
{
    public const int MaxCurvePoints = 200;
    public const int MaxSampledPredictions = 2000;
    public const int HistogramBins = 30;
    public const int CalibrationBins = 10;

    /// <summary>Binary classification: ROC, precision-recall, calibration and score distribution.</summary>
    public BinaryPlots? Binary { get; init; }

    /// <summary>Regression: predicted against actual, the residuals' histogram, and residuals by slice.</summary>
    public RegressionPlots? Regression { get; init; }
}

/// <param name="Roc">From (0, 0) to (1, 1), by descending threshold: X the false-positive rate, Y the true-positive rate.</param>
/// <param name="PrecisionRecall">By descending threshold: X the recall, Y the precision.</param>
/// <param name="Calibration">Null for a model without a Probability column.</param>
/// <param name="Scores">The probability's distribution by actual class (the raw score's, without a probability).</param>
public sealed record BinaryPlots(
    IReadOnlyList<CurvePoint> Roc,
    IReadOnlyList<CurvePoint> PrecisionRecall,
    IReadOnlyList<CalibrationBin>? Calibration,
    ClassHistogram Scores);

/// <summary>A point of a curve, with the threshold (on the score) that gives it: null for the ROC curve's start, where
/// no row is predicted positive.</summary>
public sealed record CurvePoint(double X, double Y, double? Threshold);

/// <summary>Rows whose predicted probability fell in [Low, High): their mean probability and the share of them that
/// were positive. A calibrated model's bins lie on the diagonal.</summary>
public sealed record CalibrationBin(double Low, double High, double MeanPredicted, double ObservedPositive, long Rows);

/// <summary>Equal-width bins between Edges[i] and Edges[i + 1] (the last bin includes its upper edge), counted per
/// class: Counts[class][bin], classes as the confusion matrix orders them (negative, positive).</summary>
public sealed record ClassHistogram(string Of, IReadOnlyList<string> Classes, IReadOnlyList<double> Edges,
    IReadOnlyList<IReadOnlyList<long>> Counts);

/// <param name="Sample">Up to MaxSampledPredictions rows of the test set, the same rows for candidate and baseline
/// (every k-th row), as actual and predicted values.</param>
/// <param name="SampledFrom">The number of test rows the sample was drawn from.</param>
/// <param name="Residuals">Predicted minus actual, in bins; the candidate's bins for both models, so that the two
/// histograms line up. Residuals beyond the outer edges are counted in the outer bins.</param>
/// <param name="BySlice">Per slice column, the residuals' quartiles per slice value.</param>
public sealed record RegressionPlots(
    IReadOnlyList<PredictedPoint> Sample,
    int SampledFrom,
    Histogram1D Residuals,
    IReadOnlyList<SliceResiduals> BySlice);

public sealed record PredictedPoint(double Actual, double Predicted);

/// <summary>Counts in equal-width bins between Edges[i] and Edges[i + 1].</summary>
public sealed record Histogram1D(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts);

public sealed record SliceResiduals(string Column, IReadOnlyList<ResidualSummary> Values);

/// <summary>A slice's residuals (predicted minus actual): the 5th, 25th, 50th, 75th and 95th percentiles, and the mean.</summary>
public sealed record ResidualSummary(string Value, int Rows, double P05, double P25, double Median, double P75, double P95,
    double Mean);

/// <summary>One feature's distribution in the test rows against the training data's (the model's data profile):
/// counts in the profile's bins, and their population stability index.</summary>
public sealed record FeatureDistribution(string Feature, string Kind, IReadOnlyList<string> Bins,
    IReadOnlyList<long> Train, IReadOnlyList<long> Test, double Psi, double PsiNoiseBound);
