using Microsoft.ML;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Evaluation.Metrics;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>A saved model, loaded and scored on the test rows.</summary>
internal sealed record ScoredModel(string Path, ITransformer Model, IPredictions Predictions)
{
    /// <param name="role">"model" or "baseline model", for the error message.</param>
    /// <param name="testRows">The rows another model scored on the same data, which this one must score too.</param>
    public static ScoredModel Load(MLContext ml, string path, string role, ModelTask task, TrainingData data,
        Location declaredAt, int? testRows)
    {
        ITransformer model;
        IPredictions predictions;
        try
        {
            model = ml.Model.Load(path, out _);
            predictions = PredictionReader.Read(task, model.Transform(data.TestView), data.Selection.Label.Name);
        }
        catch (Exception e) when (MlbException.Within(e) is { } dataError)
        {
            // A data error found while the model read the test rows: the data's fault, reported as such.
            throw dataError;
        }
        catch (Exception e) when (e is not MlbException && ExceptionTranslator.MissingPackage(e) is null)
        {
            throw new MlbException(ErrorCodes.TrainingFailed, declaredAt,
                $"the {role} '{path}' cannot score the test data: {e.Message} ({e.GetType().Name}). " +
                (role == "model" ? "Rebuild to train it again." : "Clean the model cache (or delete the baseline's entry) and rebuild."));
        }
        if (testRows is { } expected && predictions.Count != expected)
            throw new InvalidOperationException($"The {role} scored {predictions.Count} of {expected} test rows.");
        return new ScoredModel(path, model, predictions);
    }
}
