using System.Diagnostics;
using Microsoft.ML;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>Batch scoring speed: the model's Transform of the test rows and one cursor pass reading the outputs an
/// application reads, in rows per second, over at most <see cref="MaxRows"/> rows.</summary>
internal static class ThroughputMeter
{
    /// <summary>Enough rows for a steady rate (the first scoring pass has already compiled the model's code), few
    /// enough that a large test set does not pay for a second full scoring pass: on 100,000 taxi-fare rows the whole
    /// pass was a tenth of an Evaluate.</summary>
    public const int MaxRows = 20_000;

    public static double Measure(ITransformer model, IDataView rows, IReadOnlyList<string> outputs)
    {
        var clock = Stopwatch.StartNew();
        var scored = model.Transform(rows);
        var columns = outputs.Select(o => scored.Schema.GetColumnOrNull(o)).OfType<Microsoft.ML.DataViewSchema.Column>().ToList();
        var count = 0L;
        using (var cursor = scored.GetRowCursor(columns))
        {
            var read = columns.Select(c => LatencyMeter.Reader(cursor, c)).ToArray();
            while (count < MaxRows && cursor.MoveNext())
            {
                foreach (var value in read)
                    value();
                count++;
            }
        }
        return count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
    }
}
