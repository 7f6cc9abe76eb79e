using System.Diagnostics;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>
/// What one prediction costs an application: single rows through the model's row-to-row mapper, the path ML.NET's
/// PredictionEngine takes (it builds the same mapper once, then for each Predict fills its input row and calls the
/// output getters). Here the input row is a cursor over test rows copied into memory instead of an application's
/// object, so the time of copying an object into the row (a delegate call per column) is left out, and so is moving the
/// cursor; every transform of the model is in. The label column is in the input, as it is in the test rows, but no
/// transform of a saved model reads it.
/// </summary>
internal static class LatencyMeter
{
    public const int WarmUpRows = 100;
    public const int MeasuredRows = 1000;

    /// <summary>The median and 95th percentile (nearest rank) of single-row prediction times, in milliseconds, over the
    /// first <see cref="MeasuredRows"/> test rows (or all of them, when there are fewer), after
    /// <see cref="WarmUpRows"/> predictions that let the JIT and the caches settle.</summary>
    public static (double P50, double P95) Measure(ITransformer model, IDataView testRows, IReadOnlyList<string> outputs)
    {
        var rows = RowSample.Take(testRows, MeasuredRows);
        var mapper = model.GetRowToRowMapper(rows.Schema);
        var wanted = outputs.Select(o => mapper.OutputSchema.GetColumnOrNull(o)).OfType<DataViewSchema.Column>().ToList();

        Predict(mapper, rows, wanted, WarmUpRows, timings: null);
        var timings = new List<long>();
        Predict(mapper, rows, wanted, rows.RowCount, timings);
        var sorted = timings.Order().Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        return (NearestRank(sorted, 0.50), NearestRank(sorted, 0.95));
    }

    /// <summary>Reads a column of the current row into a buffer of its type, as an application reading an output does.</summary>
    public static Action Reader(DataViewRow row, DataViewSchema.Column column) =>
        (Action)typeof(LatencyMeter).GetMethod(nameof(TypedReader), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(column.Type.RawType).Invoke(null, [row, column])!;

    private static void Predict(IRowToRowMapper mapper, IDataView rows, IReadOnlyList<DataViewSchema.Column> outputs,
        int count, List<long>? timings)
    {
        // With fewer rows than predictions wanted, round again on a new cursor (a row mapper caches by position).
        var done = 0;
        while (done < count)
        {
            using var cursor = rows.GetRowCursor(rows.Schema);
            using var output = mapper.GetRow(cursor, outputs);
            var read = outputs.Select(c => Reader(output, c)).ToArray();
            var before = done;
            while (done < count && cursor.MoveNext())
            {
                var start = Stopwatch.GetTimestamp();
                foreach (var value in read)
                    value();
                // The clock cannot tell apart durations below its tick: a prediction takes at least one.
                timings?.Add(Math.Max(1, Stopwatch.GetTimestamp() - start));
                done++;
            }
            if (done == before)
                return;
        }
    }

    private static Action TypedReader<T>(DataViewRow row, DataViewSchema.Column column)
    {
        var get = row.GetGetter<T>(column);
        var value = default(T)!;
        return () => get(ref value);
    }

    private static double NearestRank(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
