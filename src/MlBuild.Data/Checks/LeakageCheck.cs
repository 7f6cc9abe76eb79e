using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Statistics;

namespace MlBuild.Data.Checks;

/// <summary>
/// MLB2106: test rows that are also training rows (the same features and label), which makes the test metrics
/// overstate the model. Each row is keyed by its values as the model reads them (numbers as numbers, so 5 and 5.0 are
/// one; see <see cref="Leakage.RowKey"/>), and the test rows whose key the training data has are counted, in one pass
/// over each file that holds the keys of the smaller one only.
/// </summary>
/// <remarks>
/// Coarse data repeats itself: iris is measured to the millimetre, and two 4.9/3.1/1.5/0.1 setosas are two flowers,
/// not a leak. So the count is compared with what coincidence explains: a new row of the same distribution matches
/// some training row about as often as a training row matches another one (p₀, from the training data's own repeated
/// rows, with half a row added so that it is never 0). Leakage is reported when P(X ≥ shared) &lt; 0.01 for X ~
/// Binomial(test rows, p₀): iris's 2 shared rows of 30 (p₀ = 2/120: p = 0.09) are not; 11 of 17 are. The training
/// rows with twins are counted exactly when the training file is the smaller one or has few distinct rows, and
/// estimated from a hash sample of its rows otherwise (<see cref="Leakage.TwinSampler"/>).
/// </remarks>
public static class LeakageCheck
{
    public const double Level = 0.01;

    public sealed record Result(long Shared, long TestRows, double ExpectedShared, double PValue,
        IReadOnlyList<(int TestLine, int TrainLine)> Examples)
    {
        public bool Leaked => Shared > 0 && PValue < Level;
    }

    public static IEnumerable<Diagnostic> Run(CheckInput input, CheckLevel level)
    {
        if (level == CheckLevel.Off || input.Test is not { Leakage: { } result } test || !result.Leaked)
            yield break;
        var (firstTest, firstTrain) = result.Examples[0];
        yield return Finding.At(level, MlbCodes.Leakage, new Location(test.Source.Path, firstTest),
            $"{Finding.Count(result.Shared)} of {Finding.Count(result.TestRows)} test rows are also in the training data " +
            $"'{Path.GetFileName(input.Train.Source.Path)}' (test lines {Finding.Lines(result.Examples.Select(e => e.TestLine), result.Shared)}; " +
            $"this one is its line {firstTrain}), where coincidence explains about {Finding.Number(result.ExpectedShared)}: " +
            "the test metrics overstate how the model does on new rows. Remove them from the test or the training data " +
            "(or set Leakage=\"off\").");
    }

    /// <param name="trainRowsWithTwins">Training rows whose row occurs more than once in the training data.</param>
    /// <param name="shared">Test rows that are also training rows.</param>
    /// <param name="examples">The first shared test rows (test line, first training line with the same row).</param>
    public static Result Measure(long trainRows, double trainRowsWithTwins, long testRows, long shared,
        IReadOnlyList<(int TestLine, int TrainLine)> examples)
    {
        var coincidence = (trainRowsWithTwins + 0.5) / (trainRows + 1);
        return new Result(shared, testRows, coincidence * testRows,
            Binomial.UpperTail(checked((int)testRows), checked((int)shared), coincidence), examples);
    }
}
