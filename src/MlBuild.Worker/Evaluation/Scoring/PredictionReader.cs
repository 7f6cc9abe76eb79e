using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild.Worker.Evaluation.Metrics;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>Reads a model's scored test rows (one pass, in row order) into the per-row predictions the metrics are
/// computed from: the prepared label (Boolean, a key, or Single) and the Score, plus Probability when a binary
/// classifier gives one. Other columns may be gathered in the same pass (<see cref="IRowCollector"/>).</summary>
internal static class PredictionReader
{
    public const string Score = "Score";
    public const string Probability = "Probability";

    /// <param name="alongside">Columns of <paramref name="scored"/> to gather in the same pass.</param>
    public static IPredictions Read(ModelTask task, IDataView scored, string label,
        IReadOnlyList<IRowCollector>? alongside = null)
    {
        alongside ??= [];
        return task switch
        {
            ModelTask.BinaryClassification => Binary(scored, label, alongside),
            ModelTask.MulticlassClassification => Multiclass(scored, label, alongside),
            _ => Regression(scored, label, alongside),
        };
    }

    private static DataViewRowCursor Cursor(IDataView scored, IEnumerable<DataViewSchema.Column> columns,
        IReadOnlyList<IRowCollector> alongside)
    {
        var cursor = scored.GetRowCursor(columns.Concat(alongside.Select(c => c.Column)).DistinctBy(c => c.Index));
        foreach (var collector in alongside)
            collector.Bind(cursor);
        return cursor;
    }

    private static bool Next(DataViewRowCursor cursor, IReadOnlyList<IRowCollector> alongside)
    {
        if (!cursor.MoveNext())
            return false;
        foreach (var collector in alongside)
            collector.Collect();
        return true;
    }

    private static BinaryPredictions Binary(IDataView scored, string label, IReadOnlyList<IRowCollector> alongside)
    {
        var probabilityColumn = scored.Schema.GetColumnOrNull(Probability);
        var (labels, scores, probabilities) = (new List<bool>(), new List<float>(), new List<float>());
        var columns = new[] { scored.Schema[label], scored.Schema[Score] }
            .Concat(probabilityColumn is { } p ? [p] : []).ToArray();
        using var cursor = Cursor(scored, columns, alongside);
        var labelGetter = cursor.GetGetter<bool>(columns[0]);
        var scoreGetter = cursor.GetGetter<float>(columns[1]);
        var probabilityGetter = probabilityColumn is { } column ? cursor.GetGetter<float>(column) : null;
        bool actual = false;
        float score = 0, probability = 0;
        while (Next(cursor, alongside))
        {
            labelGetter(ref actual);
            scoreGetter(ref score);
            labels.Add(actual);
            scores.Add(score);
            if (probabilityGetter is not null)
            {
                probabilityGetter(ref probability);
                probabilities.Add(probability);
            }
        }
        return new BinaryPredictions(labels.ToArray(), scores.ToArray(),
            probabilityColumn is null ? null : probabilities.ToArray());
    }

    private static MulticlassPredictions Multiclass(IDataView scored, string label, IReadOnlyList<IRowCollector> alongside)
    {
        var scoreColumn = scored.Schema[Score];
        var classCount = ((VectorDataViewType)scoreColumn.Type).Size;
        var (labels, scores) = (new List<int>(), new List<float[]>());
        using var cursor = Cursor(scored, [scored.Schema[label], scoreColumn], alongside);
        var labelGetter = cursor.GetGetter<uint>(scored.Schema[label]);
        var scoreGetter = cursor.GetGetter<VBuffer<float>>(scoreColumn);
        uint key = 0;
        var buffer = default(VBuffer<float>);
        while (Next(cursor, alongside))
        {
            labelGetter(ref key);
            scoreGetter(ref buffer);
            // Keys count from 1 (0 is missing, which the data loader never lets through).
            labels.Add((int)key - 1);
            scores.Add(buffer.DenseValues().ToArray());
        }
        return MulticlassPredictions.FromScores(classCount, labels.ToArray(), scores,
            MulticlassPredictions.DefaultTopK(classCount));
    }

    private static RegressionPredictions Regression(IDataView scored, string label, IReadOnlyList<IRowCollector> alongside)
    {
        var (labels, scores) = (new List<float>(), new List<float>());
        using var cursor = Cursor(scored, [scored.Schema[label], scored.Schema[Score]], alongside);
        var labelGetter = cursor.GetGetter<float>(scored.Schema[label]);
        var scoreGetter = cursor.GetGetter<float>(scored.Schema[Score]);
        float actual = 0, score = 0;
        while (Next(cursor, alongside))
        {
            labelGetter(ref actual);
            scoreGetter(ref score);
            labels.Add(actual);
            scores.Add(score);
        }
        return new RegressionPredictions(labels.ToArray(), scores.ToArray());
    }
}
