using Microsoft.ML;
using MlBuild.Worker.Diagnostics;
using MlBuild.Data.Profiles;
using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Metrics;
using MlBuild.Worker.Evaluation.Plots;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>A saved model, loaded and scored on the test rows.</summary>
/// <param name="Gathered">Each test row's value, as text, of the input columns asked for that the model's output
/// carries unchanged, read in the scoring pass (by column name). A column the model drops is not here.</param>
/// <param name="Features">The profiled features the output carries, counted in the profile's bins in the same pass.</param>
internal sealed record ScoredModel(string Path, ITransformer Model, IPredictions Predictions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Gathered, IReadOnlyList<FeatureDistribution> Features)
{
    /// <param name="role">"model" or "baseline model", for the error message.</param>
    /// <param name="testRows">The rows another model scored on the same data, which this one must score too.</param>
    /// <param name="gather">Input columns to read in the same pass (the slice columns), so that the test file is not
    /// read once more for each.</param>
    /// <param name="profile">The training data's profile: its features are counted in the same pass.</param>
    public static ScoredModel Load(MLContext ml, string path, string role, ModelTask task, TrainingData data,
        Location declaredAt, int? testRows, IReadOnlyCollection<string>? gather = null, DataProfile? profile = null)
    {
        ITransformer model;
        IPredictions predictions;
        List<ColumnCollector> collectors;
        List<FeatureCounter> counters;
        try
        {
            model = ml.Model.Load(path, out _);
            var scored = model.Transform(data.TestView);
            collectors = (gather ?? []).Distinct()
                .Select(name => ColumnCollector.InputColumnOf(scored, data.TestView.Schema[name]))
                .OfType<DataViewSchema.Column>()
                .Select(column => new ColumnCollector(column)).ToList();
            counters = (profile?.Features ?? [])
                .Where(feature => data.TestView.Schema.GetColumnOrNull(feature.Name) is not null)
                .Select(feature => (feature, column: ColumnCollector.InputColumnOf(scored, data.TestView.Schema[feature.Name])))
                .Where(p => p.column is not null)
                .Select(p => new FeatureCounter(p.column!.Value, p.feature)).ToList();
            predictions = PredictionReader.Read(task, scored, data.Selection.Label.Name, [.. collectors, .. counters]);
        }
        catch (Exception e) when (MlbException.Within(e) is { } dataError)
        {
            // A data error found while the model read the test rows: the data's fault, reported as such.
            throw dataError;
        }
        catch (Exception e) when (e is not MlbException && ExceptionTranslator.MissingPackage(e) is null)
        {
            throw new MlbException(MlbCodes.TrainingFailed, declaredAt,
                $"the {role} '{path}' cannot score the test data: {e.Message} ({e.GetType().Name}). " +
                (role == "model" ? "Rebuild to train it again." : "Clean the model cache (or delete the baseline's entry) and rebuild."));
        }
        if (testRows is { } expected && predictions.Count != expected)
            throw new InvalidOperationException($"The {role} scored {predictions.Count} of {expected} test rows.");
        return new ScoredModel(path, model, predictions,
            collectors.ToDictionary(c => c.Column.Name, c => c.Values, StringComparer.Ordinal),
            counters.Select(c => c.Distribution()).OfType<FeatureDistribution>().ToList());
    }
}
