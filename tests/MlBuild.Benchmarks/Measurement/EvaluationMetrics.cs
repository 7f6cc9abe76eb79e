using System.Globalization;
using System.Text.Json.Nodes;

namespace MlBuild.Benchmarks.Measurement;

/// <summary>
/// A regression model's test-set metrics as MlBuild's Evaluate target writes them in
/// <c>obj/&lt;config&gt;/&lt;tfm&gt;/mlbuild/evaluation.json</c> (<c>models.&lt;name&gt;.metrics.&lt;metric&gt;</c>: the point
/// estimate as <c>value</c>, the bootstrap's 95% interval as <c>interval.low</c>/<c>interval.high</c>), with the number of
/// test rows.
/// </summary>
internal sealed record EvaluationMetrics(RegressionMetrics Point, IReadOnlyDictionary<string, (double Low, double High)> Intervals,
    int TestRows)
{
    public static EvaluationMetrics Read(string evaluationJson, string model)
    {
        var entry = JsonNode.Parse(File.ReadAllText(evaluationJson))?["models"]?[model]
            ?? throw new InvalidDataException($"{evaluationJson} has no model {model}.");
        var metrics = entry["metrics"]?.AsObject() ?? throw new InvalidDataException($"{evaluationJson} has no metrics for {model}.");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var intervals = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var (name, metric) in metrics)
        {
            if (metric?["value"] is { } value)
                values[name] = value.GetValue<double>();
            if (metric?["interval"] is { } interval)
                intervals[name] = (interval["low"]!.GetValue<double>(), interval["high"]!.GetValue<double>());
        }
        return new EvaluationMetrics(new RegressionMetrics(values), intervals, entry["testRows"]?.GetValue<int>() ?? 0);
    }

    /// <summary>The interval of a metric as "[low, high]" (4 significant digits), or "—" when it has none.</summary>
    public string IntervalText(string metric) => Intervals.TryGetValue(metric, out var i)
        ? $"[{i.Low.ToString("G4", CultureInfo.InvariantCulture)}, {i.High.ToString("G4", CultureInfo.InvariantCulture)}]"
        : "—";
}
