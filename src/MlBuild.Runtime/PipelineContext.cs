using Microsoft.ML;

namespace MlBuild;

/// <summary>Everything a code pipeline needs to build its estimator.</summary>
public sealed class PipelineContext
{
    /// <summary>Creates the context; MlBuild's worker does this, and tests of a pipeline class may too.</summary>
    /// <param name="ml">The seeded ML.NET context.</param>
    /// <param name="task">The task of the model.</param>
    /// <param name="trainData">The training rows, with the label prepared for the task.</param>
    /// <param name="labelColumn">The name of the prepared label column.</param>
    /// <param name="featureColumns">The feature column names.</param>
    /// <param name="parameters">The hyperparameters.</param>
    /// <param name="seed">The seed of <paramref name="ml"/>.</param>
    public PipelineContext(MLContext ml, ModelTask task, IDataView trainData, string labelColumn,
        IReadOnlyList<string> featureColumns, ModelParams parameters, int seed)
    {
        ML = ml;
        Task = task;
        TrainData = trainData;
        LabelColumn = labelColumn;
        FeatureColumns = featureColumns;
        Params = parameters;
        Seed = seed;
    }

    /// <summary>Seeded with <see cref="Seed"/>, so that the same inputs train the same model.</summary>
    public MLContext ML { get; }

    /// <summary>The task the model is trained for.</summary>
    public ModelTask Task { get; }

    /// <summary>The training rows, with the label prepared for the task.</summary>
    public IDataView TrainData { get; }

    /// <summary>The label column of <see cref="TrainData"/>: Boolean for binary classification, a key for
    /// multiclass classification, Single for regression.</summary>
    public string LabelColumn { get; }

    /// <summary>The feature columns declared by the item (<c>Features</c>), or every column but the label.</summary>
    public IReadOnlyList<string> FeatureColumns { get; }

    /// <summary>The hyperparameters of the item's <c>Params</c> file (empty when there is none).</summary>
    public ModelParams Params { get; }

    /// <summary>The seed of the build (the item's <c>Seed</c>), for components that take their own seed.</summary>
    public int Seed { get; }
}
