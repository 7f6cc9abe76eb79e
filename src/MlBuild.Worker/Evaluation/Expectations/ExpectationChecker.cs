using System.Globalization;
using Microsoft.ML;
using MlBuild.Protocol;
using MlBuild.Worker.Data;
using MlBuild.Worker.DataViews;
using MlBuild.Worker.Evaluation.Scoring;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Evaluation.Expectations;

/// <summary>
/// Scores every expectation's input with the model (all in one batch, as rows of the model's input schema) and
/// compares the answer: a regression's score must lie in the range; a classifier's predicted label (the data's own
/// values, as an application gets them) must be the class, compared as numbers when the label is numeric ("1" and 1.0
/// match), as true/false when it is boolean, and otherwise as text, case-sensitively.
/// </summary>
internal static class ExpectationChecker
{
    private const string PredictedLabel = "PredictedLabel";

    public static IReadOnlyList<ExpectationFailure> Check(ITransformer model, IReadOnlyList<Expectation> expectations,
        ModelTask task, TrainingData data)
    {
        if (expectations.Count == 0)
            return [];
        var scored = model.Transform(Inputs(expectations, data.Columns));
        var answers = task == ModelTask.Regression
            ? ColumnText.Read(scored, scored.Schema[PredictionReader.Score])
            : ClassesOf(ColumnText.Read(scored, scored.Schema[PredictedLabel]), task, data);
        var failures = new List<ExpectationFailure>();
        for (var i = 0; i < expectations.Count; i++)
        {
            var (expectation, answer) = (expectations[i], answers[i]);
            var passed = expectation.Expected switch
            {
                ExpectedRange range => range.Contains(Values.ToNumber(answer)),
                ExpectedClass expected => Matches(expected, answer, data.Selection.Label.Kind),
                _ => false,
            };
            if (!passed)
                failures.Add(new ExpectationFailure
                {
                    File = expectation.File,
                    Line = expectation.Line,
                    Expected = expectation.Expected.Describe(),
                    Actual = task == ModelTask.Regression ? Rounded(answer) : answer,
                });
        }
        return failures;
    }

    private static bool Matches(ExpectedClass expected, string answer, ColumnKind label) => label switch
    {
        ColumnKind.Numeric when expected.Number is { } number => Values.TryParseNumber(answer, out var value) && value == number,
        ColumnKind.Boolean when expected.Boolean is { } boolean => Values.TryParseBoolean(answer, out var value) && value == boolean,
        _ => string.Equals(expected.Text, answer, StringComparison.Ordinal),
    };

    // A binary classifier predicts true or false: reported as the data's classes ("yes", "1"…).
    private static string[] ClassesOf(string[] predicted, ModelTask task, TrainingData data) =>
        task == ModelTask.BinaryClassification && data.Label.ClassNames is [var negative, var positive]
            ? predicted.Select(p => p == "true" ? positive : p == "false" ? negative : p).ToArray()
            : predicted;

    // Six significant digits: enough to see by how much a range was missed.
    private static string Rounded(string score) =>
        Values.TryParseNumber(score, out var value) ? value.ToString("G6", CultureInfo.InvariantCulture) : score;

    /// <summary>The expectations as rows of the model's input schema (the raw columns), missing values where a line
    /// gives none.</summary>
    private static InMemoryDataView Inputs(IReadOnlyList<Expectation> expectations, IReadOnlyList<DataColumn> columns)
    {
        object ValueOf(Expectation e, DataColumn c) =>
            e.Input.TryGetValue(c, out var value) ? value : ExpectationParser.Missing(c.Kind);
        var viewColumns = columns.Select(column => column.Kind switch
        {
            ColumnKind.Numeric => (ViewColumn)ViewColumn.Of(column.Name, expectations.Select(e => (float)ValueOf(e, column)).ToArray()),
            ColumnKind.Boolean => ViewColumn.Of(column.Name, expectations.Select(e => (bool)ValueOf(e, column)).ToArray()),
            _ => ViewColumn.Of(column.Name, expectations.Select(e => (string)ValueOf(e, column)).ToArray()),
        }).ToList();
        return new InMemoryDataView(viewColumns, expectations.Count);
    }
}
