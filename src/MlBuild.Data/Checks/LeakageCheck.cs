using System.Globalization;
using System.Text;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Profiles;
using MlBuild.Data.Statistics;

namespace MlBuild.Data.Checks;

/// <summary>
/// MLB2106: test rows that are also training rows (the same features and label), which makes the test metrics
/// overstate the model. Each row is keyed by its values as the model reads them (numbers as numbers, so 5 and 5.0 are
/// one), and the test rows whose key the training data has are counted.
/// </summary>
/// <remarks>
/// Coarse data repeats itself: iris is measured to the millimetre, and two 4.9/3.1/1.5/0.1 setosas are two flowers,
/// not a leak. So the count is compared with what coincidence explains: a new row of the same distribution matches
/// some training row about as often as a training row matches another one (p₀, from the training data's own repeated
/// rows, with half a row added so that it is never 0). Leakage is reported when P(X ≥ shared) &lt; 0.01 for X ~
/// Binomial(test rows, p₀): iris's 2 shared rows of 30 (p₀ = 2/120: p = 0.09) are not; 11 of 17 are.
/// </remarks>
public static class LeakageCheck
{
    public const double Level = 0.01;

    public sealed record Result(int Shared, int TestRows, double ExpectedShared, double PValue,
        IReadOnlyList<(int TestLine, int TrainLine)> Examples)
    {
        public bool Leaked => Shared > 0 && PValue < Level;
    }

    public static IEnumerable<Diagnostic> Run(CheckInput input, CheckLevel level)
    {
        if (level == CheckLevel.Off || input.Test is not { } test)
            yield break;
        var result = Measure(input.Train, test, input.Selection.Used.ToList());
        if (!result.Leaked)
            yield break;
        var (firstTest, firstTrain) = result.Examples[0];
        yield return Finding.At(level, DataCodes.Leakage, new Location(test.Path, firstTest),
            $"{Finding.Count(result.Shared)} of {Finding.Count(result.TestRows)} test rows are also in the training data " +
            $"'{Path.GetFileName(input.Train.Path)}' (test lines {Finding.Lines(result.Examples.Select(e => e.TestLine), result.Shared)}; " +
            $"this one is its line {firstTrain}), where coincidence explains about {Finding.Number(result.ExpectedShared)}: " +
            "the test metrics overstate how the model does on new rows. Remove them from the test or the training data " +
            "(or set Leakage=\"off\").");
    }

    public static Result Measure(DataFile train, DataFile test, IReadOnlyList<DataColumn> columns)
    {
        var trainLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in train.Rows)
        {
            var key = Key(row, columns);
            if (!trainLines.TryAdd(key, row.Line))
                repeated.Add(key);
        }
        // Training rows that have a twin elsewhere in the training data.
        var twins = repeated.Count == 0 ? 0 : train.Rows.Count(r => repeated.Contains(Key(r, columns)));
        var examples = new List<(int, int)>();
        var shared = 0;
        foreach (var row in test.Rows)
        {
            if (!trainLines.TryGetValue(Key(row, columns), out var trainLine))
                continue;
            shared++;
            if (examples.Count < 5)
                examples.Add((row.Line, trainLine));
        }
        var coincidence = (twins + 0.5) / (train.Rows.Count + 1);
        return new Result(shared, test.Rows.Count, coincidence * test.Rows.Count,
            Binomial.UpperTail(test.Rows.Count, shared, coincidence), examples);
    }

    private static string Key(DataRecord row, IReadOnlyList<DataColumn> columns)
    {
        var key = new StringBuilder();
        foreach (var column in columns)
        {
            var field = row.Fields[column.Index];
            key.Append(column.Kind switch
            {
                ColumnKind.Numeric => ProfileBuilder.Number(field).ToString("R", CultureInfo.InvariantCulture),
                ColumnKind.Boolean => ProfileBuilder.Category(column.Kind, field),
                _ => field,
            });
            key.Append('\u001f');
        }
        return key.ToString();
    }
}
