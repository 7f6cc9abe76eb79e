using System.Globalization;
using MlBuild.Core.Declarations;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Gates;

/// <summary>
/// Turns MlGate items into <see cref="Gate"/>s, reporting every mistake with its element's line and the fix. A gate
/// with an error is left out: it is better to fail the build on the error than to evaluate half a gate.
/// </summary>
internal static class GateReader
{
    /// <param name="items">The MlGate items; each one's identity names a model.</param>
    /// <param name="projectFile">The project file, to point errors at the gate's element.</param>
    /// <param name="modelTasks">Each declared model's name and task (BinaryClassification…).</param>
    /// <param name="sliceColumns">The MlSlice items: a model and a column each.</param>
    /// <param name="problems">Receives the errors and warnings.</param>
    public static IReadOnlyList<Gate> Read(IEnumerable<DeclaredItem> items, string projectFile,
        IReadOnlyDictionary<string, string> modelTasks, IEnumerable<(string Model, string Column)> sliceColumns,
        List<GateProblem> problems)
    {
        var slices = sliceColumns.ToLookup(s => s.Model, s => s.Column, StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var gates = new List<Gate>();
        foreach (var item in items)
        {
            var identity = item.ItemSpec;
            var occurrence = occurrences[identity] = occurrences.GetValueOrDefault(identity, -1) + 1;
            var location = GateElementLocator.Find(projectFile, "MlGate", identity, occurrence);
            var countBefore = problems.Count(p => !p.IsWarning);
            var gate = ReadOne(item, location, modelTasks, slices, problems);
            if (gate is not null && problems.Count(p => !p.IsWarning) == countBefore)
                gates.Add(gate);
        }
        return gates;
    }

    private static Gate? ReadOne(DeclaredItem item, SourceLocation at, IReadOnlyDictionary<string, string> modelTasks,
        ILookup<string, string> slices, List<GateProblem> problems)
    {
        var identity = item.ItemSpec.Trim();
        string? Meta(string key) => item.GetMetadata(key) is { Length: > 0 } value ? value.Trim() : null;

        // A model's name in another case is still that model: MSBuild does not care, and neither should a gate.
        var model = modelTasks.Keys.FirstOrDefault(m => m == identity)
                    ?? modelTasks.Keys.FirstOrDefault(m => string.Equals(m, identity, StringComparison.OrdinalIgnoreCase));
        if (model is null)
        {
            problems.Add(new(MlbCodes.GateUnknownModel, at, modelTasks.Count == 0
                ? $"MlGate '{identity}' names no MlModel: this project declares none. Declare the model, or remove the gate."
                : $"MlGate '{identity}' names no MlModel of this project; its Include must be one of: {string.Join(", ", modelTasks.Keys.Order(StringComparer.Ordinal))}."));
            return null;
        }
        void Fail(string code, string message) => problems.Add(new(code, at, $"{model}: {message}"));

        WarnAboutUnknownMetadata(item, model, at, problems);
        var task = modelTasks[model];
        var slice = Meta(GateMetadata.Slice);
        var metric = ReadMetric(Meta(GateMetadata.Metric), task, slice is not null, Fail);

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var key in GateMetadata.Thresholds)
        {
            if (Meta(key) is { } text && ParseThreshold(key, text, Fail) is { } value)
                values[key] = value;
        }
        if (GateMetadata.Thresholds.All(key => Meta(key) is null))
            Fail(MlbCodes.GateWithoutThreshold,
                $"the gate on {metric?.Name ?? Meta(GateMetadata.Metric) ?? "its metric"} has no threshold. Set Min or Max (absolute), or MaxDecrease, MaxIncrease, MaxDecreasePercent or MaxIncreasePercent (against the baseline).");

        var onlyWhenSignificant = false;
        if (Meta(GateMetadata.OnlyWhenSignificant) is { } significantText && !bool.TryParse(significantText, out onlyWhenSignificant))
            Fail(MlbCodes.GateInvalidValue, $"OnlyWhenSignificant is '{significantText}'; use true or false.");

        if (slice is not null && !slices[model].Contains(slice, StringComparer.Ordinal))
        {
            var declared = slices[model].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            Fail(MlbCodes.GateUnknownSlice, declared.Count == 0
                ? $"Slice=\"{slice}\" names no sliced column: {model} has no MlSlice item. Add <MlSlice Include=\"{model}\" Column=\"{slice}\" />, or remove Slice to gate the whole test set."
                : $"Slice=\"{slice}\" names no MlSlice column of {model}; use one of: {string.Join(", ", declared)} (or add an MlSlice item for {slice}).");
        }

        if (metric is null)
            return null;
        var gate = new Gate
        {
            Model = model,
            Metric = metric,
            Slice = slice,
            Min = Get(values, GateMetadata.Min),
            Max = Get(values, GateMetadata.Max),
            MaxDecrease = Get(values, GateMetadata.MaxDecrease),
            MaxIncrease = Get(values, GateMetadata.MaxIncrease),
            MaxDecreasePercent = Get(values, GateMetadata.MaxDecreasePercent),
            MaxIncreasePercent = Get(values, GateMetadata.MaxIncreasePercent),
            OnlyWhenSignificant = onlyWhenSignificant,
            Location = at,
        };
        CheckFitsMetric(gate, Fail);
        return gate;
    }

    private static double? Get(Dictionary<string, double> values, string key) =>
        values.TryGetValue(key, out var value) ? value : null;

