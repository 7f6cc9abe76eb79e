using System.Diagnostics;
using Microsoft.ML;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>Batch scoring speed: the model's Transform of every test row and one cursor pass reading the outputs an
/// application reads, in rows per second.</summary>
internal static class ThroughputMeter
{
    public static double Measure(ITransformer model, IDataView rows, IReadOnlyList<string> outputs)
    {
        var clock = Stopwatch.StartNew();
        var scored = model.Transform(rows);
        var columns = outputs.Select(o => scored.Schema.GetColumnOrNull(o)).OfType<Microsoft.ML.DataViewSchema.Column>().ToList();
        var count = 0L;
        using (var cursor = scored.GetRowCursor(columns))
        {
            var read = columns.Select(c => LatencyMeter.Reader(cursor, c)).ToArray();
            while (cursor.MoveNext())
            {
                foreach (var value in read)
                    value();
                count++;
            }
        }
        return count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
    }
}
