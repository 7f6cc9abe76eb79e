using MlBuild.Definitions;
using Microsoft.ML;
using Microsoft.ML.Transforms;
using MlBuild.Data.Checks;
using MlBuild.Data.Scanning;
using MlBuild.Protocol;
using MlBuild.Worker.Data;
using MlBuild.Worker.DataViews;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Training;

/// <summary>
/// Opens the training data (and the test data), infers its layout and kinds from a sample of its start, then checks
/// and profiles each file in one streaming pass (<see cref="TrainingFileScan"/>, <see cref="TestFileScan"/>) before
/// building the views ML.NET trains from, which stream the files again (or split a test set off the training data
/// with ML.NET's seeded TrainTestSplit). Label preparation happens in the views, outside the model's pipeline, so the
/// saved model never needs a label to predict.
/// </summary>
internal static class TrainingDataLoader
{
    /// <param name="warn">Where the missing-label check's warnings go (rows left out).</param>
    public static TrainingData Load(MLContext ml, TrainRequest request, ModelTask task, Location declaredAt,
        ProgressReporter progress, Action<Diagnostic>? warn = null)
    {
        var separator = SeparatorSetting.Parse(request.Separator, declaredAt);
        var checks = request.DataChecks ?? DataCheckSettings.Default;
        var train = DataSource.Open(request.TrainData, new DataFileFormat(declaredAt, separator, request.HasHeader, request.Columns));

        // The label is found by name first; the kinds are then inferred from the rows that have one.
        var label = ColumnSelection.Resolve(SampledKinds.Infer(train).Columns, request.Label, request.Features,
            declaredAt, train.Path).Label.Index;
        var sampled = SampledKinds.Infer(train, label);
        var selection = ColumnSelection.Resolve(sampled.Columns, request.Label, request.Features, declaredAt, train.Path);
        var test = string.IsNullOrEmpty(request.TestData) ? null
            : DataSource.Open(request.TestData, new DataFileFormat(declaredAt, separator, request.HasHeader, request.Columns,
                Reference: train.Layout, Label: selection.Label.Name));

        var classification = task != ModelTask.Regression;
        var leakage = test is not null && checks.Leakage != CheckLevel.Off;
        var trainScan = TrainingFileScan.Run(train, sampled, label, classification,
            leakage ? selection.Used.ToList() : null, indexKeys: test is not null && train.Length <= test.Length,
            profile: true, new ScanProgress(progress.Report, "read"));
        try
        {
            MissingLabelCheck.Apply(train.Path, selection.Label.Name, trainScan.Unlabeled.Count,
                trainScan.Rows + trainScan.Unlabeled.Count, trainScan.Unlabeled.Lines, checks.MissingLabels, warn);
            var columns = trainScan.Columns;
            selection = Remap(selection, columns);
            trainScan.ThrowIfBadValues(selection.Used.ToList());
            var plan = LabelPlan.Create(task, selection.Label, trainScan.Labels, train);
            progress.Detail(train.Layout.Describe(trainScan.Rows));
            var profile = trainScan.Profile(selection, request.ModelName);

            TestFileScan? testScan = null;
            if (test is not null)
            {
                testScan = TestFileScan.Run(test, columns, label, selection.Used.ToList(),
                    classification ? plan.Check : null, checks.TrainTestShift == CheckLevel.Off ? null : profile,
                    leakage ? trainScan : null, new ScanProgress(progress.Report, "read"));
                progress.Detail(test.Layout.Describe(testScan.Rows));
                MissingLabelCheck.Apply(test.Path, selection.Label.Name, testScan.Unlabeled.Count,
                    testScan.Rows + testScan.Unlabeled.Count, testScan.Unlabeled.Lines, checks.MissingLabels, warn);
                testScan.ThrowIfBadValues();
                // A feature missing only in the test data still needs its missing values replaced.
                columns = columns.Select(c => c with { HasMissing = c.HasMissing || testScan.HasEmpty(c.Index) }).ToList();
                selection = Remap(selection, columns);
            }
            progress.Detail($"columns: {string.Join(", ", columns.Select(c => $"{c.Name} ({c.Kind})"))}; " +
                            $"label '{selection.Label.Name}': {plan.Description}");

            var passes = new ViewPasses(progress, "training");
            var trainView = new StreamingDataView(train, columns, plan, trainScan.Rows, passes);
            IDataView trainPart = trainView, testPart;
            long trainRows = trainScan.Rows, testRows;
            if (test is null)
            {
                (trainPart, testPart) = Split(ml, trainView, request, declaredAt);
                // One pass counts the test part (and its positives); the training part is the rest.
                var (rows, positives) = task == ModelTask.BinaryClassification
                    ? RowCounter.CountTrue(testPart, selection.Label.Name)
                    : (RowCounter.Count(testPart), -1);
                (trainRows, testRows) = (trainScan.Rows - rows, rows);
                ThrowIfEmpty(request, train.Path, trainScan.Rows, trainRows, testRows, declaredAt);
                if (positives >= 0)
                    CheckBothClasses(positives, testRows, null, declaredAt);
            }
            else
            {
                testPart = new StreamingDataView(test, columns, plan, testScan!.Rows);
                testRows = testScan.Rows;
                ThrowIfEmpty(request, train.Path, trainScan.Rows, trainRows, testRows, declaredAt);
                if (task == ModelTask.BinaryClassification)
                    CheckBothClasses(RowCounter.CountTrue(testPart, selection.Label.Name).True, testRows, test.Path, declaredAt);
            }

            if (task == ModelTask.MulticlassClassification)
            {
                // Keys sorted by value: class order does not depend on row order, and predictions map back to values.
                var keys = ml.Transforms.Conversion.MapValueToKey(selection.Label.Name,
                    keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(trainPart);
                (trainPart, testPart) = (keys.Transform(trainPart), keys.Transform(testPart));
            }
            return new TrainingData(columns, selection, plan, trainPart, testPart, trainRows, testRows, train,
                trainScan, testScan, profile);
        }
        finally
        {
            // The keys spilled for the leakage check are done with once the test file has been read.
            trainScan.Dispose();
        }
    }

    /// <summary>The selection's columns as the whole file shows them (same places, final kinds).</summary>
    private static ColumnSelection Remap(ColumnSelection selection, IReadOnlyList<DataColumn> columns) => selection with
    {
        Label = columns[selection.Label.Index],
        Features = selection.Features.Select(f => columns[f.Index]).ToList(),
    };

    private static (IDataView Train, IDataView Test) Split(MLContext ml, IDataView data, TrainRequest request,
        Location declaredAt)
    {
        if (!(request.TestFraction > 0 && request.TestFraction < 1))
            throw new MlbException(MlbCodes.EmptySplit, declaredAt,
                $"TestFraction {request.TestFraction} leaves no {(request.TestFraction <= 0 ? "test" : "training")} " +
                "rows: set it between 0 and 1 (such as 0.2), or give TestData.");
        var split = ml.Data.TrainTestSplit(data, request.TestFraction, seed: request.Seed);
        return (split.TrainSet, split.TestSet);
    }

    private static void ThrowIfEmpty(TrainRequest request, string trainPath, long rows, long trainRows, long testRows,
        Location declaredAt)
    {
        if (trainRows == 0 || testRows == 0)
            throw new MlbException(MlbCodes.EmptySplit, declaredAt,
                $"TestFraction {request.TestFraction} splits the {rows} rows of '{trainPath}' into " +
                $"{trainRows} training and {testRows} test rows: choose a TestFraction that leaves rows on both " +
                "sides, or give TestData.");
    }

    // AUC and the per-class precisions are undefined without both classes: ML.NET's evaluator would throw.
    private static void CheckBothClasses(long positives, long rows, string? testPath, Location declaredAt)
    {
        if (positives > 0 && positives < rows)
            return;
        var which = positives == 0 ? "negative" : "positive";
        throw testPath is null
            ? new MlbException(MlbCodes.EmptySplit, declaredAt,
                $"the test set split off the training data holds only {which} rows ({rows}): raise TestFraction, " +
                "or give TestData with rows of both classes.")
            : new MlbException(MlbCodes.UnsuitableLabel, new Location(testPath),
                $"the test data holds only {which} rows ({rows}): evaluation needs rows of both classes; add some.");
    }
}
