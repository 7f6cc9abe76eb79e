using Microsoft.ML;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Pipelines;

/// <summary>The pipeline of a declarative model: featurize every feature column by kind, concatenate, scale for
/// linear trainers, cache (the linear trainers pass over the data many times), then the named trainer.</summary>
internal sealed class DeclarativePipeline : IEstimatorSource
{
    private readonly TrainerSpec _trainer;
    private readonly object? _options;

    private DeclarativePipeline(TrainerSpec trainer, object? options)
    {
        _trainer = trainer;
        _options = options;
    }

    public string Name => _trainer.Name;

    /// <summary>Resolves the trainer and applies the params to its options: unknown trainers and params fail here,
    /// before any data is read.</summary>
    public static DeclarativePipeline Create(ModelTask task, string? trainerName, ParamsFile parameters, int seed,
        Location declaredAt)
    {
        var trainer = TrainerCatalog.Find(task, trainerName, declaredAt);
        var options = trainer.CreateOptions();
        TrainerOptionsBinder.Apply(options, trainer.Name, parameters);
        TrainerOptionsBinder.ApplyDeterminism(options, parameters, seed);
        return new DeclarativePipeline(trainer, options);
    }

    public IEstimator<ITransformer> Build(MLContext ml, TrainingData data)
    {
        var featuresColumn = FreeName("Features", data.Columns.Select(c => c.Name));
        var chain = Featurizer.Build(ml, data.Selection.Features, featuresColumn);
        if (_trainer.NeedsNormalization)
            chain = chain.Append<ITransformer>(ml.Transforms.NormalizeMinMax(featuresColumn));
        return chain.AppendCacheCheckpoint(ml)
            .Append(_trainer.Create(ml, _options, new TrainerColumns(data.Selection.Label.Name, featuresColumn)));
    }

    // A data column named Features would be hidden by the concatenated vector.
    private static string FreeName(string wanted, IEnumerable<string> taken)
    {
        var names = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = wanted;
        for (var n = 2; names.Contains(name); n++)
            name = $"{wanted}_{n}";
        return name;
    }
}
