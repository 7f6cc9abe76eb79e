using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Pipelines;

/// <summary>The trainers of each task, by name (case-insensitive), the first of each task being its default.</summary>
/// <remarks>Every trainer type is named only inside a lambda: the JIT loads a trainer's assembly when the lambda first
/// runs, not when the catalog is built.</remarks>
internal static class TrainerCatalog
{
    public static readonly IReadOnlyList<TrainerSpec> All =
    [
        Linear(ModelTask.BinaryClassification, "LbfgsLogisticRegression", isDefault: true,
            () => new LbfgsLogisticRegressionBinaryTrainer.Options(),
            (ml, o) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression((LbfgsLogisticRegressionBinaryTrainer.Options)o)),
        Linear(ModelTask.BinaryClassification, "SdcaLogisticRegression", isDefault: false,
            () => new SdcaLogisticRegressionBinaryTrainer.Options(),
            (ml, o) => ml.BinaryClassification.Trainers.SdcaLogisticRegression((SdcaLogisticRegressionBinaryTrainer.Options)o)),
        Tree(ModelTask.BinaryClassification, "FastTree",
            () => new FastTreeBinaryTrainer.Options(),
            (ml, o) => ml.BinaryClassification.Trainers.FastTree((FastTreeBinaryTrainer.Options)o)),
        Tree(ModelTask.BinaryClassification, "FastForest",
            () => new FastForestBinaryTrainer.Options(),
            (ml, o) => ml.BinaryClassification.Trainers.FastForest((FastForestBinaryTrainer.Options)o)),
        Tree(ModelTask.BinaryClassification, "LightGbm",
            () => new LightGbmBinaryTrainer.Options(),
            (ml, o) => ml.BinaryClassification.Trainers.LightGbm((LightGbmBinaryTrainer.Options)o)),
        Linear(ModelTask.BinaryClassification, "AveragedPerceptron", isDefault: false,
            () => new AveragedPerceptronTrainer.Options(),
            (ml, o) => ml.BinaryClassification.Trainers.AveragedPerceptron((AveragedPerceptronTrainer.Options)o)),
        Linear(ModelTask.BinaryClassification, "LinearSvm", isDefault: false,
            () => new LinearSvmTrainer.Options(),
            (ml, o) => ml.BinaryClassification.Trainers.LinearSvm((LinearSvmTrainer.Options)o)),

        Linear(ModelTask.MulticlassClassification, "LbfgsMaximumEntropy", isDefault: true,
            () => new LbfgsMaximumEntropyMulticlassTrainer.Options(),
            (ml, o) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy((LbfgsMaximumEntropyMulticlassTrainer.Options)o)),
        Linear(ModelTask.MulticlassClassification, "SdcaMaximumEntropy", isDefault: false,
            () => new SdcaMaximumEntropyMulticlassTrainer.Options(),
            (ml, o) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy((SdcaMaximumEntropyMulticlassTrainer.Options)o)),
        Tree(ModelTask.MulticlassClassification, "LightGbm",
            () => new LightGbmMulticlassTrainer.Options(),
            (ml, o) => ml.MulticlassClassification.Trainers.LightGbm((LightGbmMulticlassTrainer.Options)o)),
        // One binary FastTree per class; the params go to the binary trainer's options.
        new(Name: "FastTree", ModelTask.MulticlassClassification, IsDefault: false, NeedsNormalization: false,
            () => new FastTreeBinaryTrainer.Options(),
            (ml, o, columns) =>
            {
                var options = (FastTreeBinaryTrainer.Options)WithColumns(o, columns)!;
                return ml.MulticlassClassification.Trainers.OneVersusAll(
                    ml.BinaryClassification.Trainers.FastTree(options), labelColumnName: columns.Label);
            }),
        new(Name: "NaiveBayes", ModelTask.MulticlassClassification, IsDefault: false, NeedsNormalization: false,
            () => null,
            (ml, _, columns) => ml.MulticlassClassification.Trainers.NaiveBayes(columns.Label, columns.Features)),

        Tree(ModelTask.Regression, "FastTree",
            () => new FastTreeRegressionTrainer.Options(),
            (ml, o) => ml.Regression.Trainers.FastTree((FastTreeRegressionTrainer.Options)o), isDefault: true),
        Tree(ModelTask.Regression, "FastForest",
            () => new FastForestRegressionTrainer.Options(),
            (ml, o) => ml.Regression.Trainers.FastForest((FastForestRegressionTrainer.Options)o)),
        Linear(ModelTask.Regression, "Sdca", isDefault: false,
            () => new SdcaRegressionTrainer.Options(),
            (ml, o) => ml.Regression.Trainers.Sdca((SdcaRegressionTrainer.Options)o)),
        Linear(ModelTask.Regression, "OnlineGradientDescent", isDefault: false,
            () => new OnlineGradientDescentTrainer.Options(),
            (ml, o) => ml.Regression.Trainers.OnlineGradientDescent((OnlineGradientDescentTrainer.Options)o)),
        Linear(ModelTask.Regression, "LbfgsPoisson", isDefault: false,
            () => new LbfgsPoissonRegressionTrainer.Options(),
            (ml, o) => ml.Regression.Trainers.LbfgsPoissonRegression((LbfgsPoissonRegressionTrainer.Options)o)),
        Tree(ModelTask.Regression, "LightGbm",
            () => new LightGbmRegressionTrainer.Options(),
            (ml, o) => ml.Regression.Trainers.LightGbm((LightGbmRegressionTrainer.Options)o)),
    ];

    public static IEnumerable<TrainerSpec> For(ModelTask task) => All.Where(t => t.Task == task);

    public static TrainerSpec Default(ModelTask task) => For(task).Single(t => t.IsDefault);

    /// <summary>The trainer named <paramref name="name"/> for the task (its default when null); MLB1006 when unknown.</summary>
    public static TrainerSpec Find(ModelTask task, string? name, Location declaredAt)
    {
        if (string.IsNullOrWhiteSpace(name))
            return Default(task);
        return For(task).FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new MlbException(MlbCodes.UnknownTrainer, declaredAt,
                $"Trainer '{name}' is not a trainer of {task}: use one of " +
                $"{string.Join(", ", For(task).Select(t => t.IsDefault ? t.Name + " (the default)" : t.Name))}.");
    }

    private static TrainerSpec Linear(ModelTask task, string name, bool isDefault, Func<object?> options,
        Func<MLContext, object, IEstimator<ITransformer>> create) =>
        new(name, task, isDefault, NeedsNormalization: true, options,
            (ml, o, columns) => create(ml, WithColumns(o, columns)!));

    private static TrainerSpec Tree(ModelTask task, string name, Func<object?> options,
        Func<MLContext, object, IEstimator<ITransformer>> create, bool isDefault = false) =>
        new(name, task, isDefault, NeedsNormalization: false, options,
            (ml, o, columns) => create(ml, WithColumns(o, columns)!));

    private static object? WithColumns(object? options, TrainerColumns columns)
    {
        if (options is TrainerInputBaseWithLabel withLabel)
        {
            withLabel.LabelColumnName = columns.Label;
            withLabel.FeatureColumnName = columns.Features;
        }
        return options;
    }
}
