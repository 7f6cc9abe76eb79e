using System.Security.Cryptography;
using System.Text;
using MlBuild.Core.Packaging;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests.Packaging;

public sealed class EvaluationRecordTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private const string Evaluation = """
        {
          "baseline": { "description": "HEAD (0123456)" },
          "models": {
            "Iris": {
              "passed": true,
              "gates": [ { "metric": "MacroAccuracy", "status": "passed", "message": "ok", "value": 0.93, "baseline": 0.92,
                           "gate": { "description": ">= 0.9000", "slice": null } } ],
              "expectations": { "checked": 2, "failed": [] },
              "meta": { "PredictionLatencyP95Ms": { "value": 0.5, "interval": { "low": 0.4, "high": 0.6 } } }
            },
            "Taxi": {
              "passed": false,
              "gates": [ { "metric": "RSquared", "status": "failed", "message": "Taxi: RSquared 0.2 fell by 0.5", "gate": { "description": "MaxDecrease 0.01" } } ],
              "expectations": { "checked": 1, "failed": [ { "file": "e.jsonl", "line": 1 } ] },
              "meta": {}
            }
          }
        }
        """;

    private void Write(string evaluation, string? hash = null, params (string Model, string Fingerprint)[] models)
    {
        File.WriteAllText(Path.Combine(_directory.Path, EvaluationRecord.EvaluationFileName), evaluation);
        hash ??= Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(evaluation)));
        File.WriteAllLines(Path.Combine(_directory.Path, EvaluationRecord.StampFileName),
            [$"{EvaluationRecord.EvaluationKey}={hash}", .. models.Select(m => $"{m.Model}={m.Fingerprint}")]);
    }

    [Fact]
    public void The_gates_of_the_evaluated_model_are_read_when_its_fingerprint_matches()
    {
        Write(Evaluation, models: [("Iris", "f1"), ("Taxi", "f2")]);

        var verdict = EvaluationRecord.Read(_directory.Path).For("Iris", "f1");

        Assert.True(verdict.Passed);
        Assert.Empty(verdict.Failures);
        Assert.Equal("passed", verdict.Summary.Status);
        Assert.Equal("HEAD (0123456)", verdict.Summary.Baseline);
        var gate = verdict.Summary.Gates[0];
        Assert.Equal((">= 0.9000", "passed", 0.93), (gate.Gate, gate.Status, gate.Value));
        Assert.Equal((2, 0), (verdict.Summary.Expectations!.Checked, verdict.Summary.Expectations.Failed));
        Assert.Equal(0.6, verdict.Summary.Meta["PredictionLatencyP95Ms"].High);
    }

    [Fact]
    public void Failed_gates_and_expectations_are_the_failures()
    {
        Write(Evaluation, models: [("Iris", "f1"), ("Taxi", "f2")]);

        var verdict = EvaluationRecord.Read(_directory.Path).For("Taxi", "f2");

        Assert.False(verdict.Passed);
        Assert.Equal(["Taxi: RSquared 0.2 fell by 0.5", "1 expectation(s) failed"], verdict.Failures);
        Assert.Equal("failed", verdict.Summary.Status);
    }

    [Fact]
    public void Another_version_of_the_model_was_not_evaluated()
    {
        Write(Evaluation, models: [("Iris", "old")]);

        var verdict = EvaluationRecord.Read(_directory.Path).For("Iris", "new");

        Assert.Null(verdict.Passed);
        Assert.Equal("not-evaluated", verdict.Summary.Status);
        Assert.Contains("fingerprint old", verdict.Summary.Reason);
    }

    [Fact]
    public void A_stamp_of_another_evaluation_json_means_no_evaluation()
    {
        Write(Evaluation, hash: "ABCDEF", models: [("Iris", "f1")]);

        var verdict = EvaluationRecord.Read(_directory.Path).For("Iris", "f1");

        Assert.Null(verdict.Passed);
        Assert.Contains("did not finish", verdict.Summary.Reason);
    }

    [Fact]
    public void Without_an_evaluation_the_reason_says_to_run_evaluate()
    {
        var verdict = EvaluationRecord.Read(_directory.Path).For("Iris", "f1");

        Assert.Null(verdict.Passed);
        Assert.Contains("dotnet build -t:Evaluate", verdict.Summary.Reason);
    }

    [Fact]
    public void A_model_missing_from_the_evaluation_was_not_evaluated()
    {
        Write(Evaluation, models: [("Iris", "f1")]);

        Assert.Null(EvaluationRecord.Read(_directory.Path).For("Heart", "f3").Passed);
    }

    public void Dispose() => _directory.Dispose();
}
