using MlBuild.Definitions;
using Microsoft.ML;
using Microsoft.ML.Transforms;
using MlBuild.Data.Checks;
using MlBuild.Data.Scanning;
using MlBuild.Protocol;
using MlBuild.Worker.Data;
using MlBuild.Worker.DataViews;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Evaluation;

/// <summary>
/// The test rows of a trained model, read as its training read them but without reading the training data again: the
/// columns' kinds and the label's classes come from what the lock file recorded at training (the training file's first
/// lines still give its layout, which a test file without a header needs). The test file then streams past once per
/// model scored. A split test set is the same seeded split of the training file. An entry recorded before kinds and
/// classes were (or whose columns no longer match) is read the way training reads it.
/// </summary>
internal static class EvaluationDataLoader
{
    public static TrainingData Load(MLContext ml, EvaluateRequest request, ModelTask task, Location declaredAt,
        ProgressReporter progress)
    {
        var data = request.Data;
        var separator = SeparatorSetting.Parse(data.Separator, declaredAt);
        var train = DataSource.Open(data.TrainData, new DataFileFormat(declaredAt, separator, data.HasHeader, data.Columns));
        if (Recorded(request.Schema, task, train) is not { } columns)
        {
            progress.Detail("the lock file records no column kinds or classes for this model: reading the training data for them");
            return TrainingDataLoader.Load(ml, data with
            {
                DataChecks = (data.DataChecks ?? DataCheckSettings.Default) with
                {
                    SchemaChanges = CheckLevel.Off,
                    TooFewRows = CheckLevel.Off,
                    RareClasses = CheckLevel.Off,
                    ConstantColumns = CheckLevel.Off,
                    Leakage = CheckLevel.Off,
                    TrainTestShift = CheckLevel.Off,
                }
            }, task, declaredAt, progress);
        }

        var selection = ColumnSelection.Resolve(columns, data.Label, data.Features, declaredAt, train.Path);
        var plan = LabelPlan.FromRecorded(task, selection.Label, request.Schema!.Classes ?? [], train.Path);
        var missingLabels = (data.DataChecks ?? DataCheckSettings.Default).MissingLabels;
        IDataView testView;
        if (string.IsNullOrEmpty(data.TestData))
        {
            var whole = new StreamingDataView(train, columns, plan, rows: null, unlabeled: missingLabels);
            var split = ml.Data.TrainTestSplit(whole, data.TestFraction, seed: data.Seed);
            testView = split.TestSet;
            if (task == ModelTask.MulticlassClassification)
                testView = KeysFittedOn(ml, selection, split.TrainSet).Transform(testView);
        }
        else
        {
            var test = DataSource.Open(data.TestData, new DataFileFormat(declaredAt, separator, data.HasHeader, data.Columns,
                Reference: train.Layout, Label: selection.Label.Name));
            testView = new StreamingDataView(test, columns, plan, rows: null, unlabeled: missingLabels);
            if (task == ModelTask.MulticlassClassification)
                testView = KeysOf(ml, selection, RecordedClasses(selection.Label, plan)).Transform(testView);
        }
        // The test rows are counted as the candidate is scored: the file is not read for a count alone.
        return new TrainingData(columns, selection, plan, testView, testView, 0, 0, train, null, null, null);
    }

    /// <summary>The recorded columns, named and ordered as the training file's layout: null when the record lacks them,
    /// lacks the classes of a classification, or names other columns than the file has.</summary>
    private static IReadOnlyList<DataColumn>? Recorded(RecordedSchema? schema, ModelTask task, DataSource train)
    {
        if (schema is null || (task != ModelTask.Regression && schema.Classes is null))
            return null;
        var names = train.Layout.ColumnNames;
        if (names.Count != schema.Columns.Count || names.Any(n => !schema.Columns.ContainsKey(n)))
            return null;
        return names.Select((name, i) => new DataColumn(name, i, Enum.Parse<ColumnKind>(schema.Columns[name]), HasMissing: false)).ToList();
    }

    // Keys sorted by value, as at training: the same classes in the same order, so the model's scores line up.
    private static ITransformer KeysFittedOn(MLContext ml, ColumnSelection selection, IDataView rows) =>
        ml.Transforms.Conversion.MapValueToKey(selection.Label.Name,
            keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(rows);

    private static ITransformer KeysOf(MLContext ml, ColumnSelection selection, IDataView classes) =>
        ml.Transforms.Conversion.MapValueToKey(selection.Label.Name,
            keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue, keyData: classes).Fit(classes);

    /// <summary>The training file's classes as a one-column view: with a TestData file, training fitted its keys on
    /// the whole training file, whose classes the lock file recorded.</summary>
    private static IDataView RecordedClasses(DataColumn label, LabelPlan plan) =>
        new InMemoryDataView([plan.Type == LabelType.Single
            ? ViewColumn.Of(label.Name, plan.Classes.Select(c => float.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            : ViewColumn.Of(label.Name, plan.Classes.ToArray())], plan.Classes.Count);
}
