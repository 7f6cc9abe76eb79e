using System.Text.Json.Nodes;
using MlBuild.Protocol;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Reporting;

/// <summary>
/// evaluation.json: the whole evaluation for machines (the pull-request comment, dashboards, a later diff). Written
/// with <see cref="StableJson"/> (sorted keys, one value per line), so two evaluations diff cleanly. Numbers are
/// full precision; a value that is not finite (a percent change from 0) is null, as JSON has no infinity.
/// </summary>
internal static class EvaluationJson
{
    public const int FormatVersion = 1;

    public static string Serialize(EvaluationReport report)
    {
        var models = new JsonObject();
        foreach (var model in report.Models)
            models[model.Name] = Model(model, report);
        return StableJson.Serialize(new JsonObject
        {
            ["version"] = FormatVersion,
            ["passed"] = report.Passed,
            ["baseline"] = new JsonObject
            {
                ["description"] = report.BaselineDescription, ["commit"] = report.BaselineCommit, ["ref"] = report.BaselineRef,
            },
            ["candidate"] = report.Context.Candidate is { } candidate
                ? new JsonObject { ["commit"] = candidate.Sha, ["uncommittedChanges"] = candidate.HasUncommittedChanges }
                : null,
            ["pullRequest"] = report.Context.PullRequest,
            ["run"] = report.Context.RunUrl,
            ["models"] = models,
        });
    }

    private static JsonObject Model(ModelReport model, EvaluationReport report)
    {
        var evaluation = model.Evaluation;
        var result = evaluation.Result;
        var metrics = new JsonObject();
        var meta = new JsonObject();
        foreach (var comparison in evaluation.Metrics)
            (comparison.Metric.IsMeta ? meta : metrics)[comparison.Name] = Metric(comparison);
        return new JsonObject
        {
            ["task"] = evaluation.Task,
            ["passed"] = !model.Failed,
            ["baseline"] = new JsonObject
            {
                ["status"] = evaluation.BaselineStatus switch
                {
                    BaselineStatus.Paired => "paired",
                    BaselineStatus.Unpaired => "unpaired",
                    BaselineStatus.NotInBaseline => "not-in-baseline",
                    _ => "none",
                },
                ["description"] = ReportCells.BaselineText(evaluation, report.BaselineDescription),
                ["sameModel"] = evaluation.SameModelAsBaseline,
            },
            ["testRows"] = result?.TestRows,
            ["metrics"] = metrics,
            ["meta"] = meta,
            ["gates"] = new JsonArray(model.Outcomes.Select(o => (JsonNode?)Outcome(o)).ToArray()),
            ["slices"] = new JsonArray((result?.Slices ?? []).Select(s => (JsonNode?)Slice(s)).ToArray()),
            ["expectations"] = new JsonObject
            {
                ["checked"] = result?.ExpectationsChecked ?? 0,
                ["failed"] = new JsonArray((result?.FailedExpectations ?? []).Select(f => (JsonNode?)new JsonObject
                {
                    ["file"] = f.File, ["line"] = f.Line, ["expected"] = f.Expected, ["actual"] = f.Actual,
                }).ToArray()),
            },
            ["perClass"] = PerClass(result?.PerClass),
            ["confusion"] = result?.Confusion is { } confusion ? new JsonObject
            {
                ["classes"] = new JsonArray(confusion.Classes.Select(c => (JsonNode?)c).ToArray()),
                ["counts"] = new JsonArray(confusion.Counts.Select(row => (JsonNode?)new JsonArray(row.Select(n => (JsonNode?)n).ToArray())).ToArray()),
            } : null,
            ["paramsChanged"] = new JsonArray(
                (evaluation.TrainerChange is { } trainer ? [trainer, .. evaluation.ParamChanges] : evaluation.ParamChanges)
                .Select(p => (JsonNode?)new JsonObject { ["name"] = p.Name, ["baseline"] = p.Baseline, ["candidate"] = p.Candidate }).ToArray()),
            ["dataChanged"] = new JsonArray(evaluation.DataChanges.Select(d => (JsonNode?)new JsonObject
            {
                ["path"] = d.Path, ["role"] = d.Role, ["change"] = d.Kind.ToString().ToLowerInvariant(),
                ["baselineHash"] = d.BaselineHash, ["candidateHash"] = d.CandidateHash,
                ["baselineSize"] = d.BaselineSize, ["candidateSize"] = d.CandidateSize,
            }).ToArray()),
        };
    }

