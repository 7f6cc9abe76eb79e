using Microsoft.ML;
using Microsoft.ML.Transforms;
using MlBuild.Data.Checks;
using MlBuild.Protocol;
using MlBuild.Worker.Data;
using MlBuild.Worker.DataViews;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Training;

/// <summary>
/// Reads, infers and validates the training data (and the test data, or splits a test set off the training data
/// with ML.NET's seeded TrainTestSplit), then builds the views with the label prepared. Label preparation happens
/// here, outside the model's pipeline, so the saved model never needs a label to predict.
/// </summary>
internal static class TrainingDataLoader
{
    /// <param name="warn">Where the missing-label check's warnings go (rows left out); null to leave them out
    /// silently, as evaluation does: training reported them already.</param>
    public static TrainingData Load(MLContext ml, TrainRequest request, ModelTask task, Location declaredAt,
        ProgressReporter progress, Action<Diagnostic>? warn = null)
    {
        var separator = SeparatorSetting.Parse(request.Separator, declaredAt);
        var missingLabels = (request.DataChecks ?? DataCheckSettings.Default).MissingLabels;
        var train = DataFileReader.Read(request.TrainData,
            new DataFileFormat(declaredAt, separator, request.HasHeader, request.Columns));
        Describe(progress, train);

        var columns = ColumnKindInference.InferAll(train);
        var selection = ColumnSelection.Resolve(columns, request.Label, request.Features, declaredAt, train.Path);
        var labeled = MissingLabelCheck.Apply(train, selection.Label, missingLabels, warn);
        if (!ReferenceEquals(labeled, train))
        {
            // Kinds are inferred from the rows that are trained on: an empty label makes a boolean column categorical.
            train = labeled;
            columns = ColumnKindInference.InferAll(train);
            selection = ColumnSelection.Resolve(columns, request.Label, request.Features, declaredAt, train.Path);
        }
        ValueValidator.Check(train, selection.Used);
        var label = LabelPlan.Create(task, selection.Label, train);

        DataFile? test = null;
        if (!string.IsNullOrEmpty(request.TestData))
        {
            test = DataFileReader.Read(request.TestData,
                new DataFileFormat(declaredAt, separator, request.HasHeader, request.Columns, Reference: train,
                    Label: selection.Label.Name));
            Describe(progress, test);
            test = MissingLabelCheck.Apply(test, selection.Label, missingLabels, warn);
            ValueValidator.Check(test, selection.Used);
            // A feature missing only in the test data still needs its missing values replaced.
            columns = columns.Select(c => c with { HasMissing = c.HasMissing || HasMissing(test, c) }).ToList();
            selection = selection with
            {
                Label = columns[selection.Label.Index],
                Features = selection.Features.Select(f => columns[f.Index]).ToList(),
            };
        }
        progress.Detail($"columns: {string.Join(", ", columns.Select(c => $"{c.Name} ({c.Kind})"))}; " +
                        $"label '{selection.Label.Name}': {label.Description}");

        var trainView = DataViewBuilder.Build(train, columns, selection.Label, label.Prepare(train));
        var (trainPart, testPart) = test is null
            ? Split(ml, trainView, request, declaredAt)
            : (trainView, DataViewBuilder.Build(test, columns, selection.Label, label.Prepare(test)));

        var trainRows = RowCounter.Count(trainPart);
        var testRows = RowCounter.Count(testPart);
        if (trainRows == 0 || testRows == 0)
            throw new MlbException(ErrorCodes.EmptySplit, declaredAt,
                $"TestFraction {request.TestFraction} splits the {trainView.RowCount} rows of '{train.Path}' into " +
                $"{trainRows} training and {testRows} test rows: choose a TestFraction that leaves rows on both " +
                "sides, or give TestData.");
        if (task == ModelTask.BinaryClassification)
            CheckBothClasses(testPart, selection.Label.Name, testRows, test?.Path, declaredAt);

        if (task == ModelTask.MulticlassClassification)
        {
            // Keys sorted by value: class order does not depend on row order, and predictions map back to values.
            var keys = ml.Transforms.Conversion.MapValueToKey(selection.Label.Name,
                keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(trainPart);
            (trainPart, testPart) = (keys.Transform(trainPart), keys.Transform(testPart));
        }
        return new TrainingData(columns, selection, label, trainPart, testPart, trainRows, testRows, train, test);
    }

    private static (IDataView Train, IDataView Test) Split(MLContext ml, IDataView data, TrainRequest request,
        Location declaredAt)
    {
        if (!(request.TestFraction > 0 && request.TestFraction < 1))
            throw new MlbException(ErrorCodes.EmptySplit, declaredAt,
                $"TestFraction {request.TestFraction} leaves no {(request.TestFraction <= 0 ? "test" : "training")} " +
                "rows: set it between 0 and 1 (such as 0.2), or give TestData.");
        var split = ml.Data.TrainTestSplit(data, request.TestFraction, seed: request.Seed);
        return (split.TrainSet, split.TestSet);
    }

    // AUC and the per-class precisions are undefined without both classes: ML.NET's evaluator would throw.
    private static void CheckBothClasses(IDataView test, string label, int rows, string? testPath, Location declaredAt)
    {
        var positives = RowCounter.CountTrue(test, label);
        if (positives > 0 && positives < rows)
            return;
        var which = positives == 0 ? "negative" : "positive";
        throw testPath is null
            ? new MlbException(ErrorCodes.EmptySplit, declaredAt,
                $"the test set split off the training data holds only {which} rows ({rows}): raise TestFraction, " +
                "or give TestData with rows of both classes.")
            : new MlbException(ErrorCodes.UnsuitableLabel, new Location(testPath),
                $"the test data holds only {which} rows ({rows}): evaluation needs rows of both classes; add some.");
    }

    private static bool HasMissing(DataFile file, DataColumn column) =>
        file.ValuesOf(column.Index).Any(Values.IsMissing);

    private static void Describe(ProgressReporter progress, DataFile file) =>
        progress.Detail($"{file.Path}: {file.Rows.Count} rows, {file.ColumnNames.Count} columns, separator " +
                        $"{SeparatorSetting.Describe(file.Separator)}, {(file.Header.HasHeader ? "a header" : "no header")} " +
                        $"({file.Header.Reason}).");
}
