using Microsoft.ML;

namespace MlBuild.Worker.Pipelines;

/// <summary>
/// A trainer a declarative model can name. Its options object and estimator are made by delegates so that the
/// trainer's assembly is loaded only when the trainer is used: a project without Microsoft.ML.LightGbm can still
/// train every other trainer.
/// </summary>
/// <param name="CreateOptions">A new options object of the trainer (params are applied to it), or null when the
/// trainer has none.</param>
/// <param name="Create">The estimator from the context and the options (with label and feature columns set).</param>
internal sealed record TrainerSpec(
    string Name,
    ModelTask Task,
    bool IsDefault,
    bool NeedsNormalization,
    Func<object?> CreateOptions,
    Func<MLContext, object?, TrainerColumns, IEstimator<ITransformer>> Create);

/// <summary>The columns a trainer reads.</summary>
internal readonly record struct TrainerColumns(string Label, string Features);