    private static JsonObject Metric(MetricComparison c) => new()
    {
        ["direction"] = c.Metric.Direction switch
        {
            MetricDirection.HigherIsBetter => "higher-is-better",
            MetricDirection.LowerIsBetter => "lower-is-better",
            _ => "unknown",
        },
        ["rate"] = c.Metric.IsRate,
        ["value"] = Number(c.Candidate),
        ["interval"] = Interval(c.CandidateInterval),
        ["baseline"] = Number(c.Baseline),
        ["baselineInterval"] = Interval(c.BaselineInterval),
        ["delta"] = Number(c.Delta),
        ["deltaInterval"] = Interval(c.DeltaInterval),
        ["deltaPercent"] = Number(c.DeltaPercent),
        ["significance"] = c.Significance switch
        {
            Significance.Significant => "significant",
            Significance.NotSignificant => "not-significant",
            Significance.Unknown => "unknown",
            _ => "no-baseline",
        },
        ["significanceReason"] = c.SignificanceReason,
    };

    private static JsonObject Outcome(GateOutcome o)
    {
        var json = new JsonObject
        {
            ["metric"] = o.Metric.Name,
            ["status"] = o.Status switch
            {
                GateStatus.Passed => "passed",
                GateStatus.Failed => "failed",
                GateStatus.NotEvaluated => "not-evaluated",
                _ => "warning",
            },
            ["code"] = o.Code,
            ["message"] = o.Message,
            ["value"] = Number(o.Value),
            ["baseline"] = Number(o.Baseline),
            ["location"] = Location(o.Location),
        };
        if (o.Gate is { } gate)
        {
            json["gate"] = new JsonObject
            {
                ["description"] = gate.Describe(),
                ["slice"] = gate.Slice,
                ["min"] = gate.Min, ["max"] = gate.Max,
                ["maxDecrease"] = gate.MaxDecrease, ["maxIncrease"] = gate.MaxIncrease,
                ["maxDecreasePercent"] = gate.MaxDecreasePercent, ["maxIncreasePercent"] = gate.MaxIncreasePercent,
                ["onlyWhenSignificant"] = gate.OnlyWhenSignificant,
            };
        }
        if (o.SliceValue is not null)
            json["sliceValue"] = o.SliceValue;
        return json;
    }

    private static JsonObject Slice(SliceResult slice) => new()
    {
        ["column"] = slice.Column,
        ["worst"] = slice.Worst,
        ["values"] = new JsonArray(slice.Values.Select(v => (JsonNode?)new JsonObject
        {
            ["value"] = v.Value,
            ["rows"] = v.Rows,
            ["metrics"] = new JsonObject(v.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)new JsonObject
            {
                ["value"] = Number(m.Value.Value), ["low"] = Number(m.Value.Low), ["high"] = Number(m.Value.High),
            }))),
        }).ToArray()),
    };

    private static JsonObject? PerClass(SortedDictionary<string, SortedDictionary<string, double>>? perClass) =>
        perClass is null ? null : new JsonObject(perClass.Select(c => KeyValuePair.Create(c.Key,
            (JsonNode?)new JsonObject(c.Value.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)Number(m.Value)))))));

    private static JsonObject Location(SourceLocation at) => new()
    {
        ["file"] = at.File, ["line"] = at.Line, ["column"] = at.Column,
    };

    private static JsonObject? Interval(ValueInterval? interval) => interval is null ? null
        : new JsonObject { ["low"] = Number(interval.Low), ["high"] = Number(interval.High) };

    private static JsonNode? Number(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;
}
