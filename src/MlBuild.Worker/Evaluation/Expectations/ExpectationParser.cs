using System.Globalization;
using System.Text.Json;
using MlBuild.Protocol;
using MlBuild.Worker.Data;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Evaluation.Expectations;

/// <summary>
/// Reads expectation files: each non-blank line a JSON object <c>{"input": {"column": value, …}, "expect": …}</c>, where
/// expect is a class (a string, a number or a boolean) for a classifier, or <c>{"min": x, "max": y}</c> (either bound
/// may be left out) for a regression. Input values must suit their column: a number (or numeric text) for a numeric
/// column, true/false for a boolean one, text (or a number or boolean, taken as written) for a text or categorical one;
/// null, or a column left out, is a missing value. Other properties of a line are ignored (a "note", say). A line that
/// breaks these rules is an MLB5004 error at its file and line, not a failed expectation: it could never pass.
/// </summary>
internal static class ExpectationParser
{
    public static IReadOnlyList<Expectation> Read(IReadOnlyList<ExpectationRequest> files, IReadOnlyList<DataColumn> columns,
        ModelTask task)
    {
        var bag = new DiagnosticBag();
        var expectations = new List<Expectation>();
        foreach (var file in files)
        {
            if (!File.Exists(file.File))
                throw new MlbException(MlbCodes.FileNotFound, new Location(file.ProjectFile, Math.Max(0, file.ItemLine)),
                    $"the expectation file '{file.File}' does not exist: fix the path in the MlExpectation item.");
            var number = 0;
            foreach (var line in File.ReadLines(file.File))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                try
                {
                    expectations.Add(Parse(file.File, number, line, columns, task));
                }
                catch (InvalidExpectationException e)
                {
                    bag.Add(MlbCodes.InvalidExpectation, new Location(file.File, number), e.Message);
                }
                if (bag.IsFull)
                    break;
            }
        }
        bag.ThrowIfAny();
        return expectations;
    }

    private static Expectation Parse(string file, int line, string text, IReadOnlyList<DataColumn> columns, ModelTask task)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidExpectationException(
                $"this line is not JSON ({e.Message}): write one object per line, like {Example(task)}.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("expect", out var expect))
                throw new InvalidExpectationException(
                    $"an expectation is an object with an \"input\" object and an \"expect\" value, like {Example(task)}.");
            return new Expectation(file, line, Inputs(input, columns), Expected(expect, task));
        }
    }

    private static Dictionary<DataColumn, object> Inputs(JsonElement input, IReadOnlyList<DataColumn> columns)
    {
        var values = new Dictionary<DataColumn, object>();
        foreach (var property in input.EnumerateObject())
        {
            var column = ColumnSelection.Find(columns, property.Name) ?? throw new InvalidExpectationException(
                $"the input names '{property.Name}', which is not a column of the model's data (columns: " +
                $"{string.Join(", ", columns.Select(c => c.Name))}): fix the name.");
            values[column] = Value(column, property.Value) ?? throw new InvalidExpectationException(
                $"the input '{property.Name}' is {property.Value.GetRawText()}, which does not suit its " +
                $"{column.Kind.ToString().ToLowerInvariant()} column: {Hint(column.Kind)}.");
        }
        return values;
    }

    /// <returns>The value as its column holds it (float, bool or string), or null when it does not suit the column.</returns>
    private static object? Value(DataColumn column, JsonElement value) => (column.Kind, value.ValueKind) switch
    {
        (_, JsonValueKind.Null) => Missing(column.Kind),
        (ColumnKind.Numeric, JsonValueKind.Number) => value.TryGetDouble(out var d) && float.IsFinite((float)d) ? (float)d : null,
        (ColumnKind.Numeric, JsonValueKind.String) => Values.IsMissing(value.GetString()!) ? float.NaN
            : Values.TryParseNumber(value.GetString()!, out var f) ? f : null,
        (ColumnKind.Boolean, JsonValueKind.True or JsonValueKind.False) => value.GetBoolean(),
        (ColumnKind.Boolean, JsonValueKind.String) => Values.TryParseBoolean(value.GetString()!, out var b) ? b : null,
        (ColumnKind.Categorical or ColumnKind.Text, JsonValueKind.String) => value.GetString(),
        (ColumnKind.Categorical or ColumnKind.Text, JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False) =>
            value.GetRawText(),
        _ => null,
    };

    /// <summary>A missing value as the data loader makes one: NaN, false (a boolean column has none), or empty text.</summary>
    public static object Missing(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => float.NaN,
        ColumnKind.Boolean => false,
        _ => "",
    };

    private static Expected Expected(JsonElement expect, ModelTask task)
    {
        if (task == ModelTask.Regression)
            return Range(expect);
        return expect.ValueKind switch
        {
            JsonValueKind.String => Class(expect.GetString()!),
            JsonValueKind.Number => Class(expect.GetRawText()),
            JsonValueKind.True or JsonValueKind.False => new ExpectedClass(expect.GetRawText(), null, expect.GetBoolean()),
            JsonValueKind.Object => throw new InvalidExpectationException(
                "\"expect\" is a range, but the model is a classifier: give the class it must predict, like \"expect\": \"yes\"."),
            _ => throw new InvalidExpectationException(
                $"\"expect\" is {expect.GetRawText()}: give the class the model must predict (a string, number or boolean)."),
        };
    }

    private static ExpectedClass Class(string text) => new(text,
        Values.TryParseNumber(text, out var number) ? number : null,
        Values.TryParseBoolean(text, out var boolean) ? boolean : null);

    private static ExpectedRange Range(JsonElement expect)
    {
        const string hint = "a regression's expectation is a range: \"expect\": {\"min\": 10, \"max\": 20} (either bound may be left out)";
        if (expect.ValueKind != JsonValueKind.Object)
            throw new InvalidExpectationException($"\"expect\" is {expect.GetRawText()}, but {hint}.");
        double? Bound(string name)
        {
            if (!expect.TryGetProperty(name, out var bound) || bound.ValueKind == JsonValueKind.Null)
                return null;
            return bound.ValueKind == JsonValueKind.Number && bound.TryGetDouble(out var value) && double.IsFinite(value)
                ? value
                : throw new InvalidExpectationException($"\"{name}\" is {bound.GetRawText()}, not a number: {hint}.");
        }
        var unknown = expect.EnumerateObject().Select(p => p.Name).Where(n => n is not ("min" or "max")).ToList();
        if (unknown.Count > 0)
            throw new InvalidExpectationException($"\"expect\" has {string.Join(", ", unknown.Select(n => $"\"{n}\""))}: {hint}.");
        var (min, max) = (Bound("min"), Bound("max"));
        if (min is null && max is null)
            throw new InvalidExpectationException($"\"expect\" has neither \"min\" nor \"max\": {hint}.");
        if (min > max)
            throw new InvalidExpectationException(
                $"\"min\" ({min.Value.ToString(CultureInfo.InvariantCulture)}) is above \"max\" " +
                $"({max!.Value.ToString(CultureInfo.InvariantCulture)}): no prediction could pass; swap them.");
        return new ExpectedRange(min, max);
    }

    private static string Hint(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "give a number, or null for a missing value",
        ColumnKind.Boolean => "give true or false",
        _ => "give a string",
    };

    private static string Example(ModelTask task) => task == ModelTask.Regression
        ? """{"input": {"distance": 3.5}, "expect": {"min": 10, "max": 20}}"""
        : """{"input": {"text": "great!"}, "expect": "positive"}""";

    private sealed class InvalidExpectationException(string message) : Exception(message);
}