    private static MetricDefinition? ReadMetric(string? name, string task, bool onSlice, Action<string, string> fail)
    {
        var valid = MetricCatalog.ForTask(task).Where(m => !onSlice || !m.IsMeta).Select(m => m.Name).ToList();
        if (name is null)
        {
            fail(MlbCodes.GateUnknownMetric, $"set Metric to the metric to gate, one of: {string.Join(", ", valid)}.");
            return null;
        }
        var metric = MetricCatalog.Find(name);
        if (metric is null)
            fail(MlbCodes.GateUnknownMetric, $"unknown Metric '{name}'; a {task} model has: {string.Join(", ", valid)}.");
        else if (!metric.AppliesTo(task))
            fail(MlbCodes.GateUnknownMetric, $"{metric.Name} is not a metric of a {task} model (it belongs to {string.Join(" and ", metric.Tasks.Order())}); use one of: {string.Join(", ", valid)}.");
        else if (onSlice && metric.IsMeta)
            fail(MlbCodes.GateUnknownMetric, $"{metric.Name} is measured for the whole model, not per slice; a Slice gate takes one of: {string.Join(", ", valid)}.");
        else
            return metric;
        return null;
    }

    // Invariant culture only: "0,9" must not silently become 9 on one machine and 0.9 on another.
    private static double? ParseThreshold(string key, string text, Action<string, string> fail)
    {
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            var hint = text.Contains(',') && double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? $" write decimals with a point: {text.Replace(',', '.')}."
                : " write a number such as 0.9 (a point for decimals, no unit).";
            fail(MlbCodes.GateInvalidValue, $"{key} is '{text}', which is not a number;{hint}");
            return null;
        }
        if (key != GateMetadata.Min && key != GateMetadata.Max && value < 0)
        {
            fail(MlbCodes.GateInvalidValue, $"{key} is {text}; an allowed change cannot be negative. Use 0 to allow none, or Min/Max for a floor or a ceiling.");
            return null;
        }
        return value;
    }

    /// <summary>Thresholds that parse but cannot mean what the user wants for this metric.</summary>
    private static void CheckFitsMetric(Gate gate, Action<string, string> fail)
    {
        var metric = gate.Metric;
        if (gate.Min is { } min && gate.Max is { } max && min > max)
            fail(MlbCodes.GateInvalidValue, $"Min ({MetricFormat.Threshold(min)}) is above Max ({MetricFormat.Threshold(max)}): no value of {metric.Name} could pass.");

        // A user thinking in percent writes Min="90" for 90 % accuracy: that gate could never pass.
        if (metric.IsRate)
        {
            foreach (var (key, value) in new[] { (GateMetadata.Min, gate.Min), (GateMetadata.Max, gate.Max) })
            {
                if (value is > 1 or < 0)
                    fail(MlbCodes.GateInvalidValue, $"{key} is {MetricFormat.Threshold(value.Value)}, but {metric.Name} is a rate between 0 and 1: write {MetricFormat.Threshold(value.Value / 100)} for {MetricFormat.Threshold(value.Value)} %.");
            }
            foreach (var (key, value) in new[] { (GateMetadata.MaxDecrease, gate.MaxDecrease), (GateMetadata.MaxIncrease, gate.MaxIncrease) })
            {
                if (value is > 1)
                    fail(MlbCodes.GateInvalidValue, $"{key} is {MetricFormat.Threshold(value.Value)}, but {metric.Name} is a rate between 0 and 1: write {MetricFormat.Threshold(value.Value / 100)} for {MetricFormat.Threshold(value.Value)} percentage points, or use {key}Percent for a change relative to the baseline.");
            }
        }

        // Limiting how much a metric may improve is never the intent: the other direction was meant.
        void WrongWay(string written, string meant) => fail(MlbCodes.GateInvalidValue,
            $"{written} on {metric.Name} would limit an improvement ({(metric.Direction == MetricDirection.LowerIsBetter ? "lower" : "higher")} is better); a regression of {metric.Name} is an {metric.RegressionWord}: use {meant}.");
        if (metric.Direction == MetricDirection.LowerIsBetter)
        {
            if (gate.MaxDecrease is not null)
                WrongWay(GateMetadata.MaxDecrease, GateMetadata.MaxIncrease);
            if (gate.MaxDecreasePercent is not null)
                WrongWay(GateMetadata.MaxDecreasePercent, GateMetadata.MaxIncreasePercent);
        }
        else
        {
            if (gate.MaxIncrease is not null)
                WrongWay(GateMetadata.MaxIncrease, GateMetadata.MaxDecrease);
            if (gate.MaxIncreasePercent is not null)
                WrongWay(GateMetadata.MaxIncreasePercent, GateMetadata.MaxDecreasePercent);
        }

        if (gate.Slice is not null && gate.HasRelativeThreshold)
            fail(MlbCodes.GateInvalidValue, $"a Slice gate takes Min or Max only: the baseline's slices are not scored, so there is no change to limit. Gate the worst slice with Min/Max, or remove Slice.");
    }

    private static void WarnAboutUnknownMetadata(DeclaredItem item, string model, SourceLocation at, List<GateProblem> problems)
    {
        var unknown = item.MetadataNames
            .Where(key => !GateMetadata.All.Contains(key, StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
            problems.Add(new(MlbCodes.GateUnknownMetadata, at,
                $"{model}: MlGate has metadata MlBuild does not know: {string.Join(", ", unknown)} (a typo?). A gate takes: {string.Join(", ", GateMetadata.All)}.",
                IsWarning: true));
    }
}
